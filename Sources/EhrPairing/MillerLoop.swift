// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField

// MARK: - Optimal ate Miller loop

// For BLS12 curves the optimal ate pairing is a(Q, P) = f_{z,Q}(P)^((p¹²−1)/r)
// (Vercauteren 2010, "Optimal pairings", §6). We run Miller's algorithm over the bits of |z|
// (double-and-add, vertical lines dropped because they lie in F_p⁶ and vanish in the final
// exponentiation) and conjugate at the end because z < 0: f_{−|z|,Q} = 1/(f_{|z|,Q}·v), and after
// the easy part inversion equals conjugation.
//
// A product of pairings shares one accumulator: the F_p¹² squarings of f (about a third of a
// single loop) are done once per bit for all pairs, and the final exponentiation once for the
// product (Granger–Smart 2006, "On computing products of pairings", eprint 2006/172).

/// The Miller loop of the optimal ate pairing over several pairs at once.
///
/// Pairs where either point is the identity are skipped (they contribute the factor 1).
///
/// - Parameter pairs: G1 points with prepared G2 points, all assumed in their subgroups.
/// - Returns: `∏ f_{z,Qᵢ}(Pᵢ)`, to be passed to ``finalExponentiation(_:)``.
public func millerLoop(_ pairs: [(G1Affine, G2Prepared)]) -> Fp12 {
    var px: [Fp] = []
    var py: [Fp] = []
    var tables: [[LineCoefficients]] = []
    px.reserveCapacity(pairs.count)
    py.reserveCapacity(pairs.count)
    tables.reserveCapacity(pairs.count)
    for (p, q) in pairs where !p.isInfinity && !q.isInfinity {
        px.append(p.x)
        py.append(p.y)
        tables.append(q.lines)
    }
    if tables.isEmpty {
        return Fp12.one
    }
    var f = Fp12.one
    var line = 0
    var i = BLS12.zTopBit - 1
    while i >= 0 {
        if i != BLS12.zTopBit - 1 {  // f = 1 on the first pass: its square is free
            f = f.squared()
        }
        for k in 0..<tables.count {
            f = f.mulByLine(tables[k][line], px[k], py[k])
        }
        line += 1
        if (BLS12.zAbs >> UInt64(i)) & 1 == 1 {
            for k in 0..<tables.count {
                f = f.mulByLine(tables[k][line], px[k], py[k])
            }
            line += 1
        }
        i -= 1
    }
    return f.conjugate()
}

/// Miller loop of a single pair, computing the lines on the fly (no table allocation).
@inlinable
func millerLoopSingle(_ p: G1Affine, _ q: G2Affine) -> Fp12 {
    if p.isInfinity || q.isInfinity {
        return Fp12.one
    }
    var t = TwistPoint(x: q.x, y: q.y, z: Fp2.one)
    var f = Fp12.one
    var i = BLS12.zTopBit - 1
    while i >= 0 {
        if i != BLS12.zTopBit - 1 {
            f = f.squared()
        }
        f = f.mulByLine(t.doubleWithLine(), p.x, p.y)
        if (BLS12.zAbs >> UInt64(i)) & 1 == 1 {
            f = f.mulByLine(t.addWithLine(q.x, q.y), p.x, p.y)
        }
        i -= 1
    }
    return f.conjugate()
}

extension Fp12 {
    /// Multiplies by the line `l` evaluated at P = (xP, yP).
    @inlinable @inline(__always)
    func mulByLine(_ l: LineCoefficients, _ xP: Fp, _ yP: Fp) -> Fp12 {
        mulByLine(l.l0, l.l2.mulByFp(xP), l.l3.mulByFp(yP))
    }
}
