// SPDX-License-Identifier: Apache-2.0

import XCTest

@testable import EhrField

/// Fp against GMP, encodings, square roots and signs.
final class FpTests: XCTestCase {
    func big(_ x: Fp) -> Big { Big(bigEndian: x.bigEndianBytes) }

    func fp(_ x: Big) -> Fp {
        do { return try Fp(bigEndianBytes: (x % pBig).bytes(48)) } catch {
            XCTFail("decode failed: \(error)")
            return .zero
        }
    }

    /// 0, 1, 2, p − 1, p − 2, (p ± 1)/2, 2³⁸⁰ − 1 (all-ones limbs below p), limb-boundary values, random values.
    func edgeValues() -> [Fp] {
        var values: [Big] = [Big("0"), Big("1"), Big("2"), pBig - Big("1"), pBig - Big("2")]
        let half = Big(bigEndian: (pBig - Big("1")).bytes(49).shiftedRight(1))
        values.append(half)
        values.append(half + Big("1"))
        values.append(Big.pow2(380) - Big("1"))
        for k in stride(from: 64, through: 320, by: 64) {
            values.append(Big.pow2(k) - Big("1"))
            values.append(Big.pow2(k))
            values.append(pBig - Big.pow2(k))
        }
        return values.map(fp)
    }

    func testConstantsAgainstGMP() {
        let R = Big.pow2(384)
        XCTAssertEqual(Fp.one.rawLimbs, (R % pBig).limbs(6))
        XCTAssertEqual(Fp.montgomeryR2.rawLimbs, (R * R % pBig).limbs(6))
        XCTAssertEqual(Fp.montgomeryR3.rawLimbs, (R * R * R % pBig).limbs(6))
        XCTAssertEqual(Fp.twoTo256.rawLimbs, (Big.pow2(256) * R % pBig).limbs(6))
        XCTAssertEqual(Fp.modulusLimbs, pBig.limbs(6))
        XCTAssertEqual(Fp.pMinus2, (pBig - Big("2")).limbs(6))
        XCTAssertEqual(Fp.pPlus1Over4, Big(bigEndian: (pBig + Big("1")).bytes(49).shiftedRight(2)).limbs(6))
        XCTAssertEqual(Fp.pMinus3Over4, Big(bigEndian: (pBig - Big("3")).bytes(49).shiftedRight(2)).limbs(6))
        XCTAssertEqual(Fp.pMinus1Over2, Big(bigEndian: (pBig - Big("1")).bytes(49).shiftedRight(1)).limbs(6))
        XCTAssertEqual(Fp(7).canonicalLimbs, [7, 0, 0, 0, 0, 0])
        XCTAssertEqual(Fp.twoInverse.rawLimbs, (Big("2").invMod(pBig) * R % pBig).limbs(6))
    }

    func testArithmeticAgainstGMP() {
        var g = SplitMix64(seed: 11)
        var values = edgeValues()
        for _ in 0..<300 { values.append(.random(&g)) }
        for (i, a) in values.enumerated() {
            let b = i % 3 == 0 ? values[(i * 7 + 3) % values.count] : Fp.random(&g)
            let A = big(a), B = big(b)
            XCTAssertEqual(a * b, fp(A * B), "mul \(a) \(b)")
            XCTAssertEqual(a + b, fp(A + B), "add \(a) \(b)")
            XCTAssertEqual(a - b, fp(A - B + pBig), "sub \(a) \(b)")
            XCTAssertEqual(-a, fp(pBig - A), "neg \(a)")
            XCTAssertEqual(a.squared(), fp(A * A), "square \(a)")
            if !a.isZero {
                XCTAssertEqual(a.inverse(), fp(A.invMod(pBig)), "inverse \(a)")
                XCTAssertEqual(a.inverseVartime(), fp(A.invMod(pBig)), "inverseVartime \(a)")
            }
        }
        XCTAssertEqual(Fp.zero.inverseVartime(), .zero)
    }

    func testPowAgainstGMP() {
        var g = SplitMix64(seed: 12)
        for n in 0..<40 {
            let a = Fp.random(&g)
            let e = (0..<(n % 7)).map { _ in g.next() }
            XCTAssertEqual(a.pow(e), fp(big(a).powMod(Big(limbsLE: e.isEmpty ? [0] : e), pBig)))
        }
        XCTAssertEqual(Fp.zero.pow([0]), .one)
        XCTAssertEqual(Fp(3).pow([5]), Fp(243))
    }

    func testReducingDecoderAgainstGMP() {
        var g = SplitMix64(seed: 13)
        for len in [0, 1, 7, 8, 31, 32, 33, 47, 48, 49, 63, 64, 65, 96, 100, 128, 200] {
            for _ in 0..<20 {
                let bytes = g.bytes(len)
                XCTAssertEqual(Fp(reducingBigEndian: bytes), fp(Big(bigEndian: bytes) % pBig), "length \(len)")
            }
            let ones = [UInt8](repeating: 0xff, count: len)
            XCTAssertEqual(Fp(reducingBigEndian: ones), fp(Big(bigEndian: ones) % pBig), "all ones, length \(len)")
        }
        XCTAssertEqual(Fp(reducingBigEndian: pBig.bytes(48)), .zero)
        XCTAssertEqual(Fp(reducingBigEndian: (pBig + Big("5")).bytes(64)), Fp(5))
    }

