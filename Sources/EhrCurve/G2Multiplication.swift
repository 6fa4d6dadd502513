// SPDX-License-Identifier: Apache-2.0

import EhrField

extension G2Projective {
    // MARK: - Scalar multiplication

    /// k·P in constant time, for secret scalars.
    ///
    /// GLS (Galbraith–Lin–Scott 2009) with ψ: k is split into four base-|z| digits by a
    /// constant-time division (`ConstantTimeSplit`), k·P = k0·P − k1·ψ(P) + k2·ψ²(P) − k3·ψ³(P),
    /// and the four 64-bit digits are processed with fixed 4-bit windows, one shared chain of 60
    /// doublings and 64 complete additions, and lookups that read all 16 entries of each table.
    /// The tables for ψ^j(P) are ψ applied to the table of P. P must lie in G2 (ψ = z holds only
    /// there); every decoded or hashed point does.
    ///
    /// - Parameter k: the scalar.
    /// - Returns: k·P.
    @inlinable
    public func mul(_ k: Fr) -> G2Projective {
        let digits = ConstantTimeSplit.glsG2(k.canonicalLimbs)
        let t0 = multiplesTable(self)
        let t1 = t0.map { $0.psi() }
        let t2 = t1.map { $0.psi() }
        let t3 = t2.map { $0.psi() }
        return constantTimeMultiMul(tables: [t0, t1.map { -$0 }, t2, t3.map { -$0 }], scalars: digits, bits: 64)
    }

    /// k·P by fixed 4-bit windows over all 256 bits without the endomorphism: constant time and
    /// valid on the whole curve. Kept as the reference path for tests.
    @inlinable
    func mulConstantTimeNoGLS(_ k: Fr) -> G2Projective {
        constantTimeMul(self, limbs: k.canonicalLimbs)
    }

    /// k·P in variable time, for public scalars only: GLS with ψ (Galbraith–Lin–Scott 2009)
    /// writes k in base |z| as four 64-bit digits, k·P = k0·P − k1·ψ(P) + k2·ψ²(P) − k3·ψ³(P),
    /// evaluated by interleaved w-NAF (w = 4). P must lie in G2, where ψ acts as z.
    ///
    /// - Parameter k: the public scalar.
    /// - Returns: k·P.
    @inlinable
    public func mulVartime(_ k: Fr) -> G2Projective {
        let digits = ScalarSplit.glsG2(k.canonicalLimbs)
        let p1 = psi()
        let p2 = p1.psi()
        let p3 = p2.psi()
        return interleavedWnafMul([self, -p1, p2, -p3], digits.map { [$0] }, width: 4)
    }

    /// Σ kᵢ·Pᵢ in variable time (public scalars only; every Pᵢ in G2).
    ///
    /// Up to 256 terms: Straus's interleaving with GLS, i.e. 4n quarter-length w-NAF expansions
    /// sharing one chain of 64 doublings. Beyond that, Pippenger's bucket method.
    ///
    /// - Parameters:
    ///   - points: the points P_i.
    ///   - scalars: the scalars k_i; extra entries in the longer array are ignored.
    /// - Returns: the sum.
    @inlinable
    public static func msm(points: [G2Projective], scalars: [Fr]) -> G2Projective {
        let n = min(points.count, scalars.count)
        if n > 256 {
            return pippengerMSM(points, scalars.map { $0.canonicalLimbs })
        }
        var bases = [G2Projective]()
        var parts = [[UInt64]]()
        bases.reserveCapacity(4 * n)
        parts.reserveCapacity(4 * n)
        for i in 0..<n {
            let digits = ScalarSplit.glsG2(scalars[i].canonicalLimbs)
            let p1 = points[i].psi()
            let p2 = p1.psi()
            bases.append(contentsOf: [points[i], -p1, p2, -p2.psi()])
            parts.append(contentsOf: digits.map { [$0] })
        }
        return interleavedWnafMul(bases, parts, width: 4)
    }

    /// Σ kᵢ·Pᵢ for affine points (variable time, public scalars only).
    @inlinable
    public static func msm(points: [G2Affine], scalars: [Fr]) -> G2Projective {
        msm(points: points.map { G2Projective($0) }, scalars: scalars)
    }

