// SPDX-License-Identifier: Apache-2.0

import EhrField

/// A point of E1: y² = x³ + 4 in homogeneous projective coordinates (X : Y : Z), x = X/Z,
/// y = Y/Z; the identity is (0 : 1 : 0).
///
/// Addition and doubling use the complete formulas of Renes, Costello and Batina,
/// "Complete addition formulas for prime order elliptic curves" (EUROCRYPT 2016,
/// eprint 2015/1060), Algorithms 7, 8 and 9 for a = 0 with b3 = 3·b = 12. They are correct
/// for every pair of inputs, including P + P, P + (−P) and the identity, with no branch.
public struct G1Projective: Sendable {
    /// X, Y, Z of (X : Y : Z), x = X/Z, y = Y/Z.
    public var x: Fp
    public var y: Fp
    public var z: Fp

    /// The point (X : Y : Z), unchecked; (0 : 1 : 0) is the identity.
    @inlinable
    public init(x: Fp, y: Fp, z: Fp) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// Lifts an affine point (the point at infinity becomes (0 : 1 : 0)).
    @inlinable
    public init(_ p: G1Affine) {
        if p.isInfinity {
            self = .identity
        } else {
            self.init(x: p.x, y: p.y, z: .one)
        }
    }

    /// The group identity (0 : 1 : 0).
    public static let identity = G1Projective(x: .zero, y: .one, z: .zero)

    /// The standard generator of G1.
    public static let generator = G1Projective(G1Affine.generator)

    /// Whether this is the identity (Z = 0).
    @inlinable
    public var isIdentity: Bool {
        z.isZero
    }

    /// 3·b·t = 12·t by additions (cheaper than a multiplication).
    @inlinable @inline(__always)
    static func mulByB3(_ t: Fp) -> Fp {
        let t4 = t.doubled().doubled()
        return t4.doubled() + t4
    }

    // MARK: - Group law

    /// P + Q, RCB 2016 Algorithm 7 (complete, a = 0): 12M + 2·m_b3 + 19a.
    @inlinable
    public static func + (p: G1Projective, q: G1Projective) -> G1Projective {
        var t0 = p.x * q.x
        var t1 = p.y * q.y
        var t2 = p.z * q.z
        var t3 = p.x + p.y
        var t4 = q.x + q.y
        t3 = t3 * t4
        t4 = t0 + t1
        t3 = t3 - t4
        t4 = p.y + p.z
        var x3 = q.y + q.z
        t4 = t4 * x3
        x3 = t1 + t2
        t4 = t4 - x3
        x3 = p.x + p.z
        var y3 = q.x + q.z
        x3 = x3 * y3
        y3 = t0 + t2
        y3 = x3 - y3
        x3 = t0.doubled()
        t0 = x3 + t0
        t2 = mulByB3(t2)
        var z3 = t1 + t2
        t1 = t1 - t2
        y3 = mulByB3(y3)
        x3 = t4 * y3
        t2 = t3 * t1
        x3 = t2 - x3
        y3 = y3 * t0
        t1 = t1 * z3
        y3 = t1 + y3
        t0 = t0 * t3
        z3 = z3 * t4
        z3 = z3 + t0
        return G1Projective(x: x3, y: y3, z: z3)
    }

    /// P + Q for an affine Q, RCB 2016 Algorithm 8 (mixed, a = 0): 11M + 2·m_b3 + 13a.
    /// Algorithm 8 assumes Q ≠ O (it has no affine form), so the identity is selected
    /// branch-free afterwards.
    @inlinable
    public static func + (p: G1Projective, q: G1Affine) -> G1Projective {
        var t0 = p.x * q.x
        var t1 = p.y * q.y
        var t3 = q.x + q.y
        var t4 = p.x + p.y
        t3 = t3 * t4
        t4 = t0 + t1
        t3 = t3 - t4
        t4 = q.y * p.z
        t4 = t4 + p.y
        var y3 = q.x * p.z
        y3 = y3 + p.x
        var x3 = t0.doubled()
        t0 = x3 + t0
        var t2 = mulByB3(p.z)
        var z3 = t1 + t2
        t1 = t1 - t2
        y3 = mulByB3(y3)
        x3 = t4 * y3
        t2 = t3 * t1
        x3 = t2 - x3
        y3 = y3 * t0
        t1 = t1 * z3
        y3 = t1 + y3
        t0 = t0 * t3
        z3 = z3 * t4
        z3 = z3 + t0
        var r = G1Projective(x: x3, y: y3, z: z3)
        r.conditionalAssign(p, mask: ctMask(q.isInfinity))
        return r
    }

