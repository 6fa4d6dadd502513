// SPDX-License-Identifier: Apache-2.0

import XCTest

@testable import EhrField

/// Fr against GMP, encodings and sampling.
final class FrTests: XCTestCase {
    func big(_ x: Fr) -> Big { Big(bigEndian: x.bigEndianBytes) }

    func fr(_ x: Big) -> Fr {
        do { return try Fr(bigEndianBytes: (x % rBig).bytes(32)) } catch {
            XCTFail("decode failed: \(error)")
            return .zero
        }
    }

    func testConstantsAgainstGMP() {
        let R = Big.pow2(256)
        XCTAssertEqual(Fr.one.rawLimbs, (R % rBig).limbs(4))
        XCTAssertEqual(Fr.montgomeryR2.rawLimbs, (R * R % rBig).limbs(4))
        XCTAssertEqual(Fr.twoTo248.rawLimbs, (Big.pow2(248) * R % rBig).limbs(4))
        XCTAssertEqual(Fr.rMinus2, (rBig - Big("2")).limbs(4))
        XCTAssertEqual(Fr.modulusLimbs, rBig.limbs(4))
        XCTAssertEqual(Fr(7).canonicalLimbs, [7, 0, 0, 0])
    }

    func testArithmeticAgainstGMP() {
        var g = SplitMix64(seed: 21)
        var values: [Fr] = [Big("0"), Big("1"), Big("2"), rBig - Big("1"), rBig - Big("2"),
                            Big.pow2(64) - Big("1"), Big.pow2(128) - Big("1"), Big.pow2(192) - Big("1"),
                            Big.pow2(254), rBig - Big.pow2(64)].map(fr)
        for _ in 0..<300 { values.append(.random(&g)) }
        for (i, a) in values.enumerated() {
            let b = i % 3 == 0 ? values[(i * 7 + 3) % values.count] : Fr.random(&g)
            let A = big(a), B = big(b)
            XCTAssertEqual(a * b, fr(A * B), "mul \(a) \(b)")
            XCTAssertEqual(a + b, fr(A + B), "add")
            XCTAssertEqual(a - b, fr(A - B + rBig), "sub")
            XCTAssertEqual(-a, fr(rBig - A), "neg")
            XCTAssertEqual(a.squared(), fr(A * A), "square \(a)")
            if !a.isZero { XCTAssertEqual(a.inverse(), fr(A.invMod(rBig)), "inverse") }
        }
        for n in 0..<30 {
            let a = Fr.random(&g)
            let e = (0..<(n % 5)).map { _ in g.next() }
            XCTAssertEqual(a.pow(e), fr(big(a).powMod(Big(limbsLE: e.isEmpty ? [0] : e), rBig)))
        }
    }

    func testReducingDecoderAgainstGMP() {
        var g = SplitMix64(seed: 22)
        for len in [0, 1, 17, 30, 31, 32, 33, 48, 62, 63, 64, 100] {
            for _ in 0..<20 {
                let bytes = g.bytes(len)
                XCTAssertEqual(Fr(reducingBigEndian: bytes), fr(Big(bigEndian: bytes) % rBig), "length \(len)")
            }
            let ones = [UInt8](repeating: 0xff, count: len)
            XCTAssertEqual(Fr(reducingBigEndian: ones), fr(Big(bigEndian: ones) % rBig), "all ones, length \(len)")
        }
    }

    func testEncodings() throws {
        var g = SplitMix64(seed: 23)
        for _ in 0..<100 {
            let a = Fr.random(&g)
            XCTAssertEqual(try Fr(bigEndianBytes: a.bigEndianBytes), a)
            XCTAssertEqual(Fr(canonicalLimbs: a.canonicalLimbs), a)
        }
        XCTAssertEqual(try Fr(bigEndianBytes: (rBig - Big("1")).bytes(32)), -Fr.one)
        for bad in [rBig, rBig + Big("1"), Big.pow2(256) - Big("1")] {
            XCTAssertThrowsError(try Fr(bigEndianBytes: bad.bytes(32))) {
                XCTAssertEqual($0 as? FieldError, .notCanonical)
            }
        }
        for len in [0, 31, 33, 48] {
            XCTAssertThrowsError(try Fr(bigEndianBytes: [UInt8](repeating: 0, count: len))) {
                XCTAssertEqual($0 as? FieldError, .wrongLength(expected: 32, actual: len))
            }
        }
    }

    func testRandom() throws {
        var seen = Set<Fr>()
        for _ in 0..<50 {
            let s = try Fr.random()
            XCTAssertNoThrow(try Fr(bigEndianBytes: s.bigEndianBytes))
            seen.insert(s)
            XCTAssertFalse(try Fr.randomNonZero().isZero)
        }
        XCTAssertEqual(seen.count, 50)
    }

    func testSelect() {
        XCTAssertEqual(Fr.select(Fr(1), Fr(2), false), Fr(1))
        XCTAssertEqual(Fr.select(Fr(1), Fr(2), true), Fr(2))
    }
}

extension Fr {
    var rawLimbs: [UInt64] { [l0, l1, l2, l3] }
}
