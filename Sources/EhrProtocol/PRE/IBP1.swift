// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrPairing

/// Green–Ateniese IBP1 (ACNS 2007 §4.1) in the Type-3 setting of PROTOCOL.md §6:
/// identity side in G1, ciphertext side in G2, messages in GT.
///
/// IBP1 alone is CPA-secure and malleable (§8); files go through ``Envelope``,
/// whose AEAD rejects any mauling. Secret scalars use the constant-time
/// multiplication and exponentiation of the curve and pairing layers.
public enum IBP1 {
    /// Enc1(id, m): `r ←$ Zr*`, `c1 = r·g2`, `c2 = m·E^r` with `E = e(Qe, y)`
    /// taken from the context's per-recipient cache.
    /// - Throws: `ProtocolError.random` if the random generator fails.
    public static func encrypt(_ m: GT, to id: Identity, context: PREContext) throws(ProtocolError) -> Ciphertext1 {
        try encrypt(m, to: id, context: context, r: try randomScalar())
    }

    /// Enc1 with the randomness given (cross-implementation vectors; never reuse `r`).
    static func encrypt(_ m: GT, to id: Identity, context: PREContext, r: Fr) throws(ProtocolError) -> Ciphertext1 {
        let e = try context.recipientFactor(id)
        let c1 = G2Projective.mulGenerator(r).toAffine()      // constant-time fixed-base table (EhrCurve)
        return Ciphertext1(owner: id, c1: c1, c2: m * e.pow(r))
    }

    /// Dec1(ske, c): `m = c2 / e(ske, c1)`, computed as `c2·e(−ske, c1)`.
    /// - Throws: `ProtocolError.decrypt` if `key` belongs to another identity than `c.owner`.
    public static func decrypt(_ c: Ciphertext1, with key: PREIdentityKey) throws(ProtocolError) -> GT {
        guard key.identity == c.owner else { throw .decrypt }
        return c.c2 * pairing(-key.point, c.c1)
    }

    /// ReKeyGen(ske_i, id_j): `X = e(g1, g2)^u`, `(R1, R2) = Enc1(id_j, X)`,
    /// `R3 = H2(X) − ske_i` (the paper's `sk_i^{-1}·H2(X)`, PROTOCOL.md §12 note 1).
    /// - Throws: `ProtocolError.random`; `.param` if delegator and delegatee coincide.
    public static func rekey(from key: PREIdentityKey, to delegatee: Identity,
                             context: PREContext) throws(ProtocolError) -> ReEncryptionKey {
        try rekey(from: key, to: delegatee, context: context, x: try randomGT(), r: try randomScalar())
    }

    /// ReKeyGen with the randomness given (cross-implementation vectors).
    static func rekey(from key: PREIdentityKey, to delegatee: Identity, context: PREContext, x: GT,
                      r: Fr) throws(ProtocolError) -> ReEncryptionKey {
        guard delegatee != key.identity else { throw .param("a re-encryption key to oneself is pointless") }
        let c = try encrypt(x, to: delegatee, context: context, r: r)
        let (r1, r2) = (c.c1, c.c2)
        let r3 = (G1Projective(try IdentityHashes.h2(x)) - G1Projective(key.point)).toAffine()
        return ReEncryptionKey(delegator: key.identity, delegatee: delegatee, r1: r1, r2: r2, r3: r3)
    }

    /// ReEnc(rk, c): `c2' = c2·e(R3, c1)`, output `(c1, c2', R1, R2)`.
    /// - Throws: `ProtocolError.param` if the key's delegator is not the ciphertext's owner
    ///   (the proxy refuses, §6).
    public static func reencrypt(_ c: Ciphertext1, with rk: ReEncryptionKey) throws(ProtocolError) -> Ciphertext2 {
        guard rk.delegator == c.owner else {
            throw .param("re-encryption key of \(rk.delegator) cannot convert a ciphertext of \(c.owner)")
        }
        return Ciphertext2(delegator: c.owner, delegatee: rk.delegatee, c1: c.c1,
                           c2: c.c2 * pairing(rk.r3, c.c1), r1: rk.r1, r2: rk.r2)
    }

    /// Dec2(ske_j, c'): `X = R2 / e(ske_j, R1)`, `m = c2' / e(H2(X), c1)`.
    /// - Throws: `ProtocolError.decrypt` if `key` is not the delegatee's.
    public static func decrypt(_ c: Ciphertext2, with key: PREIdentityKey) throws(ProtocolError) -> GT {
        guard key.identity == c.delegatee else { throw .decrypt }
        let x = c.r2 * pairing(-key.point, c.r1)
        return c.c2 * pairing(-(try IdentityHashes.h2(x)), c.c1)
    }

    // MARK: - Helpers

    static func randomScalar() throws(ProtocolError) -> Fr {
        do { return try Fr.randomNonZero() } catch { throw .random }
    }

    /// A uniformly random non-identity element of GT (a fresh KEM secret or X).
    static func randomGT() throws(ProtocolError) -> GT {
        GT.generator.pow(try randomScalar())
    }
}
