// SPDX-License-Identifier: Apache-2.0

import EhrField
import XCTest

@testable import EhrCurve

final class ScalarMultiplicationTests: XCTestCase {
    struct File: Decodable {
        struct Vector: Decodable {
            let k: String
            let g1_compressed: String
            let g1_uncompressed: String
            let g2_compressed: String
            let g2_uncompressed: String
        }
        let vectors: [Vector]
    }

    /// k·g1 and k·g2 against py_ecc for 1, 2, 3, h_eff, r − 1, r − 2 and six random scalars,
    /// through every multiplication path and both encodings.
    func testPyEccVectors() throws {
        let file = try loadVectors("scalar_mul.json", as: File.self)
        XCTAssertEqual(file.vectors.count, 12)
        for v in file.vectors {
            let k = try Fr(bigEndianBytes: hexBytes(v.k))
            for p in [G1Projective.generator.mul(k), G1Projective.generator.mulVartime(k), G1Projective.mulGenerator(k),
                      G1Projective.msm(points: [G1Projective.generator], scalars: [k])] {
                XCTAssertEqual(hexString(p.toAffine().compressed), v.g1_compressed, v.k)
                XCTAssertEqual(hexString(p.toAffine().uncompressed), v.g1_uncompressed, v.k)
            }
            for p in [G2Projective.generator.mul(k), G2Projective.generator.mulVartime(k), G2Projective.mulGenerator(k),
                      G2Projective.msm(points: [G2Projective.generator], scalars: [k])] {
                XCTAssertEqual(hexString(p.toAffine().compressed), v.g2_compressed, v.k)
                XCTAssertEqual(hexString(p.toAffine().uncompressed), v.g2_uncompressed, v.k)
            }
        }
    }

    func testPathsAgreeOnRandomScalars() {
        for _ in 0..<3 {
            let k = randomScalar()
            let p = randomG1()
            let reference = referenceMul(p, k)
            XCTAssertEqual(p.mul(k), reference)
            XCTAssertEqual(p.mulConstantTimeNoGLV(k), reference)
            XCTAssertEqual(p.mulVartime(k), reference)
            XCTAssertEqual(p.mulBigVartime(k.canonicalLimbs), reference)
            let q = randomG2()
            let reference2 = referenceMul(q, k)
            XCTAssertEqual(q.mul(k), reference2)
            XCTAssertEqual(q.mulConstantTimeNoGLS(k), reference2)
            XCTAssertEqual(q.mulVartime(k), reference2)
            XCTAssertEqual(q.mulBigVartime(k.canonicalLimbs), reference2)
        }
    }

    func testEdgeScalars() {
        let p = randomG1()
        let q = randomG2()
        let minusOne = -Fr.one
        for k in [Fr.zero, Fr.one, Fr(2), Fr(15), Fr(16), Fr(17), minusOne, minusOne - Fr.one] {
            let expected1 = referenceMul(p, k)
            let expected2 = referenceMul(q, k)
            XCTAssertEqual(p.mul(k), expected1)
            XCTAssertEqual(p.mulVartime(k), expected1)
            XCTAssertEqual(q.mul(k), expected2)
            XCTAssertEqual(q.mulVartime(k), expected2)
        }
        for k in [Fr.zero, Fr.one, Fr(16), minusOne, randomScalar()] {
            XCTAssertEqual(G1Projective.mulGenerator(k), referenceMul(G1Projective.generator, k))
            XCTAssertEqual(G2Projective.mulGenerator(k), referenceMul(G2Projective.generator, k))
        }
        XCTAssertTrue(p.mul(.zero).isIdentity)
        XCTAssertEqual(p.mul(minusOne), -p)
        XCTAssertEqual(q.mulVartime(minusOne), -q)
        XCTAssertTrue(G1Projective.identity.mul(randomScalar()).isIdentity)
        XCTAssertTrue(G2Projective.identity.mulVartime(randomScalar()).isIdentity)
    }

