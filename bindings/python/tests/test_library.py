# SPDX-License-Identifier: Apache-2.0
import ctypes
import re
import threading

import pytest

import ehrshare
from ehrshare import EhrError, Status, _ffi
from ehrshare._core import check

from conftest import header_functions


def test_version_matches_header(header_text):
    m = re.search(r'#define EHR_VERSION_STRING "([^"]+)"', header_text)
    assert m and ehrshare.version() == m.group(1)
    m = re.search(r"#define EHR_ABI_VERSION (\d+)", header_text)
    assert m and ehrshare.abi_version() == int(m.group(1)) == ehrshare.ABI_VERSION


def test_abi_mismatch_raises_with_message():
    with pytest.raises(EhrError) as info:
        check(_ffi.lib.ehr_init(ehrshare.ABI_VERSION + 7))
    assert info.value.status == Status.ERR_ABI_MISMATCH
    assert "ABI version" in info.value.message
    check(_ffi.lib.ehr_init(ehrshare.ABI_VERSION))
    assert _ffi.lib.ehr_last_error_message() == b""


def test_status_numbers_match_header(header_text):
    body = re.search(r"typedef enum ehr_status \{(.*?)\} ehr_status;", header_text, re.S).group(1)
    body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)
    declared = {name: int(num) for name, num in re.findall(r"EHR_(\w+)\s*=\s*(\d+)", body)}
    assert declared == {s.name: s.value for s in Status}
    for name, num in declared.items():
        assert ehrshare.status_string(num) == "EHR_" + name
    assert ehrshare.status_string(4242) == "EHR_ERR_UNKNOWN"


def test_every_header_function_is_declared_in_python(header_text):
    assert set(_ffi.DECLARATIONS) == header_functions(header_text)


def test_last_error_is_thread_local():
    assert _ffi.lib.ehr_init(999) == Status.ERR_ABI_MISMATCH
    seen = []
    t = threading.Thread(target=lambda: seen.append(_ffi.lib.ehr_last_error_message()))
    t.start()
    t.join()
    assert seen == [b""]
    assert b"ABI" in _ffi.lib.ehr_last_error_message()
