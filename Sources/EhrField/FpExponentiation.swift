// SPDX-License-Identifier: Apache-2.0

import CGMP

// MARK: - Exponentiation, inversion, square roots and signs in Fp

extension Fp {
    /// p − 2, the Fermat inversion exponent (a⁻¹ = a^(p−2) for a ≠ 0, and 0 ↦ 0).
    public static let pMinus2: [UInt64] = [
        0xb9feffffffffaaa9, 0x1eabfffeb153ffff, 0x6730d2a0f6b0f624,
        0x64774b84f38512bf, 0x4b1ba7b6434bacd7, 0x1a0111ea397fe69a,
    ]

    /// (p + 1)/4: since p ≡ 3 (mod 4), a^((p+1)/4) is a square root of every square a.
    public static let pPlus1Over4: [UInt64] = [
        0xee7fbfffffffeaab, 0x07aaffffac54ffff, 0xd9cc34a83dac3d89,
        0xd91dd2e13ce144af, 0x92c6e9ed90d2eb35, 0x0680447a8e5ff9a6,
    ]

    /// (p − 3)/4: the exponent c1 of RFC 9380 §F.2.1.2 `sqrt_ratio` for q ≡ 3 (mod 4), also used by the
    /// Fp2 square roots.
    public static let pMinus3Over4: [UInt64] = [
        0xee7fbfffffffeaaa, 0x07aaffffac54ffff, 0xd9cc34a83dac3d89,
        0xd91dd2e13ce144af, 0x92c6e9ed90d2eb35, 0x0680447a8e5ff9a6,
    ]

    /// (p − 1)/2: the largest "non-negative" value in the ZCash sign convention, and the Legendre exponent.
    public static let pMinus1Over2: [UInt64] = [
        0xdcff7fffffffd555, 0x0f55ffff58a9ffff, 0xb39869507b587b12,
        0xb23ba5c279c2895f, 0x258dd3db21a5d66b, 0x0d0088f51cbff34d,
    ]

    /// The little-endian limbs of p (e.g. for exponents such as p^k − 1 built by callers).
    public static let modulusLimbs: [UInt64] = [
        0xb9feffffffffaaab, 0x1eabfffeb153ffff, 0x6730d2a0f6b0f624,
        0x64774b84f38512bf, 0x4b1ba7b6434bacd7, 0x1a0111ea397fe69a,
    ]

    /// Raises the element to a **public** exponent.
    ///
    /// Left-to-right sliding windows of up to five bits over a table of the 16 odd powers base¹ … base³¹
    /// on the stack (Menezes, van Oorschot, Vanstone, Handbook of Applied Cryptography, Alg. 14.85): about
    /// one multiplication per six exponent bits. The sequence of squarings and multiplications and the
    /// table indices depend only on the exponent, never on the base, so the call is constant-time in the
    /// base (and variable-time in the exponent).
    ///
    /// - Parameter exponentLE: the exponent as little-endian 64-bit limbs (any length).
    /// - Returns: self^exponent; self⁰ = 1, including 0⁰.
    public func pow(_ exponentLE: [UInt64]) -> Fp {
        let base = self
        return withUnsafeTemporaryAllocation(of: Fp.self, capacity: 16) { odd -> Fp in
            // odd[k] = base^(2k+1), k < 16.
            let square = base.squared()
            odd.initialize(repeating: base)
            for k in 1..<16 { odd[k] = odd[k - 1] * square }
            var acc = Fp.one
            var started = false
            var i = exponentLE.count * 64 - 1
            while i >= 0 {
                if (exponentLE[i >> 6] >> UInt64(i & 63)) & 1 == 0 {
                    if started { acc = acc.squared() }
                    i -= 1
                    continue
                }
                // The window [j, i] spans at most five bits and ends in a set bit, so its value is odd.
                var j = Swift.max(i - 4, 0)
                while (exponentLE[j >> 6] >> UInt64(j & 63)) & 1 == 0 { j += 1 }
                var value = 0
                var k = i
                while k >= j {
                    value = value << 1 | Int(truncatingIfNeeded: (exponentLE[k >> 6] >> UInt64(k & 63)) & 1)
                    k -= 1
                }
                if started {
                    for _ in j...i { acc = acc.squared() }
                    acc = acc * odd[value >> 1]
                } else {
                    acc = odd[value >> 1]
                    started = true
                }
                i = j - 1
            }
            return acc
        }
    }

