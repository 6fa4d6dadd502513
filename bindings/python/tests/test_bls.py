# SPDX-License-Identifier: Apache-2.0
"""BLS12-381 primitives through the C ABI, cross-checked against py_ecc.

py_ecc is an independent pure-Python implementation; values must agree
bit for bit (points in ZCash encoding, GT in the canonical encoding with
blst's normalisation).
"""
import hashlib
import secrets

import pytest

from ehrshare import EhrError, Status
from ehrshare.bls import G1, G2, GT, Scalar, pairing, pairing_check, pairing_product

import pyecc_ref as ref

QUUX1 = b"QUUX-V01-CS02-with-BLS12381G1_XMD:SHA-256_SSWU_RO_"
QUUX2 = b"QUUX-V01-CS02-with-BLS12381G2_XMD:SHA-256_SSWU_RO_"
DST_H1E = b"EHRSHARE-V1-H1ENC_BLS12381G1_XMD:SHA-256_SSWU_RO_"
DST_CHAL = b"EHRSHARE-V1-SIGCHAL_BLS12381FR_XMD:SHA-256_"
GT_SHA256 = "4bb3f049849e856bd6879346f3978c28b031a407701c01ebb19d74a35c645520"


def rand_k() -> int:
    return secrets.randbelow(ref.R - 1) + 1


def test_generators_match_py_ecc():
    assert G1.generator().to_bytes() == ref.g1_bytes(ref.G1)
    assert G2.generator().to_bytes() == ref.g2_bytes(ref.G2)


def test_gt_generator_is_the_protocol_kat():
    g = GT.generator().to_bytes()
    assert g[:4].hex() == "1250ebd8"
    assert hashlib.sha256(g).hexdigest() == GT_SHA256
    assert pairing(G1.generator(), G2.generator()).to_bytes() == g


@pytest.mark.parametrize("k", [1, 2, 3, ref.R - 1, None, None])
def test_scalar_multiplication_matches_py_ecc(k):
    k = k or rand_k()
    assert (k * G1.generator()).to_bytes() == ref.g1_bytes(ref.multiply(ref.G1, k))
    assert (k * G2.generator()).to_bytes() == ref.g2_bytes(ref.multiply(ref.G2, k))


def test_addition_matches_py_ecc():
    a, b = rand_k(), rand_k()
    pa, pb = a * G1.generator(), b * G1.generator()
    assert (pa + pb).to_bytes() == ref.g1_bytes(ref.multiply(ref.G1, (a + b) % ref.R))
    qa, qb = a * G2.generator(), b * G2.generator()
    assert (qa + qb).to_bytes() == ref.g2_bytes(ref.multiply(ref.G2, (a + b) % ref.R))


@pytest.mark.parametrize("msg", [b"", b"abc", b"patient:alice", bytes(range(200))])
def test_hash_to_curve_matches_py_ecc(msg):
    assert G1.hash(msg, QUUX1).to_bytes() == ref.g1_bytes(ref.h2c_g1(msg, QUUX1))
    assert G1.hash(msg, DST_H1E).to_bytes() == ref.g1_bytes(ref.h2c_g1(msg, DST_H1E))
    assert G2.hash(msg, QUUX2).to_bytes() == ref.g2_bytes(ref.h2c_g2(msg, QUUX2))


def test_rfc9380_vectors():
    assert G1.hash(b"", QUUX1).to_bytes().hex().startswith("852926ad")
    assert G1.hash(b"abc", QUUX1).to_bytes().hex().startswith("83567bc5")
    assert G2.hash(b"", QUUX2).to_bytes().hex().startswith("a5cb8437")


def test_hash_to_scalar_matches_py_ecc():
    for msg in (b"", b"abc", bytes(100)):
        assert int(Scalar.hash(msg, DST_CHAL)) == ref.hash_to_scalar(msg, DST_CHAL)


