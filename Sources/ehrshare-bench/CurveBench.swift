// SPDX-License-Identifier: Apache-2.0
//
// EhrCurve cases for ehrshare-bench: group operations, scalar multiplication (constant-time and
// variable-time), subgroup checks, decompression and RFC 9380 hashing. Results are per operation.

import EhrCurve
import EhrField

func runCurveBenchmarks() {
    let k1 = opaque(Fr(reducingBigEndian: Array(7..<55 as Range<UInt8>)))
    let k2 = opaque(Fr(reducingBigEndian: Array(90..<138 as Range<UInt8>)))
    let p1 = G1Projective.generator.mul(k1)
    let p2 = G2Projective.generator.mul(k2)
    let a1 = p1.toAffine()
    let a2 = p2.toAffine()
    let c1 = a1.compressed
    let c2 = a2.compressed
    let dst = Array("EHRSHARE-V1-H1ENC_BLS12381G1_XMD:SHA-256_SSWU_RO_".utf8)
    let dst2 = Array("EHRSHARE-V1-PEDERSEN_BLS12381G2_XMD:SHA-256_SSWU_RO_".utf8)

    bench("g1_add", iterations: 200_000) { n in
        var x = p1
        for _ in 0..<n { x = x + p1 }
        return x
    }
    bench("g1_add_mixed", iterations: 200_000) { n in
        var x = p1
        for _ in 0..<n { x = x + a1 }
        return x
    }
    bench("g1_double", iterations: 200_000) { n in
        var x = p1
        for _ in 0..<n { x = x.doubled() }
        return x
    }
    bench("g1_mul_ct", iterations: 2_000) { n in
        var x = p1
        for _ in 0..<n { x = x.mul(k1) }
        return x
    }
    bench("g1_mul_generator_ct", iterations: 2_000) { n in
        var x = p1
        for _ in 0..<n { x = x + G1Projective.mulGenerator(k1) }
        return x
    }
    bench("g1_mul_vartime", iterations: 2_000) { n in
        var x = p1
        for _ in 0..<n { x = x.mulVartime(k1) }
        return x
    }
    bench("g1_subgroup_check", iterations: 2_000) { n in
        var ok = true
        for _ in 0..<n { ok = ok && opaque(p1).isInSubgroup }
        return ok
    }
    bench("g1_decompress_checked", iterations: 2_000) { n in
        var x = a1
        for _ in 0..<n { x = (try? G1Affine(compressed: opaque(c1))) ?? x }
        return x
    }
    bench("g1_to_affine", iterations: 5_000) { n in
        var x = a1
        for _ in 0..<n { x = (G1Projective(x) + p1).toAffine() }
        return x
    }
    bench("g1_msm_16", iterations: 200) { n in
        let points = [G1Projective](repeating: p1, count: 16)
        let scalars = (0..<16).map { k1 * Fr(UInt64($0 + 1)) }
        var x = p1
        for _ in 0..<n { x = x + G1Projective.msm(points: points, scalars: scalars) }
        return x
    }
    bench("g2_add", iterations: 100_000) { n in
        var x = p2
        for _ in 0..<n { x = x + p2 }
        return x
    }
    bench("g2_double", iterations: 100_000) { n in
        var x = p2
        for _ in 0..<n { x = x.doubled() }
        return x
    }
    bench("g2_mul_ct", iterations: 1_000) { n in
        var x = p2
        for _ in 0..<n { x = x.mul(k2) }
        return x
    }
    bench("g2_mul_generator_ct", iterations: 1_000) { n in
        var x = p2
        for _ in 0..<n { x = x + G2Projective.mulGenerator(k2) }
        return x
    }
    bench("g2_mul_vartime", iterations: 1_000) { n in
        var x = p2
        for _ in 0..<n { x = x.mulVartime(k2) }
        return x
    }
    bench("g2_subgroup_check", iterations: 1_000) { n in
        var ok = true
        for _ in 0..<n { ok = ok && opaque(p2).isInSubgroup }
        return ok
    }
    bench("g2_decompress_checked", iterations: 1_000) { n in
        var x = a2
        for _ in 0..<n { x = (try? G2Affine(compressed: opaque(c2))) ?? x }
        return x
    }
    bench("hash_to_g1", iterations: 2_000) { n in
        var x = p1
        for i in 0..<n { x = x + ((try? hashToG1(msg: [UInt8(truncatingIfNeeded: i), 1, 2], dst: dst)) ?? p1) }
        return x
    }
    bench("hash_to_g2", iterations: 1_000) { n in
        var x = p2
        for i in 0..<n { x = x + ((try? hashToG2(msg: [UInt8(truncatingIfNeeded: i), 1, 2], dst: dst2)) ?? p2) }
        return x
    }
    bench("hash_to_fr", iterations: 50_000) { n in
        var x = k1
        for i in 0..<n { x = x + ((try? hashToFr(msg: [UInt8(truncatingIfNeeded: i), 1, 2], dst: dst)) ?? k1) }
        return x
    }
}
