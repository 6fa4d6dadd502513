// SPDX-License-Identifier: Apache-2.0

// Unrolled, branch-free limb kernels for Fr: addition, subtraction, negation, Montgomery
// multiplication and squaring. The literal constants are the limbs of r (little-endian) and
// −r⁻¹ mod 2⁶⁴; Parameters.swift documents them and the tests recompute them with GMP.

extension Fr {
    /// Modular addition; branch-free (the conditional subtraction of the modulus uses a mask).
    @inlinable
    public static func + (a: Fr, b: Fr) -> Fr {
        // a, b < modulus < 2^255, so the sum fits in 4 limbs without a carry out.
        var c: UInt64 = 0
        var t0: UInt64 = 0, t1: UInt64 = 0, t2: UInt64 = 0, t3: UInt64 = 0
        (t0, c) = addCarry(a.l0, b.l0, c)
        (t1, c) = addCarry(a.l1, b.l1, c)
        (t2, c) = addCarry(a.l2, b.l2, c)
        (t3, c) = addCarry(a.l3, b.l3, c)
        var bw: UInt64 = 0
        var d0: UInt64 = 0, d1: UInt64 = 0, d2: UInt64 = 0, d3: UInt64 = 0
        (d0, bw) = subBorrow(t0, 0xffffffff00000001, bw)
        (d1, bw) = subBorrow(t1, 0x53bda402fffe5bfe, bw)
        (d2, bw) = subBorrow(t2, 0x3339d80809a1d805, bw)
        (d3, bw) = subBorrow(t3, 0x73eda753299d7d48, bw)
        let keep = 0 &- bw  // all ones when t < modulus
        return Fr(
            l0: d0 ^ ((d0 ^ t0) & keep),
            l1: d1 ^ ((d1 ^ t1) & keep),
            l2: d2 ^ ((d2 ^ t2) & keep),
            l3: d3 ^ ((d3 ^ t3) & keep)
        )
    }

    /// Modular subtraction; adds the modulus back under a borrow mask instead of a branch.
    @inlinable
    public static func - (a: Fr, b: Fr) -> Fr {
        var bw: UInt64 = 0
        var d0: UInt64 = 0, d1: UInt64 = 0, d2: UInt64 = 0, d3: UInt64 = 0
        (d0, bw) = subBorrow(a.l0, b.l0, bw)
        (d1, bw) = subBorrow(a.l1, b.l1, bw)
        (d2, bw) = subBorrow(a.l2, b.l2, bw)
        (d3, bw) = subBorrow(a.l3, b.l3, bw)
        let fix = 0 &- bw  // all ones when a < b
        var c: UInt64 = 0
        var s0: UInt64 = 0, s1: UInt64 = 0, s2: UInt64 = 0, s3: UInt64 = 0
        (s0, c) = addCarry(d0, 0xffffffff00000001 & fix, c)
        (s1, c) = addCarry(d1, 0x53bda402fffe5bfe & fix, c)
        (s2, c) = addCarry(d2, 0x3339d80809a1d805 & fix, c)
        (s3, c) = addCarry(d3, 0x73eda753299d7d48 & fix, c)
        return Fr(l0: s0, l1: s1, l2: s2, l3: s3)
    }

    /// Additive inverse: modulus − a, masked to zero when a = 0 so that −0 = 0 stays canonical.
    @inlinable
    public static prefix func - (a: Fr) -> Fr {
        let nz = nonZeroMask(a.l0 | a.l1 | a.l2 | a.l3)
        var bw: UInt64 = 0
        var d0: UInt64 = 0, d1: UInt64 = 0, d2: UInt64 = 0, d3: UInt64 = 0
        (d0, bw) = subBorrow(0xffffffff00000001, a.l0, bw)
        (d1, bw) = subBorrow(0x53bda402fffe5bfe, a.l1, bw)
        (d2, bw) = subBorrow(0x3339d80809a1d805, a.l2, bw)
        (d3, bw) = subBorrow(0x73eda753299d7d48, a.l3, bw)
        return Fr(l0: d0 & nz, l1: d1 & nz, l2: d2 & nz, l3: d3 & nz)
    }