def test_pairing_matches_py_ecc():
    a, b = rand_k(), rand_k()
    p, q = ref.multiply(ref.G1, a), ref.multiply(ref.G2, b)
    ours = pairing(G1(ref.g1_bytes(p)), G2(ref.g2_bytes(q)))
    assert ours.to_bytes() == ref.pairing_bytes(p, q)


def test_bilinearity_and_gt_arithmetic():
    a, b = Scalar.random(), Scalar.random()
    g1, g2, gt = G1.generator(), G2.generator(), GT.generator()
    e = pairing(a * g1, b * g2)
    ab = Scalar.from_int(int(a) * int(b) % ref.R)
    assert e == gt ** ab
    assert (e * gt) / gt == e
    assert pairing_product([(a * g1, g2), (g1, b * g2)]) == gt ** Scalar.from_int((int(a) + int(b)) % ref.R)
    # e(a*g1, g2) * e(-a*g1, g2) = 1: a verification equation.
    minus_a = Scalar.from_int(ref.R - int(a))
    assert pairing_check([(a * g1, g2), (minus_a * g1, g2)])
    assert not pairing_check([(a * g1, g2), (a * g1, g2)])


def test_gt_pow_matches_py_ecc():
    k = rand_k()
    gt_ref = ref.pairing_value(ref.G1, ref.G2)
    assert (GT.generator() ** k).to_bytes() == ref.gt_pow_bytes(gt_ref, k)


def expect(status, fn, *args):
    with pytest.raises(EhrError) as info:
        fn(*args)
    assert info.value.status == status, info.value
    assert info.value.message


def test_decoders_reject_every_class_of_bad_input():
    g1 = G1.generator().to_bytes()
    expect(Status.ERR_LENGTH, G1, g1[:-1])
    expect(Status.ERR_ENCODING, G1, bytes([g1[0] & 0x7F]) + g1[1:])      # compression bit cleared
    expect(Status.ERR_IDENTITY, G1, bytes([0xC0]) + bytes(47))             # identity
    expect(Status.ERR_ENCODING, G1, bytes([0xE0]) + bytes(47))             # infinity with sign bit
    expect(Status.ERR_ENCODING, G1, bytes([0x9F]) + b"\xff" * 47)         # x >= p
    # An x with no curve point, and an on-curve point outside G1.
    x = 1
    while True:
        cand = bytes([0x80]) + x.to_bytes(47, "big")
        try:
            ref.g1_from(cand)
            on_curve = True
        except Exception:
            on_curve = False
        if not on_curve:
            expect(Status.ERR_ENCODING, G1, cand)
            break
        x += 1
    else_found = False
    for x in range(1, 50):
        cand = bytes([0x80]) + x.to_bytes(47, "big")
        try:
            pt = ref.g1_from(cand)
        except Exception:
            continue
        if not ref.is_inf(ref.multiply(pt, ref.R)):
            expect(Status.ERR_SUBGROUP, G1, cand)
            else_found = True
            break
    assert else_found, "no on-curve point outside G1 among the first x values"
    expect(Status.ERR_SCALAR, Scalar, bytes(32))
    expect(Status.ERR_SCALAR, Scalar, ref.R.to_bytes(32, "big"))
    gt = GT.generator().to_bytes()
    expect(Status.ERR_LENGTH, GT, gt + b"\0")
    expect(Status.ERR_ENCODING, GT, b"\xff" * 576)
    expect(Status.ERR_ENCODING, GT, bytes(576))
    one = (1).to_bytes(48, "big") + bytes(528)
    expect(Status.ERR_IDENTITY, GT, one)
    expect(Status.ERR_SUBGROUP, GT, (2).to_bytes(48, "big") + bytes(528))


def test_identity_results_are_refused():
    g = G1.generator()
    minus = Scalar.from_int(ref.R - 1) * g
    expect(Status.ERR_IDENTITY, lambda: g + minus)
    expect(Status.ERR_PARAM, lambda: G1.hash(b"x", b""))


