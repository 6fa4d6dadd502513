// SPDX-License-Identifier: Apache-2.0

import EhrField

/// A point of E2: y² = x³ + 4·(1 + u) over Fp2 (the M-type sextic twist) in affine
/// coordinates, or the point at infinity (stored as x = y = 0 so `==` is group equality).
public struct G2Affine: Sendable, Hashable {
    public var x: Fp2
    public var y: Fp2
    public var isInfinity: Bool

    /// The point (x, y), unchecked: external coordinates go through the decoders, which check
    /// the curve equation and the subgroup.
    @inlinable
    public init(x: Fp2, y: Fp2) {
        self.x = x
        self.y = y
        self.isInfinity = false
    }

    @inlinable
    init(x: Fp2, y: Fp2, isInfinity: Bool) {
        self.x = x
        self.y = y
        self.isInfinity = isInfinity
    }

    /// The point at infinity (the group identity).
    public static let identity = G2Affine(x: .zero, y: .zero, isInfinity: true)

    /// The standard generator of G2 (compressed 93e02b60…).
    public static let generator = G2Affine(x: Bls12381.g2x, y: Bls12381.g2y)

    /// Whether (x, y) satisfies y² = x³ + 4·(1 + u) (the identity counts as on the curve).
    @inlinable
    public var isOnCurve: Bool {
        if isInfinity {
            return true
        }
        return y.squared() == x.squared() * x + Bls12381.b2
    }

    /// Membership in the order-r subgroup G2 (fast ψ test, see ``G2Projective/isInSubgroup``).
    /// Assumes the point is on the curve.
    @inlinable
    public var isInSubgroup: Bool {
        G2Projective(self).isInSubgroup
    }

    /// −P = (x, −y).
    @inlinable
    public static prefix func - (p: G2Affine) -> G2Affine {
        if p.isInfinity {
            return p
        }
        return G2Affine(x: p.x, y: -p.y)
    }
}
