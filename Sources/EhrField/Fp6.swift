// SPDX-License-Identifier: Apache-2.0

/// An element c0 + c1·v + c2·v² of F_p⁶ = F_p²[v]/(v³ − ξ), ξ = 1 + u: the cubic layer of the
/// blst/zkcrypto tower (PROTOCOL.md §3). Components are public so that the pairing module can add
/// sparse multiplications as extensions.
public struct Fp6: Sendable, Hashable {
    /// The coefficient of 1.
    public var c0: Fp2
    /// The coefficient of v.
    public var c1: Fp2
    /// The coefficient of v².
    public var c2: Fp2

    /// Creates c0 + c1·v + c2·v².
    @inlinable @inline(__always)
    public init(c0: Fp2, c1: Fp2, c2: Fp2) {
        self.c0 = c0
        self.c1 = c1
        self.c2 = c2
    }

    /// The additive identity.
    @inlinable
    public static var zero: Fp6 { Fp6(c0: .zero, c1: .zero, c2: .zero) }

    /// The multiplicative identity.
    @inlinable
    public static var one: Fp6 { Fp6(c0: .one, c1: .zero, c2: .zero) }

    /// True for zero (constant time: all three tests are evaluated).
    @inlinable
    public var isZero: Bool { self == Fp6.zero }

    /// True for one (constant time).
    @inlinable
    public var isOne: Bool { self == Fp6.one }

    /// Constant-time equality.
    @inlinable
    public static func == (a: Fp6, b: Fp6) -> Bool {
        let e0 = a.c0 == b.c0, e1 = a.c1 == b.c1, e2 = a.c2 == b.c2
        return (UInt8(e0 ? 1 : 0) & UInt8(e1 ? 1 : 0) & UInt8(e2 ? 1 : 0)) == 1
    }

    /// Returns `choice ? b : a` without a branch.
    @inlinable
    public static func select(_ a: Fp6, _ b: Fp6, _ choice: Bool) -> Fp6 {
        Fp6(c0: Fp2.select(a.c0, b.c0, choice), c1: Fp2.select(a.c1, b.c1, choice),
            c2: Fp2.select(a.c2, b.c2, choice))
    }

    // MARK: - Ring operations

    /// Coefficient-wise addition.
    @inlinable
    public static func + (a: Fp6, b: Fp6) -> Fp6 { Fp6(c0: a.c0 + b.c0, c1: a.c1 + b.c1, c2: a.c2 + b.c2) }

    /// Coefficient-wise subtraction.
    @inlinable
    public static func - (a: Fp6, b: Fp6) -> Fp6 { Fp6(c0: a.c0 - b.c0, c1: a.c1 - b.c1, c2: a.c2 - b.c2) }

    /// Negation.
    @inlinable
    public static prefix func - (a: Fp6) -> Fp6 { Fp6(c0: -a.c0, c1: -a.c1, c2: -a.c2) }

    /// 2·a.
    @inlinable
    public func doubled() -> Fp6 { Fp6(c0: c0.doubled(), c1: c1.doubled(), c2: c2.doubled()) }

    /// Karatsuba multiplication with six F_p² multiplications (Devegili, Ó hÉigeartaigh, Scott, Dahab,
    /// "Multiplication and squaring on pairing-friendly fields", eprint 2006/471, §4):
    ///
    ///     v0 = a0b0, v1 = a1b1, v2 = a2b2
    ///     c0 = v0 + ξ((a1 + a2)(b1 + b2) − v1 − v2)
    ///     c1 = (a0 + a1)(b0 + b1) − v0 − v1 + ξ·v2
    ///     c2 = (a0 + a2)(b0 + b2) − v0 − v2 + v1
    @inlinable
    public static func * (a: Fp6, b: Fp6) -> Fp6 {
        let v0 = a.c0 * b.c0
        let v1 = a.c1 * b.c1
        let v2 = a.c2 * b.c2
        let c0 = v0 + ((a.c1 + a.c2) * (b.c1 + b.c2) - v1 - v2).mulByNonresidue()
        let c1 = (a.c0 + a.c1) * (b.c0 + b.c1) - v0 - v1 + v2.mulByNonresidue()
        let c2 = (a.c0 + a.c2) * (b.c0 + b.c2) - v0 - v2 + v1
        return Fp6(c0: c0, c1: c1, c2: c2)
    }

    /// Squaring by Chung–Hasan CH-SQR2 (same paper, §4): two F_p² multiplications and three squarings.
    ///
    ///     s0 = a0², s1 = 2a0a1, s2 = (a0 − a1 + a2)², s3 = 2a1a2, s4 = a2²
    ///     c0 = s0 + ξs3,  c1 = s1 + ξs4,  c2 = s1 + s2 + s3 − s0 − s4
    @inlinable
    public func squared() -> Fp6 {
        let s0 = c0.squared()
        let s1 = (c0 * c1).doubled()
        let s2 = (c0 - c1 + c2).squared()
        let s3 = (c1 * c2).doubled()
        let s4 = c2.squared()
        return Fp6(
            c0: s0 + s3.mulByNonresidue(),
            c1: s1 + s4.mulByNonresidue(),
            c2: s1 + s2 + s3 - s0 - s4
        )
    }

