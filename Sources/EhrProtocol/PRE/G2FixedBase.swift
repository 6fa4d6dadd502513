// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField

/// Constant-time `k·g2` with a precomputed table (fixed-base windowing):
/// every IBP1 encryption computes `c1 = r·g2` with a secret `r`, always on the
/// same base, so the doublings can be precomputed once.
///
/// Write `k = Σ_{i<64} d_i·16^i` (4-bit digits of the canonical scalar); with
/// `T[i][d] = d·16^i·g2` the product is `Σ_i T[i][d_i]`: 64 complete additions
/// and no doubling, against ~255 doublings and ~64 additions for a generic
/// fixed-window multiplication. Each `T[i][d_i]` is read by scanning all 16
/// entries with masked selection, and the complete addition formulas handle
/// the identity entry (d = 0) without a branch, so neither the control flow
/// nor the memory access pattern depends on `k`.
///
/// The table holds 1024 projective points (≈ 300 KB) and is built on first
/// use (thread-safe lazy global initialisation), in about the time of a few
/// generic multiplications. This belongs in EhrCurve in the long run (a
/// `G2Projective.generatorMul`); it lives here until that exists.
enum G2FixedBase {
    static let windowBits = 4
    static let windows = 64

    /// `table[i][d] = d·16^i·g2`.
    static let table: [[G2Projective]] = {
        var out: [[G2Projective]] = []
        out.reserveCapacity(windows)
        var base = G2Projective.generator
        for _ in 0..<windows {
            var row = [G2Projective.identity]
            row.reserveCapacity(16)
            for d in 1..<16 { row.append(row[d - 1] + base) }
            out.append(row)
            for _ in 0..<windowBits { base = base.doubled() }
        }
        return out
    }()

    /// `k·g2` in constant time.
    static func mul(_ k: Fr) -> G2Projective {
        let limbs = k.canonicalLimbs
        let t = table
        var acc = G2Projective.identity
        for i in 0..<windows {
            let digit = Int(truncatingIfNeeded: (limbs[i >> 4] >> UInt64((i & 15) * windowBits)) & 0xF)
            let row = t[i]
            var x = row[0].x, y = row[0].y, z = row[0].z
            for d in 1..<16 {
                let hit = d == digit
                x = Fp2.select(x, row[d].x, hit)
                y = Fp2.select(y, row[d].y, hit)
                z = Fp2.select(z, row[d].z, hit)
            }
            acc = acc + G2Projective(x: x, y: y, z: z)
        }
        return acc
    }
}
