// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrPairing
import XCTest

/// The GT type: group operations, exponentiation, membership test and the canonical encoding.
final class GTTests: XCTestCase {
    private typealias S = TestSupport

    private func randomGT() throws -> GT {
        GT.generator.powVartime(try Fr.randomNonZero())
    }

    func testGroupOperations() throws {
        let a = try randomGT(), b = try randomGT()
        XCTAssertEqual(a * GT.one, a)
        XCTAssertEqual((a * b) / b, a)
        XCTAssertTrue((a * a.inverse()).isOne)
        XCTAssertEqual(a * b, b * a)
        XCTAssertEqual(a.squared(), a * a)
        XCTAssertEqual(a.squared().value, a.value.squared())  // cyclotomic = generic squaring
        var c = a
        c *= b
        XCTAssertEqual(c, a * b)
    }

    func testPowAgreesWithVartimeAndLaws() throws {
        let x = try randomGT()
        XCTAssertTrue(x.pow(Fr.zero).isOne)
        XCTAssertTrue(x.powVartime(Fr.zero).isOne)
        XCTAssertEqual(x.pow(Fr.one), x)
        XCTAssertEqual(x.powVartime(Fr.one), x)
        XCTAssertEqual(x.pow(Fr(2)), x * x)
        XCTAssertEqual(x.pow(Fr(16)), x.powVartime(Fr(16)))
        XCTAssertEqual(x.pow(-Fr.one), x.inverse())
        XCTAssertEqual(x.powVartime(-Fr.one), x.inverse())
        for _ in 0..<3 {
            let k = try Fr.random(), m = try Fr.random()
            XCTAssertEqual(x.pow(k), x.powVartime(k))
            XCTAssertEqual(x.pow(k) * x.pow(m), x.pow(k + m))
            XCTAssertEqual(x.pow(k).pow(m), x.powVartime(k * m))
        }
        // Independent path: generic square-and-multiply on F_p¹².
        let k = try Fr.random()
        XCTAssertEqual(x.pow(k).value, S.genericPow(x.value, k.canonicalLimbs))
    }

    func testRandomIsInGroup() throws {
        let x = try GT.random(), y = try GT.random()
        XCTAssertTrue(x.isInGroup)
        XCTAssertFalse(x.isOne)
        XCTAssertNotEqual(x, y)
    }

    func testMembershipAgreesWithOrderCheck() throws {
        // In GT.
        for x in [GT.one, GT.generator, try randomGT(), pairing(S.g1Mul(try Fr.randomNonZero()), S.g2)] {
            XCTAssertTrue(x.isInGroup)
            XCTAssertTrue(S.genericPow(x.value, S.rLimbs).isOne)
        }
        // Random F_p¹² elements: not even cyclotomic.
        for _ in 0..<2 {
            let f = S.randomFp12()
            XCTAssertFalse(GT(unchecked: f).isInGroup)
            XCTAssertFalse(S.genericPow(f, S.rLimbs).isOne)
        }
        // Cyclotomic but outside GT: the path through the z-exponent test.
        for _ in 0..<2 {
            let m = S.randomCyclotomic()
            XCTAssertFalse(GT(unchecked: m).isInGroup)
            XCTAssertFalse(S.genericPow(m, S.rLimbs).isOne)
            // Its final exponentiation is in GT (the hard part kills the cofactor).
            let inGT = finalExponentiation(m)
            XCTAssertTrue(inGT.isInGroup)
            XCTAssertTrue(S.genericPow(inGT.value, S.rLimbs).isOne)
        }
        // Pure cofactor part: m^r has order dividing Φ12(p)/r and is not 1, so it is outside GT.
        let cofactorPart = S.genericPow(S.randomCyclotomic(), S.rLimbs)
        XCTAssertFalse(cofactorPart.isOne)
        XCTAssertFalse(GT(unchecked: cofactorPart).isInGroup)
        // GT element times a cofactor-part element: also rejected.
        XCTAssertFalse(GT(unchecked: GT.generator.value * cofactorPart).isInGroup)
        XCTAssertFalse(GT(unchecked: Fp12.zero).isInGroup)
    }

    func testEncodingRoundTrip() throws {
        for x in [GT.generator, try randomGT(), try GT.random()] {
            let b = x.bytes
            XCTAssertEqual(b.count, 576)
            XCTAssertEqual(try GT(bytes: b), x)
        }
        XCTAssertEqual(try GT(bytes: GT.one.bytes, allowIdentity: true), GT.one)
        // The identity encodes as 1 in the first coefficient and zeros elsewhere.
        var oneBytes = [UInt8](repeating: 0, count: 576)
        oneBytes[47] = 1
        XCTAssertEqual(GT.one.bytes, oneBytes)
    }

    func testDecoderRejectsWrongLength() throws {
        let good = GT.generator.bytes
        for bad in [[], Array(good.dropLast()), good + [0]] {
            XCTAssertThrowsError(try GT(bytes: bad)) { error in
                XCTAssertEqual(error as? PairingError, .wrongLength(expected: 576, actual: bad.count))
            }
        }
    }

    func testDecoderRejectsCoefficientNotBelowP() throws {
        let p: [UInt8] = S.unhex(
            "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab")
        for slot in [0, 5, 11] {
            var b = GT.generator.bytes
            b.replaceSubrange((48 * slot)..<(48 * slot + 48), with: p)
            XCTAssertThrowsError(try GT(bytes: b)) { XCTAssertEqual($0 as? PairingError, .nonCanonical) }
            b.replaceSubrange((48 * slot)..<(48 * slot + 48), with: [UInt8](repeating: 0xff, count: 48))
            XCTAssertThrowsError(try GT(bytes: b)) { XCTAssertEqual($0 as? PairingError, .nonCanonical) }
        }
    }

    func testDecoderRejectsZero() throws {
        XCTAssertThrowsError(try GT(bytes: [UInt8](repeating: 0, count: 576), allowIdentity: true)) {
            XCTAssertEqual($0 as? PairingError, .nonCanonical)
        }
    }

    func testDecoderRejectsElementsOutsideGT() throws {
        let random = GT(unchecked: S.randomFp12()).bytes
        XCTAssertThrowsError(try GT(bytes: random)) { XCTAssertEqual($0 as? PairingError, .notInSubgroup) }
        let cyclotomic = GT(unchecked: S.randomCyclotomic()).bytes
        XCTAssertThrowsError(try GT(bytes: cyclotomic, allowIdentity: true)) {
            XCTAssertEqual($0 as? PairingError, .notInSubgroup)
        }
        // A valid encoding with one coefficient changed: still canonical, no longer in GT.
        var tweaked = GT.generator.bytes
        tweaked[100] ^= 1
        XCTAssertThrowsError(try GT(bytes: tweaked)) { XCTAssertEqual($0 as? PairingError, .notInSubgroup) }
    }

    func testDecoderRejectsIdentityUnlessAllowed() throws {
        XCTAssertThrowsError(try GT(bytes: GT.one.bytes)) { XCTAssertEqual($0 as? PairingError, .identity) }
        XCTAssertNoThrow(try GT(bytes: GT.one.bytes, allowIdentity: true))
    }
}
