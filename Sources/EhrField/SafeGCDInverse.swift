// SPDX-License-Identifier: Apache-2.0

// MARK: - Constant-time inversion in Fp by safegcd (Bernstein–Yang divsteps)
//
// D. J. Bernstein and B.-Y. Yang, "Fast constant-time gcd computation and modular inversion",
// TCHES 2019(3). The divstep map on (δ, f, g), f odd:
//
//     δ > 0 and g odd:  (1 − δ, g, (g − f)/2)
//     otherwise:        (1 + δ, f, (g + (g mod 2)·f)/2)
//
// reaches g = 0, f = ±gcd after at most ⌊(49d + 57)/17⌋ steps for d-bit inputs, d ≥ 46 (their
// Theorem 11.2): 1101 steps for d = 381, run here as 18 batches of 62 = 1116 steps, always the same
// number, with every decision taken through masks. Each batch works on the low 64 bits of f and g only
// and yields a 2×2 matrix M with 2⁶²·(f', g') = M·(f, g); the full-size f, g and the accumulators d, e
// (f ≡ d·x, g ≡ e·x mod p) are then updated with M. The numbers are held as seven signed 62-bit
// limbs (six in [0, 2⁶²) and a signed top limb), as in libsecp256k1's modinv64, whose range
// invariants (d, e ∈ (−2p, p)) and update formulas this follows; the code here is written for p.

/// Signed 62-bit-limb arithmetic and the divstep batches for `Fp.inverse()`.
@usableFromInline
internal enum SafeGCD {
    /// 2⁶² − 1.
    @usableFromInline static let mask62: UInt64 = (1 << 62) - 1

    /// p in seven 62-bit limbs, least significant first.
    @usableFromInline static let p62: (Int64, Int64, Int64, Int64, Int64, Int64, Int64) = (
        0x39fe_ffff_ffff_aaab, 0x3aaf_fffa_c54f_fffe, 0x330d_2a0f_6b0f_6241, 0x1dd2_e13c_e144_afd9,
        0x1ba7_b643_4bac_d764, 0x0447_a8e5_ff9a_692c, 0x1a0
    )

    /// p⁻¹ mod 2⁶².
    @usableFromInline static let pInverse62: UInt64 = 0x360c_0003_0003_0003

    /// Number of 62-step batches: 18·62 = 1116 ≥ 1101, the divstep bound for 381-bit inputs.
    @usableFromInline static let batches = 18

    /// Returns its argument through a call the optimiser cannot see into.
    ///
    /// Without it LLVM rewrites `x & (y >> 63)` as `y < 0 ? x : 0` and then unswitches the limb loops on
    /// that condition, i.e. branches on the sign of a secret value (seen in the release assembly of
    /// `normalize`). A mask that comes out of an opaque call is just an unknown word, so `&` stays `&`.
    @inline(never) @_optimize(none) @usableFromInline
    static func barrier(_ x: Int64) -> Int64 { x }

    /// The transition matrix of one batch: 2⁶²·(f', g') = (u·f + v·g, q·f + r·g).
    @usableFromInline
    struct Matrix {
        @usableFromInline var u: Int64, v: Int64, q: Int64, r: Int64
        @inlinable init(u: Int64, v: Int64, q: Int64, r: Int64) {
            self.u = u
            self.v = v
            self.q = q
            self.r = r
        }
    }

    /// 62 constant-time divsteps on the low words of f (odd) and g; returns the new δ and the matrix.
    ///
    /// Each step first applies, under the mask c = [δ > 0 ∧ g odd], the map (δ, f, g, u, v, q, r) ↦
    /// (−δ, g, −f, q, r, −u, −v), then the common tail δ += 1, g = (g + (g mod 2)·f)/2,
    /// (q, r) += (g mod 2)·(u, v), (u, v) *= 2. Bits shifted in at the top of g are garbage, but after
    /// i steps only the top i bits are affected, so the 62 parity decisions use exact bits.
    @inlinable
    static func divsteps62(delta: Int64, f0: UInt64, g0: UInt64) -> (Int64, Matrix) {
        var delta = delta
        var f = f0, g = g0
        var u: Int64 = 1, v: Int64 = 0, q: Int64 = 0, r: Int64 = 1
        for _ in 0..<62 {
            // c = all ones when δ > 0 and g is odd.
            let deltaPositive = UInt64(bitPattern: (0 &- delta) >> 63)  // −δ < 0 ⇔ δ > 0
            let c = deltaPositive & (0 &- (g & 1))
            let ci = Int64(bitPattern: c)
            delta = (delta ^ ci) &- ci
            let fOld = f
            f ^= (f ^ g) & c
            g ^= (g ^ (0 &- fOld)) & c
            let uOld = u, vOld = v
            u ^= (u ^ q) & ci
            v ^= (v ^ r) & ci
            q ^= (q ^ (0 &- uOld)) & ci
            r ^= (r ^ (0 &- vOld)) & ci
            // Common tail.
            let b = 0 &- (g & 1)
            let bi = Int64(bitPattern: b)
            g = (g &+ (f & b)) >> 1
            q = q &+ (u & bi)
            r = r &+ (v & bi)
            u = u &<< 1
            v = v &<< 1
            delta = delta &+ 1
        }
        return (delta, Matrix(u: u, v: v, q: q, r: r))
    }

