// SPDX-License-Identifier: Apache-2.0

import XCTest

@testable import EhrField

extension Fp6: TestField {
    static func random(_ g: inout SplitMix64) -> Fp6 { Fp6(c0: .random(&g), c1: .random(&g), c2: .random(&g)) }
}

extension Fp12: TestField {
    static func random(_ g: inout SplitMix64) -> Fp12 { Fp12(c0: .random(&g), c1: .random(&g)) }
}

extension TestField {
    /// Square-and-multiply with a test-side exponent (independent of the library's `pow`).
    func power(_ e: Big) -> Self {
        let limbs = e.limbs(24)
        var acc = Self.one
        for i in stride(from: limbs.count * 64 - 1, through: 0, by: -1) {
            acc = acc * acc
            if (limbs[i / 64] >> UInt64(i % 64)) & 1 == 1 { acc = acc * self }
        }
        return acc
    }
}

/// Fp6 and Fp12: axioms, schoolbook cross-checks, Frobenius maps against exponentiation.
final class TowerTests: XCTestCase {
    let xi = Fp2(c0: .one, c1: .one)

    func testFp6Axioms() { checkFieldAxioms(Fp6.self, rounds: 60, seed: 41) }
    func testFp12Axioms() { checkFieldAxioms(Fp12.self, rounds: 30, seed: 42) }

    func testFp6AgainstSchoolbook() {
        var g = SplitMix64(seed: 43)
        let v = Fp6(c0: .zero, c1: .one, c2: .zero)
        XCTAssertEqual(v * v * v, Fp6(c0: xi, c1: .zero, c2: .zero), "v³ = ξ")
        for _ in 0..<50 {
            let a = Fp6.random(&g), b = Fp6.random(&g)
            let c0 = a.c0 * b.c0 + xi * (a.c1 * b.c2 + a.c2 * b.c1)
            let c1 = a.c0 * b.c1 + a.c1 * b.c0 + xi * (a.c2 * b.c2)
            let c2 = a.c0 * b.c2 + a.c1 * b.c1 + a.c2 * b.c0
            XCTAssertEqual(a * b, Fp6(c0: c0, c1: c1, c2: c2))
            XCTAssertEqual(a.mulByV(), a * v)
            XCTAssertEqual(a.mulByFp2(b.c0), a * Fp6(c0: b.c0, c1: .zero, c2: .zero))
        }
    }

    func testFp12AgainstSchoolbook() {
        var g = SplitMix64(seed: 44)
        let w = Fp12(c0: .zero, c1: .one)
        XCTAssertEqual(w * w, Fp12(c0: Fp6(c0: .zero, c1: .one, c2: .zero), c1: .zero), "w² = v")
        for _ in 0..<30 {
            let a = Fp12.random(&g), b = Fp12.random(&g)
            let c0 = a.c0 * b.c0 + (a.c1 * b.c1).mulByV()
            let c1 = a.c0 * b.c1 + a.c1 * b.c0
            XCTAssertEqual(a * b, Fp12(c0: c0, c1: c1))
        }
    }

    func testFrobeniusEqualsPowerOfP() {
        var g = SplitMix64(seed: 45)
        var pk = Big("1")
        for k in 1...3 {
            pk = pk * pBig
            let a2 = Fp2.random(&g), a6 = Fp6.random(&g), a12 = Fp12.random(&g)
            XCTAssertEqual(a2.frobenius(k), a2.power(pk), "Fp2 p^\(k)")
            let e6 = a6.power(pk)
            XCTAssertEqual(a6.frobenius(k), e6, "Fp6 p^\(k)")
            XCTAssertEqual(a6.frobeniusMap(k), e6, "Fp6 map p^\(k)")
            let e12 = a12.power(pk)
            XCTAssertEqual(a12.frobenius(k), e12, "Fp12 p^\(k)")
            XCTAssertEqual(a12.frobeniusMap(k), e12, "Fp12 map p^\(k)")
        }
    }

    func testGeneralFrobeniusPowers() {
        var g = SplitMix64(seed: 46)
        let a6 = Fp6.random(&g), a12 = Fp12.random(&g)
        var x6 = a6, x12 = a12
        for k in 1...12 {
            x6 = x6.frobeniusMap(1)
            x12 = x12.frobeniusMap(1)
            XCTAssertEqual(a6.frobenius(k), x6, "Fp6 frobenius(\(k))")
            XCTAssertEqual(a12.frobenius(k), x12, "Fp12 frobenius(\(k))")
        }
        XCTAssertEqual(a6.frobenius(6), a6)
        XCTAssertEqual(a12.frobenius(12), a12)
        XCTAssertEqual(a12.frobenius(6), a12.conjugate(), "x^(p⁶) is the conjugate")
        XCTAssertEqual(a12.frobenius(0), a12)
    }

    func testFp12PowAndInverse() {
        var g = SplitMix64(seed: 47)
        let a = Fp12.random(&g)
        XCTAssertEqual(a.pow([5]), a * a * a * a * a)
        XCTAssertEqual(a.pow([0x1234_5678_9abc_def0, 3]), a.power(Big(limbsLE: [0x1234_5678_9abc_def0, 3])))
        XCTAssertEqual(a * a.inverse(), .one)
        XCTAssertEqual(a.inverseVartime(), a.inverse())
        XCTAssertEqual(a.c0.inverseVartime(), a.c0.inverse())
        XCTAssertEqual(Fp12.zero.inverseVartime(), .zero)
        XCTAssertEqual(Fp6.zero.inverseVartime(), .zero)
        // Elements of the cyclotomic subgroup (f^((p⁶−1)(p²+1))) have conjugate = inverse.
        let f = a.conjugate() * a.inverse()
        let c = f.frobenius(2) * f
        XCTAssertEqual(c.conjugate(), c.inverse())
    }
}