    func testLinearity() {
        let a = randomScalar()
        let b = randomScalar()
        let p = randomG1()
        XCTAssertEqual(p.mul(a + b), p.mul(a) + p.mul(b))
        XCTAssertEqual(p.mul(a * b), p.mul(a).mul(b))
        XCTAssertTrue(p.mulBigVartime(Bls12381.rLimbs).isIdentity)
        let q = randomG2()
        XCTAssertEqual(q.mul(a + b), q.mul(a) + q.mul(b))
        XCTAssertEqual(q.mulVartime(a * b), q.mulVartime(a).mulVartime(b))
        XCTAssertTrue(q.mulBigVartime(Bls12381.rLimbs).isIdentity)
    }

    func testMultiScalarMultiplication() {
        for n in [0, 1, 3, 8, 20, 40] {
            let scalars = (0..<n).map { _ in randomScalar() }
            let g1 = (0..<n).map { _ in randomG1() }
            var expected1 = G1Projective.identity
            for i in 0..<n { expected1 += g1[i].mulVartime(scalars[i]) }
            XCTAssertEqual(G1Projective.msm(points: g1, scalars: scalars), expected1, "n = \(n)")
            XCTAssertEqual(pippengerMSM(g1, scalars.map { $0.canonicalLimbs }), expected1, "n = \(n)")
            XCTAssertEqual(G1Projective.msm(points: g1.map { $0.toAffine() }, scalars: scalars), expected1)
            if n <= 8 {
                let g2 = (0..<n).map { _ in randomG2() }
                var expected2 = G2Projective.identity
                for i in 0..<n { expected2 += g2[i].mul(scalars[i]) }
                XCTAssertEqual(G2Projective.msm(points: g2, scalars: scalars), expected2, "n = \(n)")
                XCTAssertEqual(pippengerMSM(g2, scalars.map { $0.canonicalLimbs }), expected2, "n = \(n)")
            }
        }
        // Repeated points, zero scalars and identities.
        let p = randomG1()
        XCTAssertEqual(
            G1Projective.msm(
                points: [p, p, .identity, p, p, p, p, p, p],
                scalars: [Fr(1), Fr(2), Fr(5), .zero, Fr(1), Fr(1), Fr(1), Fr(1), Fr(1)]),
            p.mul(Fr(8)))
    }

    func testWnafDigitsReconstruct() {
        for _ in 0..<10 {
            let limbs = randomScalar().canonicalLimbs
            for w in 2...6 {
                let digits = wnafDigits(limbs, width: w)
                // Σ d_i·2^i evaluated in Fr must give back the scalar.
                var acc = Fr.zero
                for d in digits.reversed() {
                    acc = acc + acc
                    acc = d >= 0 ? acc + Fr(UInt64(d)) : acc - Fr(UInt64(-Int(d)))
                }
                XCTAssertEqual(acc.canonicalLimbs, limbs)
            }
        }
    }

    func testScalarSplits() {
        let edges = [
            Fr.zero, Fr.one, -Fr.one, -Fr(2), Fr(Bls12381.xAbs), Fr(canonicalLimbs: Bls12381.xSquared + [0, 0]),
        ]
        for k in edges + (0..<10).map({ _ in randomScalar() }) {
            let (low, high) = ScalarSplit.glvG1(k.canonicalLimbs)
            XCTAssertEqual(low[2] | low[3] | high[2] | high[3], 0, "halves fit in 128 bits")
            let z2 = Fr(canonicalLimbs: Bls12381.xSquared + [0, 0])
            XCTAssertEqual(Fr(canonicalLimbs: low) + Fr(canonicalLimbs: high) * z2, k)
            let ctHalves = ConstantTimeSplit.glvG1(k.canonicalLimbs)
            XCTAssertEqual(ctHalves[0], Array(low[0..<2]))
            XCTAssertEqual(ctHalves[1], Array(high[0..<2]))
            let digits = ScalarSplit.glsG2(k.canonicalLimbs)
            XCTAssertEqual(ConstantTimeSplit.glsG2(k.canonicalLimbs), digits.map { [$0] })
            let x = Fr(Bls12381.xAbs)
            XCTAssertEqual(Fr(digits[0]) + x * (Fr(digits[1]) + x * (Fr(digits[2]) + x * Fr(digits[3]))), k)
        }
    }
}
