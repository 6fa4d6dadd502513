// SPDX-License-Identifier: Apache-2.0

import XCTest

@testable import EhrField

/// The constant-time safegcd inversion against Fermat and GMP on random and structured inputs.
final class SafeGCDTests: XCTestCase {
    /// Elements whose raw Montgomery integer (the value safegcd actually inverts) has a chosen shape.
    func raw(_ x: Big) -> Fp {
        let l = (x % pBig).limbs(6)
        return Fp(l0: l[0], l1: l[1], l2: l[2], l3: l[3], l4: l[4], l5: l[5])
    }

    func check(_ a: Fp, file: StaticString = #filePath, line: UInt = #line) {
        let inv = a.inverse()
        if a.isZero {
            XCTAssertTrue(inv.isZero, file: file, line: line)
            return
        }
        XCTAssertEqual(inv * a, .one, "a·a⁻¹ = 1 for \(a)", file: file, line: line)
        XCTAssertEqual(inv, a.inverseVartime(), file: file, line: line)
    }

    func testStructuredInputs() {
        var shapes: [Big] = [Big("0"), Big("1"), Big("2"), Big("3"), pBig - Big("1"), pBig - Big("2")]
        for k in 0..<60 {
            shapes.append(Big(String(k + 4, radix: 16)))
            shapes.append(pBig - Big(String(k + 3, radix: 16)))
        }
        for k in stride(from: 1, through: 380, by: 3) {
            shapes.append(Big.pow2(k))
            shapes.append(Big.pow2(k) - Big("1"))
            shapes.append(pBig - Big.pow2(k))
        }
        for s in shapes {
            check(raw(s))  // as a raw Montgomery integer
            check(fp(s))  // as a canonical value
        }
    }

    func testRandomAgainstFermat() {
        var g = SplitMix64(seed: 61)
        for _ in 0..<300 {
            let a = Fp.random(&g)
            XCTAssertEqual(a.inverse(), a.inverseFermat())
            check(a)
        }
    }

    func fp(_ x: Big) -> Fp { (try? Fp(bigEndianBytes: (x % pBig).bytes(48))) ?? .zero }
}

/// The same for Fr (five signed 62-bit limbs, 12 batches).
final class SafeGCDFrTests: XCTestCase {
    func testAgainstFermatAndGMP() {
        var g = SplitMix64(seed: 62)
        var values: [Fr] = [.zero, .one, -Fr.one, Fr(2), -Fr(2)]
        for k in stride(from: 1, through: 254, by: 3) {
            let l = (Big.pow2(k) % rBig).limbs(4)
            values.append(Fr(l0: l[0], l1: l[1], l2: l[2], l3: l[3]))  // raw Montgomery integer 2^k
            let m = (rBig - Big.pow2(k) % rBig).limbs(4)
            values.append(Fr(l0: m[0], l1: m[1], l2: m[2], l3: m[3]))
        }
        for _ in 0..<300 { values.append(.random(&g)) }
        for a in values {
            let inv = a.inverse()
            XCTAssertEqual(inv, a.inverseFermat(), "\(a)")
            if !a.isZero {
                XCTAssertEqual(inv * a, .one)
                let expected = Big(bigEndian: a.bigEndianBytes).invMod(rBig)
                XCTAssertTrue(Big(bigEndian: inv.bigEndianBytes) == expected)
            } else {
                XCTAssertTrue(inv.isZero)
            }
        }
    }
}
