// SPDX-License-Identifier: Apache-2.0

/// An element of the BLS12-381 base field F_p,
/// p = 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab.
///
/// The value is stored in Montgomery form, a·R mod p with R = 2³⁸⁴, as six 64-bit limbs, least
/// significant first. Every public operation keeps the limbs fully reduced (below p), so two elements
/// are equal exactly when their limbs are equal. Arithmetic is branch-free and allocation-free; the
/// kernels live in `FpArithmetic.swift`.
public struct Fp: Sendable, Hashable {
    /// Montgomery limbs (a·R mod p), little-endian. Kept public so that other modules can build
    /// constants and so that `@inlinable` code sees plain stored properties.
    public var l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64, l4: UInt64, l5: UInt64

    /// Creates an element from its raw Montgomery limbs (which must already be below p).
    @inlinable @inline(__always)
    public init(l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64, l4: UInt64, l5: UInt64) {
        self.l0 = l0
        self.l1 = l1
        self.l2 = l2
        self.l3 = l3
        self.l4 = l4
        self.l5 = l5
    }

    /// The additive identity.
    @inlinable
    public static var zero: Fp { Fp(l0: 0, l1: 0, l2: 0, l3: 0, l4: 0, l5: 0) }

    /// The multiplicative identity, R mod p in Montgomery form.
    @inlinable
    public static var one: Fp {
        Fp(
            l0: 0x760900000002fffd,
            l1: 0xebf4000bc40c0002,
            l2: 0x5f48985753c758ba,
            l3: 0x77ce585370525745,
            l4: 0x5c071a97a256ec6d,
            l5: 0x15f65ec3fa80e493
        )
    }

    /// R² mod p: Montgomery-multiplying a canonical integer by it converts the integer into Montgomery form.
    @inlinable
    internal static var montgomeryR2: Fp {
        Fp(
            l0: 0xf4df1f341c341746,
            l1: 0x0a76e6a609d104f1,
            l2: 0x8de5476c4c95b6d5,
            l3: 0x67eb88a9939d83c0,
            l4: 0x9a793e85b519952d,
            l5: 0x11988fe592cae3aa
        )
    }

    /// R³ mod p: turns a plain integer inverse (aR)⁻¹ back into Montgomery form a⁻¹R with one multiplication.
    @usableFromInline
    internal static var montgomeryR3: Fp {
        Fp(
            l0: 0xed48ac6bd94ca1e0,
            l1: 0x315f831e03a7adf8,
            l2: 0x9a53352a615e29dd,
            l3: 0x34c04e5e921e1761,
            l4: 0x2512d43565724728,
            l5: 0x0aa6346091755d4d
        )
    }

    /// 2²⁵⁶ in Montgomery form (2²⁵⁶·R mod p), the weight of one 32-byte chunk in `init(reducingBigEndian:)`.
    @usableFromInline
    internal static var twoTo256: Fp {
        Fp(
            l0: 0x075b3cd7c5ce820f,
            l1: 0x3ec6ba621c3edb0b,
            l2: 0x168a13d82bff6bce,
            l3: 0x87663c4bf8c449d2,
            l4: 0x15f34c83ddc8d830,
            l5: 0x0f9628b49caa2e85
        )
    }

    /// 1/2 mod p = (p + 1)/2 in Montgomery form.
    @usableFromInline
    internal static var twoInverse: Fp {
        Fp(
            l0: 0x1804000000015554,
            l1: 0x855000053ab00001,
            l2: 0x633cb57c253c276f,
            l3: 0x6e22d1ec31ebb502,
            l4: 0xd3916126f2d14ca2,
            l5: 0x17fbb8571a006596
        )
    }

    /// The small integer `v` as a field element (v < 2⁶⁴ < p, so no reduction is involved).
    @inlinable
    public init(_ v: UInt64) {
        self = Fp(l0: v, l1: 0, l2: 0, l3: 0, l4: 0, l5: 0) * Fp.montgomeryR2
    }

    /// Creates an element from six canonical little-endian limbs (the integer must be below p).
    ///
    /// Meant for internal constants; it does not check the bound. Missing limbs count as zero and
    /// extra limbs are ignored, so a short array cannot trap.
    public init(canonicalLimbs: [UInt64]) {
        func limb(_ i: Int) -> UInt64 { i < canonicalLimbs.count ? canonicalLimbs[i] : 0 }
        self = Fp(l0: limb(0), l1: limb(1), l2: limb(2), l3: limb(3), l4: limb(4), l5: limb(5)) * Fp.montgomeryR2
    }

    /// The canonical integer value (out of Montgomery form) as six little-endian limbs.
    public var canonicalLimbs: [UInt64] {
        let c = montgomeryReduced()
        return [c.l0, c.l1, c.l2, c.l3, c.l4, c.l5]
    }

    /// Montgomery reduction of the limbs alone: returns the limbs of the canonical integer a
    /// (stored in an `Fp` only as a container). Computed as the Montgomery product with the integer 1.
    @inlinable
    internal func montgomeryReduced() -> Fp {
        self * Fp(l0: 1, l1: 0, l2: 0, l3: 0, l4: 0, l5: 0)
    }

    // MARK: - Predicates and constant-time helpers

    /// True for the zero element. Evaluated without data-dependent branches.
    @inlinable
    public var isZero: Bool { (l0 | l1 | l2 | l3 | l4 | l5) == 0 }

    /// True for the one element. Evaluated without data-dependent branches.
    @inlinable
    public var isOne: Bool { self == Fp.one }

    /// Constant-time equality: ORs the XOR of every limb pair, then tests the result once.
    @inlinable
    public static func == (a: Fp, b: Fp) -> Bool {
        ((a.l0 ^ b.l0) | (a.l1 ^ b.l1) | (a.l2 ^ b.l2) | (a.l3 ^ b.l3) | (a.l4 ^ b.l4) | (a.l5 ^ b.l5)) == 0
    }

    /// Returns `choice ? b : a` through a mask, without a branch or a data-dependent index.
    @inlinable
    public static func select(_ a: Fp, _ b: Fp, _ choice: Bool) -> Fp {
        let m = boolMask(choice)
        return Fp(
            l0: a.l0 ^ ((a.l0 ^ b.l0) & m),
            l1: a.l1 ^ ((a.l1 ^ b.l1) & m),
            l2: a.l2 ^ ((a.l2 ^ b.l2) & m),
            l3: a.l3 ^ ((a.l3 ^ b.l3) & m),
            l4: a.l4 ^ ((a.l4 ^ b.l4) & m),
            l5: a.l5 ^ ((a.l5 ^ b.l5) & m)
        )
    }

    /// 2·a mod p.
    @inlinable
    public func doubled() -> Fp { self + self }

    /// In-place addition.
    @inlinable
    public static func += (a: inout Fp, b: Fp) { a = a + b }

    /// In-place subtraction.
    @inlinable
    public static func -= (a: inout Fp, b: Fp) { a = a - b }

    /// In-place multiplication.
    @inlinable
    public static func *= (a: inout Fp, b: Fp) { a = a * b }
}

extension Fp: CustomStringConvertible {
    /// Hexadecimal canonical value (big-endian), for debugging and test messages.
    public var description: String {
        let hexDigits: [Character] = Array("0123456789abcdef")
        var s = "0x"
        for b in bigEndianBytes {
            s.append(hexDigits[Int(b >> 4)])
            s.append(hexDigits[Int(b & 15)])
        }
        return s
    }
}
