// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField

/// The public checks on committed shares (PROTOCOL.md §4 steps 2 and 6; GJKR 2007 Fig. 2):
///
/// * Pedersen: s·g2 + s'·h = Σ_k j^k·C_k
/// * Feldman:  s·g2 = Σ_k j^k·A_k
///
/// The right-hand sides are evaluated by Horner's rule with the small public index j
/// (j ≤ 256), so each step costs at most 8 doublings and 8 additions instead of a full
/// scalar multiplication by j^k mod r. The left-hand sides multiply the share scalars, which
/// are secret to the holder, in constant time (`mulGenerator`'s fixed-base table for g2, `mul`
/// for h).
enum DKGCommitmentCheck {
    /// k·P for a small public integer k, by double-and-add from the top bit.
    static func smallMul(_ p: G2Projective, _ k: UInt64) -> G2Projective {
        guard k != 0 else { return .identity }
        var acc = G2Projective.identity
        var bit = 63 - k.leadingZeroBitCount
        while bit >= 0 {
            acc = acc.doubled()
            if (k >> UInt64(bit)) & 1 == 1 { acc = acc + p }
            bit -= 1
        }
        return acc
    }

    /// Σ_k x^k·P_k for a small public x (Horner, highest power first).
    static func evaluate(_ points: [G2Projective], at x: UInt64) -> G2Projective {
        var acc = G2Projective.identity
        for p in points.reversed() { acc = smallMul(acc, x) + p }
        return acc
    }

    /// True if (s, s') opens the Pedersen commitment vector C at index j.
    static func pedersen(_ c: [G2Projective], index j: UInt16, s: Fr, sPrime: Fr, h: G2Projective) -> Bool {
        let lhs = G2Projective.mulGenerator(s) + h.mul(sPrime)
        return lhs == evaluate(c, at: UInt64(j))
    }

    /// True if s opens the Feldman commitment vector A at index j.
    static func feldman(_ a: [G2Projective], index j: UInt16, s: Fr) -> Bool {
        G2Projective.mulGenerator(s) == evaluate(a, at: UInt64(j))
    }
}
