# SPDX-License-Identifier: Apache-2.0
"""ctypes declarations: argtypes and restype for every exported ehr_* function.

Each section of include/ehrshare.h has a module `_decl_<section>.py` holding
a DECLARATIONS dict {name: (restype, [argtypes])}; they are merged here and
applied to the loaded library. Tests check that the merged names equal the
functions the header declares and the symbols the library exports.
"""
import importlib
import pkgutil
from pathlib import Path

from ._loader import load

lib = load()

DECLARATIONS = {}
for _mod in sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])):
    if _mod.startswith("_decl_"):
        DECLARATIONS.update(importlib.import_module(f"{__package__}.{_mod}").DECLARATIONS)

for _name, (_res, _args) in DECLARATIONS.items():
    _fn = getattr(lib, _name)
    _fn.restype = _res
    _fn.argtypes = _args
