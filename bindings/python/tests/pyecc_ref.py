# SPDX-License-Identifier: Apache-2.0
"""An independent BLS12-381 (py_ecc) in the encodings of PROTOCOL.md, for cross-checks.

py_ecc's pairing is blst's to the power -1/3 (PROTOCOL.md section 1), so the
blst-normalised value is conj(py_ecc)^3; GT bytes follow PROTOCOL.md section 3.
"""
import hashlib

from py_ecc.bls.hash import expand_message_xmd
from py_ecc.bls.hash_to_curve import hash_to_G1, hash_to_G2
from py_ecc.bls.point_compression import compress_G1, compress_G2, decompress_G1, decompress_G2
from py_ecc.optimized_bls12_381 import (FQ12, G1, G2, add, curve_order as R, field_modulus as P,
                                        is_inf, multiply, neg, normalize)
from py_ecc.optimized_bls12_381.optimized_pairing import final_exponentiate, miller_loop

__all__ = ["R", "P", "is_inf", "G1", "G2", "add", "multiply", "neg", "g1_bytes", "g2_bytes", "g1_from", "g2_from",
           "pairing_bytes", "gt_bytes", "h2c_g1", "h2c_g2", "hash_to_scalar", "gt_pow_bytes"]


def g1_bytes(pt) -> bytes:
    return compress_G1(pt).to_bytes(48, "big")


def g2_bytes(pt) -> bytes:
    z1, z2 = compress_G2(pt)
    return z1.to_bytes(48, "big") + z2.to_bytes(48, "big")


def g1_from(b: bytes):
    return decompress_G1(int.from_bytes(b, "big"))


def g2_from(b: bytes):
    return decompress_G2((int.from_bytes(b[:48], "big"), int.from_bytes(b[48:], "big")))


def _conj(x):
    return FQ12([c if k % 2 == 0 else (-c) % P for k, c in enumerate(x.coeffs)])


def gt_bytes(x) -> bytes:
    f = [int(c) % P for c in x.coeffs]
    out = bytearray()
    for e in range(6):
        out += ((f[e] + f[e + 6]) % P).to_bytes(48, "big") + f[e + 6].to_bytes(48, "big")
    return bytes(out)


def pairing_value(p1, q2):
    g = _conj(final_exponentiate(miller_loop(q2, p1, final_exponentiate=False)))
    return g * g * g


def pairing_bytes(p1, q2) -> bytes:
    return gt_bytes(pairing_value(p1, q2))


def gt_pow_bytes(x, k: int) -> bytes:
    return gt_bytes(x ** k)


def h2c_g1(msg: bytes, dst: bytes):
    return hash_to_G1(msg, dst, hashlib.sha256)


def h2c_g2(msg: bytes, dst: bytes):
    return hash_to_G2(msg, dst, hashlib.sha256)


def hash_to_scalar(msg: bytes, dst: bytes) -> int:
    return int.from_bytes(expand_message_xmd(msg, dst, 48, hashlib.sha256), "big") % R
