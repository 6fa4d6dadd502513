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


def test_every_symbol_is_declared_in_exactly_one_header(header_texts):
    exported = {s for s in exported_symbols() if s.startswith("ehr_")}
    owners = {}
    for name, text in header_texts.items():
        for fn in header_functions(text):
            owners.setdefault(fn, []).append(name)
    twice = {fn: hs for fn, hs in owners.items() if len(hs) != 1}
    assert not twice, twice
    assert exported == set(owners), sorted(exported ^ set(owners))


def test_every_header_symbol_is_wrapped_by_the_python_package(header_text):
    declared = header_functions(header_text)
    wrapped = set(_ffi.DECLARATIONS)
    assert declared <= wrapped, sorted(declared - wrapped)
    assert wrapped <= declared, sorted(wrapped - declared)


def test_base_and_pre_headers_compile_alone_under_pedantic_c11(tmp_path):
    cc = shutil.which("cc")
    if cc is None:
        pytest.fail("a C compiler (cc) is required for the header check")
    from conftest import ROOT
    src = tmp_path / "only_pre.c"
    src.write_text(
        '#include "ehrshare.h"\n#include "ehrshare_pre.h"\n'
        "int main(void) {\n"
        "    ehr_pre_context *ctx = NULL;\n"
        "    ehr_identity_key *key = NULL;\n"
        "    size_t n = ehr_record_context_max_bytes() + EHR_GT_BYTES;\n"
        "    ehr_pre_context_free(ctx);\n"
        "    ehr_identity_key_free(key);\n"
        "    return n == 0;\n"
        "}\n")
    r = subprocess.run([cc, "-std=c11", "-Werror", "-Wall", "-Wextra", "-pedantic",
                        "-I", str(ROOT / "include"), "-c", str(src), "-o", str(tmp_path / "o.o")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
