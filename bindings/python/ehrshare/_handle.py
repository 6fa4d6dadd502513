# SPDX-License-Identifier: Apache-2.0
"""The one base class of every Python object that owns a library handle.

Each subclass names its C destructor in `_free_name` (one class per C handle
kind). A closed handle is passed to the library as NULL, which reports
EHR_ERR_NULL_POINTER: raising from `_as_parameter_` instead would reach the
caller wrapped in ctypes.ArgumentError, and passing NULL keeps one behaviour
for every handle (the library checks the kind of every non-NULL handle)."""
import ctypes
from typing import Optional

from . import _ffi
from ._core import check


class Handle:
    """Owns one ehr_* handle and releases it exactly once (close, `with`, or
    garbage collection); the library wipes secrets on release."""
    _free_name = ""

    def __init__(self, ptr: Optional[ctypes.c_void_p] = None):
        self._ptr = ptr if ptr is not None else ctypes.c_void_p()

    @classmethod
    def _create(cls, fn, *args):
        """Calls fn(&out, *args) and wraps the new handle without running the
        subclass's __init__ (which may take other arguments)."""
        ptr = ctypes.c_void_p()
        check(fn(ctypes.byref(ptr), *args))
        obj = cls.__new__(cls)
        Handle.__init__(obj, ptr)
        return obj

    @property
    def _h(self) -> ctypes.c_void_p:
        return self._ptr

    @property
    def _as_parameter_(self):
        return self._ptr

    @property
    def closed(self) -> bool:
        return not getattr(self, "_ptr", None)

    def close(self) -> None:
        """Releases the handle; later calls are harmless (it is forgotten first)."""
        ptr = getattr(self, "_ptr", None)
        self._ptr = ctypes.c_void_p()
        if ptr:
            getattr(_ffi.lib, type(self)._free_name)(ptr)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self):
        # At interpreter shutdown the library or the class may already be gone.
        try:
            self.close()
        except Exception:
            pass


__all__ = ["Handle"]
