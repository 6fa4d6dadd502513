# SPDX-License-Identifier: Apache-2.0
"""EhrError and the permanent status numbers of include/ehrshare.h."""
import enum


class Status(enum.IntEnum):
    OK = 0
    ERR_NULL_POINTER = 1
    ERR_BUFFER_TOO_SMALL = 2
    ERR_ABI_MISMATCH = 3
    ERR_PARAM = 4
    ERR_STATE = 5
    ERR_LENGTH = 10
    ERR_MAGIC = 11
    ERR_VERSION = 12
    ERR_TYPE = 13
    ERR_SCALAR = 14
    ERR_ENCODING = 15
    ERR_SUBGROUP = 16
    ERR_IDENTITY = 17
    ERR_VERIFY = 20
    ERR_DECRYPT = 21
    ERR_INVALID_CT = 22
    ERR_STALE = 23
    ERR_REPLAY = 24
    ERR_POLICY = 25
    ERR_LEDGER_REJECTED = 30
    ERR_STORAGE = 31
    ERR_CORRUPT = 32
    ERR_NOT_FOUND = 33
    ERR_RANDOM = 40
    ERR_INTERNAL = 99


class EhrError(Exception):
    """A failed libehrshare call: `status` (a Status) and the library's message."""

    def __init__(self, status: int, message: str):
        try:
            self.status = Status(status)
        except ValueError:
            self.status = status
        self.message = message
        name = self.status.name if isinstance(self.status, Status) else str(status)
        super().__init__(f"{name}: {message}" if message else name)
