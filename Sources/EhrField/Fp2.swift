// SPDX-License-Identifier: Apache-2.0

/// An element c0 + c1·u of F_p² = F_p[u]/(u² + 1), the quadratic extension used for G2 coordinates
/// and as the base of the blst/zkcrypto tower (PROTOCOL.md §3).
public struct Fp2: Sendable, Hashable {
    /// The coefficient of 1.
    public var c0: Fp
    /// The coefficient of u.
    public var c1: Fp

    /// Creates c0 + c1·u.
    @inlinable @inline(__always)
    public init(c0: Fp, c1: Fp) {
        self.c0 = c0
        self.c1 = c1
    }

    /// Parses two hexadecimal coefficients (see `Fp.init?(hex:)`); `nil` if either is malformed or ≥ p.
    public init?(c0 hex0: String, c1 hex1: String) {
        guard let a = Fp(hex: hex0), let b = Fp(hex: hex1) else { return nil }
        self.init(c0: a, c1: b)
    }

    /// The additive identity.
    @inlinable
    public static var zero: Fp2 { Fp2(c0: .zero, c1: .zero) }

    /// The multiplicative identity.
    @inlinable
    public static var one: Fp2 { Fp2(c0: .one, c1: .zero) }

    /// True for zero (constant time).
    @inlinable
    public var isZero: Bool {
        (c0.l0 | c0.l1 | c0.l2 | c0.l3 | c0.l4 | c0.l5 | c1.l0 | c1.l1 | c1.l2 | c1.l3 | c1.l4 | c1.l5) == 0
    }

    /// True for one (constant time).
    @inlinable
    public var isOne: Bool { self == Fp2.one }

    /// Constant-time equality (both coefficients are compared in full before the result is formed).
    @inlinable
    public static func == (a: Fp2, b: Fp2) -> Bool {
        let x = (a.c0.l0 ^ b.c0.l0) | (a.c0.l1 ^ b.c0.l1) | (a.c0.l2 ^ b.c0.l2) | (a.c0.l3 ^ b.c0.l3)
            | (a.c0.l4 ^ b.c0.l4) | (a.c0.l5 ^ b.c0.l5)
        let y = (a.c1.l0 ^ b.c1.l0) | (a.c1.l1 ^ b.c1.l1) | (a.c1.l2 ^ b.c1.l2) | (a.c1.l3 ^ b.c1.l3)
            | (a.c1.l4 ^ b.c1.l4) | (a.c1.l5 ^ b.c1.l5)
        return (x | y) == 0
    }

    /// Returns `choice ? b : a` without a branch.
    @inlinable
    public static func select(_ a: Fp2, _ b: Fp2, _ choice: Bool) -> Fp2 {
        Fp2(c0: Fp.select(a.c0, b.c0, choice), c1: Fp.select(a.c1, b.c1, choice))
    }

    // MARK: - Ring operations

    /// Coefficient-wise addition.
    @inlinable
    public static func + (a: Fp2, b: Fp2) -> Fp2 { Fp2(c0: a.c0 + b.c0, c1: a.c1 + b.c1) }

    /// Coefficient-wise subtraction.
    @inlinable
    public static func - (a: Fp2, b: Fp2) -> Fp2 { Fp2(c0: a.c0 - b.c0, c1: a.c1 - b.c1) }

    /// Negation.
    @inlinable
    public static prefix func - (a: Fp2) -> Fp2 { Fp2(c0: -a.c0, c1: -a.c1) }

