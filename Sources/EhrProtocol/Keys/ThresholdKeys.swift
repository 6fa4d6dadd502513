// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField
import EhrPairing

/// Threshold extraction of identity keys (PROTOCOL.md §5): issue, verify and combine partial
/// keys. The master secret s is never assembled: authority i answers with x_i·Q, and any t
/// verified answers interpolate to s·Q in the exponent (Shamir over the DKG shares;
/// PROTOCOL.md §12 note 5: Lagrange coefficients are needed even with all n).
///
/// Pairing checks use the form `e(A, −g2)·e(B, Y) = 1` with one shared final exponentiation,
/// and verify the decryption and signing halves together with a random linear combination:
/// `e(Ke + ρ·Ks, −g2)·e(Qe + ρ·Qs, Y_i) = 1` for a fresh random ρ holds for a wrong pair only
/// with probability 1/r, and halves the pairing cost.
public enum ThresholdKeys {
    /// (Qe, Qs) = (H1e(id), H1s(id)), RFC 9380 hash to G1 with the tags of PROTOCOL.md §3.
    /// - Throws: `ProtocolError.param` if hashing fails (it cannot with the fixed tags).
    public static func identityPoints(_ id: Identity) throws(ProtocolError) -> (qe: G1Affine, qs: G1Affine) {
        (try IdentityHashes.h1Enc(id), try IdentityHashes.h1Sig(id))
    }

    // MARK: - Issue

    /// Authority i's partial key for `id`: (x_i·Qe, x_i·Qs), constant-time in x_i.
    ///
    /// The caller has done what §5 requires before issuing: authenticated the requester as the
    /// holder of exactly this canonical `id`, checked policy, revocation and key epoch,
    /// rate-limited, and logged SHA-256(id) on the ledger. The authority hashes `id` itself and
    /// never multiplies a caller-supplied point.
    public static func issue(for id: Identity, share x: Fr, index: UInt16,
                             params: PublicParams) throws(ProtocolError) -> PartialKey {
        guard index >= 1, Int(index) <= params.n else { throw .param("authority index \(index) is outside 1..\(params.n)") }
        let (qe, qs) = try identityPoints(id)
        let k = G1Projective.batchToAffine([G1Projective(qe).mul(x), G1Projective(qs).mul(x)])
        return PartialKey(fingerprint: params.fingerprint, index: index, identity: id,
                          decryptionShare: k[0], signingShare: k[1])
    }

    /// Issues from a finished DKG result.
    public static func issue(for id: Identity, result: DKGResult) throws(ProtocolError) -> PartialKey {
        try issue(for: id, share: result.secretShare, index: result.index, params: result.params)
    }

    // MARK: - Verify

    /// Checks `e(Ke_i, −g2)·e(Qe, Y_i) = 1` and `e(Ks_i, −g2)·e(Qs, Y_i) = 1` (batched).
    /// - Throws: `ProtocolError.param` for another master key, identity or an index out of
    ///   range; `ProtocolError.verify` naming the authority if the shares are wrong.
    public static func verify(_ p: PartialKey, for id: Identity, params: PublicParams) throws(ProtocolError) {
        guard p.fingerprint == params.fingerprint else {
            throw .param("partial key from authority \(p.index) is for another master public key")
        }
        guard p.identity == id else { throw .param("partial key from authority \(p.index) is for another identity") }
        let (qe, qs) = try identityPoints(id)
        try verify(p, qe: qe, qs: qs, params: params)
    }

    /// The pairing check of one partial key, with the identity points already hashed.
    static func verify(_ p: PartialKey, qe: G1Affine, qs: G1Affine, params: PublicParams) throws(ProtocolError) {
        let yi = try params.publicShare(p.index)
        guard !p.decryptionShare.isInfinity, !p.signingShare.isInfinity else {
            throw .verify("partial key from authority \(p.index) is the identity")
        }
        guard try pairingEquationHolds(k: (p.decryptionShare, p.signingShare), q: (qe, qs), g2Side: yi) else {
            throw .verify("partial key from authority \(p.index) does not verify against Y_\(p.index)")
        }
    }

