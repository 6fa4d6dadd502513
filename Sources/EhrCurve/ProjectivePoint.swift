// SPDX-License-Identifier: Apache-2.0

import EhrField

/// The operations the shared scalar-multiplication algorithms need from G1 and G2.
///
/// Both groups use homogeneous projective coordinates with the complete formulas of
/// Renes–Costello–Batina 2016, so `+` and `doubled()` have no exceptional inputs and the
/// identity needs no special case; that is what lets the fixed-window ladder be constant time.
@usableFromInline
protocol ProjectivePoint: Sendable {
    static var identity: Self { get }
    static func + (lhs: Self, rhs: Self) -> Self
    static prefix func - (p: Self) -> Self
    func doubled() -> Self
    var isIdentity: Bool { get }
    /// Replaces `self` by `other` where `mask` is all ones; leaves it where `mask` is zero.
    /// Branch-free, so the choice does not leak through timing.
    mutating func conditionalAssign(_ other: Self, mask: UInt64)
}

// MARK: - Constant-time helpers

/// Returns its argument through a call the optimiser cannot see into. A mask that comes out of it
/// is an unknown word to LLVM, so it cannot recognise `(a & ~m) | (b & m)` as a select on a
/// comparison and turn it back into a branch (x86's cmov-to-branch conversion would do exactly
/// that inside hot loops). Same device as EhrField's safegcd `barrier`.
@inline(never) @_optimize(none) @usableFromInline
func ctBarrier(_ x: UInt64) -> UInt64 { x }

/// All ones if `a == b`, else zero, without a branch.
@inlinable @inline(__always)
func ctEqualMask(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let d = a ^ b
    // (d | −d) has its top bit set iff d ≠ 0.
    let nonZero = (d | (0 &- d)) >> 63
    return ctBarrier((nonZero ^ 1) &* UInt64.max)
}

/// All ones if `flag`, else zero. Used where a public or already-computed Bool must drive a
/// masked assignment.
@inlinable @inline(__always)
func ctMask(_ flag: Bool) -> UInt64 {
    ctBarrier(0 &- UInt64(flag ? 1 : 0))
}

/// Branch-free limb selection: `mask` all ones → `b`, zero → `a`.
@inlinable @inline(__always)
func ctSelect(_ a: Fp, _ b: Fp, mask: UInt64) -> Fp {
    var r = a
    r.l0 = (a.l0 & ~mask) | (b.l0 & mask)
    r.l1 = (a.l1 & ~mask) | (b.l1 & mask)
    r.l2 = (a.l2 & ~mask) | (b.l2 & mask)
    r.l3 = (a.l3 & ~mask) | (b.l3 & mask)
    r.l4 = (a.l4 & ~mask) | (b.l4 & mask)
    r.l5 = (a.l5 & ~mask) | (b.l5 & mask)
    return r
}

/// Branch-free selection in Fp2.
@inlinable @inline(__always)
func ctSelect(_ a: Fp2, _ b: Fp2, mask: UInt64) -> Fp2 {
    Fp2(c0: ctSelect(a.c0, b.c0, mask: mask), c1: ctSelect(a.c1, b.c1, mask: mask))
}

// MARK: - Constant-time fixed-window multiplication

/// k·P for a secret scalar given as little-endian 64-bit limbs (at most 4 limbs used).
///
/// Fixed 4-bit windows over all 256 bits: 252 doublings and 64 additions whatever k is.
/// Each window reads the 16-entry table with ``ctEqualMask(_:_:)`` masks that touch every
/// entry, so neither the memory access pattern nor the operation sequence depends on k.
@inlinable
func constantTimeMul<P: ProjectivePoint>(_ base: P, limbs: [UInt64]) -> P {
    var table = [P]()
    table.reserveCapacity(16)
    table.append(P.identity)
    table.append(base)
    for i in 2..<16 {
        table.append(i & 1 == 0 ? table[i >> 1].doubled() : table[i - 1] + base)
    }
    var k: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    if limbs.count > 0 { k.0 = limbs[0] }
    if limbs.count > 1 { k.1 = limbs[1] }
    if limbs.count > 2 { k.2 = limbs[2] }
    if limbs.count > 3 { k.3 = limbs[3] }
    var acc = P.identity
    for window in stride(from: 63, through: 0, by: -1) {
        if window != 63 {
            acc = acc.doubled().doubled().doubled().doubled()
        }
        let limb: UInt64
        switch window >> 4 {  // public loop index, not secret
        case 0: limb = k.0
        case 1: limb = k.1
        case 2: limb = k.2
        default: limb = k.3
        }
        let digit = (limb >> UInt64((window & 15) << 2)) & 0xF
        var chosen = P.identity
        for i in 0..<16 {
            chosen.conditionalAssign(table[i], mask: ctEqualMask(UInt64(i), digit))
        }
        acc = acc + chosen
    }
    return acc
}

// MARK: - Variable-time helpers (public scalars only)

