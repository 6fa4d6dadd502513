// SPDX-License-Identifier: Apache-2.0
//
// Pairing and GT cases for ehrshare-bench (called from main.swift). Inputs are four fixed pairs
// of points derived from public scalars; each case folds its results into an accumulator with
// one GT multiplication (≈ 3.5 µs, under 1% of a pairing) so that no result can be discarded.

import EhrCurve
import EhrField
import EhrPairing

func runPairingBenchmarks() {
    let scalars = (1...8).map { Fr(reducingBigEndian: Array(UInt8($0)..<UInt8($0 + 48))) }
    let ps = (0..<4).map { G1Projective.generator.mul(opaque(scalars[$0])).toAffine() }
    let qs = (0..<4).map { G2Projective.generator.mul(opaque(scalars[$0 + 4])).toAffine() }
    let prepared = qs.map { G2Prepared($0) }
    let millerOutputs = (0..<4).map { millerLoop([(ps[$0], prepared[$0])]) }
    let gts = (0..<4).map { finalExponentiation(millerOutputs[$0]) }
    let encodings = gts.map { $0.bytes }

    bench("pairing_g2_prepare", iterations: 200) { n in
        var count = 0
        for i in 0..<n where !G2Prepared(qs[i & 3]).isInfinity { count += 1 }
        return count
    }
    bench("pairing_miller_loop_prepared", iterations: 300) { n in
        var acc = Fp12.one
        for i in 0..<n { acc = acc * millerLoop([(ps[i & 3], prepared[i & 3])]) }
        return acc
    }
    bench("pairing_final_exponentiation", iterations: 300) { n in
        var acc = GT.one
        for i in 0..<n { acc = acc * finalExponentiation(millerOutputs[i & 3]) }
        return acc
    }
    bench("pairing_single", iterations: 200) { n in
        var acc = GT.one
        for i in 0..<n { acc = acc * pairing(ps[i & 3], qs[i & 3]) }
        return acc
    }
    bench("pairing_single_prepared", iterations: 200) { n in
        var acc = GT.one
        for i in 0..<n { acc = acc * pairing(ps[i & 3], prepared[i & 3]) }
        return acc
    }
    bench("pairing_product2", iterations: 200) { n in
        var acc = GT.one
        for i in 0..<n { acc = acc * multiPairing([(ps[i & 3], qs[i & 3]), (ps[(i + 1) & 3], qs[(i + 1) & 3])]) }
        return acc
    }
    bench("pairing_product2_prepared", iterations: 200) { n in
        var acc = GT.one
        for i in 0..<n {
            acc = acc * multiPairing([(ps[i & 3], prepared[i & 3]), (ps[(i + 1) & 3], prepared[(i + 1) & 3])])
        }
        return acc
    }
    bench("gt_cyclotomic_square", iterations: 100_000) { n in
        var x = gts[0]
        for _ in 0..<n { x = x.squared() }
        return x
    }
    bench("gt_pow", iterations: 300) { n in
        var x = gts[1]
        for i in 0..<n { x = x.pow(scalars[i & 7]) }
        return x
    }
    bench("gt_pow_vartime", iterations: 300) { n in
        var x = gts[1]
        for i in 0..<n { x = x.powVartime(scalars[i & 7]) }
        return x
    }
    bench("gt_in_group", iterations: 500) { n in
        var count = 0
        for i in 0..<n where gts[i & 3].isInGroup { count += 1 }
        return count
    }
    bench("gt_decode", iterations: 500) { n in
        var acc = GT.one
        for i in 0..<n { acc = acc * ((try? GT(bytes: encodings[i & 3])) ?? GT.one) }
        return acc
    }
    bench("gt_encode", iterations: 20_000) { n in
        var acc: UInt8 = 0
        for i in 0..<n { acc ^= gts[i & 3].bytes[i % 576] }
        return acc
    }
}
