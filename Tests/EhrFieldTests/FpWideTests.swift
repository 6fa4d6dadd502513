// SPDX-License-Identifier: Apache-2.0

import XCTest

@testable import EhrField

/// Double-width products and Montgomery reduction (lazy reduction) against GMP.
final class FpWideTests: XCTestCase {
    func big(_ w: FpWide) -> Big {
        Big(limbsLE: [w.w0, w.w1, w.w2, w.w3, w.w4, w.w5, w.w6, w.w7, w.w8, w.w9, w.w10, w.w11])
    }

    func raw(_ x: Fp) -> Big { Big(limbsLE: x.rawLimbs) }

    func testProductReduceAndSubtract() {
        var g = SplitMix64(seed: 51)
        let pR = pBig * Big.pow2(384)
        let rInv = Big.pow2(384).invMod(pBig)
        for i in 0..<200 {
            let a = i == 0 ? -Fp.one : Fp.random(&g)
            let b = i == 0 ? -Fp.one : Fp.random(&g)
            let w = FpWide.product(a, b)
            XCTAssertTrue(big(w) == raw(a) * raw(b), "exact product")
            XCTAssertEqual(w.montgomeryReduced(), a * b, "REDC of the product is the Montgomery product")
            let s = a.addUnreduced(b)
            XCTAssertTrue(Big(limbsLE: s.rawLimbs) == raw(a) + raw(b))
            let v = FpWide.product(b, b)
            let d = FpWide.subModPR(w, v)
            XCTAssertTrue(big(d) == (big(w) - big(v) + pR) % pR, "subtraction mod pR")
            XCTAssertEqual(d.montgomeryReduced(), a * b - b * b)
            XCTAssertTrue(Big(limbsLE: (w + v).montgomeryReduced().rawLimbs) == (big(w) + big(v)) * rInv % pBig)
            XCTAssertEqual((w + v - v).montgomeryReduced(), a * b)
        }
        // Largest admissible input p·R − 1 reduces correctly.
        let top = pR - Big("1")
        let l = top.limbs(12)
        let w = FpWide(w0: l[0], w1: l[1], w2: l[2], w3: l[3], w4: l[4], w5: l[5],
                       w6: l[6], w7: l[7], w8: l[8], w9: l[9], w10: l[10], w11: l[11])
        XCTAssertTrue(Big(limbsLE: w.montgomeryReduced().rawLimbs) == top * rInv % pBig)
    }
}
