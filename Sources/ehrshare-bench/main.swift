// SPDX-License-Identifier: Apache-2.0
//
// ehrshare-bench: micro-benchmarks, one JSON line per case:
//   {"case":"fp_mul","ns_per_op":31.2,"iterations":1000000}
// Build with `swift build -c release --product ehrshare-bench`. An optional argument keeps only the
// cases whose name starts with it (`ehrshare-bench fp12`); the ledger cases run only when it starts
// with "ledger" (`ehrshare-bench ledger`), the 64 MiB envelope cases only when it starts with
// "envelope". scripts/bench/side_by_side.py runs these cases beside mcl, a pymcl IBP1 reference and
// `openssl speed`. Each case runs dependent chains (every
// result feeds the next operation) and hands the final value to `consume`, which the optimiser cannot
// see through, so the measured work cannot be deleted or hoisted. To add a case, call `bench` below.

import EhrField

/// Opaque sink: not inlined and not optimised, so its argument must really be computed.
@inline(never) @_optimize(none)
func consume<T>(_ x: T) {
    _ = x
}

/// Returns its argument through an opaque call, so inputs are not constant-folded.
@inline(never) @_optimize(none)
func opaque<T>(_ x: T) -> T { x }

let filter = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ""

/// Times `body(batch)` over many short batches and reports the fastest batch per operation. The
/// machine is shared, so the minimum (a batch that ran without being preempted) is the stable
/// statistic; `iterations` is the total work, split into 100 batches after a warm-up batch.
func bench<T>(_ name: String, iterations: Int, _ body: (Int) -> T) {
    guard name.hasPrefix(filter) else { return }
    let batch = max(1, iterations / 100)
    consume(body(batch))
    let clock = ContinuousClock()
    var best = Duration.seconds(1_000_000)
    for _ in 0..<100 {
        var out: T?
        let d = clock.measure { out = body(batch) }
        consume(out)
        if d < best { best = d }
    }
    let (s, atto) = best.components
    let ns = (Double(s) * 1e9 + Double(atto) / 1e9) / Double(batch)
    let tenths = Int(ns * 10 + 0.5)
    print("{\"case\":\"\(name)\",\"ns_per_op\":\(tenths / 10).\(tenths % 10),\"iterations\":\(batch * 100)}")
}

// MARK: - Inputs

let fpA = opaque(Fp(reducingBigEndian: Array(0..<64 as Range<UInt8>)))
let fpB = opaque(Fp(reducingBigEndian: Array(100..<164 as Range<UInt8>)))
let frA = opaque(Fr(reducingBigEndian: Array(0..<48 as Range<UInt8>)))
let frB = opaque(Fr(reducingBigEndian: Array(50..<98 as Range<UInt8>)))
let fp2A = Fp2(c0: fpA, c1: fpB)
let fp2B = Fp2(c0: fpB, c1: fpA + fpB)
let fp6A = Fp6(c0: fp2A, c1: fp2B, c2: fp2A + fp2B)
let fp6B = Fp6(c0: fp2B, c1: fp2A * fp2B, c2: fp2A - fp2B)
let fp12A = Fp12(c0: fp6A, c1: fp6B)
let fp12B = Fp12(c0: fp6B, c1: fp6A * fp6B)
let bytes64 = opaque((0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })

// MARK: - Cases

bench("fp_add", iterations: 10_000_000) { n in
    var x = fpA
    for _ in 0..<n { x = x + fpB }
    return x
}
bench("fp_mul", iterations: 2_000_000) { n in
    var x = fpA
    for _ in 0..<n { x = x * fpB }
    return x
}
bench("fp_square", iterations: 2_000_000) { n in
    var x = fpA
    for _ in 0..<n { x = x.squared() }
    return x
}
bench("fp_inverse", iterations: 5_000) { n in
    var x = fpA
    for _ in 0..<n { x = x.inverse() + fpB }
    return x
}
bench("fp_inverse_vartime", iterations: 50_000) { n in
    var x = fpA
    for _ in 0..<n { x = x.inverseVartime() + fpB }
    return x
}
bench("fp_sqrt", iterations: 5_000) { n in
    var x = fpA
    for _ in 0..<n { x = (x.squared().sqrt() ?? fpB) + fpB }  // always a square
    return x
}
bench("fp_reduce64", iterations: 200_000) { n in
    var x = fpA
    for _ in 0..<n { x = x + Fp(reducingBigEndian: opaque(bytes64)) }
    return x
}
bench("fp2_mul", iterations: 1_000_000) { n in
    var x = fp2A
    for _ in 0..<n { x = x * fp2B }
    return x
}
bench("fp2_square", iterations: 1_000_000) { n in
    var x = fp2A
    for _ in 0..<n { x = x.squared() }
    return x
}
bench("fp2_inverse", iterations: 5_000) { n in
    var x = fp2A
    for _ in 0..<n { x = x.inverse() + fp2B }
    return x
}
bench("fp2_sqrt", iterations: 2_000) { n in
    var x = fp2A
    for _ in 0..<n { x = (x.squared().sqrt() ?? fp2B) + fp2B }  // always a square
    return x
}
bench("fp6_mul", iterations: 200_000) { n in
    var x = fp6A
    for _ in 0..<n { x = x * fp6B }
    return x
}
bench("fp6_square", iterations: 200_000) { n in
    var x = fp6A
    for _ in 0..<n { x = x.squared() }
    return x
}
bench("fp12_mul", iterations: 100_000) { n in
    var x = fp12A
    for _ in 0..<n { x = x * fp12B }
    return x
}
bench("fp12_square", iterations: 100_000) { n in
    var x = fp12A
    for _ in 0..<n { x = x.squared() }
    return x
}
bench("fp12_inverse", iterations: 5_000) { n in
    var x = fp12A
    for _ in 0..<n { x = x.inverse() + fp12B }
    return x
}
bench("fp12_inverse_vartime", iterations: 20_000) { n in
    var x = fp12A
    for _ in 0..<n { x = x.inverseVartime() + fp12B }
    return x
}
bench("fp12_frobenius", iterations: 100_000) { n in
    var x = fp12A
    for _ in 0..<n { x = x.frobeniusMap(1) }
    return x
}
bench("fr_mul", iterations: 5_000_000) { n in
    var x = frA
    for _ in 0..<n { x = x * frB }
    return x
}
bench("fr_inverse", iterations: 10_000) { n in
    var x = frA
    for _ in 0..<n { x = x.inverse() + frB }
    return x
}

// MARK: - Other modules' cases (each in its own file)

runCurveBenchmarks()
runPairingBenchmarks()
runDKGBenchmarks()
runPREBenchmarks()
runEnvelopeBenchmarks()  // only with a filter starting with "envelope" (64 MiB records, seconds each)
runLedgerBenchmarks()  // only with a filter starting with "ledger" (minutes, writes to $TMPDIR)