    /// Multiplication by v: (c0 + c1v + c2v²)·v = ξc2 + c0·v + c1·v², since v³ = ξ.
    @inlinable
    public func mulByV() -> Fp6 { Fp6(c0: c2.mulByNonresidue(), c1: c0, c2: c1) }

    /// Multiplication by an element of F_p².
    @inlinable
    public func mulByFp2(_ s: Fp2) -> Fp6 { Fp6(c0: c0 * s, c1: c1 * s, c2: c2 * s) }

    /// In-place addition.
    @inlinable
    public static func += (a: inout Fp6, b: Fp6) { a = a + b }

    /// In-place subtraction.
    @inlinable
    public static func -= (a: inout Fp6, b: Fp6) { a = a - b }

    /// In-place multiplication.
    @inlinable
    public static func *= (a: inout Fp6, b: Fp6) { a = a * b }

    // MARK: - Inversion and Frobenius

    /// Constant-time inverse (0 ↦ 0), reducing to one F_p² inversion:
    ///
    ///     t0 = a0² − ξa1a2,  t1 = ξa2² − a0a1,  t2 = a1² − a0a2
    ///     d = a0t0 + ξ(a2t1 + a1t2)  (the norm to F_p²),  a⁻¹ = (t0 + t1v + t2v²)/d
    public func inverse() -> Fp6 {
        let t0 = c0.squared() - (c1 * c2).mulByNonresidue()
        let t1 = c2.squared().mulByNonresidue() - c0 * c1
        let t2 = c1.squared() - c0 * c2
        let d = c0 * t0 + (c2 * t1 + c1 * t2).mulByNonresidue()
        let dInv = d.inverse()
        return Fp6(c0: t0 * dInv, c1: t1 * dInv, c2: t2 * dInv)
    }

    /// Inverse for **public** values only (the F_p inversion inside is variable time). Maps 0 to 0.
    public func inverseVartime() -> Fp6 {
        let t0 = c0.squared() - (c1 * c2).mulByNonresidue()
        let t1 = c2.squared().mulByNonresidue() - c0 * c1
        let t2 = c1.squared() - c0 * c2
        let d = c0 * t0 + (c2 * t1 + c1 * t2).mulByNonresidue()
        let dInv = d.inverseVartime()
        return Fp6(c0: t0 * dInv, c1: t1 * dInv, c2: t2 * dInv)
    }

    /// x ↦ x^(p^power) for any `power` (public), using the tables for p, p², p³ (`TowerFrobenius`).
    public func frobenius(_ power: Int) -> Fp6 {
        var k = power % 6
        if k < 0 { k += 6 }
        var x = self
        while k >= 3 {
            x = x.frobeniusMap(3)
            k -= 3
        }
        return k == 0 ? x : x.frobeniusMap(k)
    }

    /// The p^k-power Frobenius map for k ∈ {1, 2, 3}: conjugate the F_p² coefficients when k is odd and
    /// multiply the v, v² coefficients by ξ^((p^k−1)/3), ξ^(2(p^k−1)/3). Other k return `self`.
    @inlinable
    public func frobeniusMap(_ k: Int) -> Fp6 {
        switch k {
        case 1:
            // ξ^((p−1)/3) is purely imaginary (c0 = 0) and ξ^(2(p−1)/3) lies in F_p: two F_p
            // multiplications each instead of a full F_p² product.
            let g1 = TowerFrobenius.fp6C1Power1.c1
            let x1 = c1.conjugate()
            return Fp6(
                c0: c0.conjugate(),
                c1: Fp2(c0: -(x1.c1 * g1), c1: x1.c0 * g1),
                c2: c2.conjugate().mulByFp(TowerFrobenius.fp6C2Power1.c0)
            )
        case 2:
            return Fp6(
                c0: c0,
                c1: c1.mulByFp(TowerFrobenius.fp6C1Power2.c0),
                c2: c2.mulByFp(TowerFrobenius.fp6C2Power2.c0)
            )
        case 3:
            // ξ^((p³−1)/3) = u, so the v coefficient is only multiplied by u: (x0 + x1u)·u = −x1 + x0u.
            let x1 = c1.conjugate()
            return Fp6(
                c0: c0.conjugate(),
                c1: Fp2(c0: -x1.c1, c1: x1.c0),
                c2: c2.conjugate().mulByFp(TowerFrobenius.fp6C2Power3.c0)
            )
        default:
            return self
        }
    }
}

extension Fp6: CustomStringConvertible {
    /// "[c0, c1, c2]".
    public var description: String { "[\(c0), \(c1), \(c2)]" }
}
