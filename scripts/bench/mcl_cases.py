#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""libehrshare's BLS12-381 primitives beside mcl (pymcl): the cases of `side_by_side.py bls`.

Both sides run in the same process, on the same inputs, through Python: ours through ctypes
(bytes in, bytes out: every call decodes and fully validates its inputs, including subgroup
checks, and encodes its output), mcl through pymcl in two ways: on live objects ("mcl obj") and
bytes to bytes ("mcl bytes": deserialize, operate, serialize, in mcl's own format). Both sides get
the same values: mcl scalars are our 32 bytes reversed. No timing code here: side_by_side.py times.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bindings" / "python"))

import ctypes  # noqa: E402

import pymcl  # noqa: E402

from ehrshare import _ffi  # noqa: E402
from ehrshare.bls import G1, G2, GT, Scalar  # noqa: E402

lib = _ffi.lib
DST1 = b"EHRSHARE-V1-H1ENC_BLS12381G1_XMD:SHA-256_SSWU_RO_"
DST2 = b"EHRSHARE-V1-PEDERSEN_BLS12381G2_XMD:SHA-256_SSWU_RO_"


def arr(b: bytes):
    return (ctypes.c_uint8 * len(b)).from_buffer_copy(b)


def cases():
    k = Scalar.random()
    kb = arr(k.to_bytes())
    p = k * G1.generator()
    q = k * G2.generator()
    e = GT.generator() ** k
    pb, qb, eb = arr(p.to_bytes()), arr(q.to_bytes()), arr(e.to_bytes())
    k2, k3 = Scalar.random(), Scalar.random()
    p2 = arr((k2 * G1.generator()).to_bytes())
    q2 = arr((k3 * G2.generator()).to_bytes())
    ps2 = arr(p.to_bytes() + bytes(p2))
    qs2 = arr(q.to_bytes() + bytes(q2))
    out48, out96, out576 = (ctypes.c_uint8 * 48)(), (ctypes.c_uint8 * 96)(), (ctypes.c_uint8 * 576)()
    msg = arr(b"patient:alice")
    d1, d2 = arr(DST1), arr(DST2)

    # The same values on the mcl side (mcl scalars are our bytes reversed).
    mk = pymcl.Fr.deserialize(k.to_bytes()[::-1])
    mp, mq = pymcl.g1 * mk, pymcl.g2 * mk
    mp2 = pymcl.g1 * pymcl.Fr.deserialize(k2.to_bytes()[::-1])
    mq2 = pymcl.g2 * pymcl.Fr.deserialize(k3.to_bytes()[::-1])
    me = pymcl.pairing(mp, mq)
    mkb, mpb, mqb, meb = mk.serialize(), mp.serialize(), mq.serialize(), me.serialize()

    return [
        ("pairing",
         lambda: lib.ehr_pairing_compute(out576, pb, qb),
         lambda: pymcl.pairing(mp, mq),
         lambda: pymcl.pairing(pymcl.G1.deserialize(mpb), pymcl.G2.deserialize(mqb)).serialize(), 20),
        ("pairing_product_2",
         lambda: lib.ehr_pairing_product(out576, ps2, qs2, 2),
         lambda: pymcl.pairing(mp, mq) * pymcl.pairing(mp2, mq2),
         None, 10),
        ("g1_mul",
         lambda: lib.ehr_g1_mul(out48, pb, kb),
         lambda: mp * mk,
         lambda: (pymcl.G1.deserialize(mpb) * pymcl.Fr.deserialize(mkb)).serialize(), 40),
        ("g2_mul",
         lambda: lib.ehr_g2_mul(out96, qb, kb),
         lambda: mq * mk,
         lambda: (pymcl.G2.deserialize(mqb) * pymcl.Fr.deserialize(mkb)).serialize(), 20),
        ("hash_to_g1",
         lambda: lib.ehr_g1_hash(out48, msg, 13, d1, len(DST1)),
         lambda: pymcl.G1.hash(b"patient:alice"),
         lambda: pymcl.G1.hash(b"patient:alice").serialize(), 40),
        ("hash_to_g2",
         lambda: lib.ehr_g2_hash(out96, msg, 13, d2, len(DST2)),
         lambda: pymcl.G2.hash(b"patient:alice"),
         lambda: pymcl.G2.hash(b"patient:alice").serialize(), 20),
        ("gt_pow",
         lambda: lib.ehr_gt_pow(out576, eb, kb),
         lambda: me ** mk,
         lambda: (pymcl.GT.deserialize(meb) ** pymcl.Fr.deserialize(mkb)).serialize(), 20),
    ]