# --- mcl (pymcl): a second independent implementation -----------------------
# mcl prints a normalised point as "1 x y" (decimal) and serialises GT as
# twelve little-endian Fp values in the same tower order; its pairing has
# blst's normalisation, so values compare directly. Scalars are 32-byte
# little-endian.

def mcl_gt_to_ours(b: bytes) -> bytes:
    v = [int.from_bytes(b[48 * i:48 * i + 48], "little") for i in range(12)]
    out = bytearray()
    for e in range(6):
        base = (e % 2) * 6 + (e // 2) * 2
        out += v[base].to_bytes(48, "big") + v[base + 1].to_bytes(48, "big")
    return bytes(out)


def mcl_affine(point):
    parts = str(point).split()
    assert parts[0] == "1", parts
    return [int(x) for x in parts[1:]]


def ours_affine_g1(p: G1):
    x, y = ref.normalize(ref.g1_from(p.to_bytes()))
    return [int(x), int(y)]


def ours_affine_g2(q: G2):
    x, y = ref.normalize(ref.g2_from(q.to_bytes()))
    return [int(c) for c in (x.coeffs[0], x.coeffs[1], y.coeffs[0], y.coeffs[1])]


def test_scalar_multiplication_and_pairing_match_mcl():
    pymcl = pytest.importorskip("pymcl")
    assert mcl_affine(pymcl.g1) == ours_affine_g1(G1.generator())
    assert mcl_affine(pymcl.g2) == ours_affine_g2(G2.generator())
    for _ in range(3):
        a, b = Scalar.random(), Scalar.random()
        ma = pymcl.Fr.deserialize(a.to_bytes()[::-1])
        mb = pymcl.Fr.deserialize(b.to_bytes()[::-1])
        p, q = pymcl.g1 * ma, pymcl.g2 * mb
        assert mcl_affine(p) == ours_affine_g1(a * G1.generator())
        assert mcl_affine(q) == ours_affine_g2(b * G2.generator())
        ours = pairing(a * G1.generator(), b * G2.generator())
        assert ours.to_bytes() == mcl_gt_to_ours(pymcl.pairing(p, q).serialize())
        assert (ours ** a).to_bytes() == mcl_gt_to_ours((pymcl.pairing(p, q) ** ma).serialize())


def test_null_pointers_are_reported_not_crashed():
    import ctypes
    from ehrshare import _ffi
    out = (ctypes.c_uint8 * 48)()
    k = (ctypes.c_uint8 * 32).from_buffer_copy(Scalar.random().to_bytes())
    assert _ffi.lib.ehr_g1_mul(out, None, k) == Status.ERR_NULL_POINTER
    assert b"point" in _ffi.lib.ehr_last_error_message()
    assert _ffi.lib.ehr_g1_mul(None, out, k) == Status.ERR_NULL_POINTER
    assert _ffi.lib.ehr_pairing_check(None, None, 1) == Status.ERR_NULL_POINTER
    dst = (ctypes.c_uint8 * 3).from_buffer_copy(b"dst")
    assert _ffi.lib.ehr_g1_hash(out, None, 5, dst, 3) == Status.ERR_NULL_POINTER
    assert _ffi.lib.ehr_g1_hash(out, None, 0, dst, 3) == Status.OK


def test_lengths_above_ssize_max_are_refused_not_crashed():
    # size_t(-1) reaches Swift as a negative Int; it must be a status, not a trap.
    import ctypes
    from ehrshare import _ffi
    out = (ctypes.c_uint8 * 48)()
    msg = (ctypes.c_uint8 * 4)()
    dst = (ctypes.c_uint8 * 3).from_buffer_copy(b"dst")
    for fn in (_ffi.lib.ehr_g1_hash, _ffi.lib.ehr_scalar_hash):
        assert fn(out, msg, 2 ** 64 - 1, dst, 3) == Status.ERR_PARAM
        assert b"msg" in _ffi.lib.ehr_last_error_message()
