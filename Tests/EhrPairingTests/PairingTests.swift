// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrPairing
import XCTest

/// Known answers, cross-implementation vectors and the algebraic laws of the pairing.
final class PairingTests: XCTestCase {
    private typealias S = TestSupport

    /// PROTOCOL.md §11: SHA-256 of the canonical bytes of e(g1, g2).
    private let generatorSHA256 = "4bb3f049849e856bd6879346f3978c28b031a407701c01ebb19d74a35c645520"

    func testGeneratorKnownAnswer() throws {
        let v = try PairingVectors.load()
        XCTAssertEqual(v.generator.sha256, generatorSHA256)
        XCTAssertEqual(v.generator.coefficients.joined(), v.generator.gt)
        let e = pairing(S.g1, S.g2)
        XCTAssertEqual(S.hex(e.bytes), v.generator.gt)
        XCTAssertTrue(S.hex(e.bytes).hasPrefix("1250ebd8"))
        XCTAssertEqual(e, GT.generator)
        XCTAssertEqual(S.hex(GT.generator.bytes), v.generator.gt)
    }

    func testCrossImplementationVectors() throws {
        let v = try PairingVectors.load()
        XCTAssertFalse(v.cases.isEmpty)
        for c in v.cases {
            let p = S.g1Mul(try S.scalar(c.a))
            let q = S.g2Mul(try S.scalar(c.b))
            // The points agree with py_ecc's encodings of a·g1 and b·g2.
            XCTAssertEqual(S.hex(p.compressed), c.g1)
            XCTAssertEqual(S.hex(q.compressed), c.g2)
            XCTAssertEqual(try G1Affine(compressed: S.unhex(c.g1)), p)
            XCTAssertEqual(try G2Affine(compressed: S.unhex(c.g2)), q)
            XCTAssertEqual(S.hex(pairing(p, q).bytes), c.gt)
            XCTAssertEqual(S.hex(pairing(p, G2Prepared(q)).bytes), c.gt)
        }
        let p0 = S.g1Mul(try S.scalar(v.cases[0].a)), q0 = S.g2Mul(try S.scalar(v.cases[0].b))
        let p1 = S.g1Mul(try S.scalar(v.cases[1].a)), q1 = S.g2Mul(try S.scalar(v.cases[1].b))
        XCTAssertEqual(S.hex(multiPairing([(p0, q0), (p1, q1)]).bytes), v.product_of_cases_0_and_1)
    }

    /// The final exponentiation equals plain exponentiation by 3·(p¹² − 1)/r (blst's
    /// normalisation, PROTOCOL.md §1) on an arbitrary F_p¹² element, via the field's generic `pow`.
    func testFinalExponentiationMatchesDefinition() throws {
        let v = try PairingVectors.load()
        let exponent = S.limbs(fromHex: v.final_exponent)
        let f = S.randomFp12()
        XCTAssertEqual(finalExponentiation(f).value, f.pow(exponent))
    }

    func testBilinearity() throws {
        let a = try Fr.randomNonZero(), b = try Fr.randomNonZero()
        let lhs = pairing(S.g1Mul(a), S.g2Mul(b))
        let base = GT.generator
        XCTAssertEqual(lhs, base.powVartime(a * b))
        XCTAssertEqual(lhs, base.pow(a * b))
        XCTAssertEqual(lhs, pairing(S.g1Mul(a * b), S.g2))
        XCTAssertEqual(lhs, pairing(S.g1, S.g2Mul(a * b)))
        // Additivity in each argument.
        let p1 = S.g1Mul(a), p2 = S.g1Mul(b)
        let sum = (G1Projective(p1) + G1Projective(p2)).toAffine()
        XCTAssertEqual(pairing(sum, S.g2), pairing(p1, S.g2) * pairing(p2, S.g2))
    }

    func testOrderAndNonDegeneracy() throws {
        let e = pairing(S.g1Mul(try Fr.randomNonZero()), S.g2)
        XCTAssertFalse(e.isOne)
        XCTAssertNotEqual(GT.generator, GT.one)
        XCTAssertTrue(S.genericPow(e.value, S.rLimbs).isOne)
    }

    func testNegationGivesInverse() throws {
        let p = S.g1Mul(try Fr.randomNonZero()), q = S.g2Mul(try Fr.randomNonZero())
        let e = pairing(p, q)
        XCTAssertEqual(pairing(S.neg(p), q), e.inverse())
        XCTAssertEqual(pairing(p, S.neg(q)), e.inverse())
        XCTAssertTrue((pairing(S.neg(p), q) * e).isOne)
        XCTAssertTrue(multiPairing([(p, q), (S.neg(p), q)]).isOne)
    }

    func testMultiPairingIsProductOfPairings() throws {
        let ps = try (0..<3).map { _ in S.g1Mul(try Fr.randomNonZero()) }
        let qs = try (0..<3).map { _ in S.g2Mul(try Fr.randomNonZero()) }
        let expected = pairing(ps[0], qs[0]) * pairing(ps[1], qs[1]) * pairing(ps[2], qs[2])
        XCTAssertEqual(multiPairing(Array(zip(ps, qs))), expected)
        XCTAssertEqual(multiPairing(Array(zip(ps, qs.map { G2Prepared($0) }))), expected)
        XCTAssertEqual(finalExponentiation(millerLoop(Array(zip(ps, qs.map { G2Prepared($0) })))), expected)
        XCTAssertEqual(multiPairing([(ps[0], qs[0])]), pairing(ps[0], qs[0]))
    }

    func testPreparedEqualsUnprepared() throws {
        let p = S.g1Mul(try Fr.randomNonZero()), q = S.g2Mul(try Fr.randomNonZero())
        let prepared = G2Prepared(q)
        XCTAssertEqual(prepared.point, q)
        XCTAssertEqual(pairing(p, prepared), pairing(p, q))
        XCTAssertEqual(pairing(S.g1, G2Prepared(S.g2)), GT.generator)
        XCTAssertEqual(pairing(S.g1, G2Prepared.generator), GT.generator)
        XCTAssertEqual(G2Prepared.generator.point, S.g2)
    }

    func testIdentityInputsGiveOne() throws {
        let o1 = G1Projective.identity.toAffine(), o2 = G2Projective.identity.toAffine()
        XCTAssertTrue(o1.isInfinity)
        XCTAssertTrue(o2.isInfinity)
        XCTAssertTrue(pairing(o1, S.g2).isOne)
        XCTAssertTrue(pairing(S.g1, o2).isOne)
        XCTAssertTrue(pairing(o1, o2).isOne)
        XCTAssertTrue(pairing(S.g1, G2Prepared(o2)).isOne)
        XCTAssertTrue(G2Prepared(o2).isInfinity)
        XCTAssertTrue(multiPairing([(G1Affine, G2Affine)]()).isOne)
        XCTAssertTrue(multiPairing([(o1, S.g2), (S.g1, o2)]).isOne)
        XCTAssertEqual(multiPairing([(o1, S.g2), (S.g1, S.g2), (S.g1, o2)]), GT.generator)
    }
}
