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

final class JacobianPathTests: XCTestCase {
    /// (h1·r)/3 and (h2·r)/13²: multiplying a random curve point by these gives a point of order
    /// 3 (on E1) or 13 (on E2), or the identity. (E2(Fp2) holds the full 13-torsion, so the
    /// quotient by 13² is needed; after 16 draws without success the test fails instead of looping.)
    let g1Order3Multiplier: [UInt64] = [
        0xd955_5555_5555_8e39, 0x0a39_5554_e5c6_aaaa, 0xcd10_4635_a790_520c,
        0xcc27_c3d6_fbd7_063f, 0x1909_37e7_6bc3_e447, 0x08ab_05f8_bdd5_4cde,
    ]
    let g2Order13Multiplier: [UInt64] = [
        0x29f4_e338_0941_cfdd, 0xa706_2988_8281_9145, 0xb3ca_5c33_c3fd_8ff8, 0x9656_8f2d_18c7_50b4,
        0xd646_1e90_7737_d78e, 0xcfda_c10f_f1fc_5b48, 0x3677_f5d4_5f7c_edb8, 0xb339_07d7_1557_a7d3,
        0x56f3_b9bd_c843_96ca, 0x28ba_1c1f_a6b6_7083, 0xa713_6c44_0a0c_65b7, 0x0004_0054_49cd_a731,
    ]

    func testJacobianChainsMatchProjective() {
        for i in 0..<4 {
            let p = i % 2 == 0 ? randomG1() : randomG1OffSubgroup()
            XCTAssertEqual(p.isInSubgroup, p.isInSubgroupProjective)
            XCTAssertEqual(p.clearCofactor(), mulByXAbs(p) + p)
            let q = i % 2 == 0 ? randomG2() : randomG2OffSubgroup()
            XCTAssertEqual(q.isInSubgroup, q.isInSubgroupProjective)
            XCTAssertEqual(q.clearCofactor(), q.clearCofactorProjective())
        }
        XCTAssertTrue(G1Projective.identity.clearCofactor().isIdentity)
        XCTAssertTrue(G2Projective.identity.clearCofactor().isIdentity)
    }

    /// Small-order points hit the exceptional cases of the Jacobian addition (P = ±Q inside the
    /// chains); the subgroup checks must still reject them, and cofactor clearing must kill them.
    func testSmallOrderPoints() {
        var tested1 = 0
        var draws = 0
        while tested1 < 3 && draws < 16 {
            draws += 1
            let t = randomG1OffSubgroup().mulBigVartime(g1Order3Multiplier)
            if t.isIdentity { continue }
            tested1 += 1
            XCTAssertTrue(t.doubled() + t == .identity, "order 3")
            XCTAssertFalse(t.isInSubgroup)
            XCTAssertFalse(t.isInSubgroupProjective)
            XCTAssertTrue(t.clearCofactor().isIdentity)  // 3 divides h_eff
            let mixed = randomG1() + t
            XCTAssertFalse(mixed.isInSubgroup)
        }
        XCTAssertEqual(tested1, 3)
        var tested2 = 0
        draws = 0
        while tested2 < 2 && draws < 16 {
            draws += 1
            let t = randomG2OffSubgroup().mulBigVartime(g2Order13Multiplier)
            if t.isIdentity { continue }
            tested2 += 1
            XCTAssertTrue(t.mulBigVartime([13]).isIdentity, "order 13")
            XCTAssertFalse(t.isInSubgroup)
            XCTAssertFalse(t.isInSubgroupProjective)
            XCTAssertEqual(t.clearCofactor(), t.clearCofactorProjective())
            XCTAssertTrue(t.clearCofactor().isInSubgroup)
            let mixed = randomG2() + t
            XCTAssertFalse(mixed.isInSubgroup)
        }
        XCTAssertEqual(tested2, 2)
    }
}
