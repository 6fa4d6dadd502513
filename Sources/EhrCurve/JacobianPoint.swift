// SPDX-License-Identifier: Apache-2.0

import EhrField

/// The field operations the Jacobian formulas need; Fp and Fp2 conform, so one generic type
/// (specialised by the optimiser) serves E1 and E2.
@usableFromInline
protocol CurveField: Equatable, Sendable {
    static var zero: Self { get }
    static var one: Self { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    func squared() -> Self
    func doubled() -> Self
    var isZero: Bool { get }
}

extension Fp: CurveField {}
extension Fp2: CurveField {}

/// A point of y² = x³ + b in Jacobian coordinates (x = X/Z², y = Y/Z³; Z = 0 is the identity),
/// for **public** points only.
///
/// Jacobian doubling for a = 0 is 2M + 5S (EFD `dbl-2009-l`) against 6M + 2S for the complete
/// projective formula, which pays off in the long doubling chains of the subgroup checks and
/// cofactor clearing. Addition (`add-2007-bl`, 11M + 5S) is not complete, so its exceptional
/// cases (an input at infinity, P = Q, P = −Q) are handled by branches: correct for every input,
/// including small-order points an attacker may submit, but variable time.
@usableFromInline
struct JacobianPoint<F: CurveField>: Sendable {
    @usableFromInline var x: F
    @usableFromInline var y: F
    @usableFromInline var z: F

    @inlinable
    init(x: F, y: F, z: F) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// From homogeneous (X : Y : Z), x = X/Z, y = Y/Z: (X·Z, Y·Z², Z).
    @inlinable
    init(homogeneousX hx: F, y hy: F, z hz: F) {
        if hz.isZero {
            self.init(x: .one, y: .one, z: .zero)
        } else {
            self.init(x: hx * hz, y: hy * hz.squared(), z: hz)
        }
    }

    /// Back to homogeneous: (X·Z, Y, Z³); the identity becomes (0 : 1 : 0).
    @inlinable
    var homogeneous: (x: F, y: F, z: F) {
        if z.isZero {
            return (.zero, .one, .zero)
        }
        return (x * z, y, z.squared() * z)
    }

    @inlinable
    var isIdentity: Bool { z.isZero }

    /// 2·P, EFD `dbl-2009-l` (a = 0). There is no 2-torsion on E1(Fp) or E2(Fp2) (both group
    /// orders are odd), so Z3 = 2·Y1·Z1 vanishes only for the identity.
    @inlinable
    func doubled() -> JacobianPoint {
        let a = x.squared()
        let b = y.squared()
        let c = b.squared()
        let d = ((x + b).squared() - a - c).doubled()
        let e = a.doubled() + a
        let f = e.squared()
        let x3 = f - d.doubled()
        let c8 = c.doubled().doubled().doubled()
        let y3 = e * (d - x3) - c8
        let z3 = (y * z).doubled()
        return JacobianPoint(x: x3, y: y3, z: z3)
    }

    /// P + Q, EFD `add-2007-bl`, with the exceptional cases handled explicitly.
    @inlinable
    static func + (p: JacobianPoint, q: JacobianPoint) -> JacobianPoint {
        if p.z.isZero { return q }
        if q.z.isZero { return p }
        let z1z1 = p.z.squared()
        let z2z2 = q.z.squared()
        let u1 = p.x * z2z2
        let u2 = q.x * z1z1
        let s1 = p.y * q.z * z2z2
        let s2 = q.y * p.z * z1z1
        let h = u2 - u1
        let r = (s2 - s1).doubled()
        if h.isZero {
            // Same x: P = Q (double) or P = −Q (identity).
            return r.isZero ? p.doubled() : JacobianPoint(x: .one, y: .one, z: .zero)
        }
        let i = h.doubled().squared()
        let j = h * i
        let v = u1 * i
        let x3 = r.squared() - j - v.doubled()
        let y3 = r * (v - x3) - (s1 * j).doubled()
        let z3 = ((p.z + q.z).squared() - z1z1 - z2z2) * h
        return JacobianPoint(x: x3, y: y3, z: z3)
    }

    @inlinable
    static prefix func - (p: JacobianPoint) -> JacobianPoint {
        JacobianPoint(x: p.x, y: -p.y, z: p.z)
    }

    /// Group equality: X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³.
    @inlinable
    func equals(_ q: JacobianPoint) -> Bool {
        if z.isZero || q.z.isZero {
            return z.isZero && q.z.isZero
        }
        let z1z1 = z.squared()
        let z2z2 = q.z.squared()
        return x * z2z2 == q.x * z1z1 && y * z2z2 * q.z == q.y * z1z1 * z
    }

    /// |z|·P with the fixed chain of |z| = 0xd201000000010000 (63 doublings, 5 additions).
    @inlinable
    func mulByXAbs() -> JacobianPoint {
        var acc = self
        for bit in stride(from: 62, through: 0, by: -1) {
            acc = acc.doubled()
            if (Bls12381.xAbs >> UInt64(bit)) & 1 == 1 {
                acc = acc + self
            }
        }
        return acc
    }
}
