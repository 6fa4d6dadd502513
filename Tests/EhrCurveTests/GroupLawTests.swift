// SPDX-License-Identifier: Apache-2.0

import EhrField
import XCTest

@testable import EhrCurve

/// Group laws, written once over `ProjectivePoint` and instantiated for G1 and G2.
func checkGroupLaws<P: ProjectivePoint & Equatable>(
    _ random: () -> P, file: StaticString = #filePath, line: UInt = #line
) {
    for _ in 0..<4 {
        let a = random()
        let b = random()
        let c = random()
        XCTAssertEqual((a + b) + c, a + (b + c), "associativity", file: file, line: line)
        XCTAssertEqual(a + b, b + a, "commutativity", file: file, line: line)
        XCTAssertEqual(a + P.identity, a, "right identity", file: file, line: line)
        XCTAssertEqual(P.identity + a, a, "left identity", file: file, line: line)
        XCTAssertTrue((a + (-a)).isIdentity, "inverse", file: file, line: line)
        XCTAssertEqual(a.doubled(), a + a, "doubling = self-addition", file: file, line: line)
        XCTAssertEqual(a.doubled().doubled(), a + a + a + a, "4a", file: file, line: line)
        XCTAssertEqual(-(-a), a, "double negation", file: file, line: line)
        XCTAssertNotEqual(a, a.doubled(), file: file, line: line)
    }
    XCTAssertTrue(P.identity.doubled().isIdentity, "2·O = O", file: file, line: line)
    XCTAssertTrue((P.identity + P.identity).isIdentity, "O + O = O", file: file, line: line)
    XCTAssertEqual(P.identity, -P.identity, file: file, line: line)
}

final class GroupLawTests: XCTestCase {
    func testG1GroupLaws() {
        checkGroupLaws(randomG1)
        checkGroupLaws(randomG1OffSubgroup)  // the formulas are complete on all of E1
    }

    func testG2GroupLaws() {
        checkGroupLaws(randomG2)
        checkGroupLaws(randomG2OffSubgroup)
    }

    func testGeneratorsOnCurve() {
        XCTAssertTrue(G1Affine.generator.isOnCurve)
        XCTAssertTrue(G2Affine.generator.isOnCurve)
        XCTAssertTrue(G1Affine.generator.isInSubgroup)
        XCTAssertTrue(G2Affine.generator.isInSubgroup)
        XCTAssertTrue(hexString(G1Affine.generator.compressed).hasPrefix("97f1d3a7"))
        XCTAssertTrue(hexString(G2Affine.generator.compressed).hasPrefix("93e02b60"))
    }

    func testMixedAdditionMatchesFullAddition() {
        for _ in 0..<4 {
            let a = randomG1()
            let b = randomG1()
            XCTAssertEqual(a + b.toAffine(), a + b)
            XCTAssertEqual(a + a.toAffine(), a.doubled())
            XCTAssertTrue((a + (-a).toAffine()).isIdentity)
            XCTAssertEqual(a + G1Affine.identity, a)
            XCTAssertEqual(G1Projective.identity + b.toAffine(), b)
            let c = randomG2()
            let d = randomG2()
            XCTAssertEqual(c + d.toAffine(), c + d)
            XCTAssertEqual(c + c.toAffine(), c.doubled())
            XCTAssertEqual(c + G2Affine.identity, c)
            XCTAssertEqual(G2Projective.identity + d.toAffine(), d)
        }
    }

    func testAffineConversion() {
        var g1 = (0..<5).map { _ in randomG1() }
        g1.insert(.identity, at: 2)
        XCTAssertEqual(G1Projective.batchToAffine(g1), g1.map { $0.toAffine() })
        for p in g1 {
            XCTAssertEqual(p.toAffineVartime(), p.toAffine())
            XCTAssertEqual(G1Projective(p.toAffine()), p)
            XCTAssertTrue(p.toAffine().isOnCurve)
        }
        var g2 = (0..<5).map { _ in randomG2() }
        g2.append(.identity)
        XCTAssertEqual(G2Projective.batchToAffine(g2), g2.map { $0.toAffine() })
        for p in g2 {
            XCTAssertEqual(p.toAffineVartime(), p.toAffine())
            XCTAssertEqual(G2Projective(p.toAffine()), p)
            XCTAssertTrue(p.toAffine().isOnCurve)
        }
        XCTAssertEqual(G1Projective.identity.toAffine(), .identity)
        XCTAssertEqual(G2Projective.identity.toAffine(), .identity)
        XCTAssertEqual(-G1Affine.generator, (-G1Projective.generator).toAffine())
        XCTAssertEqual(-G2Affine.generator, (-G2Projective.generator).toAffine())
    }
}