    /// (f, g) ← (u·f + v·g, q·f + r·g)/2⁶², exactly (the low 62 bits of both sums are zero);
    /// `count` limbs (7 for p, 5 for r).
    @inlinable
    static func updateFG(
        _ f: UnsafeMutablePointer<Int64>, _ g: UnsafeMutablePointer<Int64>, _ t: Matrix, count: Int
    ) {
        var cf = Int128(t.u) &* Int128(f[0]) &+ Int128(t.v) &* Int128(g[0])
        var cg = Int128(t.q) &* Int128(f[0]) &+ Int128(t.r) &* Int128(g[0])
        cf >>= 62
        cg >>= 62
        for i in 1..<count {
            cf = cf &+ Int128(t.u) &* Int128(f[i]) &+ Int128(t.v) &* Int128(g[i])
            cg = cg &+ Int128(t.q) &* Int128(f[i]) &+ Int128(t.r) &* Int128(g[i])
            f[i - 1] = Int64(truncatingIfNeeded: cf) & Int64(bitPattern: mask62)
            g[i - 1] = Int64(truncatingIfNeeded: cg) & Int64(bitPattern: mask62)
            cf >>= 62
            cg >>= 62
        }
        f[count - 1] = Int64(truncatingIfNeeded: cf)
        g[count - 1] = Int64(truncatingIfNeeded: cg)
    }

    /// (d, e) ← (u·d + v·e, q·d + r·e)/2⁶² mod p, keeping d, e in (−2p, p).
    ///
    /// Multiples md·p, me·p are added so that the low 62 bits vanish (md ≡ −(u·d + v·e)·p⁻¹ mod 2⁶²),
    /// after a first correction of u (resp. v) when d (resp. e) is negative, which keeps the result in
    /// range (libsecp256k1 modinv64, `update_de_62`). `p` points at the `count` limbs of the modulus and
    /// `pInverse` is p⁻¹ mod 2⁶².
    @inlinable
    static func updateDE(
        _ d: UnsafeMutablePointer<Int64>, _ e: UnsafeMutablePointer<Int64>, _ p: UnsafePointer<Int64>,
        pInverse: UInt64, _ t: Matrix, count: Int
    ) {
        let sd = barrier(d[count - 1] >> 63)
        let se = barrier(e[count - 1] >> 63)
        var md = (t.u & sd) &+ (t.v & se)
        var me = (t.q & sd) &+ (t.r & se)
        var cd = Int128(t.u) &* Int128(d[0]) &+ Int128(t.v) &* Int128(e[0])
        var ce = Int128(t.q) &* Int128(d[0]) &+ Int128(t.r) &* Int128(e[0])
        let adjustD = (pInverse &* UInt64(truncatingIfNeeded: cd) &+ UInt64(bitPattern: md)) & mask62
        let adjustE = (pInverse &* UInt64(truncatingIfNeeded: ce) &+ UInt64(bitPattern: me)) & mask62
        md = md &- Int64(bitPattern: adjustD)
        me = me &- Int64(bitPattern: adjustE)
        cd = cd &+ Int128(p[0]) &* Int128(md)
        ce = ce &+ Int128(p[0]) &* Int128(me)
        cd >>= 62
        ce >>= 62
        for i in 1..<count {
            cd = cd &+ Int128(t.u) &* Int128(d[i]) &+ Int128(t.v) &* Int128(e[i])
            cd = cd &+ Int128(p[i]) &* Int128(md)
            ce = ce &+ Int128(t.q) &* Int128(d[i]) &+ Int128(t.r) &* Int128(e[i])
            ce = ce &+ Int128(p[i]) &* Int128(me)
            d[i - 1] = Int64(truncatingIfNeeded: cd) & Int64(bitPattern: mask62)
            e[i - 1] = Int64(truncatingIfNeeded: ce) & Int64(bitPattern: mask62)
            cd >>= 62
            ce >>= 62
        }
        d[count - 1] = Int64(truncatingIfNeeded: cd)
        e[count - 1] = Int64(truncatingIfNeeded: ce)
    }