    /// Multiplicative inverse in constant time by Fermat's little theorem, a^(p−2); the inverse of 0 is 0.
    /// `inverse()` uses the faster safegcd; this stays as an independent cross-check.
    public func inverseFermat() -> Fp {
        pow(Fp.pMinus2)
    }

    /// Multiplicative inverse for **public** values only; the inverse of 0 is 0.
    ///
    /// Uses GMP's `mpz_invert` (extended Euclid, variable time) on the Montgomery integer x = aR, which
    /// gives (aR)⁻¹; one Montgomery multiplication by R³ turns it into a⁻¹R, the Montgomery form of a⁻¹.
    public func inverseVartime() -> Fp {
        if isZero { return .zero }
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (l0, l1, l2, l3, l4, l5)
        var modulus: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
            0xb9feffffffffaaab, 0x1eabfffeb153ffff, 0x6730d2a0f6b0f624,
            0x64774b84f38512bf, 0x4b1ba7b6434bacd7, 0x1a0111ea397fe69a
        )
        var x = __mpz_struct()
        var m = __mpz_struct()
        var y = __mpz_struct()
        __gmpz_init(&x)
        __gmpz_init(&m)
        __gmpz_init(&y)
        withUnsafeBytes(of: &words) { __gmpz_import(&x, 6, -1, 8, 0, 0, $0.baseAddress) }
        withUnsafeBytes(of: &modulus) { __gmpz_import(&m, 6, -1, 8, 0, 0, $0.baseAddress) }
        let ok = __gmpz_invert(&y, &x, &m)
        words = (0, 0, 0, 0, 0, 0)
        var count = 0
        // y < p fits in six limbs; mpz_export writes `count` ≤ 6 words.
        withUnsafeMutableBytes(of: &words) { _ = __gmpz_export($0.baseAddress, &count, -1, 8, 0, 0, &y) }
        __gmpz_clear(&x)
        __gmpz_clear(&m)
        __gmpz_clear(&y)
        if ok == 0 { return .zero }  // unreachable for 0 < x < p, p prime
        let plain = Fp(l0: words.0, l1: words.1, l2: words.2, l3: words.3, l4: words.4, l5: words.5)
        return plain * Fp.montgomeryR3
    }

    /// A square root, or `nil` when the element is not a square.
    ///
    /// p ≡ 3 (mod 4), so c = a^((p+1)/4) satisfies c² = a whenever a is a square (RFC 9380 §I.1,
    /// sqrt_3mod4); the candidate is verified, which also detects non-squares. Which of ±c is returned
    /// is unspecified; callers fix the sign with `sgn0` or `isLexicographicallyLargest`.
    public func sqrt() -> Fp? {
        let c = pow(Fp.pPlus1Over4)
        return c.squared() == self ? c : nil
    }

    /// True when the element is a square (including zero): Euler's criterion a^((p−1)/2) ∈ {0, 1}.
    public var isSquare: Bool {
        let e = pow(Fp.pMinus1Over2)
        return e.isZero || e.isOne
    }

    /// RFC 9380 §4.1 `sgn0` for m = 1: the parity of the canonical value (true = odd).
    @inlinable
    public var sgn0: Bool {
        montgomeryReduced().l0 & 1 == 1
    }

    /// ZCash/IETF compressed-point sign: the canonical value is greater than (p − 1)/2.
    /// Computed as the borrow of (p − 1)/2 − a, without branches.
    @inlinable
    public var isLexicographicallyLargest: Bool {
        let c = montgomeryReduced()
        var bw: UInt64 = 0
        (_, bw) = subBorrow(0xdcff7fffffffd555, c.l0, bw)
        (_, bw) = subBorrow(0x0f55ffff58a9ffff, c.l1, bw)
        (_, bw) = subBorrow(0xb39869507b587b12, c.l2, bw)
        (_, bw) = subBorrow(0xb23ba5c279c2895f, c.l3, bw)
        (_, bw) = subBorrow(0x258dd3db21a5d66b, c.l4, bw)
        (_, bw) = subBorrow(0x0d0088f51cbff34d, c.l5, bw)
        return bw == 1
    }
}
