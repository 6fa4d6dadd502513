// SPDX-License-Identifier: Apache-2.0

import EhrField
import XCTest

@testable import EhrCurve

final class EncodingTests: XCTestCase {
    struct NonSubgroup: Decodable {
        let g1_compressed: [String]
        let g2_compressed: [String]
    }

    /// p as 48 big-endian bytes.
    let pBytes = hexBytes(
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab")

    func expectError(_ expected: CurveError, file: StaticString = #filePath, line: UInt = #line,
                     _ body: () throws -> Void) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? CurveError, expected, file: file, line: line)
        }
    }

    func testRoundTrips() throws {
        for _ in 0..<5 {
            let p = randomG1().toAffine()
            XCTAssertEqual(try G1Affine(compressed: p.compressed), p)
            XCTAssertEqual(try G1Affine(uncompressed: p.uncompressed), p)
            XCTAssertEqual(try G1Affine(compressed: (-p).compressed), -p)
            let q = randomG2().toAffine()
            XCTAssertEqual(try G2Affine(compressed: q.compressed), q)
            XCTAssertEqual(try G2Affine(uncompressed: q.uncompressed), q)
            XCTAssertEqual(try G2Affine(compressed: (-q).compressed), -q)
        }
        XCTAssertEqual(try G1Affine(compressed: G1Affine.identity.compressed, allowIdentity: true), .identity)
        XCTAssertEqual(try G1Affine(uncompressed: G1Affine.identity.uncompressed, allowIdentity: true), .identity)
        XCTAssertEqual(try G2Affine(compressed: G2Affine.identity.compressed, allowIdentity: true), .identity)
        XCTAssertEqual(try G2Affine(uncompressed: G2Affine.identity.uncompressed, allowIdentity: true), .identity)
        XCTAssertEqual(G1Affine.identity.compressed, [0xC0] + [UInt8](repeating: 0, count: 47))
        XCTAssertEqual(G2Affine.identity.uncompressed, [0x40] + [UInt8](repeating: 0, count: 191))
    }

    func testWrongLength() {
        let g1 = G1Affine.generator.compressed
        let g2 = G2Affine.generator.compressed
        expectError(.wrongLength(expected: 48, actual: 47)) { _ = try G1Affine(compressed: g1.dropLast()) }
        expectError(.wrongLength(expected: 48, actual: 49)) { _ = try G1Affine(compressed: g1 + [0]) }
        expectError(.wrongLength(expected: 96, actual: 48)) { _ = try G1Affine(uncompressed: g1) }
        expectError(.wrongLength(expected: 96, actual: 95)) { _ = try G2Affine(compressed: g2.dropLast()) }
        expectError(.wrongLength(expected: 192, actual: 96)) { _ = try G2Affine(uncompressed: g2) }
        expectError(.wrongLength(expected: 48, actual: 0)) { _ = try G1Affine(compressed: []) }
    }

    func testBadFlags() {
        let g1 = G1Affine.generator.compressed
        let g2 = G2Affine.generator.compressed
        // Compression bit missing in a compressed decoder.
        var b = g1
        b[0] &= 0x7F
        expectError(.badFlags) { _ = try G1Affine(compressed: b) }
        var c = g2
        c[0] &= 0x7F
        expectError(.badFlags) { _ = try G2Affine(compressed: c) }
        // Infinity with a non-zero rest, or with the sign bit.
        var inf1 = [0xC0] + [UInt8](repeating: 0, count: 47)
        inf1[47] = 1
        expectError(.badFlags) { _ = try G1Affine(compressed: inf1, allowIdentity: true) }
        var inf2 = [0xC0] + [UInt8](repeating: 0, count: 95)
        inf2[60] = 1  // in the x.c0 half
        expectError(.badFlags) { _ = try G2Affine(compressed: inf2, allowIdentity: true) }
        let zeros47 = [UInt8](repeating: 0, count: 47)
        let zeros95 = [UInt8](repeating: 0, count: 95)
        expectError(.badFlags) { _ = try G1Affine(compressed: [0xE0] + zeros47, allowIdentity: true) }
        expectError(.badFlags) { _ = try G2Affine(compressed: [0xE0] + zeros95, allowIdentity: true) }
        expectError(.badFlags) { _ = try G1Affine(compressed: [0xC1] + zeros47, allowIdentity: true) }
        // Infinity bit on a real point.
        var d = g1
        d[0] |= 0x40
        expectError(.badFlags) { _ = try G1Affine(compressed: d, allowIdentity: true) }
        // Uncompressed decoders: compression bit, sign bit, malformed infinity.
        var u1 = G1Affine.generator.uncompressed
        u1[0] |= 0x80
        expectError(.badFlags) { _ = try G1Affine(uncompressed: u1) }
        var u2 = G1Affine.generator.uncompressed
        u2[0] |= 0x20
        expectError(.badFlags) { _ = try G1Affine(uncompressed: u2) }
        var u3 = G2Affine.generator.uncompressed
        u3[0] |= 0x20
        expectError(.badFlags) { _ = try G2Affine(uncompressed: u3) }
        var u4 = G2Affine.generator.uncompressed
        u4[0] |= 0x80
        expectError(.badFlags) { _ = try G2Affine(uncompressed: u4) }
        var u5 = G1Affine.identity.uncompressed
        u5[95] = 1
        expectError(.badFlags) { _ = try G1Affine(uncompressed: u5, allowIdentity: true) }
        let zeros191 = [UInt8](repeating: 0, count: 191)
        expectError(.badFlags) { _ = try G2Affine(uncompressed: [0x60] + zeros191, allowIdentity: true) }
    }

    func testNonCanonicalCoordinates() {
        // x = p (with the compression flag): not below p.
        var b = pBytes
        b[0] |= 0x80
        expectError(.nonCanonicalCoordinate) { _ = try G1Affine(compressed: b) }
        // G2: each half separately.
        var hi = pBytes + G2Affine.generator.compressed[48..<96]
        hi[0] |= 0x80
        expectError(.nonCanonicalCoordinate) { _ = try G2Affine(compressed: hi) }
        let lo = Array(G2Affine.generator.compressed[0..<48]) + pBytes
        expectError(.nonCanonicalCoordinate) { _ = try G2Affine(compressed: lo) }
        // Uncompressed: y = p.
        let u = Array(G1Affine.generator.uncompressed[0..<48]) + pBytes
        expectError(.nonCanonicalCoordinate) { _ = try G1Affine(uncompressed: u) }
        let u2 = Array(G2Affine.generator.uncompressed[0..<144]) + pBytes
        expectError(.nonCanonicalCoordinate) { _ = try G2Affine(uncompressed: u2) }
    }

    func testNotOnCurve() throws {
        // Find x with x³ + 4 a non-square.
        var x: UInt64 = 1
        while (Fp(x).squared() * Fp(x) + Fp(4)).sqrt() != nil { x += 1 }
        var b = Fp(x).bigEndianBytes
        b[0] |= 0x80
        expectError(.notOnCurve) { _ = try G1Affine(compressed: b) }
        var x2: UInt64 = 1
        while (Fp2(c0: Fp(x2), c1: .one).squared() * Fp2(c0: Fp(x2), c1: .one) + Bls12381.b2).sqrt() != nil { x2 += 1 }
        var c = Fp.one.bigEndianBytes + Fp(x2).bigEndianBytes
        c[0] |= 0x80
        expectError(.notOnCurve) { _ = try G2Affine(compressed: c) }
        // Uncompressed: a valid x with a wrong y.
        var u = G1Affine.generator.uncompressed
        u[95] ^= 1
        expectError(.notOnCurve) { _ = try G1Affine(uncompressed: u) }
        var v = G2Affine.generator.uncompressed
        v[191] ^= 1
        expectError(.notOnCurve) { _ = try G2Affine(uncompressed: v) }
    }

    func testNotInSubgroup() throws {
        let file = try loadVectors("non_subgroup_points.json", as: NonSubgroup.self)
        for hex in file.g1_compressed {
            let bytes = hexBytes(hex)
            expectError(.notInSubgroup) { _ = try G1Affine(compressed: bytes) }
            let p = try G1Affine.decompress(bytes)
            XCTAssertTrue(p.isOnCurve)
            expectError(.notInSubgroup) { _ = try G1Affine(uncompressed: p.uncompressed) }
        }
        for hex in file.g2_compressed {
            let bytes = hexBytes(hex)
            expectError(.notInSubgroup) { _ = try G2Affine(compressed: bytes) }
            let p = try G2Affine.decompress(bytes)
            XCTAssertTrue(p.isOnCurve)
            expectError(.notInSubgroup) { _ = try G2Affine(uncompressed: p.uncompressed) }
        }
        let off = randomG1OffSubgroup().toAffine()
        expectError(.notInSubgroup) { _ = try G1Affine(compressed: off.compressed) }
        let off2 = randomG2OffSubgroup().toAffine()
        expectError(.notInSubgroup) { _ = try G2Affine(compressed: off2.compressed) }
    }

    func testIdentityRejectedByDefault() {
        expectError(.identity) { _ = try G1Affine(compressed: G1Affine.identity.compressed) }
        expectError(.identity) { _ = try G1Affine(uncompressed: G1Affine.identity.uncompressed) }
        expectError(.identity) { _ = try G2Affine(compressed: G2Affine.identity.compressed) }
        expectError(.identity) { _ = try G2Affine(uncompressed: G2Affine.identity.uncompressed) }
    }

    func testSignBitSelectsRoot() throws {
        let p = G1Affine.generator
        var flipped = p.compressed
        flipped[0] ^= 0x20
        XCTAssertEqual(try G1Affine(compressed: flipped), -p)
        let q = G2Affine.generator
        var flipped2 = q.compressed
        flipped2[0] ^= 0x20
        XCTAssertEqual(try G2Affine(compressed: flipped2), -q)
    }
}
