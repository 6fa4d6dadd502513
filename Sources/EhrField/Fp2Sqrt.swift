// SPDX-License-Identifier: Apache-2.0

// MARK: - Square roots and signs in Fp2

extension Fp2 {
    /// A square root, or `nil` when the element is not a square in F_p². Variable time (meant for
    /// public inputs: point decompression, hash-to-curve outputs).
    ///
    /// The "complex method" with two F_p exponentiations (Scott, "Implementing cryptographic pairings",
    /// 2007, §5.2; Adj and Rodríguez-Henríquez, eprint 2012/685, Algorithm 8), with the second square
    /// root and the inversion merged into one power. For a = a0 + a1·u with a1 ≠ 0:
    ///
    ///     n = a0² + a1² (the norm);  α = n^((p+1)/4), and a is a square iff α² = n
    ///     δ = (a0 + α)/2;  t = δ^((p−3)/4), so t²δ = δ^((p−1)/2) = ±1
    ///     t²δ = 1:  x = tδ + (a1·t/2)·u              (x0 = √δ, 1/x0 = t)
    ///     t²δ = −1: x = a1·t/2 − tδ·u                (x0 = √((a0 − α)/2) = a1/(2√−δ), x1 = 1/t = −tδ)
    ///
    /// The second case uses δ·(a0 − α)/2 = −a1²/4 and (p−3)/4 even, so exactly one of the two candidates
    /// for x0² is a square and no third exponentiation is needed. When a1 = 0 the root is √a0 or √(−a0)·u.
    /// The result is squared and compared as a final safety net. Which of ±x is returned is unspecified;
    /// RFC 9380 callers fix the sign with `sgn0`.
    public func sqrt() -> Fp2? {
        if c1.isZero {
            if let r = c0.sqrt() { return Fp2(c0: r, c1: .zero) }
            if let r = (-c0).sqrt() { return Fp2(c0: .zero, c1: r) }
            return nil
        }
        let n = norm
        let alpha = n.pow(Fp.pPlus1Over4)
        if alpha.squared() != n { return nil }
        let halfA1 = c1 * Fp.twoInverse
        let delta = (c0 + alpha) * Fp.twoInverse
        let t = delta.pow(Fp.pMinus3Over4)
        let td = t * delta
        let x: Fp2
        if t * td == Fp.one {
            x = Fp2(c0: td, c1: halfA1 * t)
        } else {
            x = Fp2(c0: halfA1 * t, c1: -td)
        }
        return x.squared() == self ? x : nil
    }

    /// Square root by Algorithm 9 of Adj and Rodríguez-Henríquez ("Square root computation over even
    /// extension fields", IEEE TC 2014, eprint 2012/685), for q = p ≡ 3 (mod 4) and u² = −1:
    ///
    ///     a1 = a^((p−3)/4);  α = a1²·a = a^((p−1)/2);  a0 = α^p·α
    ///     a0 = −1 → not a square
    ///     x0 = a1·a;  x = u·x0 if α = −1, else (1 + α)^((p−1)/2)·x0
    ///
    /// Two F_p² exponentiations, about twice the cost of `sqrt()`; kept as an independent
    /// cross-check for the tests.
    public func sqrtAlgorithm9() -> Fp2? {
        let a1 = pow(Fp.pMinus3Over4)
        let alpha = a1.squared() * self
        let a0 = alpha.frobenius() * alpha
        let minusOne = -Fp2.one
        if a0 == minusOne { return nil }
        let x0 = a1 * self
        let x: Fp2
        if alpha == minusOne {
            // u·(x0.c0 + x0.c1·u) = −x0.c1 + x0.c0·u
            x = Fp2(c0: -x0.c1, c1: x0.c0)
        } else {
            let b = (Fp2.one + alpha).pow(Fp.pMinus1Over2)
            x = b * x0
        }
        return x.squared() == self ? x : nil
    }

    /// RFC 9380 §4.1 `sgn0` for m = 2: sign₀ ∨ (zero₀ ∧ sign₁), where signᵢ is the parity of the
    /// canonical cᵢ and zero₀ says c0 = 0. Combined with bit operations rather than `||`/`&&`.
    @inlinable
    public var sgn0: Bool {
        let sign0 = UInt8(c0.sgn0 ? 1 : 0)
        let zero0 = UInt8(c0.isZero ? 1 : 0)
        let sign1 = UInt8(c1.sgn0 ? 1 : 0)
        return (sign0 | (zero0 & sign1)) == 1
    }

    /// ZCash/IETF compressed-G2 sign bit: c1 decides (c1 > (p−1)/2); when c1 = 0, c0 decides.
    @inlinable
    public var isLexicographicallyLargest: Bool {
        let large1 = UInt8(c1.isLexicographicallyLargest ? 1 : 0)
        let zero1 = UInt8(c1.isZero ? 1 : 0)
        let large0 = UInt8(c0.isLexicographicallyLargest ? 1 : 0)
        return (large1 | (zero1 & large0)) == 1
    }

    /// True when the element is a square in F_p² (zero included): exactly when its norm
    /// c0² + c1² is a square in F_p (the norm map F_p²* → F_p* is onto and sends squares to squares).
    public var isSquare: Bool { norm.isSquare }
}
