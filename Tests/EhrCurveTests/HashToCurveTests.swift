// SPDX-License-Identifier: Apache-2.0

import EhrField
import XCTest

@testable import EhrCurve

final class HashToCurveTests: XCTestCase {
    struct G1File: Decodable {
        struct Point: Decodable { let x: String; let y: String }
        struct Vector: Decodable {
            let msg: String
            let P: Point
            let u0: String
            let u1: String
            let Q0: Point
            let Q1: Point
            let compressed: String
        }
        let dst: String
        let vectors: [Vector]
    }

    struct G2File: Decodable {
        struct Point: Decodable { let x: HexFp2; let y: HexFp2 }
        struct Vector: Decodable {
            let msg: String
            let P: Point
            let u0: HexFp2
            let u1: HexFp2
            let Q0: Point
            let Q1: Point
            let compressed: String
        }
        let dst: String
        let vectors: [Vector]
    }

    struct KATFile: Decodable {
        struct Point: Decodable { let dst: String; let msg: String; let compressed: String }
        struct Scalar: Decodable { let dst: String; let msg: String; let scalar: String }
        let h1e: Point
        let h1s: Point
        let pedersen_h: Point
        let hash_to_scalar: Scalar
    }

    /// RFC 9380 Appendix J.9.1 (BLS12381G1_XMD:SHA-256_SSWU_RO_): u0, u1, Q0, Q1 and P for all
    /// five messages.
    func testRFC9380AppendixJ91() throws {
        let file = try loadVectors("hash_to_g1_rfc9380.json", as: G1File.self)
        XCTAssertEqual(file.vectors.count, 5)
        let dst = Array(file.dst.utf8)
        for v in file.vectors {
            let msg = Array(v.msg.utf8)
            let u = try hashToFieldFp(msg: msg, dst: dst, count: 2)
            XCTAssertEqual(u[0], try fp(v.u0))
            XCTAssertEqual(u[1], try fp(v.u1))
            let q0 = mapToCurveG1(u[0]).toAffine()
            let q1 = mapToCurveG1(u[1]).toAffine()
            XCTAssertEqual(q0, G1Affine(x: try fp(v.Q0.x), y: try fp(v.Q0.y)), "Q0 for \(v.msg.prefix(8))")
            XCTAssertEqual(q1, G1Affine(x: try fp(v.Q1.x), y: try fp(v.Q1.y)), "Q1 for \(v.msg.prefix(8))")
            let p = try hashToG1(msg: msg, dst: dst).toAffine()
            XCTAssertEqual(p, G1Affine(x: try fp(v.P.x), y: try fp(v.P.y)), "P for \(v.msg.prefix(8))")
            XCTAssertEqual(hexString(p.compressed), v.compressed)
        }
    }

    /// RFC 9380 Appendix J.10.1 (BLS12381G2_XMD:SHA-256_SSWU_RO_).
    func testRFC9380AppendixJ101() throws {
        let file = try loadVectors("hash_to_g2_rfc9380.json", as: G2File.self)
        XCTAssertEqual(file.vectors.count, 5)
        let dst = Array(file.dst.utf8)
        for v in file.vectors {
            let msg = Array(v.msg.utf8)
            let u = try hashToFieldFp2(msg: msg, dst: dst, count: 2)
            XCTAssertEqual(u[0], try v.u0.value())
            XCTAssertEqual(u[1], try v.u1.value())
            let q0 = mapToCurveG2(u[0]).toAffine()
            let q1 = mapToCurveG2(u[1]).toAffine()
            XCTAssertEqual(q0, G2Affine(x: try v.Q0.x.value(), y: try v.Q0.y.value()), "Q0 for \(v.msg.prefix(8))")
            XCTAssertEqual(q1, G2Affine(x: try v.Q1.x.value(), y: try v.Q1.y.value()), "Q1 for \(v.msg.prefix(8))")
            let p = try hashToG2(msg: msg, dst: dst).toAffine()
            XCTAssertEqual(p, G2Affine(x: try v.P.x.value(), y: try v.P.y.value()), "P for \(v.msg.prefix(8))")
            XCTAssertEqual(hexString(p.compressed), v.compressed)
        }
    }

    /// PROTOCOL.md §11 KATs (H1e, H1s of "patient:alice"), the Pedersen base h and Hs("abc").
    func testEhrshareKnownAnswers() throws {
        let kat = try loadVectors("ehrshare_curve_kat.json", as: KATFile.self)
        for g1 in [kat.h1e, kat.h1s] {
            let p = try hashToG1(msg: Array(g1.msg.utf8), dst: Array(g1.dst.utf8)).toAffine()
            XCTAssertEqual(hexString(p.compressed), g1.compressed, g1.dst)
        }
        XCTAssertTrue(kat.h1e.compressed.hasPrefix("a3af2713") && kat.h1e.compressed.hasSuffix("e04d"))
        XCTAssertTrue(kat.h1s.compressed.hasPrefix("a9452e36") && kat.h1s.compressed.hasSuffix("4ebd"))
        let h = try hashToG2(msg: Array(kat.pedersen_h.msg.utf8), dst: Array(kat.pedersen_h.dst.utf8)).toAffine()
        XCTAssertEqual(hexString(h.compressed), kat.pedersen_h.compressed)
        let s = try hashToFr(msg: Array(kat.hash_to_scalar.msg.utf8), dst: Array(kat.hash_to_scalar.dst.utf8))
        XCTAssertEqual(hexString(s.bigEndianBytes), kat.hash_to_scalar.scalar)
    }

    /// Hash outputs are in the subgroup (cofactor clearing works) for arbitrary messages.
    func testHashOutputsAreInSubgroup() throws {
        for i in 0..<8 {
            let msg = randomBytes(i * 7)
            let p1 = try hashToG1(msg: msg, dst: Array("TEST-DST".utf8))
            XCTAssertTrue(p1.isInSubgroup)
            XCTAssertTrue(slowInG1(p1))
            let p2 = try hashToG2(msg: msg, dst: Array("TEST-DST".utf8))
            XCTAssertTrue(p2.isInSubgroup)
            XCTAssertTrue(slowInG2(p2))
        }
    }
}