    /// Brings d from (−2p, p) to [0, p), negated when `sign` < 0 (libsecp256k1 `normalize_62`):
    /// add p if negative, conditionally negate, carry, add p again if negative, carry. Masks only.
    @inlinable
    static func normalize(_ d: UnsafeMutablePointer<Int64>, sign: Int64, _ p: UnsafePointer<Int64>, count: Int) {
        let m = Int64(bitPattern: mask62)
        var condAdd = barrier(d[count - 1] >> 63)
        for i in 0..<count { d[i] = d[i] &+ (p[i] & condAdd) }
        let condNegate = barrier(sign >> 63)
        for i in 0..<count { d[i] = (d[i] ^ condNegate) &- condNegate }
        for i in 0..<(count - 1) {
            d[i + 1] = d[i + 1] &+ (d[i] >> 62)
            d[i] &= m
        }
        condAdd = barrier(d[count - 1] >> 63)
        for i in 0..<count { d[i] = d[i] &+ (p[i] & condAdd) }
        for i in 0..<(count - 1) {
            d[i + 1] = d[i + 1] &+ (d[i] >> 62)
            d[i] &= m
        }
    }

    /// Runs the whole inversion on `count`-limb signed-62 buffers: g holds x on entry, f the modulus;
    /// on exit d holds x⁻¹ mod p in [0, p) (0 for x = 0). `batches`·62 must reach the divstep bound.
    @inlinable
    static func invert(
        d: UnsafeMutablePointer<Int64>, e: UnsafeMutablePointer<Int64>, f: UnsafeMutablePointer<Int64>,
        g: UnsafeMutablePointer<Int64>, p: UnsafePointer<Int64>, pInverse: UInt64, count: Int, batches: Int
    ) {
        for i in 0..<count {
            d[i] = 0
            e[i] = 0
            f[i] = p[i]
        }
        e[0] = 1
        var delta: Int64 = 1
        for _ in 0..<batches {
            let (nextDelta, t) = divsteps62(delta: delta, f0: UInt64(bitPattern: f[0]), g0: UInt64(bitPattern: g[0]))
            delta = nextDelta
            updateFG(f, g, t, count: count)
            updateDE(d, e, p, pInverse: pInverse, t, count: count)
        }
        // Now g = 0 and f = ±1 (or f = modulus when x = 0, where d = 0 gives the agreed inverse 0).
        normalize(d, sign: f[count - 1], p, count: count)
    }
}

extension Fp {
    /// Multiplicative inverse in constant time; the inverse of 0 is 0.
    ///
    /// Bernstein–Yang safegcd (see the notes at the top of `SafeGCDInverse.swift`): a fixed 18 × 62
    /// divsteps, masks instead of branches, no table lookups. It inverts the Montgomery integer
    /// x = aR, giving (aR)⁻¹, and one Montgomery multiplication by R³ yields a⁻¹R. About five times
    /// faster than Fermat's a^(p−2) (`inverseFermat()`, kept as a cross-check). The only branches are
    /// the fixed-count loops (checked in the release assembly); Int128 arithmetic is wrapping, so no
    /// overflow trap exists either (the bounds above keep every sum exact).
    public func inverse() -> Fp {
        let m = SafeGCD.mask62
        let x = self
        return withUnsafeTemporaryAllocation(of: Int64.self, capacity: 35) { buf -> Fp in
            // A temporary allocation of 35 words always has a base address; the fallback is unreachable.
            guard let base = buf.baseAddress else { return x.inverseFermat() }
            let d = base, e = base + 7, f = base + 14, g = base + 21, p = base + 28
            let p62 = SafeGCD.p62
            p[0] = p62.0; p[1] = p62.1; p[2] = p62.2; p[3] = p62.3; p[4] = p62.4; p[5] = p62.5; p[6] = p62.6
            // x = aR (the raw limbs, below p) in signed-62 form.
            g[0] = Int64(bitPattern: x.l0 & m)
            g[1] = Int64(bitPattern: (x.l0 >> 62 | x.l1 << 2) & m)
            g[2] = Int64(bitPattern: (x.l1 >> 60 | x.l2 << 4) & m)
            g[3] = Int64(bitPattern: (x.l2 >> 58 | x.l3 << 6) & m)
            g[4] = Int64(bitPattern: (x.l3 >> 56 | x.l4 << 8) & m)
            g[5] = Int64(bitPattern: (x.l4 >> 54 | x.l5 << 10) & m)
            g[6] = Int64(bitPattern: x.l5 >> 52)
            SafeGCD.invert(
                d: d, e: e, f: f, g: g, p: UnsafePointer(p), pInverse: SafeGCD.pInverse62, count: 7,
                batches: SafeGCD.batches)
            let w0 = UInt64(bitPattern: d[0]) | UInt64(bitPattern: d[1]) << 62
            let w1 = UInt64(bitPattern: d[1]) >> 2 | UInt64(bitPattern: d[2]) << 60
            let w2 = UInt64(bitPattern: d[2]) >> 4 | UInt64(bitPattern: d[3]) << 58
            let w3 = UInt64(bitPattern: d[3]) >> 6 | UInt64(bitPattern: d[4]) << 56
            let w4 = UInt64(bitPattern: d[4]) >> 8 | UInt64(bitPattern: d[5]) << 54
            let w5 = UInt64(bitPattern: d[5]) >> 10 | UInt64(bitPattern: d[6]) << 52
            return Fp(l0: w0, l1: w1, l2: w2, l3: w3, l4: w4, l5: w5) * Fp.montgomeryR3
        }
    }
}

