// SPDX-License-Identifier: Apache-2.0

import EhrField

extension G1Projective {
    // MARK: - Scalar multiplication

    /// k·P in constant time, for secret scalars.
    ///
    /// GLV (Gallant–Lambert–Vanstone 2001) with σ: k = k0 + k1·z² is split by a constant-time
    /// division (`ConstantTimeSplit`), so k·P = k0·P + k1·(−σ(P)) with two 128-bit halves; both
    /// are processed with fixed 4-bit windows, one shared chain of 124 doublings and 64 complete
    /// additions, and table lookups that read all 16 entries. The second table is σ applied to
    /// the first (one Fp multiplication per entry). P must lie in G1 (σ = −z² holds only there);
    /// every decoded or hashed point does.
    ///
    /// - Parameter k: the scalar.
    /// - Returns: k·P.
    @inlinable
    public func mul(_ k: Fr) -> G1Projective {
        let halves = ConstantTimeSplit.glvG1(k.canonicalLimbs)
        let table = multiplesTable(self)
        let table2 = table.map { -$0.sigma() }
        return constantTimeMultiMul(tables: [table, table2], scalars: halves, bits: 128)
    }

    /// k·P by fixed 4-bit windows over all 256 bits without the endomorphism: constant time and
    /// valid on the whole curve. Kept as the reference path for tests.
    @inlinable
    func mulConstantTimeNoGLV(_ k: Fr) -> G1Projective {
        constantTimeMul(self, limbs: k.canonicalLimbs)
    }

    /// k·P in variable time, for public scalars only: GLV with σ(x, y) = (β·x, y)
    /// (Gallant–Lambert–Vanstone 2001) splits k into two 128-bit halves, multiplied
    /// together by interleaved w-NAF (w = 5). P must lie in G1, where σ acts as −z².
    ///
    /// - Parameter k: the public scalar.
    /// - Returns: k·P.
    @inlinable
    public func mulVartime(_ k: Fr) -> G1Projective {
        let (low, high) = ScalarSplit.glvG1(k.canonicalLimbs)
        return interleavedWnafMul([self, -self.sigma()], [low, high], width: 5)
    }

    /// Σ kᵢ·Pᵢ in variable time (public scalars only; every Pᵢ in G1).
    ///
    /// Up to 256 terms: Straus's interleaving with GLV, i.e. 2n half-length w-NAF expansions
    /// sharing one chain of 128 doublings. Beyond that, Pippenger's bucket method.
    ///
    /// - Parameters:
    ///   - points: the points P_i.
    ///   - scalars: the scalars k_i; extra entries in the longer array are ignored.
    /// - Returns: the sum.
    @inlinable
    public static func msm(points: [G1Projective], scalars: [Fr]) -> G1Projective {
        let n = min(points.count, scalars.count)
        if n > 256 {
            return pippengerMSM(points, scalars.map { $0.canonicalLimbs })
        }
        var bases = [G1Projective]()
        var parts = [[UInt64]]()
        bases.reserveCapacity(2 * n)
        parts.reserveCapacity(2 * n)
        for i in 0..<n {
            let (low, high) = ScalarSplit.glvG1(scalars[i].canonicalLimbs)
            bases.append(points[i])
            parts.append(low)
            bases.append(-points[i].sigma())
            parts.append(high)
        }
        return interleavedWnafMul(bases, parts, width: 5)
    }

    /// Σ kᵢ·Pᵢ for affine points (variable time, public scalars only).
    @inlinable
    public static func msm(points: [G1Affine], scalars: [Fr]) -> G1Projective {
        msm(points: points.map { G1Projective($0) }, scalars: scalars)
    }

    /// n·P for a public integer of any size (little-endian limbs), by plain w-NAF; variable
    /// time. Works on the whole curve, e.g. r·P for the slow subgroup test.
    @inlinable
    func mulBigVartime(_ limbs: [UInt64]) -> G1Projective {
        wnafMul(self, limbs: limbs)
    }

    // MARK: - Endomorphism, subgroup and cofactor

    /// σ(X : Y : Z) = (β·X : Y : Z), the order-3 endomorphism from the cube root of unity β.
    @inlinable
    func sigma() -> G1Projective {
        G1Projective(x: x * Bls12381.beta, y: y, z: z)
    }

    /// Membership in G1 for a point on E1: σ(P) = −z²·P (Bowe 2019, "Faster subgroup checks for
    /// BLS12-381", eprint 2019/814; Scott 2021, eprint 2021/1130, §6). Costs two
    /// multiplications by |z| (126 Jacobian doublings) instead of a 255-bit r·P. Variable time:
    /// for public points (decoders), correct also for small-order inputs.
    @inlinable
    public var isInSubgroup: Bool {
        let p = JacobianPoint(homogeneousX: x, y: y, z: z)
        let z2p = p.mulByXAbs().mulByXAbs()
        let sigmaP = JacobianPoint(x: p.x * Bls12381.beta, y: p.y, z: p.z)
        return sigmaP.equals(-z2p)
    }

    /// The same test with the complete projective formulas (reference path for tests).
    @inlinable
    var isInSubgroupProjective: Bool {
        sigma() == -mulByXAbs(mulByXAbs(self))
    }

    /// Cofactor clearing for hash-to-curve: h_eff·P with h_eff = 1 − z = 0xd201000000010001
    /// (RFC 9380 §8.8.1, §7), i.e. |z|·P + P, on Jacobian coordinates (public points only).
    @inlinable
    public func clearCofactor() -> G1Projective {
        let p = JacobianPoint(homogeneousX: x, y: y, z: z)
        let h = (p.mulByXAbs() + p).homogeneous
        return G1Projective(x: h.x, y: h.y, z: h.z)
    }
}