/// Width-w non-adjacent form of a non-negative integer (little-endian limbs), least significant
/// digit first. Digits are odd in (−2^(w−1), 2^(w−1)) or zero, and any w consecutive digits hold
/// at most one non-zero digit. Variable time.
@inlinable
func wnafDigits(_ limbs: [UInt64], width w: Int) -> [Int8] {
    var k = limbs
    k.append(0)  // room for the carry a negative digit causes
    var digits = [Int8]()
    digits.reserveCapacity(limbs.count * 64 + 1)
    let window = UInt64(1) << UInt64(w)
    let half = window >> 1
    func isZero(_ v: [UInt64]) -> Bool { v.allSatisfy { $0 == 0 } }
    while !isZero(k) {
        var digit: Int64 = 0
        if k[0] & 1 == 1 {
            let low = k[0] & (window - 1)
            if low >= half {
                digit = Int64(low) - Int64(window)
                // k += |digit|
                var carry = UInt64(-digit)
                for i in 0..<k.count where carry != 0 {
                    let (s, o) = k[i].addingReportingOverflow(carry)
                    k[i] = s
                    carry = o ? 1 : 0
                }
            } else {
                digit = Int64(low)
                k[0] -= low  // low ≤ k[0] mod 2^w, so no borrow
            }
        }
        digits.append(Int8(digit))
        // k >>= 1
        for i in 0..<k.count {
            let next = i + 1 < k.count ? k[i + 1] : 0
            k[i] = (k[i] >> 1) | (next << 63)
        }
    }
    return digits
}

/// Σ kᵢ·Pᵢ by interleaved w-NAF (Straus–Shamir): one doubling chain shared by every term.
/// Used by the GLV/GLS multiplications, whose split scalars are about 128 or 64 bits.
/// Variable time: for public scalars only.
@inlinable
func interleavedWnafMul<P: ProjectivePoint>(_ points: [P], _ scalars: [[UInt64]], width w: Int) -> P {
    let tableSize = 1 << (w - 2)
    var tables = [[P]]()
    var expansions = [[Int8]]()
    var length = 0
    for (point, scalar) in zip(points, scalars) {
        let digits = wnafDigits(scalar, width: w)
        length = max(length, digits.count)
        expansions.append(digits)
        // Odd multiples P, 3P, 5P, …, (2^(w−1) − 1)P.
        var table = [P]()
        table.reserveCapacity(tableSize)
        table.append(point)
        let twice = point.doubled()
        for i in 1..<tableSize {
            table.append(table[i - 1] + twice)
        }
        tables.append(table)
    }
    var acc = P.identity
    var i = length - 1
    while i >= 0 {
        acc = acc.doubled()
        for j in 0..<expansions.count where i < expansions[j].count {
            let d = Int(expansions[j][i])
            if d > 0 {
                acc = acc + tables[j][d >> 1]
            } else if d < 0 {
                acc = acc + (-tables[j][(-d) >> 1])
            }
        }
        i -= 1
    }
    return acc
}

/// k·P for a public integer of any size by plain w-NAF (w = 5). Variable time.
@inlinable
func wnafMul<P: ProjectivePoint>(_ base: P, limbs: [UInt64]) -> P {
    interleavedWnafMul([base], [limbs], width: 5)
}

/// Multiplication by the public constant |z| = 0xd201000000010000 with its fixed chain
/// (63 doublings, 5 additions). The chain is public, so this is constant time in P.
@inlinable
func mulByXAbs<P: ProjectivePoint>(_ base: P) -> P {
    var acc = base  // bit 63
    for bit in stride(from: 62, through: 0, by: -1) {
        acc = acc.doubled()
        if (Bls12381.xAbs >> UInt64(bit)) & 1 == 1 {
            acc = acc + base
        }
    }
    return acc
}

// MARK: - Pippenger multi-scalar multiplication

/// `count` bits of the little-endian integer `limbs` starting at bit `offset`.
@inlinable
func scalarBits(_ limbs: [UInt64], offset: Int, count: Int) -> Int {
    let limb = offset >> 6
    let shift = offset & 63
    guard limb < limbs.count else { return 0 }
    var v = limbs[limb] >> UInt64(shift)
    if shift + count > 64, limb + 1 < limbs.count {
        v |= limbs[limb + 1] << UInt64(64 - shift)
    }
    return Int(truncatingIfNeeded: v & ((UInt64(1) << UInt64(count)) - 1))
}

/// Σ kᵢ·Pᵢ by Pippenger's bucket method (Bernstein et al., "Faster batch forgery
/// identification", 2012, §4): per c-bit window, each point is added once into the bucket of
/// its digit, and the buckets are summed with a running sum (2·2^c additions). Variable time.
@inlinable
func pippengerMSM<P: ProjectivePoint>(_ points: [P], _ scalars: [[UInt64]], bits: Int = 256) -> P {
    let n = min(points.count, scalars.count)
    if n == 0 {
        return P.identity
    }
    if n < 8 {
        return interleavedWnafMul(Array(points[0..<n]), Array(scalars[0..<n]), width: 5)
    }
    let lg = Int.bitWidth - n.leadingZeroBitCount
    let c = max(3, lg - 2)
    let windows = (bits + c - 1) / c
    var buckets = [P](repeating: P.identity, count: 1 << c)
    var acc = P.identity
    for w in stride(from: windows - 1, through: 0, by: -1) {
        if w != windows - 1 {
            for _ in 0..<c {
                acc = acc.doubled()
            }
        }
        for b in 1..<buckets.count {
            buckets[b] = P.identity
        }
        for i in 0..<n {
            let digit = scalarBits(scalars[i], offset: w * c, count: c)
            if digit != 0 {
                buckets[digit] = buckets[digit] + points[i]
            }
        }
        var running = P.identity
        var sum = P.identity
        for b in stride(from: buckets.count - 1, through: 1, by: -1) {
            running = running + buckets[b]
            sum = sum + running
        }
        acc = acc + sum
    }
    return acc
}
