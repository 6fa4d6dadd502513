# SPDX-License-Identifier: Apache-2.0
"""The proxy re-encryption section of include/ehrshare.h from C: Examples/C/pre.c
compiles warning-free (-Wall -Wextra -Werror -pedantic, with the EHR_NONNULL
attributes active) against the header, links against the library under test
and prints exactly Examples/C/pre.exp."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ehrshare import _ffi

ROOT = Path(__file__).resolve().parents[3]


def test_c_host_of_the_pre_section(tmp_path):
    cc = shutil.which("gcc") or shutil.which("cc")
    if cc is None:
        pytest.fail("a C compiler (gcc) is required to check the header from C")
    lib = Path(_ffi.lib._name).resolve()
    exe = tmp_path / "pre"
    subprocess.run([cc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic",
                    f"-I{ROOT / 'include'}", str(ROOT / "Examples" / "C" / "pre.c"),
                    str(lib), f"-Wl,-rpath,{lib.parent}", "-o", str(exe)],
                   check=True, capture_output=True, text=True)
    run = subprocess.run([str(exe)], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "LD_LIBRARY_PATH": str(lib.parent)})
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout == (ROOT / "Examples" / "C" / "pre.exp").read_text()
