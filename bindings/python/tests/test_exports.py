# SPDX-License-Identifier: Apache-2.0
"""The exported C ABI of libehrshare.so is exactly what include/ehrshare.h declares."""
import shutil
import subprocess

import pytest

from ehrshare import _ffi

from conftest import header_functions


def exported_symbols():
    nm = shutil.which("nm")
    if nm is None:
        pytest.fail("nm (binutils) is required for the export check")
    out = subprocess.run([nm, "-D", "--defined-only", _ffi.lib._name],
                         check=True, capture_output=True, text=True).stdout
    return [line.split()[-1] for line in out.splitlines() if line.strip()]


def test_exported_ehr_symbols_equal_header(header_text):
    exported = {s for s in exported_symbols() if s.startswith("ehr_")}
    declared = header_functions(header_text)
    assert exported == declared, (
        f"exported but not declared: {sorted(exported - declared)}; "
        f"declared but not exported: {sorted(declared - exported)}")


def test_only_c_abi_functions_are_exported_as_code():
    # Text (code) symbols other than ehr_* would let a host bind to internals.
    nm = shutil.which("nm")
    out = subprocess.run([nm, "-D", "--defined-only", _ffi.lib._name],
                         check=True, capture_output=True, text=True).stdout
    code = [l.split()[-1] for l in out.splitlines() if len(l.split()) == 3 and l.split()[1] in "TtWi"]
    assert code and all(name.startswith("ehr_") for name in code), code
