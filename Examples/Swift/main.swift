// SPDX-License-Identifier: Apache-2.0
//
// A Swift host of libehrshare: imports the Swift modules directly (no C ABI)
// and checks the pairing's defining property on fresh random scalars. Prints
// only deterministic lines, which the test command compares with example.exp.
import EhrCurve
import EhrField
import EhrPairing

#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) var failures = 0
func expect(_ ok: Bool, _ what: String) {
    print("\(ok ? "ok" : "FAILED"): \(what)")
    if !ok { failures += 1 }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

do {
    let g1 = G1Affine.generator, g2 = G2Affine.generator
    print("g1 = \(hex(g1.compressed).prefix(16))…")
    print("g2 = \(hex(g2.compressed).prefix(16))…")
    print("e(g1, g2) = \(hex(GT.generator.bytes).prefix(16))…")

    let a = try Fr.randomNonZero(), b = try Fr.randomNonZero()
    let left = pairing(G1Projective(g1).mul(a).toAffine(), G2Projective(g2).mul(b).toAffine())
    expect(left == GT.generator.pow(a * b), "e(a·g1, b·g2) = e(g1, g2)^(ab)")

    let dst = Array("EHRSHARE-V1-H1ENC_BLS12381G1_XMD:SHA-256_SSWU_RO_".utf8)
    let q = try hashToG1(msg: Array("patient:alice".utf8), dst: dst).toAffine()
    print("H1e(patient:alice) = \(hex(q.compressed).prefix(16))…")
    let decoded = try G1Affine(compressed: q.compressed)
    expect(decoded == q, "compressed encoding round-trips with full validation")
} catch {
    print("FAILED: \(error)")
    failures += 1
}
print(failures == 0 ? "all checks passed" : "some checks FAILED")
if failures != 0 { exit(1) }

// The common sharing workflow (Workflow.swift) on the record file named by the first argument.
if CommandLine.arguments.count > 1 {
    do {
        if try !Workflow.run(recordPath: CommandLine.arguments[1]) { exit(1) }
    } catch {
        print("workflow FAILED: \(error)")
        exit(1)
    }
}
