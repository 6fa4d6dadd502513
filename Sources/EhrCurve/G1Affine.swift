// SPDX-License-Identifier: Apache-2.0

import EhrField

/// A point of E1: y² = x³ + 4 over Fp in affine coordinates, or the point at infinity.
///
/// The point at infinity is always stored as x = y = 0 with `isInfinity` set, so that the
/// synthesised `==` and `hash` agree with group equality.
public struct G1Affine: Sendable, Hashable {
    public var x: Fp
    public var y: Fp
    public var isInfinity: Bool

    /// The point (x, y), unchecked: callers that take coordinates from outside use the decoders,
    /// which check the curve equation and the subgroup.
    @inlinable
    public init(x: Fp, y: Fp) {
        self.x = x
        self.y = y
        self.isInfinity = false
    }

    @inlinable
    init(x: Fp, y: Fp, isInfinity: Bool) {
        self.x = x
        self.y = y
        self.isInfinity = isInfinity
    }

    /// The point at infinity (the group identity).
    public static let identity = G1Affine(x: .zero, y: .zero, isInfinity: true)

    /// The standard generator of G1 (compressed 97f1d3a7…).
    public static let generator = G1Affine(x: Bls12381.g1x, y: Bls12381.g1y)

    /// Whether (x, y) satisfies y² = x³ + 4 (the identity counts as on the curve).
    @inlinable
    public var isOnCurve: Bool {
        if isInfinity {
            return true
        }
        return y.squared() == x.squared() * x + Bls12381.b1
    }

    /// Membership in the order-r subgroup G1 (fast endomorphism test, see
    /// ``G1Projective/isInSubgroup``). Assumes the point is on the curve.
    @inlinable
    public var isInSubgroup: Bool {
        G1Projective(self).isInSubgroup
    }

    /// −P = (x, −y).
    @inlinable
    public static prefix func - (p: G1Affine) -> G1Affine {
        if p.isInfinity {
            return p
        }
        return G1Affine(x: p.x, y: -p.y)
    }
}
