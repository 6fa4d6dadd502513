# SPDX-License-Identifier: Apache-2.0
"""Python bindings for libehrshare (ctypes).

Importing the package loads libehrshare.so (see `_loader`) and calls
ehr_init(ABI_VERSION), so a mismatched library fails at import with EhrError.
"""
from . import _ffi
from ._core import ABI_VERSION, check
from .errors import EhrError, Status

check(_ffi.lib.ehr_init(ABI_VERSION))


def version() -> str:
    """The library's version string, e.g. "0.2.0"."""
    return _ffi.lib.ehr_version_string().decode()


def abi_version() -> int:
    return int(_ffi.lib.ehr_abi_version())


def status_string(status: int) -> str:
    """The name of a status number, e.g. "EHR_ERR_LENGTH"."""
    return _ffi.lib.ehr_status_string(int(status)).decode()


__all__ = ["ABI_VERSION", "EhrError", "Status", "version", "abi_version", "status_string"]