extension Fr {
    /// r in five 62-bit limbs, least significant first.
    @usableFromInline static let r62: (Int64, Int64, Int64, Int64, Int64) = (
        0x3fff_ffff_0000_0001, 0x0ef6_900b_fff9_6ffb, 0x339d_8080_9a1d_8055, 0x3b69_d4ca_675f_520c, 0x73
    )

    /// r⁻¹ mod 2⁶².
    @usableFromInline static let rInverse62: UInt64 = 0x1_0000_0001

    /// R³ mod r (R = 2²⁵⁶): turns (aR)⁻¹ into a⁻¹R with one Montgomery multiplication.
    @usableFromInline
    internal static var montgomeryR3: Fr {
        Fr(l0: 0xc62c1807439b73af, l1: 0x1b3e0d188cf06990, l2: 0x73d13c71c7b5f418, l3: 0x6e2a5bb9c8db33e9)
    }

    /// Multiplicative inverse in constant time by safegcd; the inverse of 0 is 0.
    ///
    /// Same algorithm as `Fp.inverse()` with five signed 62-bit limbs and 12 × 62 = 744 divsteps
    /// (the Bernstein–Yang bound for 255-bit inputs is ⌊(49·255 + 57)/17⌋ = 738). Fermat's a^(r−2)
    /// remains available as `inverseFermat()`.
    public func inverse() -> Fr {
        let m = SafeGCD.mask62
        let x = self
        return withUnsafeTemporaryAllocation(of: Int64.self, capacity: 25) { buf -> Fr in
            // A temporary allocation of 25 words always has a base address; the fallback is unreachable.
            guard let base = buf.baseAddress else { return x.inverseFermat() }
            let d = base, e = base + 5, f = base + 10, g = base + 15, p = base + 20
            let r62 = Fr.r62
            p[0] = r62.0; p[1] = r62.1; p[2] = r62.2; p[3] = r62.3; p[4] = r62.4
            g[0] = Int64(bitPattern: x.l0 & m)
            g[1] = Int64(bitPattern: (x.l0 >> 62 | x.l1 << 2) & m)
            g[2] = Int64(bitPattern: (x.l1 >> 60 | x.l2 << 4) & m)
            g[3] = Int64(bitPattern: (x.l2 >> 58 | x.l3 << 6) & m)
            g[4] = Int64(bitPattern: x.l3 >> 56)
            SafeGCD.invert(
                d: d, e: e, f: f, g: g, p: UnsafePointer(p), pInverse: Fr.rInverse62, count: 5, batches: 12)
            let w0 = UInt64(bitPattern: d[0]) | UInt64(bitPattern: d[1]) << 62
            let w1 = UInt64(bitPattern: d[1]) >> 2 | UInt64(bitPattern: d[2]) << 60
            let w2 = UInt64(bitPattern: d[2]) >> 4 | UInt64(bitPattern: d[3]) << 58
            let w3 = UInt64(bitPattern: d[3]) >> 6 | UInt64(bitPattern: d[4]) << 56
            return Fr(l0: w0, l1: w1, l2: w2, l3: w3) * Fr.montgomeryR3
        }
    }
}
