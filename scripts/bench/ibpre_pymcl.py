#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Reference IBP1 (Green-Ateniese, PROTOCOL.md §6) on pymcl (mcl), for side-by-side timing.

Same algorithms and the same cost structure as EhrProtocol's IBP1:
  Enc1     r <- Zr*, c1 = r*g2, c2 = m * E^r with E = e(H1e(id), y) cached per recipient
  Dec1     m = c2 / e(ske, c1)
  ReKeyGen X = e(g1,g2)^u, (R1, R2) = Enc1(id_j, X), R3 = H2(X) - ske_i
  ReEnc    c2' = c2 * e(R3, c1)
  Dec2     X = R2 / e(ske_j, R1), m = c2' / e(H2(X), c1)
H1/H2 use mcl's own hash-to-G1 (its DST differs from ours; the cost is the same RFC 9380 map).
A module of scripts/bench/side_by_side.py (`side_by_side.py pre`), which times `cases()` beside
`ehrshare-bench pre_`; it has no timing code of its own.
"""
import pymcl

G1, G2, GT, Fr = pymcl.G1, pymcl.G2, pymcl.GT, pymcl.Fr
g1, g2 = pymcl.g1, pymcl.g2
GT_GEN = pymcl.pairing(g1, g2)


class Authority:
    """Test key authority: master secret s, y = s*g2, ske = s*H1e(id)."""

    def __init__(self):
        self.s = Fr.random()
        self.y = g2 * self.s

    def key(self, ident: bytes):
        return H1e(ident) * self.s


def H1e(ident: bytes):
    return G1.hash(b"EHRSHARE-V1-H1ENC|" + ident)


def H2(x):
    return G1.hash(b"EHRSHARE-V1-H2GT|" + x.serialize())


class IBP1:
    def __init__(self, y):
        self.y = y
        self.cache = {}

    def factor(self, ident: bytes):
        e = self.cache.get(ident)
        if e is None:
            e = self.cache[ident] = pymcl.pairing(H1e(ident), self.y)
        return e

    def encrypt(self, ident: bytes, m):
        r = Fr.random()
        return g2 * r, m * self.factor(ident) ** r

    @staticmethod
    def decrypt1(ske, c):
        c1, c2 = c
        return c2 / pymcl.pairing(ske, c1)

    def rekey(self, ske_i, id_j: bytes):
        x = GT_GEN ** Fr.random()
        r1, r2 = self.encrypt(id_j, x)
        return r1, r2, H2(x) - ske_i

    @staticmethod
    def reencrypt(rk, c):
        r1, r2, r3 = rk
        c1, c2 = c
        return c1, c2 * pymcl.pairing(r3, c1), r1, r2

    @staticmethod
    def decrypt2(ske_j, c):
        c1, c2p, r1, r2 = c
        x = r2 / pymcl.pairing(ske_j, r1)
        return c2p / pymcl.pairing(H2(x), c1)


def cases():
    """(name, ehrshare-bench case, callable, inner iterations) after checking the round trips."""
    ta = Authority()
    pre = IBP1(ta.y)
    alice, bob = b"patient:alice", b"doctor:bob"
    ska, skb = ta.key(alice), ta.key(bob)
    m = GT_GEN ** Fr.random()
    c = pre.encrypt(alice, m)
    rk = pre.rekey(ska, bob)
    c2 = pre.reencrypt(rk, c)
    if pre.decrypt1(ska, c) != m or pre.decrypt2(skb, c2) != m or pre.decrypt2(ska, c2) == m:
        raise SystemExit("pymcl IBP1 reference: round trip failed")
    return [
        ("encrypt (cached E)", "pre_encrypt_cached", lambda: pre.encrypt(alice, m), 20),
        ("encrypt (new recipient)", "pre_encrypt_new_recipient", lambda: IBP1(ta.y).encrypt(alice, m), 10),
        ("rekey", "pre_rekey", lambda: pre.rekey(ska, bob), 10),
        ("reencrypt", "pre_reencrypt", lambda: pre.reencrypt(rk, c), 20),
        ("decrypt level 1", "pre_decrypt_level1", lambda: pre.decrypt1(ska, c), 20),
        ("decrypt level 2", "pre_decrypt_level2", lambda: pre.decrypt2(skb, c2), 10),
    ]
