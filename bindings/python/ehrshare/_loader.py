# SPDX-License-Identifier: Apache-2.0
"""Finds and loads libehrshare.so.

Order: the EHRSHARE_LIB environment variable (a path to the .so); a SwiftPM
build folder (.build/release, then .build/debug) found by walking up from the
current directory and from this file; then the system loader's search path.
"""
import ctypes
import ctypes.util
import os
from pathlib import Path

_NAME = "libehrshare.so"


def _candidates():
    env = os.environ.get("EHRSHARE_LIB")
    if env:
        yield Path(env)
        return
    starts = [Path.cwd(), Path(__file__).resolve().parent]
    seen = set()
    for start in starts:
        for folder in [start, *start.parents]:
            for sub in (".build/release", ".build/debug"):
                p = folder / sub / _NAME
                if p not in seen:
                    seen.add(p)
                    yield p
    found = ctypes.util.find_library("ehrshare")
    if found:
        yield Path(found)


def load() -> ctypes.CDLL:
    """Returns the loaded library or raises OSError naming every place tried."""
    tried = []
    for path in _candidates():
        tried.append(str(path))
        if path.is_absolute() and not path.exists():
            continue
        try:
            return ctypes.CDLL(str(path))
        except OSError as exc:
            tried[-1] += f" ({exc})"
    raise OSError(
        "libehrshare.so not found; build it with `swift build -c release` "
        "or set EHRSHARE_LIB to its path. Tried: " + "; ".join(tried)
    )
