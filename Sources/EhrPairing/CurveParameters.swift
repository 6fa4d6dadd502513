// SPDX-License-Identifier: Apache-2.0
import EhrField

/// Constants of BLS12-381 that the pairing needs, kept in one place.
///
/// The curve is E: y² = x³ + 4 over F_p with the seed z = −0xd201000000010000
/// (p = (z − 1)²(z⁴ − z² + 1)/3 + z, r = z⁴ − z² + 1). G2 lives on the M-type sextic
/// twist E': y² = x³ + 4ξ over F_p² with ξ = 1 + u, and the tower is
/// F_p² = F_p[u]/(u² + 1), F_p⁶ = F_p²[v]/(v³ − ξ), F_p¹² = F_p⁶[w]/(w² − v).
@usableFromInline
enum BLS12 {
    /// |z|, the optimal ate loop length (Vercauteren 2010, "Optimal pairings"): the Miller
    /// loop runs over the bits of |z| and the result is conjugated because z < 0.
    @usableFromInline static let zAbs: UInt64 = 0xd201_0000_0001_0000

    /// Index of the most significant bit of |z|; the loop starts just below it.
    @usableFromInline static let zTopBit = 63

    /// z < 0 for BLS12-381.
    @usableFromInline static let zIsNegative = true
}
