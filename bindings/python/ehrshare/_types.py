# SPDX-License-Identifier: Apache-2.0
"""C types shared by the ctypes declaration modules."""
from ctypes import POINTER, c_int, c_size_t, c_uint8, c_void_p

ehr_status = c_int
u8p = POINTER(c_uint8)
size_tp = POINTER(c_size_t)
#: Opaque handles (ehr_* structs) travel as void pointers.
handle = c_void_p
handlep = POINTER(c_void_p)
