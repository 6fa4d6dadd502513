#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A Python host of libehrshare through the ctypes package in bindings/python.

Run after `swift build -c release` and `pip install ./bindings/python`
(or with EHRSHARE_LIB pointing at libehrshare.so). Prints deterministic
lines so the test command can compare them with example.exp.
"""
import ehrshare
from ehrshare import EhrError, Status


def main() -> int:
    print(f"libehrshare {ehrshare.version()} (ABI {ehrshare.abi_version()})")
    print("status 16 is", ehrshare.status_string(Status.ERR_SUBGROUP))
    try:
        ehrshare.check(ehrshare._ffi.lib.ehr_init(ehrshare.ABI_VERSION + 1))
    except EhrError as err:
        print("wrong ABI refused:", err.status.name)
    print("all checks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
