# SPDX-License-Identifier: Apache-2.0
"""The exported C ABI of libehrshare.so is exactly what include/ehrshare.h declares."""
import shutil
import subprocess

import pytest

from ehrshare import _ffi

from conftest import header_functions


def exported_symbols():
    """Defined dynamic symbols with global or weak binding: the ones another
    object can bind to. nm prints their type letter in upper case; the
    lower-case ones are local (the version script demoted them) and are
    invisible to the dynamic linker."""
    nm = shutil.which("nm")
    if nm is None:
        pytest.fail("nm (binutils) is required for the export check")
    out = subprocess.run([nm, "-D", "--defined-only", _ffi.lib._name],
                         check=True, capture_output=True, text=True).stdout
    rows = [line.split() for line in out.splitlines() if line.strip()]
    return [r[-1] for r in rows if len(r) >= 3 and r[-2].isupper()]


def test_exported_ehr_symbols_equal_header(header_text):
    exported = {s for s in exported_symbols() if s.startswith("ehr_")}
    declared = header_functions(header_text)
    assert exported == declared, (
        f"exported but not declared: {sorted(exported - declared)}; "
        f"declared but not exported: {sorted(declared - exported)}")


def test_nothing_but_the_c_abi_is_exported():
    # A global Swift symbol would let a host bind to internals (and clash
    # with another Swift runtime in the same process).
    exported = exported_symbols()
    assert exported and all(name.startswith("ehr_") for name in exported), \
        [s for s in exported if not s.startswith("ehr_")]
