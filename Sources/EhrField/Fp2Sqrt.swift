// SPDX-License-Identifier: Apache-2.0

// MARK: - Square roots and signs in Fp2

extension Fp2 {
    /// A square root, or `nil` when the element is not a square in F_p².
    ///
    /// Algorithm 9 of Adj and Rodríguez-Henríquez, "Square root computation over even extension
    /// fields" (IEEE TC 2014, eprint 2012/685), for q = p ≡ 3 (mod 4) and u² = −1:
    ///
    ///     a1 = a^((p−3)/4);  α = a1²·a = a^((p−1)/2);  a0 = α^p·α
    ///     a0 = −1 → not a square
    ///     x0 = a1·a;  x = u·x0 if α = −1, else (1 + α)^((p−1)/2)·x0
    ///
    /// The result is squared and compared as a final safety net. Which of ±x is returned is
    /// unspecified; RFC 9380 callers fix the sign with `sgn0`.
    public func sqrt() -> Fp2? {
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
    /// canonical cᵢ and zero₀ says c0 = 0. Evaluated with bit operations, no branches.
    @inlinable
    public var sgn0: Bool {
        let sign0 = c0.sgn0
        let zero0 = c0.isZero
        let sign1 = c1.sgn0
        return sign0 || (zero0 && sign1)
    }

    /// ZCash/IETF compressed-G2 sign bit: c1 decides (c1 > (p−1)/2); when c1 = 0, c0 decides.
    @inlinable
    public var isLexicographicallyLargest: Bool {
        let large1 = c1.isLexicographicallyLargest
        let zero1 = c1.isZero
        let large0 = c0.isLexicographicallyLargest
        return large1 || (zero1 && large0)
    }
}
