// SPDX-License-Identifier: Apache-2.0

/// An element c0 + c1·w of F_p¹² = F_p⁶[w]/(w² − v), the top of the blst/zkcrypto tower and the home
/// of GT (PROTOCOL.md §3). Components are public so that the pairing module can add sparse line
/// multiplication and cyclotomic squaring as extensions.
public struct Fp12: Sendable, Hashable {
    /// The coefficient of 1.
    public var c0: Fp6
    /// The coefficient of w.
    public var c1: Fp6

    /// Creates c0 + c1·w.
    @inlinable @inline(__always)
    public init(c0: Fp6, c1: Fp6) {
        self.c0 = c0
        self.c1 = c1
    }

    /// The additive identity.
    @inlinable
    public static var zero: Fp12 { Fp12(c0: .zero, c1: .zero) }

    /// The multiplicative identity.
    @inlinable
    public static var one: Fp12 { Fp12(c0: .one, c1: .zero) }

    /// True for zero (constant time).
    @inlinable
    public var isZero: Bool { self == Fp12.zero }

    /// True for one (constant time).
    @inlinable
    public var isOne: Bool { self == Fp12.one }

    /// Constant-time equality.
    @inlinable
    public static func == (a: Fp12, b: Fp12) -> Bool {
        let e0 = a.c0 == b.c0, e1 = a.c1 == b.c1
        return (UInt8(e0 ? 1 : 0) & UInt8(e1 ? 1 : 0)) == 1
    }

    /// Returns `choice ? b : a` without a branch.
    @inlinable
    public static func select(_ a: Fp12, _ b: Fp12, _ choice: Bool) -> Fp12 {
        Fp12(c0: Fp6.select(a.c0, b.c0, choice), c1: Fp6.select(a.c1, b.c1, choice))
    }

    // MARK: - Ring operations

    /// Coefficient-wise addition.
    @inlinable
    public static func + (a: Fp12, b: Fp12) -> Fp12 { Fp12(c0: a.c0 + b.c0, c1: a.c1 + b.c1) }

    /// Coefficient-wise subtraction.
    @inlinable
    public static func - (a: Fp12, b: Fp12) -> Fp12 { Fp12(c0: a.c0 - b.c0, c1: a.c1 - b.c1) }

    /// Negation.
    @inlinable
    public static prefix func - (a: Fp12) -> Fp12 { Fp12(c0: -a.c0, c1: -a.c1) }

    /// 2·a.
    @inlinable
    public func doubled() -> Fp12 { Fp12(c0: c0.doubled(), c1: c1.doubled()) }

    /// Karatsuba multiplication with three F_p⁶ multiplications (Devegili et al., eprint 2006/471):
    /// (a0 + a1w)(b0 + b1w) = (a0b0 + v·a1b1) + ((a0 + a1)(b0 + b1) − a0b0 − a1b1)w, as w² = v.
    @inlinable
    public static func * (a: Fp12, b: Fp12) -> Fp12 {
        let t0 = a.c0 * b.c0
        let t1 = a.c1 * b.c1
        let s = (a.c0 + a.c1) * (b.c0 + b.c1)
        return Fp12(c0: t0 + t1.mulByV(), c1: s - t0 - t1)
    }

    /// Complex squaring with two F_p⁶ multiplications (Devegili et al., §3):
    /// t = a0a1, c0 = (a0 + a1)(a0 + v·a1) − t − v·t, c1 = 2t.
    @inlinable
    public func squared() -> Fp12 {
        let t = c0 * c1
        let s = (c0 + c1) * (c0 + c1.mulByV())
        return Fp12(c0: s - t - t.mulByV(), c1: t.doubled())
    }

    /// The conjugate c0 − c1·w, which is x^(p⁶); on the cyclotomic subgroup (GT) it is the inverse.
    @inlinable
    public func conjugate() -> Fp12 { Fp12(c0: c0, c1: -c1) }

    /// In-place addition.
    @inlinable
    public static func += (a: inout Fp12, b: Fp12) { a = a + b }

    /// In-place subtraction.
    @inlinable
    public static func -= (a: inout Fp12, b: Fp12) { a = a - b }

    /// In-place multiplication.
    @inlinable
    public static func *= (a: inout Fp12, b: Fp12) { a = a * b }

    // MARK: - Inversion, Frobenius, exponentiation

    /// Constant-time inverse (0 ↦ 0): (a0 + a1w)⁻¹ = (a0 − a1w)/(a0² − v·a1²).
    public func inverse() -> Fp12 {
        let d = (c0.squared() - c1.squared().mulByV()).inverse()
        return Fp12(c0: c0 * d, c1: -(c1 * d))
    }

    /// Inverse for **public** values only, e.g. the easy part of the final exponentiation on a Miller-loop
    /// output of public points (the F_p inversion inside is variable time). Maps 0 to 0.
    public func inverseVartime() -> Fp12 {
        let d = (c0.squared() - c1.squared().mulByV()).inverseVartime()
        return Fp12(c0: c0 * d, c1: -(c1 * d))
    }

    /// x ↦ x^(p^power) for any `power` (public), built from the maps for p, p², p³.
    public func frobenius(_ power: Int) -> Fp12 {
        var k = power % 12
        if k < 0 { k += 12 }
        var x = self
        while k >= 3 {
            x = x.frobeniusMap(3)
            k -= 3
        }
        return k == 0 ? x : x.frobeniusMap(k)
    }

    /// The p^k-power Frobenius map for k ∈ {1, 2, 3}: apply it to both F_p⁶ halves and multiply the
    /// w half by w^(p^k − 1) = ξ^((p^k−1)/6) (`TowerFrobenius`). Other k return `self`.
    @inlinable
    public func frobeniusMap(_ k: Int) -> Fp12 {
        switch k {
        case 1:
            return Fp12(c0: c0.frobeniusMap(1), c1: c1.frobeniusMap(1).mulByFp2(TowerFrobenius.fp12C1Power1))
        case 2:
            // ξ^((p²−1)/6) lies in F_p: scale the six F_p coefficients' pairs by one F_p element.
            let g = TowerFrobenius.fp12C1Power2.c0
            let x = c1.frobeniusMap(2)
            return Fp12(c0: c0.frobeniusMap(2), c1: Fp6(c0: x.c0.mulByFp(g), c1: x.c1.mulByFp(g), c2: x.c2.mulByFp(g)))
        case 3:
            return Fp12(c0: c0.frobeniusMap(3), c1: c1.frobeniusMap(3).mulByFp2(TowerFrobenius.fp12C1Power3))
        default:
            return self
        }
    }

    /// Raises the element to a **public** exponent (left-to-right square and multiply; the
    /// sequence of operations depends on the exponent only).
    ///
    /// - Parameter exponentLE: the exponent as little-endian 64-bit limbs.
    public func pow(_ exponentLE: [UInt64]) -> Fp12 {
        var acc = Fp12.one
        var i = exponentLE.count * 64 - 1
        while i >= 0 {
            acc = acc.squared()
            if (exponentLE[i >> 6] >> UInt64(i & 63)) & 1 == 1 { acc = acc * self }
            i -= 1
        }
        return acc
    }
}

extension Fp12: CustomStringConvertible {
    /// "{c0, c1}".
    public var description: String { "{\(c0), \(c1)}" }
}
