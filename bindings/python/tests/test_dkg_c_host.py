# SPDX-License-Identifier: Apache-2.0
"""A C host runs a whole DKG and threshold issuance through the header and
the .so (dkg_host.c), compiled with strict flags so that the header's DKG
section is checked as C too."""
import shutil
import subprocess
from pathlib import Path

import pytest

from ehrshare import _ffi

from conftest import ROOT


def test_c_host_runs_a_dkg_and_combines_keys(tmp_path: Path):
    gcc = shutil.which("gcc") or shutil.which("cc")
    if gcc is None:
        pytest.fail("a C compiler (gcc) is required for the C host test")
    libdir = str(Path(_ffi.lib._name).resolve().parent)
    exe = tmp_path / "dkg_host"
    subprocess.run([gcc, "-std=c11", "-Wall", "-Wextra", "-Werror", "-pedantic", f"-I{ROOT / 'include'}",
                    str(Path(__file__).with_name("dkg_host.c")), f"-L{libdir}", "-lehrshare",
                    f"-Wl,-rpath,{libdir}", "-o", str(exe)], check=True, capture_output=True, text=True)
    run = subprocess.run([str(exe)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.splitlines() == [
        f"ok: 3 authorities agree on PARAMS ({138 + 96 * 3} bytes)",
        "ok: 3 partial keys verify",
        "ok: every pair of partial keys gives the same identity key",
        "ok: t - 1 partial keys -> EHR_ERR_PARAM",
    ]