    /// Checks several partial keys of one identity with one multi-pairing:
    /// `e(Σ_i ρ_i·(Ke_i + ρ·Ks_i), −g2) · Π_i e(ρ_i·(Qe + ρ·Qs), Y_i) = 1` for fresh random ρ, ρ_i
    /// (k + 1 Miller loops and one final exponentiation instead of 2k and k). A batch that
    /// fails is checked key by key, so the first wrong authority is still named.
    static func verifyBatch(_ ps: [PartialKey], qe: G1Affine, qs: G1Affine,
                            params: PublicParams) throws(ProtocolError) {
        guard ps.count > 1 else {
            for p in ps { try verify(p, qe: qe, qs: qs, params: params) }
            return
        }
        let rho: Fr
        var weights: [Fr] = []
        do {
            rho = try Fr.randomNonZero()
            for _ in ps { weights.append(try Fr.randomNonZero()) }
        } catch { throw .random }
        var ok = true
        var combinedK = G1Projective.identity
        var pairs: [(G1Affine, G2Prepared)] = []
        let q = G1Projective(qe) + G1Projective(qs).mulVartime(rho)
        for (p, w) in zip(ps, weights) {
            if p.decryptionShare.isInfinity || p.signingShare.isInfinity { ok = false }
            let k = G1Projective(p.decryptionShare) + G1Projective(p.signingShare).mulVartime(rho)
            combinedK += k.mulVartime(w)
            pairs.append((q.mulVartime(w).toAffine(), G2Prepared(try params.publicShare(p.index))))
        }
        pairs.append((combinedK.toAffine(), negatedG2))
        if ok && multiPairing(pairs).isOne { return }
        for p in ps { try verify(p, qe: qe, qs: qs, params: params) }
        throw .verify("a batch of partial keys does not verify")
    }

    // MARK: - Combine

    /// Combines t partial keys of distinct authorities into (ske, sks).
    ///
    /// Every partial key is verified first (a forged one is named); the first t by index are
    /// interpolated at 0: `ske = Σ λ_i·Ke_i`, `λ_i = Π_{j≠i} j/(j − i)`; finally
    /// `e(ske, −g2)·e(Qe, y) = 1` (and the same for sks) is checked.
    /// - Throws: `ProtocolError.param` for fewer than t keys, a duplicate index, another identity
    ///   or master key; `ProtocolError.verify` naming the first authority whose key is wrong.
    public static func combine(_ partials: [PartialKey], for id: Identity,
                               params: PublicParams) throws(ProtocolError) -> IdentityKeyPair {
        guard partials.count >= params.t else {
            throw .param("combining needs t = \(params.t) partial keys, got \(partials.count)")
        }
        var seen: Set<UInt16> = []
        for p in partials {
            guard seen.insert(p.index).inserted else { throw .param("two partial keys from authority \(p.index)") }
        }
        let sorted = partials.sorted { $0.index < $1.index }
        for p in sorted {
            guard p.fingerprint == params.fingerprint else {
                throw .param("partial key from authority \(p.index) is for another master public key")
            }
            guard p.identity == id else { throw .param("partial key from authority \(p.index) is for another identity") }
        }
        let (qe, qs) = try identityPoints(id)
        try verifyBatch(sorted, qe: qe, qs: qs, params: params)
        let chosen = Array(sorted.prefix(params.t))
        guard let lambdas = DKGPolynomial.lagrangeAtZero(chosen.map(\.index)) else {
            throw .param("partial key indices must be distinct and non-zero")
        }
        // λ_i are public; the sums are secret but the MSM's running time depends only on λ.
        let ske = G1Projective.msm(points: chosen.map(\.decryptionShare), scalars: lambdas).toAffine()
        let sks = G1Projective.msm(points: chosen.map(\.signingShare), scalars: lambdas).toAffine()
        guard !ske.isInfinity, !sks.isInfinity,
              try pairingEquationHolds(k: (ske, sks), q: (qe, qs), g2Side: params.masterPublicKey)
        else { throw .verify("combined identity key does not match the master public key") }
        return IdentityKeyPair(identity: id, decryptionKey: ske, signingKey: sks)
    }

    /// Checks a combined or received key pair against y: `e(ske, −g2)·e(Qe, y) = 1` and likewise
    /// for sks.
    /// - Throws: `ProtocolError.verify` if either key is wrong.
    public static func verify(_ keys: IdentityKeyPair, params: PublicParams) throws(ProtocolError) {
        let (qe, qs) = try identityPoints(keys.identity)
        guard !keys.decryptionKey.isInfinity, !keys.signingKey.isInfinity,
              try pairingEquationHolds(k: (keys.decryptionKey, keys.signingKey), q: (qe, qs),
                                       g2Side: params.masterPublicKey)
        else { throw .verify("identity key of \(keys.identity) does not match the master public key") }
    }

    /// `e(Ke + ρ·Ks, −g2)·e(Qe + ρ·Qs, Y) = 1` for a fresh random ρ ≠ 0.
    static func pairingEquationHolds(k: (G1Affine, G1Affine), q: (G1Affine, G1Affine),
                                     g2Side: G2Affine) throws(ProtocolError) -> Bool {
        let rho: Fr
        do { rho = try Fr.randomNonZero() } catch { throw .random }
        let lhs = G1Projective(k.0) + G1Projective(k.1).mulVartime(rho)
        let rhs = G1Projective(q.0) + G1Projective(q.1).mulVartime(rho)
        let pts = G1Projective.batchToAffine([lhs, rhs])
        return multiPairing([(pts[0], negatedG2), (pts[1], G2Prepared(g2Side))]).isOne
    }

    /// Lines of −g2, shared by every check.
    static let negatedG2 = G2Prepared(-G2Affine.generator)
}