    /// n·P for a public integer of any size (little-endian limbs), by plain w-NAF; variable
    /// time. Works on the whole curve, e.g. r·P for the slow subgroup test.
    @inlinable
    func mulBigVartime(_ limbs: [UInt64]) -> G2Projective {
        wnafMul(self, limbs: limbs)
    }

    // MARK: - Endomorphism, subgroup and cofactor

    /// ψ(X : Y : Z) = (conj(X)·ψx : conj(Y)·ψy : conj(Z)), untwist–Frobenius–twist
    /// (RFC 9380 Appendix G.3 gives the affine form with the same constants).
    @inlinable
    public func psi() -> G2Projective {
        G2Projective(
            x: Fp2(c0: x.c0, c1: -x.c1) * Bls12381.psiX,
            y: Fp2(c0: y.c0, c1: -y.c1) * Bls12381.psiY,
            z: Fp2(c0: z.c0, c1: -z.c1))
    }

    /// Membership in G2 for a point on E2: ψ(P) = z·P (Scott 2021, "A note on group membership
    /// tests for G1, G2 and GT on BLS pairing-friendly curves", eprint 2021/1130, §4), i.e.
    /// ψ(P) = −|z|·P: 63 Jacobian doublings instead of a 255-bit r·P. Variable time: for public
    /// points (decoders), correct also for small-order inputs.
    @inlinable
    public var isInSubgroup: Bool {
        let p = JacobianPoint(homogeneousX: x, y: y, z: z)
        return G2Projective.psiJacobian(p).equals(-p.mulByXAbs())
    }

    /// The same test with the complete projective formulas (reference path for tests).
    @inlinable
    var isInSubgroupProjective: Bool {
        psi() == -mulByXAbs(self)
    }

    /// ψ on Jacobian coordinates: (conj(X)·ψx, conj(Y)·ψy, conj(Z)), since conj commutes with
    /// the powers of Z.
    @inlinable
    static func psiJacobian(_ p: JacobianPoint<Fp2>) -> JacobianPoint<Fp2> {
        JacobianPoint(
            x: p.x.conjugate() * Bls12381.psiX,
            y: p.y.conjugate() * Bls12381.psiY,
            z: p.z.conjugate())
    }

    /// z·P = −|z|·P for the BLS parameter z = −0xd201000000010000.
    @inlinable
    func mulByZ() -> G2Projective {
        -mulByXAbs(self)
    }

    /// Cofactor clearing h_eff·P for hash-to-curve by the ψ method of Budroni–Pintore
    /// (eprint 2017/419), exactly RFC 9380 Appendix G.3 (`clear_cofactor_bls12381_g2`):
    /// h_eff·P = (z² − z − 1)·P + (z − 1)·ψ(P) + ψ²(2·P). Runs on Jacobian coordinates, whose
    /// additions branch on exceptional cases: for public points (hash outputs) only.
    @inlinable
    public func clearCofactor() -> G2Projective {
        let p = JacobianPoint(homogeneousX: x, y: y, z: z)
        let psi = G2Projective.psiJacobian
        let t1 = -p.mulByXAbs()  // 1. t1 = c1·P, c1 = z
        var t2 = psi(p)  // 2. t2 = ψ(P)
        var t3 = psi(psi(p.doubled()))  // 3–4. t3 = ψ²(2·P)
        t3 = t3 + (-t2)  // 5.
        t2 = t1 + t2  // 6.
        t2 = -t2.mulByXAbs()  // 7. t2 = c1·t2
        t3 = t3 + t2  // 8.
        t3 = t3 + (-t1)  // 9.
        let q = (t3 + (-p)).homogeneous  // 10. Q = t3 − P
        return G2Projective(x: q.x, y: q.y, z: q.z)
    }

    /// The RFC 9380 G.3 chain on the complete projective formulas (reference path for tests).
    @inlinable
    func clearCofactorProjective() -> G2Projective {
        let t1 = mulByZ()
        var t2 = psi()
        var t3 = doubled().psi().psi()
        t3 = t3 - t2
        t2 = t1 + t2
        t2 = t2.mulByZ()
        t3 = t3 + t2
        t3 = t3 - t1
        return t3 - self
    }
}
