// SPDX-License-Identifier: Apache-2.0

/// Scalar decompositions for the GLV (G1) and GLS (G2) multiplications. Both are variable time
/// and used only for public scalars.
@usableFromInline
enum ScalarSplit {
    /// (q, r) with n = q·d + r, 0 ≤ r < d, for little-endian multi-limb n and non-zero d
    /// (binary long division; the operands are at most 256 bits, so this costs about a µs).
    @inlinable
    static func divRem(_ n: [UInt64], _ d: [UInt64]) -> (quotient: [UInt64], remainder: [UInt64]) {
        let width = max(n.count, d.count)
        var q = [UInt64](repeating: 0, count: width)
        var r = [UInt64](repeating: 0, count: width + 1)
        var dd = d
        while dd.count < width + 1 { dd.append(0) }
        for bit in stride(from: n.count * 64 - 1, through: 0, by: -1) {
            // r = 2r + bit
            var carry = (n[bit >> 6] >> UInt64(bit & 63)) & 1
            for i in 0..<r.count {
                let next = r[i] >> 63
                r[i] = (r[i] << 1) | carry
                carry = next
            }
            if !lessThan(r, dd) {
                var borrow: UInt64 = 0
                for i in 0..<r.count {
                    let (s1, o1) = r[i].subtractingReportingOverflow(dd[i])
                    let (s2, o2) = s1.subtractingReportingOverflow(borrow)
                    r[i] = s2
                    borrow = (o1 || o2) ? 1 : 0
                }
                q[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
        return (q, Array(r[0..<width]))
    }

    /// a < b for equal-length little-endian limb arrays.
    @inlinable
    static func lessThan(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] {
            return a[i] < b[i]
        }
        return false
    }

    /// GLV split on G1: k = q·z² + r with 0 ≤ r < z², so k·P = r·P − q·σ(P) because σ acts as
    /// −z² on G1. Both halves have at most 128 bits since k < r < z⁴.
    @inlinable
    static func glvG1(_ k: [UInt64]) -> (low: [UInt64], high: [UInt64]) {
        let (q, r) = divRem(k, Bls12381.xSquared)
        return (r, q)
    }

    /// GLS split on G2: the base-|z| digits k = k0 + k1·|z| + k2·|z|² + k3·|z|³ (each < 2^64;
    /// r < |z|⁴ so four digits suffice). With |z|·P = −ψ(P) on G2,
    /// k·P = k0·P − k1·ψ(P) + k2·ψ²(P) − k3·ψ³(P) (Galbraith–Lin–Scott 2009).
    @inlinable
    static func glsG2(_ k: [UInt64]) -> [UInt64] {
        var n = k
        var digits = [UInt64]()
        for _ in 0..<4 {
            var rem: UInt64 = 0
            for i in stride(from: n.count - 1, through: 0, by: -1) {
                let (q, r) = Bls12381.xAbs.dividingFullWidth((high: rem, low: n[i]))
                n[i] = q
                rem = r
            }
            digits.append(rem)
        }
        return digits
    }
}
