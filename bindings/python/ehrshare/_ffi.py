# SPDX-License-Identifier: Apache-2.0
"""ctypes declarations: argtypes and restype for every exported ehr_* function.

Every declaration mirrors include/ehrshare.h; tests check that the set of
names here equals the set the header declares.
"""
import ctypes
from ctypes import c_char_p, c_int, c_size_t, c_uint8, c_uint32, POINTER

from ._loader import load

lib = load()

ehr_status = c_int
u8p = POINTER(c_uint8)
size_tp = POINTER(c_size_t)

# name: (restype, [argtypes])
DECLARATIONS = {
    # Library
    "ehr_init": (ehr_status, [c_uint32]),
    "ehr_version_string": (c_char_p, []),
    "ehr_abi_version": (c_uint32, []),
    "ehr_status_string": (c_char_p, [ehr_status]),
    "ehr_last_error_message": (c_char_p, []),
}

for _name, (_res, _args) in DECLARATIONS.items():
    _fn = getattr(lib, _name)
    _fn.restype = _res
    _fn.argtypes = _args