    /// Montgomery multiplication: returns a·b·R⁻¹ mod r, i.e. the product of the represented values.
    ///
    /// CIOS (Koç, Acar, Kaliski, "Analyzing and comparing Montgomery multiplication algorithms", 1996)
    /// in the variant without the extra carry word from the gnark-crypto/goff authors ("Faster Montgomery
    /// multiplication", ConsenSys, 2020): it applies because the top limb of r is below (2⁶⁴−1)/2 − 1,
    /// so every intermediate t stays below 2·r < 2^256. Fully unrolled, branch-free.
    @inlinable
    public static func * (a: Fr, b: Fr) -> Fr {
        var A: UInt64 = 0, C: UInt64 = 0, m: UInt64 = 0
        var t0: UInt64 = 0, t1: UInt64 = 0, t2: UInt64 = 0, t3: UInt64 = 0
        // Row 0: t += a·b0, then t = (t + m·r)/2^64.
        (A, t0) = a.l0.multipliedFullWidth(by: b.l0)
        m = t0 &* 0xfffffffeffffffff
        C = mulAdd(m, 0xffffffff00000001, t0).hi
        (A, t1) = mulAdd(a.l1, b.l0, A)
        (C, t0) = mulAdd2(m, 0x53bda402fffe5bfe, t1, C)
        (A, t2) = mulAdd(a.l2, b.l0, A)
        (C, t1) = mulAdd2(m, 0x3339d80809a1d805, t2, C)
        (A, t3) = mulAdd(a.l3, b.l0, A)
        (C, t2) = mulAdd2(m, 0x73eda753299d7d48, t3, C)
        t3 = C &+ A
        // Row 1: t += a·b1, then t = (t + m·r)/2^64.
        (A, t0) = mulAdd(a.l0, b.l1, t0)
        m = t0 &* 0xfffffffeffffffff
        C = mulAdd(m, 0xffffffff00000001, t0).hi
        (A, t1) = mulAdd2(a.l1, b.l1, t1, A)
        (C, t0) = mulAdd2(m, 0x53bda402fffe5bfe, t1, C)
        (A, t2) = mulAdd2(a.l2, b.l1, t2, A)
        (C, t1) = mulAdd2(m, 0x3339d80809a1d805, t2, C)
        (A, t3) = mulAdd2(a.l3, b.l1, t3, A)
        (C, t2) = mulAdd2(m, 0x73eda753299d7d48, t3, C)
        t3 = C &+ A
        // Row 2: t += a·b2, then t = (t + m·r)/2^64.
        (A, t0) = mulAdd(a.l0, b.l2, t0)
        m = t0 &* 0xfffffffeffffffff
        C = mulAdd(m, 0xffffffff00000001, t0).hi
        (A, t1) = mulAdd2(a.l1, b.l2, t1, A)
        (C, t0) = mulAdd2(m, 0x53bda402fffe5bfe, t1, C)
        (A, t2) = mulAdd2(a.l2, b.l2, t2, A)
        (C, t1) = mulAdd2(m, 0x3339d80809a1d805, t2, C)
        (A, t3) = mulAdd2(a.l3, b.l2, t3, A)
        (C, t2) = mulAdd2(m, 0x73eda753299d7d48, t3, C)
        t3 = C &+ A
        // Row 3: t += a·b3, then t = (t + m·r)/2^64.
        (A, t0) = mulAdd(a.l0, b.l3, t0)
        m = t0 &* 0xfffffffeffffffff
        C = mulAdd(m, 0xffffffff00000001, t0).hi
        (A, t1) = mulAdd2(a.l1, b.l3, t1, A)
        (C, t0) = mulAdd2(m, 0x53bda402fffe5bfe, t1, C)
        (A, t2) = mulAdd2(a.l2, b.l3, t2, A)
        (C, t1) = mulAdd2(m, 0x3339d80809a1d805, t2, C)
        (A, t3) = mulAdd2(a.l3, b.l3, t3, A)
        (C, t2) = mulAdd2(m, 0x73eda753299d7d48, t3, C)
        t3 = C &+ A
        var bw: UInt64 = 0
        var d0: UInt64 = 0, d1: UInt64 = 0, d2: UInt64 = 0, d3: UInt64 = 0
        (d0, bw) = subBorrow(t0, 0xffffffff00000001, bw)
        (d1, bw) = subBorrow(t1, 0x53bda402fffe5bfe, bw)
        (d2, bw) = subBorrow(t2, 0x3339d80809a1d805, bw)
        (d3, bw) = subBorrow(t3, 0x73eda753299d7d48, bw)
        let keep = 0 &- bw  // all ones when t < modulus
        return Fr(
            l0: d0 ^ ((d0 ^ t0) & keep),
            l1: d1 ^ ((d1 ^ t1) & keep),
            l2: d2 ^ ((d2 ^ t2) & keep),
            l3: d3 ^ ((d3 ^ t3) & keep)
        )
    }

