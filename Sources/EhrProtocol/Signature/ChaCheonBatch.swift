// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrPairing

/// Batch verification of Cha–Cheon signatures by random linear combination (Bellare–Garay–
/// Rabin, EUROCRYPT 1998, the "small exponents test"; PROTOCOL.md §9 for the equation).
///
/// Each signature satisfies `e(V_i, g2) = e(W_i, y)` with `W_i = U_i + h_i·Qs_i`. With fresh
/// random 128-bit δ_i, the batch checks `e(Σ δ_i·V_i, −g2)·e(Σ δ_i·W_i, y) = 1`: one
/// multi-pairing and two variable-time multi-scalar multiplications (Σ δ_i·V_i over n points,
/// Σ δ_i·U_i + Σ (δ_i·h_i)·Qs_i over 2n) instead of n multi-pairings. If any signature is
/// invalid, the batch passes with probability at most 2⁻¹²⁸ (the δ_i are drawn after the
/// signatures are fixed and never revealed before the check). All points come from decoders
/// that checked the subgroup, so no small-subgroup component can cancel out.
extension ChaCheon {
    /// One signature to check: the signature, the exact signed bytes and the signer.
    public struct Claim: Sendable {
        public let signature: ChaCheonSignature
        public let message: [UInt8]
        public let signer: Identity

        public init(signature: ChaCheonSignature, message: [UInt8], signer: Identity) {
            self.signature = signature
            self.message = message
            self.signer = signer
        }
    }

    /// True when every claim verifies (up to the 2⁻¹²⁸ error above); false when at least one
    /// does not, without saying which (`verifyEach` does). An empty batch is true.
    /// - Throws: `ProtocolError.random` if the generator fails (nothing is then decided).
    public static func verifyBatch(_ claims: [Claim], context: PREContext) throws(ProtocolError) -> Bool {
        guard !claims.isEmpty else { return true }
        if claims.count == 1 {
            do throws(ProtocolError) {
                try verify(claims[0].signature, message: claims[0].message, signer: claims[0].signer, context: context)
                return true
            } catch ProtocolError.verify { return false }
        }
        var vPoints: [G1Projective] = []
        var wPoints: [G1Projective] = []
        var deltas: [Fr] = []
        var wScalars: [Fr] = []
        vPoints.reserveCapacity(claims.count)
        wPoints.reserveCapacity(2 * claims.count)
        deltas.reserveCapacity(claims.count)
        wScalars.reserveCapacity(2 * claims.count)
        var randomness = try ProtocolError.lifting { () throws(CryptoError) in try SystemRandom.bytes(16 * claims.count) }
        defer { wipeSecret(&randomness) }
        for (i, c) in claims.enumerated() {
            guard !c.signature.u.isInfinity, !c.signature.v.isInfinity else { return false }
            let qs = try IdentityHashes.h1Sig(c.signer)
            let h = try challenge(c.signature.u, c.message)
            // δ_i ∈ [1, 2¹²⁸): 16 random bytes, a zero draw replaced by 1 (probability 2⁻¹²⁸).
            var delta = Fr(reducingBigEndian: randomness[(16 * i)..<(16 * i + 16)])
            if delta.isZero { delta = Fr(1) }
            vPoints.append(G1Projective(c.signature.v))
            deltas.append(delta)
            wPoints.append(G1Projective(c.signature.u))
            wScalars.append(delta)
            wPoints.append(G1Projective(qs))
            wScalars.append(delta * h)
        }
        let a = G1Projective.msm(points: vPoints, scalars: deltas).toAffine()
        let b = G1Projective.msm(points: wPoints, scalars: wScalars).toAffine()
        // Each term is non-zero, but a sum can be the identity; the pairing check handles it:
        // e(O, ·) = 1, so both sides must then vanish together.
        return context.checkAgainstMasterKey(a, b)
    }

    /// Which claims verify: one batch when all do; otherwise the batch is split in halves
    /// until the invalid ones are isolated, so b bad signatures among n cost O(b·log n)
    /// batches, and the result is exactly that of verifying each alone.
    public static func verifyEach(_ claims: [Claim], context: PREContext) throws(ProtocolError) -> [Bool] {
        var result = [Bool](repeating: false, count: claims.count)
        try isolate(claims[...], into: &result, context: context)
        return result
    }

    private static func isolate(_ claims: ArraySlice<Claim>, into result: inout [Bool],
                                context: PREContext) throws(ProtocolError) {
        guard !claims.isEmpty else { return }
        if try verifyBatch(Array(claims), context: context) {
            for i in claims.indices { result[i] = true }
            return
        }
        guard claims.count > 1 else { return }
        let mid = claims.startIndex + claims.count / 2
        try isolate(claims[..<mid], into: &result, context: context)
        try isolate(claims[mid...], into: &result, context: context)
    }
}
