// SPDX-License-Identifier: Apache-2.0

import EhrField

/// Square roots in Fp2 = Fp[u]/(u² + 1) from square roots in Fp, for public inputs only
/// (point decompression and the G2 SWU map). This is an internal extension of EhrField: the
/// field's `Fp2.sqrt()` (Adj–Rodríguez-Henríquez) costs two Fp2 exponentiations, whereas the
/// "complex method" below (Scott, "Implementing cryptographic pairings", 2007, §3.3; also
/// eprint 2012/685 Alg. 8) needs two Fp exponentiations and one Fp inversion.
///
/// For a = a0 + a1·u with a1 ≠ 0: a is a square iff its norm α = a0² + a1² is a square in Fp.
/// With γ = sqrt(α) and δ = (a0 + γ)/2, the root is x0 + x1·u with x0 = sqrt(δ), x1 = a1/(2·x0).
/// When δ is not a square, p ≡ 3 (mod 4) makes c = δ^((p+1)/4) a root of −δ, and the other
/// choice (a0 − γ)/2 = −a1²/(4δ) has the root a1/(2c); the result is then a1/(2c) + c·u.
/// Variable time (branches on squareness).
@usableFromInline
enum Fp2SqrtVartime {
    /// (p + 1)/4, little-endian, the exponent of sqrt in Fp for p ≡ 3 (mod 4).
    @usableFromInline static let pPlus1Over4: [UInt64] = [
        0xee7f_bfff_ffff_eaab, 0x07aa_ffff_ac54_ffff, 0xd9cc_34a8_3dac_3d89,
        0xd91d_d2e1_3ce1_44af, 0x92c6_e9ed_90d2_eb35, 0x0680_447a_8e5f_f9a6,
    ]

    /// 1/2 in Fp.
    @usableFromInline static let half = Fp(2).inverseVartime()

    /// A square root of `a`, or nil when `a` is not a square. Which root is unspecified.
    @inlinable
    static func sqrt(_ a: Fp2) -> Fp2? {
        if a.c1.isZero {
            // a0 or −a0 is a square in Fp (−1 is not): sqrt(a0) or sqrt(−a0)·u.
            let c = a.c0.pow(pPlus1Over4)
            if c.squared() == a.c0 {
                return Fp2(c0: c, c1: .zero)
            }
            return Fp2(c0: .zero, c1: c)  // c² = −a0
        }
        let alpha = a.c0.squared() + a.c1.squared()
        let gamma = alpha.pow(pPlus1Over4)
        guard gamma.squared() == alpha else {
            return nil  // the norm is not a square, so neither is a
        }
        let delta = (a.c0 + gamma) * half
        let c = delta.pow(pPlus1Over4)
        let root: Fp2
        if c.squared() == delta {
            root = Fp2(c0: c, c1: a.c1 * (c.doubled()).inverseVartime())
        } else {
            root = Fp2(c0: a.c1 * (c.doubled()).inverseVartime(), c1: c)
        }
        // A cheap final check keeps the function correct even if an assumption above failed.
        return root.squared() == a ? root : nil
    }
}
