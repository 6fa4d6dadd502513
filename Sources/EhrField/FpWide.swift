// SPDX-License-Identifier: Apache-2.0

/// An unreduced double-width value (12 limbs, little-endian) for lazy reduction in the tower.
///
/// Products of Fp elements are kept at full width, added and subtracted there, and reduced once with
/// `montgomeryReduced()` (Aranha, Karabina, Longa, Gebotys, López, "Faster explicit formulas for computing
/// pairings over ordinary curves", EUROCRYPT 2011, §3). The value represented is w·R⁻¹ mod p when
/// reduced. Callers keep the integer below p·R = p·2³⁸⁴ so that one reduction lands below 2p, which a
/// single masked subtraction fixes; the Fp2 and Fp6 formulas in this module document their bounds.
public struct FpWide: Sendable {
    /// Limbs, least significant first.
    public var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64, w4: UInt64, w5: UInt64
    /// Limbs 6–11.
    public var w6: UInt64, w7: UInt64, w8: UInt64, w9: UInt64, w10: UInt64, w11: UInt64

    /// Creates a value from its twelve limbs.
    @inlinable @inline(__always)
    public init(
        w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64, w4: UInt64, w5: UInt64,
        w6: UInt64, w7: UInt64, w8: UInt64, w9: UInt64, w10: UInt64, w11: UInt64
    ) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
        self.w4 = w4
        self.w5 = w5
        self.w6 = w6
        self.w7 = w7
        self.w8 = w8
        self.w9 = w9
        self.w10 = w10
        self.w11 = w11
    }

    /// The exact 768-bit product of the Montgomery limbs (operands may be any 6-limb values,
    /// e.g. unreduced sums below 2p). Operand scanning, 36 word multiplications, no reduction.
    @inlinable
    public static func product(_ a: Fp, _ b: Fp) -> FpWide {
        var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0, w4: UInt64 = 0, w5: UInt64 = 0
        var w6: UInt64 = 0, w7: UInt64 = 0, w8: UInt64 = 0, w9: UInt64 = 0, w10: UInt64 = 0, w11: UInt64 = 0
        var c: UInt64 = 0
        c = 0
        (c, w0) = mulAdd(a.l0, b.l0, c)
        (c, w1) = mulAdd(a.l1, b.l0, c)
        (c, w2) = mulAdd(a.l2, b.l0, c)
        (c, w3) = mulAdd(a.l3, b.l0, c)
        (c, w4) = mulAdd(a.l4, b.l0, c)
        (c, w5) = mulAdd(a.l5, b.l0, c)
        w6 = c
        c = 0
        (c, w1) = mulAdd2(a.l0, b.l1, w1, c)
        (c, w2) = mulAdd2(a.l1, b.l1, w2, c)
        (c, w3) = mulAdd2(a.l2, b.l1, w3, c)
        (c, w4) = mulAdd2(a.l3, b.l1, w4, c)
        (c, w5) = mulAdd2(a.l4, b.l1, w5, c)
        (c, w6) = mulAdd2(a.l5, b.l1, w6, c)
        w7 = c
        c = 0
        (c, w2) = mulAdd2(a.l0, b.l2, w2, c)
        (c, w3) = mulAdd2(a.l1, b.l2, w3, c)
        (c, w4) = mulAdd2(a.l2, b.l2, w4, c)
        (c, w5) = mulAdd2(a.l3, b.l2, w5, c)
        (c, w6) = mulAdd2(a.l4, b.l2, w6, c)
        (c, w7) = mulAdd2(a.l5, b.l2, w7, c)
        w8 = c
        c = 0
        (c, w3) = mulAdd2(a.l0, b.l3, w3, c)
        (c, w4) = mulAdd2(a.l1, b.l3, w4, c)
        (c, w5) = mulAdd2(a.l2, b.l3, w5, c)
        (c, w6) = mulAdd2(a.l3, b.l3, w6, c)
        (c, w7) = mulAdd2(a.l4, b.l3, w7, c)
        (c, w8) = mulAdd2(a.l5, b.l3, w8, c)
        w9 = c
        c = 0
        (c, w4) = mulAdd2(a.l0, b.l4, w4, c)
        (c, w5) = mulAdd2(a.l1, b.l4, w5, c)
        (c, w6) = mulAdd2(a.l2, b.l4, w6, c)
        (c, w7) = mulAdd2(a.l3, b.l4, w7, c)
        (c, w8) = mulAdd2(a.l4, b.l4, w8, c)
        (c, w9) = mulAdd2(a.l5, b.l4, w9, c)
        w10 = c
        c = 0
        (c, w5) = mulAdd2(a.l0, b.l5, w5, c)
        (c, w6) = mulAdd2(a.l1, b.l5, w6, c)
        (c, w7) = mulAdd2(a.l2, b.l5, w7, c)
        (c, w8) = mulAdd2(a.l3, b.l5, w8, c)
        (c, w9) = mulAdd2(a.l4, b.l5, w9, c)
        (c, w10) = mulAdd2(a.l5, b.l5, w10, c)
        w11 = c
        return FpWide(
            w0: w0, w1: w1, w2: w2, w3: w3, w4: w4, w5: w5,
            w6: w6, w7: w7, w8: w8, w9: w9, w10: w10, w11: w11
        )
    }

    /// Montgomery reduction: returns w·R⁻¹ mod p, fully reduced, for w < p·R.
    ///
    /// Word-by-word REDC (Montgomery 1985; Koç et al. 1996, SOS), carries of row i deferred into
    /// w_(i+6); the result is below 2p and one masked subtraction makes it canonical.
    @inlinable
    public func montgomeryReduced() -> Fp {
        var w0 = self.w0, w1 = self.w1, w2 = self.w2, w3 = self.w3, w4 = self.w4, w5 = self.w5
        var w6 = self.w6, w7 = self.w7, w8 = self.w8, w9 = self.w9, w10 = self.w10, w11 = self.w11
        var c: UInt64 = 0, m: UInt64 = 0, carry: UInt64 = 0
        m = w0 &* 0x89f3fffcfffcfffd
        c = mulAdd(m, 0xb9feffffffffaaab, w0).hi
        (c, w1) = mulAdd2(m, 0x1eabfffeb153ffff, w1, c)
        (c, w2) = mulAdd2(m, 0x6730d2a0f6b0f624, w2, c)
        (c, w3) = mulAdd2(m, 0x64774b84f38512bf, w3, c)
        (c, w4) = mulAdd2(m, 0x4b1ba7b6434bacd7, w4, c)
        (c, w5) = mulAdd2(m, 0x1a0111ea397fe69a, w5, c)
        (w6, carry) = addCarry(w6, c, carry)
        m = w1 &* 0x89f3fffcfffcfffd
        c = mulAdd(m, 0xb9feffffffffaaab, w1).hi
        (c, w2) = mulAdd2(m, 0x1eabfffeb153ffff, w2, c)
        (c, w3) = mulAdd2(m, 0x6730d2a0f6b0f624, w3, c)
        (c, w4) = mulAdd2(m, 0x64774b84f38512bf, w4, c)
        (c, w5) = mulAdd2(m, 0x4b1ba7b6434bacd7, w5, c)
        (c, w6) = mulAdd2(m, 0x1a0111ea397fe69a, w6, c)
        (w7, carry) = addCarry(w7, c, carry)
        m = w2 &* 0x89f3fffcfffcfffd
        c = mulAdd(m, 0xb9feffffffffaaab, w2).hi
        (c, w3) = mulAdd2(m, 0x1eabfffeb153ffff, w3, c)
        (c, w4) = mulAdd2(m, 0x6730d2a0f6b0f624, w4, c)
        (c, w5) = mulAdd2(m, 0x64774b84f38512bf, w5, c)
        (c, w6) = mulAdd2(m, 0x4b1ba7b6434bacd7, w6, c)
        (c, w7) = mulAdd2(m, 0x1a0111ea397fe69a, w7, c)
        (w8, carry) = addCarry(w8, c, carry)
        m = w3 &* 0x89f3fffcfffcfffd
        c = mulAdd(m, 0xb9feffffffffaaab, w3).hi
        (c, w4) = mulAdd2(m, 0x1eabfffeb153ffff, w4, c)
        (c, w5) = mulAdd2(m, 0x6730d2a0f6b0f624, w5, c)
        (c, w6) = mulAdd2(m, 0x64774b84f38512bf, w6, c)
        (c, w7) = mulAdd2(m, 0x4b1ba7b6434bacd7, w7, c)
        (c, w8) = mulAdd2(m, 0x1a0111ea397fe69a, w8, c)
        (w9, carry) = addCarry(w9, c, carry)
        m = w4 &* 0x89f3fffcfffcfffd
        c = mulAdd(m, 0xb9feffffffffaaab, w4).hi
        (c, w5) = mulAdd2(m, 0x1eabfffeb153ffff, w5, c)
        (c, w6) = mulAdd2(m, 0x6730d2a0f6b0f624, w6, c)
        (c, w7) = mulAdd2(m, 0x64774b84f38512bf, w7, c)
        (c, w8) = mulAdd2(m, 0x4b1ba7b6434bacd7, w8, c)
        (c, w9) = mulAdd2(m, 0x1a0111ea397fe69a, w9, c)
        (w10, carry) = addCarry(w10, c, carry)
        m = w5 &* 0x89f3fffcfffcfffd
        c = mulAdd(m, 0xb9feffffffffaaab, w5).hi
        (c, w6) = mulAdd2(m, 0x1eabfffeb153ffff, w6, c)
        (c, w7) = mulAdd2(m, 0x6730d2a0f6b0f624, w7, c)
        (c, w8) = mulAdd2(m, 0x64774b84f38512bf, w8, c)
        (c, w9) = mulAdd2(m, 0x4b1ba7b6434bacd7, w9, c)
        (c, w10) = mulAdd2(m, 0x1a0111ea397fe69a, w10, c)
        (w11, carry) = addCarry(w11, c, carry)
        _ = (w0, w1, w2, w3, w4, w5)
        let t0 = w6
        let t1 = w7
        let t2 = w8
        let t3 = w9
        let t4 = w10
        let t5 = w11
        var bw: UInt64 = 0
        var d0: UInt64 = 0, d1: UInt64 = 0, d2: UInt64 = 0, d3: UInt64 = 0, d4: UInt64 = 0, d5: UInt64 = 0
        (d0, bw) = subBorrow(t0, 0xb9feffffffffaaab, bw)
        (d1, bw) = subBorrow(t1, 0x1eabfffeb153ffff, bw)
        (d2, bw) = subBorrow(t2, 0x6730d2a0f6b0f624, bw)
        (d3, bw) = subBorrow(t3, 0x64774b84f38512bf, bw)
        (d4, bw) = subBorrow(t4, 0x4b1ba7b6434bacd7, bw)
        (d5, bw) = subBorrow(t5, 0x1a0111ea397fe69a, bw)
        let keep = 0 &- bw  // all ones when t < modulus
        return Fp(
            l0: d0 ^ ((d0 ^ t0) & keep),
            l1: d1 ^ ((d1 ^ t1) & keep),
            l2: d2 ^ ((d2 ^ t2) & keep),
            l3: d3 ^ ((d3 ^ t3) & keep),
            l4: d4 ^ ((d4 ^ t4) & keep),
            l5: d5 ^ ((d5 ^ t5) & keep)
        )
    }

    /// Plain 768-bit addition (no modular correction); the caller keeps the sum below 2⁷⁶⁸.
    @inlinable
    public static func + (a: FpWide, b: FpWide) -> FpWide {
        var c: UInt64 = 0
        var r0: UInt64 = 0, r1: UInt64 = 0, r2: UInt64 = 0, r3: UInt64 = 0, r4: UInt64 = 0, r5: UInt64 = 0
        var r6: UInt64 = 0, r7: UInt64 = 0, r8: UInt64 = 0, r9: UInt64 = 0, r10: UInt64 = 0, r11: UInt64 = 0
        (r0, c) = addCarry(a.w0, b.w0, c)
        (r1, c) = addCarry(a.w1, b.w1, c)
        (r2, c) = addCarry(a.w2, b.w2, c)
        (r3, c) = addCarry(a.w3, b.w3, c)
        (r4, c) = addCarry(a.w4, b.w4, c)
        (r5, c) = addCarry(a.w5, b.w5, c)
        (r6, c) = addCarry(a.w6, b.w6, c)
        (r7, c) = addCarry(a.w7, b.w7, c)
        (r8, c) = addCarry(a.w8, b.w8, c)
        (r9, c) = addCarry(a.w9, b.w9, c)
        (r10, c) = addCarry(a.w10, b.w10, c)
        (r11, c) = addCarry(a.w11, b.w11, c)
        return FpWide(
            w0: r0, w1: r1, w2: r2, w3: r3, w4: r4, w5: r5,
            w6: r6, w7: r7, w8: r8, w9: r9, w10: r10, w11: r11
        )
    }

    /// Plain 768-bit subtraction (no modular correction); the caller guarantees a ≥ b.
    @inlinable
    public static func - (a: FpWide, b: FpWide) -> FpWide {
        var c: UInt64 = 0
        var r0: UInt64 = 0, r1: UInt64 = 0, r2: UInt64 = 0, r3: UInt64 = 0, r4: UInt64 = 0, r5: UInt64 = 0
        var r6: UInt64 = 0, r7: UInt64 = 0, r8: UInt64 = 0, r9: UInt64 = 0, r10: UInt64 = 0, r11: UInt64 = 0
        (r0, c) = subBorrow(a.w0, b.w0, c)
        (r1, c) = subBorrow(a.w1, b.w1, c)
        (r2, c) = subBorrow(a.w2, b.w2, c)
        (r3, c) = subBorrow(a.w3, b.w3, c)
        (r4, c) = subBorrow(a.w4, b.w4, c)
        (r5, c) = subBorrow(a.w5, b.w5, c)
        (r6, c) = subBorrow(a.w6, b.w6, c)
        (r7, c) = subBorrow(a.w7, b.w7, c)
        (r8, c) = subBorrow(a.w8, b.w8, c)
        (r9, c) = subBorrow(a.w9, b.w9, c)
        (r10, c) = subBorrow(a.w10, b.w10, c)
        (r11, c) = subBorrow(a.w11, b.w11, c)
        return FpWide(
            w0: r0, w1: r1, w2: r2, w3: r3, w4: r4, w5: r5,
            w6: r6, w7: r7, w8: r8, w9: r9, w10: r10, w11: r11
        )
    }

    /// Subtraction modulo p·R: a − b, plus p·2³⁸⁴ (p added to the upper half) when it borrows.
    /// For a, b < p·R the result is again below p·R and represents a − b after reduction.
    @inlinable
    public static func subModPR(_ a: FpWide, _ b: FpWide) -> FpWide {
        var bw: UInt64 = 0
        var r0: UInt64 = 0, r1: UInt64 = 0, r2: UInt64 = 0, r3: UInt64 = 0, r4: UInt64 = 0, r5: UInt64 = 0
        var r6: UInt64 = 0, r7: UInt64 = 0, r8: UInt64 = 0, r9: UInt64 = 0, r10: UInt64 = 0, r11: UInt64 = 0
        (r0, bw) = subBorrow(a.w0, b.w0, bw)
        (r1, bw) = subBorrow(a.w1, b.w1, bw)
        (r2, bw) = subBorrow(a.w2, b.w2, bw)
        (r3, bw) = subBorrow(a.w3, b.w3, bw)
        (r4, bw) = subBorrow(a.w4, b.w4, bw)
        (r5, bw) = subBorrow(a.w5, b.w5, bw)
        (r6, bw) = subBorrow(a.w6, b.w6, bw)
        (r7, bw) = subBorrow(a.w7, b.w7, bw)
        (r8, bw) = subBorrow(a.w8, b.w8, bw)
        (r9, bw) = subBorrow(a.w9, b.w9, bw)
        (r10, bw) = subBorrow(a.w10, b.w10, bw)
        (r11, bw) = subBorrow(a.w11, b.w11, bw)
        let fix = 0 &- bw
        var c: UInt64 = 0
        (r6, c) = addCarry(r6, 0xb9feffffffffaaab & fix, c)
        (r7, c) = addCarry(r7, 0x1eabfffeb153ffff & fix, c)
        (r8, c) = addCarry(r8, 0x6730d2a0f6b0f624 & fix, c)
        (r9, c) = addCarry(r9, 0x64774b84f38512bf & fix, c)
        (r10, c) = addCarry(r10, 0x4b1ba7b6434bacd7 & fix, c)
        (r11, c) = addCarry(r11, 0x1a0111ea397fe69a & fix, c)
        return FpWide(
            w0: r0, w1: r1, w2: r2, w3: r3, w4: r4, w5: r5,
            w6: r6, w7: r7, w8: r8, w9: r9, w10: r10, w11: r11
        )
    }
}

extension Fp {
    /// Plain 6-limb addition without reduction, for operands whose sum stays below 2³⁸⁴ (two
    /// canonical elements give a sum below 2p < 2³⁸²). Only for feeding `FpWide.product`.
    @inlinable
    public func addUnreduced(_ b: Fp) -> Fp {
        var c: UInt64 = 0
        var r0: UInt64 = 0, r1: UInt64 = 0, r2: UInt64 = 0, r3: UInt64 = 0, r4: UInt64 = 0, r5: UInt64 = 0
        (r0, c) = addCarry(l0, b.l0, c)
        (r1, c) = addCarry(l1, b.l1, c)
        (r2, c) = addCarry(l2, b.l2, c)
        (r3, c) = addCarry(l3, b.l3, c)
        (r4, c) = addCarry(l4, b.l4, c)
        (r5, c) = addCarry(l5, b.l5, c)
        return Fp(l0: r0, l1: r1, l2: r2, l3: r3, l4: r4, l5: r5)
    }
}
