// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrPairing

/// A Cha–Cheon signature `(U, V)`: two G1 points, 96 bytes.
public struct ChaCheonSignature: Sendable, Equatable {
    public let u: G1Affine
    public let v: G1Affine

    /// Wraps `(U, V)`; ``ChaCheon/verify(_:message:signer:context:)`` rejects identities.
    public init(u: G1Affine, v: G1Affine) {
        self.u = u
        self.v = v
    }

    /// `enc(U) ‖ enc(V)`.
    public var encoded: [UInt8] { u.compressed + v.compressed }
}

/// The Cha–Cheon identity-based signature (PKC 2003, §3) in the Type-3
/// setting of PROTOCOL.md §9, with a hedged nonce.
public enum ChaCheon {
    /// Sign(sks, Msg): `k = Hs_nonce(enc(sks) ‖ rand32 ‖ Msg)` (non-zero), `U = k·Qs`,
    /// `h = Hs_chal(enc(U) ‖ Msg)`, `V = (k + h)·sks`.
    ///
    /// The nonce is hedged: deterministic in the key and message (a broken
    /// generator cannot make two messages share `k`) and randomised (fault and
    /// side-channel attacks on deterministic nonces get nothing repeatable).
    /// Reusing `k` for two messages would reveal `sks = (V1 − V2)/(h1 − h2)`.
    /// - Throws: `ProtocolError.random` if the random generator fails.
    public static func sign(_ message: [UInt8], with key: IdentitySigningKey) throws(ProtocolError) -> ChaCheonSignature {
        let qs = try IdentityHashes.h1Sig(key.identity)
        var k = Fr.zero
        while k.isZero {
            var seed = key.point.compressed + (try ProtocolError.lifting { () throws(CryptoError) in try SystemRandom.bytes(32) }) + message
            defer { wipeSecret(&seed) }
            k = try IdentityHashes.scalar(seed, dst: DomainTags.sigNonce)
        }
        let u = G1Projective(qs).mul(k).toAffine()
        let h = try challenge(u, message)
        let v = G1Projective(key.point).mul(k + h).toAffine()
        k = .zero
        return ChaCheonSignature(u: u, v: v)
    }

    /// Verify: `e(V, −g2)·e(U + h·Qs, y) = 1` with one multi-pairing over the
    /// precomputed lines of `g2` and `y`.
    /// - Throws: `ProtocolError.verify` if the signature does not verify or `U` or `V` is the identity.
    public static func verify(_ signature: ChaCheonSignature, message: [UInt8], signer: Identity,
                              context: PREContext) throws(ProtocolError) {
        guard !signature.u.isInfinity, !signature.v.isInfinity else { throw .verify("signature point is the identity") }
        let qs = try IdentityHashes.h1Sig(signer)
        let h = try challenge(signature.u, message)
        // h is public: variable-time multiplication is fine here.
        let w = (G1Projective(signature.u) + G1Projective(qs).mulVartime(h)).toAffine()
        guard !w.isInfinity, context.checkAgainstMasterKey(signature.v, w) else {
            throw .verify("signature by \(signer) does not verify")
        }
    }

    /// `h = Hs_chal(enc(U) ‖ Msg)`.
    static func challenge(_ u: G1Affine, _ message: [UInt8]) throws(ProtocolError) -> Fr {
        try IdentityHashes.scalar(u.compressed + message, dst: DomainTags.sigChallenge)
    }
}