    func testEncodings() throws {
        var g = SplitMix64(seed: 14)
        for _ in 0..<100 {
            let a = Fp.random(&g)
            XCTAssertEqual(try Fp(bigEndianBytes: a.bigEndianBytes), a)
            XCTAssertEqual(Fp(canonicalLimbs: a.canonicalLimbs), a)
        }
        XCTAssertEqual(Fp.zero.bigEndianBytes, [UInt8](repeating: 0, count: 48))
        XCTAssertEqual(Fp.one.bigEndianBytes, [UInt8](repeating: 0, count: 47) + [1])
        XCTAssertEqual(try Fp(bigEndianBytes: (pBig - Big("1")).bytes(48)), -Fp.one)
        for bad in [pBig, pBig + Big("1"), Big.pow2(384) - Big("1"), Big.pow2(383)] {
            XCTAssertThrowsError(try Fp(bigEndianBytes: bad.bytes(48))) {
                XCTAssertEqual($0 as? FieldError, .notCanonical)
            }
        }
        for len in [0, 1, 32, 47, 49, 96] {
            XCTAssertThrowsError(try Fp(bigEndianBytes: [UInt8](repeating: 0, count: len))) {
                XCTAssertEqual($0 as? FieldError, .wrongLength(expected: 48, actual: len))
            }
        }
    }

    func testSqrt() {
        var g = SplitMix64(seed: 15)
        var squares = 0, nonSquares = 0
        for _ in 0..<100 {
            let a = Fp.random(&g)
            let euler = big(a).powMod(Big(limbsLE: Fp.pMinus1Over2), pBig)
            if let s = a.sqrt() {
                XCTAssertEqual(s.squared(), a)
                XCTAssertFalse(euler == pBig - Big("1"))
                XCTAssertTrue(a.isSquare)
                squares += 1
            } else {
                XCTAssertTrue(euler == pBig - Big("1"), "sqrt returned nil for a square")
                XCTAssertFalse(a.isSquare)
                nonSquares += 1
            }
            let x = Fp.random(&g)
            let root = x.squared().sqrt()
            XCTAssertNotNil(root)
            XCTAssertTrue(root == x || root == -x)
        }
        XCTAssertGreaterThan(squares, 25)
        XCTAssertGreaterThan(nonSquares, 25)
        XCTAssertEqual(Fp.zero.sqrt(), .zero)
        XCTAssertNil((-Fp.one).sqrt(), "−1 is a non-square for p ≡ 3 mod 4")
    }

    func testSigns() {
        let half = fp(Big(bigEndian: (pBig - Big("1")).bytes(49).shiftedRight(1)))
        XCTAssertFalse(Fp.zero.sgn0)
        XCTAssertTrue(Fp.one.sgn0)
        XCTAssertFalse(Fp(2).sgn0)
        XCTAssertFalse((-Fp.one).sgn0, "p − 1 is even")
        XCTAssertTrue((-Fp(2)).sgn0, "p − 2 is odd")
        XCTAssertFalse(Fp.zero.isLexicographicallyLargest)
        XCTAssertFalse(Fp.one.isLexicographicallyLargest)
        XCTAssertFalse(half.isLexicographicallyLargest)
        XCTAssertTrue((half + Fp.one).isLexicographicallyLargest)
        XCTAssertTrue((-Fp.one).isLexicographicallyLargest)
    }

    func testHexConstants() {
        XCTAssertEqual(Fp(hex: "0x5"), Fp(5))
        XCTAssertEqual(Fp(hex: "ff"), Fp(255))
        XCTAssertEqual(Fp(hex: "0X0aB"), Fp(171))
        let pHexHigh = "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf"
        XCTAssertEqual(Fp(hex: pHexHigh + "6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaaa"), -Fp.one)
        XCTAssertNil(Fp(hex: pHexHigh + "6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab"), "p itself")
        XCTAssertNil(Fp(hex: ""))
        XCTAssertNil(Fp(hex: "0x"))
        XCTAssertNil(Fp(hex: "12g4"))
        XCTAssertNil(Fp(hex: String(repeating: "0", count: 97)))
        XCTAssertEqual(Fp2(c0: "1", c1: "2"), Fp2(c0: Fp(1), c1: Fp(2)))
        XCTAssertNil(Fp2(c0: "1", c1: "z"))
        XCTAssertEqual(Fr(hex: "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000"), -Fr.one)
        XCTAssertNil(Fr(hex: "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001"))
    }

    func testSelectAndEquality() {
        let a = Fp(5), b = Fp(9)
        XCTAssertEqual(Fp.select(a, b, false), a)
        XCTAssertEqual(Fp.select(a, b, true), b)
        XCTAssertNotEqual(a, b)
        XCTAssertTrue(Fp.one.isOne)
        XCTAssertFalse(Fp.zero.isOne)
        XCTAssertEqual(Set([a, b, Fp(5)]).count, 2)
    }
}

extension Fp {
    var rawLimbs: [UInt64] { [l0, l1, l2, l3, l4, l5] }
}

extension [UInt8] {
    /// Big-endian right shift by fewer than 8 bits (test helper for halving/quartering constants).
    func shiftedRight(_ s: Int) -> [UInt8] {
        var out = self
        var carry: UInt8 = 0
        for i in out.indices {
            let b = out[i]
            out[i] = (b >> UInt8(s)) | carry
            carry = b << UInt8(8 - s)
        }
        return out
    }
}