    /// Karatsuba multiplication with lazy reduction: three double-width products, two reductions.
    ///
    ///     c0 = a0b0 − a1b1,  c1 = (a0 + a1)(b0 + b1) − a0b0 − a1b1
    ///
    /// The products stay unreduced (`FpWide`) and each coefficient is reduced once (Aranha et al.,
    /// EUROCRYPT 2011, §3.2). Bounds: a0b0, a1b1 < p² < p·R, so `subModPR` keeps c0 below p·R; and
    /// c1 = a0b1 + a1b0 < 2p² < p·R (the sums a0 + a1 < 2p fit six limbs unreduced).
    @inlinable
    public static func * (a: Fp2, b: Fp2) -> Fp2 {
        let t0 = FpWide.product(a.c0, b.c0)
        let t1 = FpWide.product(a.c1, b.c1)
        let s = FpWide.product(a.c0.addUnreduced(a.c1), b.c0.addUnreduced(b.c1))
        return Fp2(c0: FpWide.subModPR(t0, t1).montgomeryReduced(), c1: (s - t0 - t1).montgomeryReduced())
    }

    /// Complex squaring, two F_p multiplications: (a0 + a1u)² = (a0 + a1)(a0 − a1) + 2a0a1·u.
    @inlinable
    public func squared() -> Fp2 {
        let t = c0 * c1
        return Fp2(c0: (c0 + c1) * (c0 - c1), c1: t + t)
    }

    /// 2·a.
    @inlinable
    public func doubled() -> Fp2 { Fp2(c0: c0 + c0, c1: c1 + c1) }

    /// Multiplication by an element of the base field.
    @inlinable
    public func mulByFp(_ s: Fp) -> Fp2 { Fp2(c0: c0 * s, c1: c1 * s) }

    /// Multiplication by the non-residue ξ = 1 + u that defines F_p⁶ (v³ = ξ):
    /// (c0 + c1u)(1 + u) = (c0 − c1) + (c0 + c1)u. Additions only.
    @inlinable
    public func mulByNonresidue() -> Fp2 { Fp2(c0: c0 - c1, c1: c0 + c1) }

    /// The conjugate c0 − c1·u, which is also the p-power Frobenius map.
    @inlinable
    public func conjugate() -> Fp2 { Fp2(c0: c0, c1: -c1) }

    /// The p-power Frobenius map x ↦ x^p (conjugation, because u^p = −u for p ≡ 3 mod 4).
    @inlinable
    public func frobenius() -> Fp2 { conjugate() }

    /// x ↦ x^(p^power): conjugation for odd powers, identity for even ones (public `power`).
    @inlinable
    public func frobenius(_ power: Int) -> Fp2 { power & 1 == 1 ? conjugate() : self }

    /// The norm c0² + c1² ∈ F_p (= x·x^p).
    @inlinable
    public var norm: Fp { c0.squared() + c1.squared() }

    /// In-place addition.
    @inlinable
    public static func += (a: inout Fp2, b: Fp2) { a = a + b }

    /// In-place subtraction.
    @inlinable
    public static func -= (a: inout Fp2, b: Fp2) { a = a - b }

    /// In-place multiplication.
    @inlinable
    public static func *= (a: inout Fp2, b: Fp2) { a = a * b }

    // MARK: - Inversion and exponentiation

    /// Constant-time inverse through the norm: (c0 + c1u)⁻¹ = (c0 − c1u)/(c0² + c1²). Maps 0 to 0.
    public func inverse() -> Fp2 {
        let t = norm.inverse()
        return Fp2(c0: c0 * t, c1: -(c1 * t))
    }

    /// Inverse for public values only (variable-time F_p inversion). Maps 0 to 0.
    public func inverseVartime() -> Fp2 {
        let t = norm.inverseVartime()
        return Fp2(c0: c0 * t, c1: -(c1 * t))
    }

    /// Raises the element to a **public** exponent (left-to-right square and multiply).
    ///
    /// - Parameter exponentLE: the exponent as little-endian 64-bit limbs.
    public func pow(_ exponentLE: [UInt64]) -> Fp2 {
        var acc = Fp2.one
        var i = exponentLE.count * 64 - 1
        while i >= 0 {
            acc = acc.squared()
            if (exponentLE[i >> 6] >> UInt64(i & 63)) & 1 == 1 { acc = acc * self }
            i -= 1
        }
        return acc
    }
}

extension Fp2: CustomStringConvertible {
    /// "(c0, c1)" with hexadecimal canonical coefficients.
    public var description: String { "(\(c0), \(c1))" }
}