    /// Squaring: the 6 off-diagonal products are computed once and doubled, then the
    /// 8-limb square is Montgomery-reduced word by word (separated operand scanning).
    @inlinable
    public func squared() -> Fr {
        let a = self
        var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
        var w4: UInt64 = 0, w5: UInt64 = 0, w6: UInt64 = 0, w7: UInt64 = 0
        var c: UInt64 = 0, h: UInt64 = 0
        // a0·a{1..3}
        c = 0
        (c, w1) = mulAdd2(a.l0, a.l1, w1, c)
        (c, w2) = mulAdd2(a.l0, a.l2, w2, c)
        (c, w3) = mulAdd2(a.l0, a.l3, w3, c)
        w4 = c
        // a1·a{2..3}
        c = 0
        (c, w3) = mulAdd2(a.l1, a.l2, w3, c)
        (c, w4) = mulAdd2(a.l1, a.l3, w4, c)
        w5 = c
        // a2·a{3..3}
        c = 0
        (c, w5) = mulAdd2(a.l2, a.l3, w5, c)
        w6 = c
        // a3·a{4..3}
        // Double the off-diagonal sum.
        w7 = w6 >> 63
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
        // Montgomery reduction, one word at a time; carries of row i are deferred into w_{i+n}.
        var m: UInt64 = 0, carry: UInt64 = 0
        m = w0 &* 0xfffffffeffffffff
        c = mulAdd(m, 0xffffffff00000001, w0).hi
        (c, w1) = mulAdd2(m, 0x53bda402fffe5bfe, w1, c)
        (c, w2) = mulAdd2(m, 0x3339d80809a1d805, w2, c)
        (c, w3) = mulAdd2(m, 0x73eda753299d7d48, w3, c)
        (w4, carry) = addCarry(w4, c, carry)
        m = w1 &* 0xfffffffeffffffff
        c = mulAdd(m, 0xffffffff00000001, w1).hi
        (c, w2) = mulAdd2(m, 0x53bda402fffe5bfe, w2, c)
        (c, w3) = mulAdd2(m, 0x3339d80809a1d805, w3, c)
        (c, w4) = mulAdd2(m, 0x73eda753299d7d48, w4, c)
        (w5, carry) = addCarry(w5, c, carry)
        m = w2 &* 0xfffffffeffffffff
        c = mulAdd(m, 0xffffffff00000001, w2).hi
        (c, w3) = mulAdd2(m, 0x53bda402fffe5bfe, w3, c)
        (c, w4) = mulAdd2(m, 0x3339d80809a1d805, w4, c)
        (c, w5) = mulAdd2(m, 0x73eda753299d7d48, w5, c)
        (w6, carry) = addCarry(w6, c, carry)
        m = w3 &* 0xfffffffeffffffff
        c = mulAdd(m, 0xffffffff00000001, w3).hi
        (c, w4) = mulAdd2(m, 0x53bda402fffe5bfe, w4, c)
        (c, w5) = mulAdd2(m, 0x3339d80809a1d805, w5, c)
        (c, w6) = mulAdd2(m, 0x73eda753299d7d48, w6, c)
        (w7, carry) = addCarry(w7, c, carry)
        // The reduced value is below 2·r; one masked subtraction makes it canonical.
        let t0 = w4
        let t1 = w5
        let t2 = w6
        let t3 = w7
        var bw: UInt64 = 0
        var d0: UInt64 = 0, d1: UInt64 = 0, d2: UInt64 = 0, d3: UInt64 = 0
        (d0, bw) = subBorrow(t0, 0xffffffff00000001, bw)
        (d1, bw) = subBorrow(t1, 0x53bda402fffe5bfe, bw)
        (d2, bw) = subBorrow(t2, 0x3339d80809a1d805, bw)
        (d3, bw) = subBorrow(t3, 0x73eda753299d7d48, bw)
        let keep = 0 &- bw  // all ones when t < modulus
        return Fr(
            l0: d0 ^ ((d0 ^ t0) & keep),
            l1: d1 ^ ((d1 ^ t1) & keep),
            l2: d2 ^ ((d2 ^ t2) & keep),
            l3: d3 ^ ((d3 ^ t3) & keep)
        )
    }
}
