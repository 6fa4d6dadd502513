# SPDX-License-Identifier: Apache-2.0
"""Shared helpers: status checking and buffer handling for ehr_* calls."""
import ctypes

from . import _ffi
from .errors import EhrError, Status

#: The ABI this package was written for (EHR_ABI_VERSION in include/ehrshare.h).
ABI_VERSION = 2


def check(status: int) -> None:
    """Raises EhrError with the thread's last error message unless status is EHR_OK."""
    if status != Status.OK:
        raw = _ffi.lib.ehr_last_error_message()
        raise EhrError(status, raw.decode("utf-8", "replace") if raw else "")


def in_buf(data: bytes):
    """A read-only view of `data` as (uint8_t *, size_t) for an input argument."""
    data = bytes(data)
    arr = (ctypes.c_uint8 * max(len(data), 1)).from_buffer_copy(data or b"\0")
    return arr, len(data)


def out_fixed(size: int):
    return (ctypes.c_uint8 * size)()


def call_variable(fn, *args_before, args_after=()):
    """Calls fn(*args_before, out, out_cap, &out_len, *args_after) twice if needed:
    first to learn the size (out = NULL), then with a buffer of that size."""
    out_len = ctypes.c_size_t(0)
    status = fn(*args_before, None, 0, ctypes.byref(out_len), *args_after)
    if status not in (Status.OK, Status.ERR_BUFFER_TOO_SMALL):
        check(status)
    size = out_len.value
    buf = (ctypes.c_uint8 * max(size, 1))()
    check(fn(*args_before, buf, size, ctypes.byref(out_len), *args_after))
    return bytes(buf[: out_len.value])
