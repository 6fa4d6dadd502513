// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField

/// A G2 point with its Miller-loop line coefficients precomputed.
///
/// The protocol pairs against the same G2 points again and again (the generator `g2` and the
/// master public key `y`, PROTOCOL.md §2). The lines of the optimal ate Miller loop depend only
/// on the G2 argument, so they are computed once here (68 lines: 63 tangents and 5 chords for
/// |z| = 0xd201000000010000) and each later pairing only evaluates them at its G1 point and
/// multiplies them into the accumulator — the G2 arithmetic (about a fifth of a Miller loop)
/// disappears. This is blst's `blst_precompute_lines`.
///
/// The value is immutable and `Sendable`; share one instance across threads.
public struct G2Prepared: Sendable {
    /// The line coefficients in the order the Miller loop consumes them; empty for the identity.
    @usableFromInline let lines: [LineCoefficients]

    /// The point this was prepared from.
    public let point: G2Affine

    /// `true` when prepared from the point at infinity (the pairing with it is 1).
    @inlinable
    public var isInfinity: Bool { point.isInfinity }

    /// The lines of the standard generator g2, computed on first use and shared: every
    /// signature check and every pairing against g2 in the protocol uses it.
    public static let generator = G2Prepared(G2Affine.generator)

    /// Precomputes the Miller-loop lines of `q`.
    ///
    /// - Parameter q: a point of G2 (the caller has checked subgroup membership, as every
    ///   decoder does); the identity is allowed and yields an empty line table.
    public init(_ q: G2Affine) {
        point = q
        if q.isInfinity {
            lines = []
            return
        }
        var out: [LineCoefficients] = []
        out.reserveCapacity(MillerLoopShape.lineCount)
        var t = TwistPoint(x: q.x, y: q.y, z: Fp2.one)
        var i = BLS12.zTopBit - 1
        while i >= 0 {
            out.append(t.doubleWithLine())
            if (BLS12.zAbs >> UInt64(i)) & 1 == 1 {
                out.append(t.addWithLine(q.x, q.y))
            }
            i -= 1
        }
        lines = out
    }
}

/// Shape of the optimal ate loop over |z|.
@usableFromInline
enum MillerLoopShape {
    /// One tangent per bit below the top one, one chord per further set bit: 63 + 5.
    @usableFromInline static let lineCount = BLS12.zTopBit + BLS12.zAbs.nonzeroBitCount - 1
}
