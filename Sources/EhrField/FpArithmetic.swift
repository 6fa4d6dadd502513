// SPDX-License-Identifier: Apache-2.0

// Unrolled, branch-free limb kernels for Fp: addition, subtraction, negation, Montgomery
// multiplication and squaring. The literal constants are the limbs of p (little-endian) and
// −p⁻¹ mod 2⁶⁴; Parameters.swift documents them and the tests recompute them with GMP.

extension Fp {
    /// Modular addition; branch-free (the conditional subtraction of the modulus uses a mask).
    @inlinable
    public static func + (a: Fp, b: Fp) -> Fp {
        // a, b < modulus < 2^383, so the sum fits in 6 limbs without a carry out.
        var c: UInt64 = 0
        var t0: UInt64 = 0, t1: UInt64 = 0, t2: UInt64 = 0, t3: UInt64 = 0, t4: UInt64 = 0, t5: UInt64 = 0
        (t0, c) = addCarry(a.l0, b.l0, c)
        (t1, c) = addCarry(a.l1, b.l1, c)
        (t2, c) = addCarry(a.l2, b.l2, c)
        (t3, c) = addCarry(a.l3, b.l3, c)
        (t4, c) = addCarry(a.l4, b.l4, c)
        (t5, c) = addCarry(a.l5, b.l5, c)
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

    /// Modular subtraction; adds the modulus back under a borrow mask instead of a branch.
    @inlinable
    public static func - (a: Fp, b: Fp) -> Fp {
        var bw: UInt64 = 0
        var d0: UInt64 = 0, d1: UInt64 = 0, d2: UInt64 = 0, d3: UInt64 = 0, d4: UInt64 = 0, d5: UInt64 = 0
        (d0, bw) = subBorrow(a.l0, b.l0, bw)
        (d1, bw) = subBorrow(a.l1, b.l1, bw)
        (d2, bw) = subBorrow(a.l2, b.l2, bw)
        (d3, bw) = subBorrow(a.l3, b.l3, bw)
        (d4, bw) = subBorrow(a.l4, b.l4, bw)
        (d5, bw) = subBorrow(a.l5, b.l5, bw)
        let fix = 0 &- bw  // all ones when a < b
        var c: UInt64 = 0
        var s0: UInt64 = 0, s1: UInt64 = 0, s2: UInt64 = 0, s3: UInt64 = 0, s4: UInt64 = 0, s5: UInt64 = 0
        (s0, c) = addCarry(d0, 0xb9feffffffffaaab & fix, c)
        (s1, c) = addCarry(d1, 0x1eabfffeb153ffff & fix, c)
        (s2, c) = addCarry(d2, 0x6730d2a0f6b0f624 & fix, c)
        (s3, c) = addCarry(d3, 0x64774b84f38512bf & fix, c)
        (s4, c) = addCarry(d4, 0x4b1ba7b6434bacd7 & fix, c)
        (s5, c) = addCarry(d5, 0x1a0111ea397fe69a & fix, c)
        return Fp(l0: s0, l1: s1, l2: s2, l3: s3, l4: s4, l5: s5)
    }

    /// Additive inverse: modulus − a, masked to zero when a = 0 so that −0 = 0 stays canonical.
    @inlinable
    public static prefix func - (a: Fp) -> Fp {
        let nz = nonZeroMask(a.l0 | a.l1 | a.l2 | a.l3 | a.l4 | a.l5)
        var bw: UInt64 = 0
        var d0: UInt64 = 0, d1: UInt64 = 0, d2: UInt64 = 0, d3: UInt64 = 0, d4: UInt64 = 0, d5: UInt64 = 0
        (d0, bw) = subBorrow(0xb9feffffffffaaab, a.l0, bw)
        (d1, bw) = subBorrow(0x1eabfffeb153ffff, a.l1, bw)
        (d2, bw) = subBorrow(0x6730d2a0f6b0f624, a.l2, bw)
        (d3, bw) = subBorrow(0x64774b84f38512bf, a.l3, bw)
        (d4, bw) = subBorrow(0x4b1ba7b6434bacd7, a.l4, bw)
        (d5, bw) = subBorrow(0x1a0111ea397fe69a, a.l5, bw)
        return Fp(l0: d0 & nz, l1: d1 & nz, l2: d2 & nz, l3: d3 & nz, l4: d4 & nz, l5: d5 & nz)
    }

    /// Montgomery multiplication: returns a·b·R⁻¹ mod p, i.e. the product of the represented values.
    ///
    /// CIOS (Koç, Acar, Kaliski, "Analyzing and comparing Montgomery multiplication algorithms", 1996)
    /// in the variant without the extra carry word from the gnark-crypto/goff authors ("Faster Montgomery
    /// multiplication", ConsenSys, 2020): it applies because the top limb of p is below (2⁶⁴−1)/2 − 1,
    /// so every intermediate t stays below 2·p < 2^384. Fully unrolled, branch-free.
    @inlinable
    public static func * (a: Fp, b: Fp) -> Fp {
        var A: UInt64 = 0, C: UInt64 = 0, m: UInt64 = 0
        var t0: UInt64 = 0, t1: UInt64 = 0, t2: UInt64 = 0, t3: UInt64 = 0, t4: UInt64 = 0, t5: UInt64 = 0
        // Row 0: t += a·b0, then t = (t + m·p)/2^64.
        (A, t0) = a.l0.multipliedFullWidth(by: b.l0)
        m = t0 &* 0x89f3fffcfffcfffd
        C = mulAdd(m, 0xb9feffffffffaaab, t0).hi
        (A, t1) = mulAdd(a.l1, b.l0, A)
        (C, t0) = mulAdd2(m, 0x1eabfffeb153ffff, t1, C)
        (A, t2) = mulAdd(a.l2, b.l0, A)
        (C, t1) = mulAdd2(m, 0x6730d2a0f6b0f624, t2, C)
        (A, t3) = mulAdd(a.l3, b.l0, A)
        (C, t2) = mulAdd2(m, 0x64774b84f38512bf, t3, C)
        (A, t4) = mulAdd(a.l4, b.l0, A)
        (C, t3) = mulAdd2(m, 0x4b1ba7b6434bacd7, t4, C)
        (A, t5) = mulAdd(a.l5, b.l0, A)
        (C, t4) = mulAdd2(m, 0x1a0111ea397fe69a, t5, C)
        t5 = C &+ A
        // Row 1: t += a·b1, then t = (t + m·p)/2^64.
        (A, t0) = mulAdd(a.l0, b.l1, t0)
        m = t0 &* 0x89f3fffcfffcfffd
        C = mulAdd(m, 0xb9feffffffffaaab, t0).hi
        (A, t1) = mulAdd2(a.l1, b.l1, t1, A)
        (C, t0) = mulAdd2(m, 0x1eabfffeb153ffff, t1, C)
        (A, t2) = mulAdd2(a.l2, b.l1, t2, A)
        (C, t1) = mulAdd2(m, 0x6730d2a0f6b0f624, t2, C)
        (A, t3) = mulAdd2(a.l3, b.l1, t3, A)
        (C, t2) = mulAdd2(m, 0x64774b84f38512bf, t3, C)
        (A, t4) = mulAdd2(a.l4, b.l1, t4, A)
        (C, t3) = mulAdd2(m, 0x4b1ba7b6434bacd7, t4, C)
        (A, t5) = mulAdd2(a.l5, b.l1, t5, A)
        (C, t4) = mulAdd2(m, 0x1a0111ea397fe69a, t5, C)
        t5 = C &+ A
        // Row 2: t += a·b2, then t = (t + m·p)/2^64.
        (A, t0) = mulAdd(a.l0, b.l2, t0)
        m = t0 &* 0x89f3fffcfffcfffd
        C = mulAdd(m, 0xb9feffffffffaaab, t0).hi
        (A, t1) = mulAdd2(a.l1, b.l2, t1, A)
        (C, t0) = mulAdd2(m, 0x1eabfffeb153ffff, t1, C)
        (A, t2) = mulAdd2(a.l2, b.l2, t2, A)
        (C, t1) = mulAdd2(m, 0x6730d2a0f6b0f624, t2, C)
        (A, t3) = mulAdd2(a.l3, b.l2, t3, A)
        (C, t2) = mulAdd2(m, 0x64774b84f38512bf, t3, C)
        (A, t4) = mulAdd2(a.l4, b.l2, t4, A)
        (C, t3) = mulAdd2(m, 0x4b1ba7b6434bacd7, t4, C)
        (A, t5) = mulAdd2(a.l5, b.l2, t5, A)
        (C, t4) = mulAdd2(m, 0x1a0111ea397fe69a, t5, C)
        t5 = C &+ A
        // Row 3: t += a·b3, then t = (t + m·p)/2^64.
        (A, t0) = mulAdd(a.l0, b.l3, t0)
        m = t0 &* 0x89f3fffcfffcfffd
        C = mulAdd(m, 0xb9feffffffffaaab, t0).hi
        (A, t1) = mulAdd2(a.l1, b.l3, t1, A)
        (C, t0) = mulAdd2(m, 0x1eabfffeb153ffff, t1, C)
        (A, t2) = mulAdd2(a.l2, b.l3, t2, A)
        (C, t1) = mulAdd2(m, 0x6730d2a0f6b0f624, t2, C)
        (A, t3) = mulAdd2(a.l3, b.l3, t3, A)
        (C, t2) = mulAdd2(m, 0x64774b84f38512bf, t3, C)
        (A, t4) = mulAdd2(a.l4, b.l3, t4, A)
        (C, t3) = mulAdd2(m, 0x4b1ba7b6434bacd7, t4, C)
        (A, t5) = mulAdd2(a.l5, b.l3, t5, A)
        (C, t4) = mulAdd2(m, 0x1a0111ea397fe69a, t5, C)
        t5 = C &+ A
        // Row 4: t += a·b4, then t = (t + m·p)/2^64.
        (A, t0) = mulAdd(a.l0, b.l4, t0)
        m = t0 &* 0x89f3fffcfffcfffd
        C = mulAdd(m, 0xb9feffffffffaaab, t0).hi
        (A, t1) = mulAdd2(a.l1, b.l4, t1, A)
        (C, t0) = mulAdd2(m, 0x1eabfffeb153ffff, t1, C)
        (A, t2) = mulAdd2(a.l2, b.l4, t2, A)
        (C, t1) = mulAdd2(m, 0x6730d2a0f6b0f624, t2, C)
        (A, t3) = mulAdd2(a.l3, b.l4, t3, A)
        (C, t2) = mulAdd2(m, 0x64774b84f38512bf, t3, C)
        (A, t4) = mulAdd2(a.l4, b.l4, t4, A)
        (C, t3) = mulAdd2(m, 0x4b1ba7b6434bacd7, t4, C)
        (A, t5) = mulAdd2(a.l5, b.l4, t5, A)
        (C, t4) = mulAdd2(m, 0x1a0111ea397fe69a, t5, C)
        t5 = C &+ A
        // Row 5: t += a·b5, then t = (t + m·p)/2^64.
        (A, t0) = mulAdd(a.l0, b.l5, t0)
        m = t0 &* 0x89f3fffcfffcfffd
        C = mulAdd(m, 0xb9feffffffffaaab, t0).hi
        (A, t1) = mulAdd2(a.l1, b.l5, t1, A)
        (C, t0) = mulAdd2(m, 0x1eabfffeb153ffff, t1, C)
        (A, t2) = mulAdd2(a.l2, b.l5, t2, A)
        (C, t1) = mulAdd2(m, 0x6730d2a0f6b0f624, t2, C)
        (A, t3) = mulAdd2(a.l3, b.l5, t3, A)
        (C, t2) = mulAdd2(m, 0x64774b84f38512bf, t3, C)
        (A, t4) = mulAdd2(a.l4, b.l5, t4, A)
        (C, t3) = mulAdd2(m, 0x4b1ba7b6434bacd7, t4, C)
        (A, t5) = mulAdd2(a.l5, b.l5, t5, A)
        (C, t4) = mulAdd2(m, 0x1a0111ea397fe69a, t5, C)
        t5 = C &+ A
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

    /// Squaring: the 15 off-diagonal products are computed once and doubled, then the
    /// 12-limb square is Montgomery-reduced word by word (separated operand scanning).
    @inlinable
    public func squared() -> Fp {
        let a = self
        var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0, w4: UInt64 = 0, w5: UInt64 = 0
        var w6: UInt64 = 0, w7: UInt64 = 0, w8: UInt64 = 0, w9: UInt64 = 0, w10: UInt64 = 0, w11: UInt64 = 0
        var c: UInt64 = 0, h: UInt64 = 0
        // a0·a{1..5}
        c = 0
        (c, w1) = mulAdd2(a.l0, a.l1, w1, c)
        (c, w2) = mulAdd2(a.l0, a.l2, w2, c)
        (c, w3) = mulAdd2(a.l0, a.l3, w3, c)
        (c, w4) = mulAdd2(a.l0, a.l4, w4, c)
        (c, w5) = mulAdd2(a.l0, a.l5, w5, c)
        w6 = c
        // a1·a{2..5}
        c = 0
        (c, w3) = mulAdd2(a.l1, a.l2, w3, c)
        (c, w4) = mulAdd2(a.l1, a.l3, w4, c)
        (c, w5) = mulAdd2(a.l1, a.l4, w5, c)
        (c, w6) = mulAdd2(a.l1, a.l5, w6, c)
        w7 = c
        // a2·a{3..5}
        c = 0
        (c, w5) = mulAdd2(a.l2, a.l3, w5, c)
        (c, w6) = mulAdd2(a.l2, a.l4, w6, c)
        (c, w7) = mulAdd2(a.l2, a.l5, w7, c)
        w8 = c
        // a3·a{4..5}
        c = 0
        (c, w7) = mulAdd2(a.l3, a.l4, w7, c)
        (c, w8) = mulAdd2(a.l3, a.l5, w8, c)
        w9 = c
        // a4·a{5..5}
        c = 0
        (c, w9) = mulAdd2(a.l4, a.l5, w9, c)
        w10 = c
        // a5·a{6..5}
        // Double the off-diagonal sum.
        w11 = w10 >> 63
        w10 = (w10 << 1) | (w9 >> 63)
        w9 = (w9 << 1) | (w8 >> 63)
        w8 = (w8 << 1) | (w7 >> 63)
        w7 = (w7 << 1) | (w6 >> 63)
        w6 = (w6 << 1) | (w5 >> 63)
        w5 = (w5 << 1) | (w4 >> 63)
        w4 = (w4 << 1) | (w3 >> 63)
        w3 = (w3 << 1) | (w2 >> 63)
        w2 = (w2 << 1) | (w1 >> 63)
        w1 = w1 << 1
        // Add the squares a_i² on the diagonal.
        c = 0
        (h, w0) = mulAdd2(a.l0, a.l0, w0, c)
        (w1, c) = addCarry(w1, h, 0)
        (h, w2) = mulAdd2(a.l1, a.l1, w2, c)
        (w3, c) = addCarry(w3, h, 0)
        (h, w4) = mulAdd2(a.l2, a.l2, w4, c)
        (w5, c) = addCarry(w5, h, 0)
        (h, w6) = mulAdd2(a.l3, a.l3, w6, c)
        (w7, c) = addCarry(w7, h, 0)
        (h, w8) = mulAdd2(a.l4, a.l4, w8, c)
        (w9, c) = addCarry(w9, h, 0)
        (h, w10) = mulAdd2(a.l5, a.l5, w10, c)
        (w11, c) = addCarry(w11, h, 0)
        // Montgomery reduction, one word at a time; carries of row i are deferred into w_{i+n}.
        var m: UInt64 = 0, carry: UInt64 = 0
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
        // The reduced value is below 2·p; one masked subtraction makes it canonical.
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
}
