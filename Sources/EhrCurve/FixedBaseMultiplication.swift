// SPDX-License-Identifier: Apache-2.0

import EhrField

// MARK: - Constant-time fixed-base multiplication by the generators
//
// k·g for the standard generators is the most common secret-scalar multiplication of the
// protocol (c1 = r·g2 in every encryption, DKG commitments a·g2, public shares x·g2, proofs).
// With the 4-bit window tables T_i[d] = d·16^i·g (i = 0…63, d = 1…15) precomputed once, k·g is
// Σ_i T_i[k_i]: 64 mixed additions and no doubling. Each lookup reads all 15 entries of its row
// with masks; a zero digit is handled by a masked select of the unchanged accumulator, so the
// operation sequence and memory access pattern do not depend on k. Tables are affine (Montgomery
// batch inversion at first use): 960 points, 90 KiB for G1 and 180 KiB for G2.

/// Rows of d·16^i·P, d = 1…15, flattened (row i at offset 15·i), as affine points.
@inlinable
func fixedBaseRows<P: ProjectivePoint>(_ p: P) -> [P] {
    var rows = [P]()
    rows.reserveCapacity(64 * 15)
    var base = p
    for _ in 0..<64 {
        var multiple = base
        for _ in 1...15 {
            rows.append(multiple)
            multiple = multiple + base
        }
        base = base.doubled().doubled().doubled().doubled()
    }
    return rows
}

extension G1Projective {
    /// The window table of the G1 generator, built on first use.
    @usableFromInline
    static let generatorTable: [G1Affine] = batchToAffine(fixedBaseRows(G1Projective.generator))

    /// k·g1 in constant time from the precomputed table (about twice as fast as `mul`).
    ///
    /// - Parameter k: the (secret) scalar.
    /// - Returns: k·g1.
    @inlinable
    public static func mulGenerator(_ k: Fr) -> G1Projective {
        let table = generatorTable
        let limbs = k.canonicalLimbs
        var acc = G1Projective.identity
        for i in 0..<64 {
            let digit = (limbs[i >> 4] >> UInt64((i & 15) << 2)) & 0xF
            var chosen = table[15 * i]
            for d in 2...15 {
                let entry = table[15 * i + d - 1]
                let mask = ctEqualMask(UInt64(d), digit)
                chosen.x = ctSelect(chosen.x, entry.x, mask: mask)
                chosen.y = ctSelect(chosen.y, entry.y, mask: mask)
            }
            var sum = acc + chosen  // chosen is never the point at infinity
            sum.conditionalAssign(acc, mask: ctEqualMask(0, digit))
            acc = sum
        }
        return acc
    }
}

extension G2Projective {
    /// The window table of the G2 generator, built on first use.
    @usableFromInline
    static let generatorTable: [G2Affine] = batchToAffine(fixedBaseRows(G2Projective.generator))

    /// k·g2 in constant time from the precomputed table (about twice as fast as `mul`).
    ///
    /// - Parameter k: the (secret) scalar.
    /// - Returns: k·g2.
    @inlinable
    public static func mulGenerator(_ k: Fr) -> G2Projective {
        let table = generatorTable
        let limbs = k.canonicalLimbs
        var acc = G2Projective.identity
        for i in 0..<64 {
            let digit = (limbs[i >> 4] >> UInt64((i & 15) << 2)) & 0xF
            var chosen = table[15 * i]
            for d in 2...15 {
                let entry = table[15 * i + d - 1]
                let mask = ctEqualMask(UInt64(d), digit)
                chosen.x = ctSelect(chosen.x, entry.x, mask: mask)
                chosen.y = ctSelect(chosen.y, entry.y, mask: mask)
            }
            var sum = acc + chosen  // chosen is never the point at infinity
            sum.conditionalAssign(acc, mask: ctEqualMask(0, digit))
            acc = sum
        }
        return acc
    }
}
