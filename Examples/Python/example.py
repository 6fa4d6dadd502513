#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A Python host of libehrshare through the ctypes package in bindings/python.

Run after `swift build -c release` and `pip install ./bindings/python`
(or with EHRSHARE_LIB pointing at libehrshare.so). Prints deterministic
lines so the test command can compare them with example.exp.
"""
import ehrshare
from ehrshare import EhrError, Status
from ehrshare.bls import G1, G2, GT, Scalar, pairing


def main() -> int:
    print(f"libehrshare {ehrshare.version()} (ABI {ehrshare.abi_version()})")
    print("status 16 is", ehrshare.status_string(Status.ERR_SUBGROUP))
    try:
        ehrshare.check(ehrshare._ffi.lib.ehr_init(ehrshare.ABI_VERSION + 1))
    except EhrError as err:
        print("wrong ABI refused:", err.status.name)
    a = Scalar.random()
    ok = pairing(a * G1.generator(), G2.generator()) == GT.generator() ** a
    print("e(a*g1, g2) == e(g1, g2)^a:", ok)
    q = G1.hash(b"patient:alice", b"EHRSHARE-V1-H1ENC_BLS12381G1_XMD:SHA-256_SSWU_RO_")
    print("H1e(patient:alice) =", q.to_bytes()[:4].hex() + "...")
    bad = bytes([q.to_bytes()[0] & 0x7F]) + q.to_bytes()[1:]
    try:
        G1(bad)
    except EhrError as err:
        print("malformed point refused:", err.status.name, "-", err.message)
    if not ok:
        print("some checks FAILED")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
