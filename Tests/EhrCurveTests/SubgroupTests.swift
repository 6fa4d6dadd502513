// SPDX-License-Identifier: Apache-2.0

import EhrField
import XCTest

@testable import EhrCurve

final class SubgroupTests: XCTestCase {
    func testG1FastCheckMatchesSlowCheck() {
        for _ in 0..<6 {
            let inside = randomG1()
            XCTAssertTrue(inside.isInSubgroup)
            XCTAssertTrue(slowInG1(inside))
            let outside = randomG1OffSubgroup()
            XCTAssertTrue(outside.toAffine().isOnCurve)
            XCTAssertEqual(outside.isInSubgroup, slowInG1(outside))
            XCTAssertFalse(outside.isInSubgroup)
        }
        XCTAssertTrue(G1Projective.identity.isInSubgroup)
    }

    func testG2FastCheckMatchesSlowCheck() {
        for _ in 0..<6 {
            let inside = randomG2()
            XCTAssertTrue(inside.isInSubgroup)
            XCTAssertTrue(slowInG2(inside))
            let outside = randomG2OffSubgroup()
            XCTAssertTrue(outside.toAffine().isOnCurve)
            XCTAssertEqual(outside.isInSubgroup, slowInG2(outside))
            XCTAssertFalse(outside.isInSubgroup)
        }
        XCTAssertTrue(G2Projective.identity.isInSubgroup)
    }

    func testCofactorClearingLandsInSubgroup() {
        for _ in 0..<6 {
            let p = randomG1OffSubgroup().clearCofactor()
            XCTAssertTrue(p.isInSubgroup)
            XCTAssertTrue(slowInG1(p))
            let q = randomG2OffSubgroup().clearCofactor()
            XCTAssertTrue(q.isInSubgroup)
            XCTAssertTrue(slowInG2(q))
        }
    }

    /// h_eff·P for G1 is multiplication by 0xd201000000010001; for G2 the ψ method must equal
    /// multiplication by RFC 9380's h_eff on points of the subgroup (where it is a known scalar).
    func testCofactorClearingMatchesScalar() {
        let p = randomG1OffSubgroup()
        XCTAssertEqual(p.clearCofactor(), p.mulBigVartime([0xd201_0000_0001_0001]))
        // RFC 9380 §8.8.2 h_eff for G2 (py_ecc H_EFF_G2), little-endian limbs.
        let hEffG2: [UInt64] = [
            0xe802_0005_aaa9_5551, 0x5989_4c0a_debb_f6b4, 0xe954_cbc0_6689_f6a3, 0x2ec0_ec69_d747_7c1a,
            0x6d82_bf01_5d12_12b0, 0x329c_2f17_8731_db95, 0x9986_ff03_1508_ffe1, 0x88e2_a8e9_145a_d768,
            0x584c_6a0e_a91b_3528, 0x0bc6_9f08_f2ee_75b3,
        ]
        let q = randomG2OffSubgroup()
        XCTAssertEqual(q.clearCofactor(), q.mulBigVartime(hEffG2))
    }

    func testEndomorphismEigenvalues() {
        // σ acts as −z² on G1 and ψ as z on G2.
        let p = randomG1()
        let z2 = Fr(canonicalLimbs: Bls12381.xSquared + [0, 0])
        XCTAssertEqual(p.sigma(), p.mul(-z2))
        let q = randomG2()
        XCTAssertEqual(q.psi(), q.mul(-Fr(Bls12381.xAbs)))
    }
}
