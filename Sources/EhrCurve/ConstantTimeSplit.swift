// SPDX-License-Identifier: Apache-2.0

/// Constant-time scalar decompositions for the GLV (G1) and GLS (G2) multiplications of secret
/// scalars. The divisors z² and |z| are public constants; the dividend is secret, so the division
/// is a fixed 256-step restoring binary long division whose subtractions are applied through
/// masks: no branch and no memory index depends on the scalar.
@usableFromInline
enum ConstantTimeSplit {
    /// (⌊n/d⌋, n mod d) for a 256-bit n (four little-endian limbs) and a divisor d < 2^128.
    @inlinable
    static func divRem(_ n: (UInt64, UInt64, UInt64, UInt64), _ d0: UInt64, _ d1: UInt64)
        -> (q: (UInt64, UInt64, UInt64, UInt64), r0: UInt64, r1: UInt64)
    {
        var q: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var r0: UInt64 = 0
        var r1: UInt64 = 0
        var r2: UInt64 = 0  // r < 2d < 2^129 after the shift
        for bit in stride(from: 255, through: 0, by: -1) {
            let limb: UInt64
            switch bit >> 6 {  // public loop index
            case 0: limb = n.0
            case 1: limb = n.1
            case 2: limb = n.2
            default: limb = n.3
            }
            let b = (limb >> UInt64(bit & 63)) & 1
            r2 = (r2 << 1) | (r1 >> 63)
            r1 = (r1 << 1) | (r0 >> 63)
            r0 = (r0 << 1) | b
            // r − d with the borrows computed by bit logic, not Bool flags: LLVM compiled the
            // `Bool ? 1 : 0` / `||` version into branches on the (secret) borrow.
            let t0 = r0 &- d0
            let b0 = borrowOut(r0, d0, t0)
            let t1 = r1 &- d1 &- b0
            let b1 = borrowOut(r1, d1, t1)
            let t2 = r2 &- b1
            let b2 = borrowOut(r2, 0, t2)
            // No final borrow ⇔ r ≥ d ⇔ subtract and set the quotient bit.
            let mask = ctBarrier((b2 ^ 1) &* UInt64.max)
            r0 = (r0 & ~mask) | (t0 & mask)
            r1 = (r1 & ~mask) | (t1 & mask)
            r2 = (r2 & ~mask) | (t2 & mask)
            let qBit = (mask & 1) << UInt64(bit & 63)
            switch bit >> 6 {
            case 0: q.0 |= qBit
            case 1: q.1 |= qBit
            case 2: q.2 |= qBit
            default: q.3 |= qBit
            }
        }
        return (q, r0, r1)
    }

    /// The borrow (0 or 1) out of the limb subtraction diff = a − b − borrowIn, from the top bits
    /// of a, b and diff (Hacker's Delight §2-16); pure bit logic, so no flag-driven branch.
    @inlinable @inline(__always)
    static func borrowOut(_ a: UInt64, _ b: UInt64, _ diff: UInt64) -> UInt64 {
        ((~a & b) | ((~a | b) & diff)) >> 63
    }

    /// Limbs of an Fr canonical value as a tuple.
    @inlinable
    static func tuple(_ limbs: [UInt64]) -> (UInt64, UInt64, UInt64, UInt64) {
        (limbs.count > 0 ? limbs[0] : 0, limbs.count > 1 ? limbs[1] : 0,
         limbs.count > 2 ? limbs[2] : 0, limbs.count > 3 ? limbs[3] : 0)
    }

    /// GLV split k = low + high·z² with low, high < 2^128 (see `ScalarSplit.glvG1`), constant time.
    @inlinable
    static func glvG1(_ k: [UInt64]) -> [[UInt64]] {
        let (q, r0, r1) = divRem(tuple(k), Bls12381.xSquared[0], Bls12381.xSquared[1])
        return [[r0, r1], [q.0, q.1]]
    }

    /// GLS split into the four base-|z| digits of k (see `ScalarSplit.glsG2`), constant time.
    @inlinable
    static func glsG2(_ k: [UInt64]) -> [[UInt64]] {
        var n = tuple(k)
        var digits = [[UInt64]]()
        for _ in 0..<3 {
            let (q, r0, _) = divRem(n, Bls12381.xAbs, 0)
            digits.append([r0])
            n = q
        }
        digits.append([n.0])  // k < r < |z|⁴, so the last quotient is below |z|
        return digits
    }
}

/// Σ k_j·Q_j in constant time, given for each j the table [0·Q_j, 1·Q_j, …, 15·Q_j] and the
/// secret sub-scalar k_j (little-endian limbs) of at most `bits` bits: fixed 4-bit windows,
/// one shared doubling chain, and for every window and every j a full-table masked lookup.
@inlinable
func constantTimeMultiMul<P: ProjectivePoint>(tables: [[P]], scalars: [[UInt64]], bits: Int) -> P {
    var acc = P.identity
    let windows = bits / 4
    for window in stride(from: windows - 1, through: 0, by: -1) {
        if window != windows - 1 {
            acc = acc.doubled().doubled().doubled().doubled()
        }
        let limbIndex = window >> 4  // public
        let shift = UInt64((window & 15) << 2)
        for j in 0..<tables.count {
            let digit = (scalars[j][limbIndex] >> shift) & 0xF
            var chosen = P.identity
            for i in 0..<16 {
                chosen.conditionalAssign(tables[j][i], mask: ctEqualMask(UInt64(i), digit))
            }
            acc = acc + chosen
        }
    }
    return acc
}

/// [0·P, 1·P, …, 15·P] with complete formulas.
@inlinable
func multiplesTable<P: ProjectivePoint>(_ p: P) -> [P] {
    var table = [P]()
    table.reserveCapacity(16)
    table.append(P.identity)
    table.append(p)
    for i in 2..<16 {
        table.append(i & 1 == 0 ? table[i >> 1].doubled() : table[i - 1] + p)
    }
    return table
}
