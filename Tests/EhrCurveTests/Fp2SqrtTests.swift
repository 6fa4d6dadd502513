// SPDX-License-Identifier: Apache-2.0

import EhrField
import XCTest

@testable import EhrCurve

final class Fp2SqrtTests: XCTestCase {
    func testMatchesFieldSqrt() {
        for i in 0..<40 {
            var a = Fp2(c0: Fp(reducingBigEndian: randomBytes(64)), c1: Fp(reducingBigEndian: randomBytes(64)))
            if i % 10 == 0 { a.c1 = .zero }
            if i % 10 == 1 { a.c0 = .zero }
            let mine = Fp2SqrtVartime.sqrt(a)
            let field = a.sqrt()
            XCTAssertEqual(mine == nil, field == nil)
            if let r = mine { XCTAssertEqual(r.squared(), a) }
            let sq = a.squared()
            XCTAssertEqual(Fp2SqrtVartime.sqrt(sq)?.squared(), sq)
        }
        XCTAssertEqual(Fp2SqrtVartime.sqrt(.zero), .zero)
    }
}