    /// 2·P, RCB 2016 Algorithm 9 (a = 0): 6M + 2S + 1·m_b3 + 9a.
    @inlinable
    public func doubled() -> G1Projective {
        var t0 = y.squared()
        var z3 = t0.doubled().doubled().doubled()
        var t1 = y * z
        var t2 = z.squared()
        t2 = G1Projective.mulByB3(t2)
        var x3 = t2 * z3
        var y3 = t0 + t2
        z3 = t1 * z3
        t1 = t2.doubled()
        t2 = t1 + t2
        t0 = t0 - t2
        y3 = t0 * y3
        y3 = x3 + y3
        t1 = x * y
        x3 = t0 * t1
        x3 = x3.doubled()
        return G1Projective(x: x3, y: y3, z: z3)
    }

    /// −P = (X : −Y : Z).
    @inlinable
    public static prefix func - (p: G1Projective) -> G1Projective {
        G1Projective(x: p.x, y: -p.y, z: p.z)
    }

    @inlinable
    public static func - (p: G1Projective, q: G1Projective) -> G1Projective {
        p + (-q)
    }

    @inlinable
    public static func += (p: inout G1Projective, q: G1Projective) {
        p = p + q
    }

    @inlinable
    public static func -= (p: inout G1Projective, q: G1Projective) {
        p = p + (-q)
    }

    /// Branch-free `self = mask ? other : self` (mask all ones or zero).
    @inlinable
    mutating func conditionalAssign(_ other: G1Projective, mask: UInt64) {
        x = ctSelect(x, other.x, mask: mask)
        y = ctSelect(y, other.y, mask: mask)
        z = ctSelect(z, other.z, mask: mask)
    }

    // MARK: - Affine conversion

    /// The affine form, with one constant-time inversion (safe for secret points).
    @inlinable
    public func toAffine() -> G1Affine {
        if z.isZero {
            return .identity
        }
        let zInv = z.inverse()
        return G1Affine(x: x * zInv, y: y * zInv)
    }

    /// The affine form with a variable-time inversion (GMP): about ten times faster than
    /// ``toAffine()``, for **public** points only (hash outputs, decoded or published points).
    @inlinable
    public func toAffineVartime() -> G1Affine {
        if z.isZero {
            return .identity
        }
        let zInv = z.inverseVartime()
        return G1Affine(x: x * zInv, y: y * zInv)
    }

    /// Affine forms of many points with a single inversion (Montgomery's trick). Identities map
    /// to the point at infinity.
    @inlinable
    public static func batchToAffine(_ points: [G1Projective]) -> [G1Affine] {
        // prefix[i] = Π z_j over non-identity j < i
        var prefix = [Fp]()
        prefix.reserveCapacity(points.count)
        var acc = Fp.one
        for p in points {
            prefix.append(acc)
            if !p.z.isZero {
                acc = acc * p.z
            }
        }
        var inv = acc.inverse()
        var out = [G1Affine](repeating: .identity, count: points.count)
        for i in stride(from: points.count - 1, through: 0, by: -1) {
            let p = points[i]
            if p.z.isZero {
                continue
            }
            let zInv = inv * prefix[i]
            inv = inv * p.z
            out[i] = G1Affine(x: p.x * zInv, y: p.y * zInv)
        }
        return out
    }
}

// MARK: - Equality

extension G1Projective: Equatable {
    /// Projective equality: X1·Z2 = X2·Z1 and Y1·Z2 = Y2·Z1 (the identity equals only itself).
    @inlinable
    public static func == (p: G1Projective, q: G1Projective) -> Bool {
        let pInf = p.z.isZero
        let qInf = q.z.isZero
        if pInf || qInf {
            return pInf && qInf
        }
        return p.x * q.z == q.x * p.z && p.y * q.z == q.y * p.z
    }
}

extension G1Projective: ProjectivePoint {}
