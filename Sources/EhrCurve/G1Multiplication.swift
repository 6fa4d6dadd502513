// SPDX-License-Identifier: Apache-2.0

import EhrField

extension G1Projective {
    // MARK: - Scalar multiplication

    /// k·P in constant time, for secret scalars: fixed 4-bit windows over all 256 bits with a
    /// table lookup that reads every entry (see `constantTimeMul`).
    ///
    /// - Parameter k: the scalar.
    /// - Returns: k·P.
    @inlinable
    public func mul(_ k: Fr) -> G1Projective {
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

    /// Σ kᵢ·Pᵢ by Pippenger's bucket method (variable time, public scalars only).
    ///
    /// - Parameters:
    ///   - points: the points P_i.
    ///   - scalars: the scalars k_i; extra entries in the longer array are ignored.
    /// - Returns: the sum.
    @inlinable
    public static func msm(points: [G1Projective], scalars: [Fr]) -> G1Projective {
        pippengerMSM(points, scalars.map { $0.canonicalLimbs })
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
    /// multiplications by |z| (126 doublings) instead of a 255-bit r·P. Variable time in the
    /// result only.
    @inlinable
    public var isInSubgroup: Bool {
        let z2p = mulByXAbs(mulByXAbs(self))
        return sigma() == -z2p
    }

    /// Cofactor clearing for hash-to-curve: h_eff·P with h_eff = 1 − z = 0xd201000000010001
    /// (RFC 9380 §8.8.1, §7), i.e. |z|·P + P.
    @inlinable
    public func clearCofactor() -> G1Projective {
        mulByXAbs(self) + self
    }
}
