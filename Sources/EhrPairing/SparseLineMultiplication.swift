// SPDX-License-Identifier: Apache-2.0
import EhrField

// MARK: - Sparse multiplication of the Miller accumulator by a line

// Every line of the optimal ate Miller loop, evaluated at P = (xP, yP) ∈ E(F_p) after the
// untwisting ψ(x', y') = (x'·w⁻², y'·w⁻³) and multiplied by w³ (an element of F_p⁴, which the
// final exponentiation sends to 1), has the shape
//
//     ℓ = a + b·w² + c·w³,   a, b, c ∈ F_p²
//
// (Costello–Lange–Naehrig 2010, §4 and §5; Aranha et al. 2010, §3 for the D-type analogue).
// Since w² = v and w³ = v·w in the tower, ℓ = (a + b·v) + (c·v)·w: three of the twelve
// F_p coefficient pairs are non-zero (the w⁰, w², w³ slots; zkcrypto calls this layout
// "014" counting the six F_p² slots as c0.c0, c0.c1, c0.c2, c1.c0, c1.c1, c1.c2).

extension Fp6 {
    /// `self · (b0 + b1·v)`: five F_p² multiplications (Karatsuba) instead of six.
    @inlinable @inline(__always)
    func mulBy01(_ b0: Fp2, _ b1: Fp2) -> Fp6 {
        // (a0 + a1 v + a2 v²)(b0 + b1 v) = a0b0 + ξ a2b1 + (a0b1 + a1b0) v + (a1b1 + a2b0) v².
        let t0 = c0 * b0
        let t1 = c1 * b1
        let r0 = ((c1 + c2) * b1 - t1).mulByNonresidue() + t0
        let r1 = (c0 + c1) * (b0 + b1) - t0 - t1
        let r2 = (c0 + c2) * b0 - t0 + t1
        return Fp6(c0: r0, c1: r1, c2: r2)
    }

    /// `self · (b1·v)`: three F_p² multiplications.
    @inlinable @inline(__always)
    func mulBy1(_ b1: Fp2) -> Fp6 {
        // (a0 + a1 v + a2 v²)·b1 v = ξ a2b1 + a0b1 v + a1b1 v².
        Fp6(c0: (c2 * b1).mulByNonresidue(), c1: c0 * b1, c2: c1 * b1)
    }
}

extension Fp12 {
    /// Multiplies by the sparse element `a + b·w² + c·w³` = `(a + b·v) + (c·v)·w`.
    ///
    /// Karatsuba over F_p⁶ with both factors sparse: 5 + 3 + 5 = 13 F_p² multiplications
    /// instead of 18 for a dense product.
    @inlinable @inline(__always)
    func mulByLine(_ a: Fp2, _ b: Fp2, _ c: Fp2) -> Fp12 {
        let t0 = c0.mulBy01(a, b)
        let t1 = c1.mulBy1(c)
        let s = (c0 + c1).mulBy01(a, b + c)
        return Fp12(c0: t0 + t1.mulByV(), c1: s - t0 - t1)
    }
}
