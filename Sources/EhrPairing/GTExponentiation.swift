// SPDX-License-Identifier: Apache-2.0
import EhrField

// MARK: - Exponentiation in GT with the Frobenius endomorphism

// On GT the p-power Frobenius acts as exponentiation by p ≡ z (mod r) (the eigenvalue used by
// the membership test, Scott 2021/1130). With d = |z| = −z this gives, for x ∈ GT,
//
//     x^d = conj(x^p),   x^(d²) = x^(p²),   x^(d³) = conj(x^(p³)),
//
// i.e. the powers x^(d^i) cost a Frobenius map each. Writing the exponent in base d,
// k = k0 + k1·d + k2·d² + k3·d³ with 0 ≤ kᵢ < d < 2⁶⁴ (possible because r < d⁴), turns one
// 255-bit exponentiation into a 4-dimensional multi-exponentiation with 64-bit exponents
// (the GT analogue of GLV/GLS, Galbraith–Lin–Scott 2009, "Endomorphisms for faster elliptic
// curve cryptography on a large class of curves", §4; Scott's pairing survey uses the same
// trick for GT). Cost: 63 cyclotomic squarings and 64 + 11 multiplications instead of 255
// squarings and ~64 multiplications.

extension GT {
    /// `self^k` in constant time: the exponent is secret in encryption (m·e(Q, y)^k).
    ///
    /// The base-|z| digits are computed with a branch-free long division, and the joint
    /// 4-dimensional table of the 16 products y0^b0·y1^b1·y2^b2·y3^b3 is read in full at every
    /// step (masked selection), so neither the control flow nor the memory access pattern
    /// depends on k. Every step multiplies, also by the table's identity entry.
    ///
    /// - Parameter k: the exponent, any element of F_r.
    /// - Returns: `self^k`.
    public func pow(_ k: Fr) -> GT {
        let digits = GT.baseZDigits(k.canonicalLimbs)
        let table = jointTable()
        var acc = Fp12.one
        var bit = 63
        while bit >= 0 {
            acc = acc.cyclotomicSquared()
            let index = GT.tableIndex(digits, bit)
            var chosen = table[0]
            for j in 1..<table.count {
                chosen = Fp12.select(chosen, table[j], j == index)
            }
            acc = acc * chosen
            bit -= 1
        }
        return GT(unchecked: acc)
    }

    /// `self^k` in variable time, for public exponents only (signature checks, tests).
    ///
    /// Same Frobenius decomposition, but leading zero bits and multiplications by the table's
    /// identity entry are skipped.
    public func powVartime(_ k: Fr) -> GT {
        let digits = GT.baseZDigits(k.canonicalLimbs)
        let table = jointTable()
        var acc = Fp12.one
        var started = false
        var bit = 63
        while bit >= 0 {
            if started {
                acc = acc.cyclotomicSquared()
            }
            let index = GT.tableIndex(digits, bit)
            if index != 0 {
                acc = started ? acc * table[index] : table[index]
                started = true
            }
            bit -= 1
        }
        return GT(unchecked: acc)
    }

    /// The 16 products `y0^b0·y1^b1·y2^b2·y3^b3`, indexed by `b0 + 2b1 + 4b2 + 8b3`, with
    /// `y_i = self^(|z|^i)` obtained by Frobenius maps (11 multiplications).
    @usableFromInline
    func jointTable() -> [Fp12] {
        let y0 = value
        let y1 = value.frobenius(1).conjugate()
        let y2 = value.frobenius(2)
        let y3 = value.frobenius(3).conjugate()
        var t = [Fp12](repeating: Fp12.one, count: 16)
        t[1] = y0
        t[2] = y1
        t[3] = y1 * y0
        t[4] = y2
        for j in 5..<8 {
            t[j] = y2 * t[j - 4]
        }
        t[8] = y3
        for j in 9..<16 {
            t[j] = y3 * t[j - 8]
        }
        return t
    }

    /// Bit `bit` of each of the four digits, packed as a table index.
    @inlinable @inline(__always)
    static func tableIndex(_ d: (UInt64, UInt64, UInt64, UInt64), _ bit: Int) -> Int {
        let s = UInt64(bit)
        let i = ((d.0 >> s) & 1) | (((d.1 >> s) & 1) << 1) | (((d.2 >> s) & 1) << 2) | (((d.3 >> s) & 1) << 3)
        return Int(truncatingIfNeeded: i)
    }

    /// Writes a 256-bit little-endian integer k < |z|⁴ as k0 + k1·|z| + k2·|z|² + k3·|z|³,
    /// 0 ≤ kᵢ < |z|, in constant time (restoring long division, one bit at a time, with masked
    /// conditional subtraction; no hardware division, whose latency can depend on operands).
    @usableFromInline
    static func baseZDigits(_ k: [UInt64]) -> (UInt64, UInt64, UInt64, UInt64) {
        func limb(_ i: Int) -> UInt64 { i < k.count ? k[i] : 0 }
        var n = (limb(0), limb(1), limb(2), limb(3))
        let r0 = divModZ(&n)
        let r1 = divModZ(&n)
        let r2 = divModZ(&n)
        // Now n < |z| (k < r < |z|⁴), so it is the last digit and fits in one limb.
        return (r0, r1, r2, n.0)
    }

    /// n ← ⌊n / |z|⌋, returns n mod |z|; constant time.
    @usableFromInline
    static func divModZ(_ n: inout (UInt64, UInt64, UInt64, UInt64)) -> UInt64 {
        let d = BLS12.zAbs
        var rem: UInt64 = 0
        var q: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var limb = 3
        while limb >= 0 {
            let word: UInt64
            switch limb {
            case 3: word = n.3
            case 2: word = n.2
            case 1: word = n.1
            default: word = n.0
            }
            var qWord: UInt64 = 0
            var bit = 63
            while bit >= 0 {
                // rem < d < 2⁶⁴; shifting in one bit gives a 65-bit value (top, rem).
                let top = rem >> 63
                rem = (rem << 1) | ((word >> UInt64(bit)) & 1)
                let (diff, borrow) = rem.subtractingReportingOverflow(d)
                // Subtract when the 65-bit value is ≥ d: the top bit is set or there was no borrow.
                let take = top | (UInt64(borrow ? 0 : 1))
                let mask = 0 &- take
                rem = (diff & mask) | (rem & ~mask)
                qWord |= take << UInt64(bit)
                bit -= 1
            }
            switch limb {
            case 3: q.3 = qWord
            case 2: q.2 = qWord
            case 1: q.1 = qWord
            default: q.0 = qWord
            }
            limb -= 1
        }
        n = q
        return rem
    }
}
