// SPDX-License-Identifier: Apache-2.0

import XCTest

@testable import EhrField

/// Fp2 against schoolbook formulas evaluated with GMP, square roots and signs.
final class Fp2Tests: XCTestCase {
    func big(_ x: Fp) -> Big { Big(bigEndian: x.bigEndianBytes) }

    func fp(_ x: Big) -> Fp {
        (try? Fp(bigEndianBytes: (x % pBig).bytes(48))) ?? .zero
    }

    func testMultiplicationAgainstGMP() {
        var g = SplitMix64(seed: 31)
        for _ in 0..<200 {
            let a = Fp2.random(&g), b = Fp2.random(&g)
            let a0 = big(a.c0), a1 = big(a.c1), b0 = big(b.c0), b1 = big(b.c1)
            let expected = Fp2(c0: fp(a0 * b0 + pBig * pBig - a1 * b1), c1: fp(a0 * b1 + a1 * b0))
            XCTAssertEqual(a * b, expected)
            XCTAssertEqual(a.squared(), a * a)
            XCTAssertEqual(a.mulByNonresidue(), a * Fp2(c0: .one, c1: .one))
            XCTAssertEqual(a.mulByFp(b.c0), a * Fp2(c0: b.c0, c1: .zero))
            XCTAssertEqual(a * a.conjugate(), Fp2(c0: a.norm, c1: .zero))
            XCTAssertEqual(a.inverseVartime(), a.inverse())
        }
        let u = Fp2(c0: .zero, c1: .one)
        XCTAssertEqual(u.squared(), -Fp2.one, "u² = −1")
    }

    func testFrobeniusIsPowerP() {
        var g = SplitMix64(seed: 32)
        for _ in 0..<10 {
            let a = Fp2.random(&g)
            XCTAssertEqual(a.frobenius(), a.pow(Fp.modulusLimbs))
            XCTAssertEqual(a.frobenius(2), a)
            XCTAssertEqual(a.frobenius(3), a.frobenius())
        }
    }

    func testSqrt() {
        var g = SplitMix64(seed: 33)
        var squares = 0, nonSquares = 0
        for _ in 0..<60 {
            let a = Fp2.random(&g)
            // a is a square in Fp2 exactly when its norm is a square in Fp.
            let normIsSquare = a.norm.isSquare
            XCTAssertEqual(a.isSquare, a.sqrt() != nil)
            let s9 = a.sqrtAlgorithm9()
            XCTAssertEqual(s9?.squared(), a.sqrt()?.squared(), "Algorithm 9 and the complex method agree")
            if let s = a.sqrt() {
                XCTAssertEqual(s.squared(), a)
                XCTAssertTrue(normIsSquare)
                squares += 1
            } else {
                XCTAssertFalse(normIsSquare, "sqrt returned nil for a square")
                nonSquares += 1
            }
            let x = Fp2.random(&g)
            let root = x.squared().sqrt()
            XCTAssertTrue(root == x || root == -x)
        }
        XCTAssertGreaterThan(squares, 15)
        XCTAssertGreaterThan(nonSquares, 15)
        // Special shapes: elements of Fp (every one is a square in Fp2), pure imaginary values, zero.
        for x in [Fp2.zero, Fp2.one, -Fp2.one, Fp2(c0: Fp(2), c1: .zero), Fp2(c0: -Fp(2), c1: .zero),
                  Fp2(c0: .zero, c1: .one), Fp2(c0: .zero, c1: Fp(3)), Fp2(c0: Fp(5), c1: Fp(7))] {
            XCTAssertEqual(x.squared().sqrt()?.squared(), x.squared())
            if let s = x.sqrt() { XCTAssertEqual(s.squared(), x) } else { XCTAssertFalse(x.norm.isSquare) }
            XCTAssertEqual(x.sqrtAlgorithm9()?.squared(), x.sqrt()?.squared())
        }
        for v in 1..<8 {
            XCTAssertNotNil(Fp2(c0: -Fp(UInt64(v)), c1: .zero).sqrt(), "every Fp element is a square in Fp2")
        }
    }

    func testSigns() {
        XCTAssertFalse(Fp2.zero.sgn0)
        XCTAssertTrue(Fp2.one.sgn0)
        XCTAssertTrue(Fp2(c0: .zero, c1: .one).sgn0, "c0 = 0 defers to c1")
        XCTAssertFalse(Fp2(c0: .zero, c1: Fp(2)).sgn0)
        XCTAssertFalse(Fp2(c0: Fp(2), c1: .one).sgn0, "non-zero even c0 decides")
        XCTAssertTrue(Fp2(c0: Fp(3), c1: Fp(2)).sgn0)
        XCTAssertFalse(Fp2.zero.isLexicographicallyLargest)
        XCTAssertTrue(Fp2(c0: .zero, c1: -Fp.one).isLexicographicallyLargest)
        XCTAssertTrue(Fp2(c0: -Fp.one, c1: .zero).isLexicographicallyLargest, "c1 = 0 defers to c0")
        XCTAssertFalse(Fp2(c0: -Fp.one, c1: .one).isLexicographicallyLargest, "non-zero c1 decides")
        XCTAssertTrue(Fp2(c0: .one, c1: -Fp.one).isLexicographicallyLargest)
    }
}
