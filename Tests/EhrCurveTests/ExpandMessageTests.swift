// SPDX-License-Identifier: Apache-2.0

import EhrField
import XCTest

@testable import EhrCurve

final class ExpandMessageTests: XCTestCase {
    struct File: Decodable {
        struct Vector: Decodable {
            let msg: String
            let len_in_bytes: Int
            let uniform_bytes: String
        }
        let dst: String
        let vectors: [Vector]
    }

    /// RFC 9380 Appendix K.1 (expand_message_xmd, SHA-256), all ten vectors.
    func testRFC9380AppendixK1() throws {
        let file = try loadVectors("expand_message_xmd_sha256.json", as: File.self)
        XCTAssertEqual(file.vectors.count, 10)
        for v in file.vectors {
            let out = try expandMessageXMD(msg: Array(v.msg.utf8), dst: Array(file.dst.utf8), length: v.len_in_bytes)
            XCTAssertEqual(hexString(out), v.uniform_bytes, "msg \(v.msg.prefix(8)) len \(v.len_in_bytes)")
        }
    }

    func testRejectsBadParameters() {
        let msg = Array("abc".utf8)
        XCTAssertThrowsError(try expandMessageXMD(msg: msg, dst: [], length: 32)) {
            XCTAssertEqual($0 as? CurveError, .invalidHashParameters)
        }
        XCTAssertThrowsError(try expandMessageXMD(msg: msg, dst: [UInt8](repeating: 65, count: 256), length: 32)) {
            XCTAssertEqual($0 as? CurveError, .invalidHashParameters)
        }
        XCTAssertThrowsError(try expandMessageXMD(msg: msg, dst: [65], length: 255 * 32 + 1)) {
            XCTAssertEqual($0 as? CurveError, .invalidHashParameters)
        }
        XCTAssertThrowsError(try expandMessageXMD(msg: msg, dst: [65], length: 0)) {
            XCTAssertEqual($0 as? CurveError, .invalidHashParameters)
        }
        XCTAssertNoThrow(try expandMessageXMD(msg: msg, dst: [UInt8](repeating: 65, count: 255), length: 255 * 32))
        XCTAssertThrowsError(try hashToG1(msg: msg, dst: [])) {
            XCTAssertEqual($0 as? CurveError, .invalidHashParameters)
        }
        for count in [0, -1, 128] {
            XCTAssertThrowsError(try hashToFieldFp(msg: msg, dst: [65], count: count)) {
                XCTAssertEqual($0 as? CurveError, .invalidHashParameters)
            }
        }
        for count in [0, 64] {
            XCTAssertThrowsError(try hashToFieldFp2(msg: msg, dst: [65], count: count)) {
                XCTAssertEqual($0 as? CurveError, .invalidHashParameters)
            }
        }
        XCTAssertEqual(try hashToFieldFp(msg: msg, dst: [65], count: 127).count, 127)
        XCTAssertEqual(try hashToFieldFp2(msg: msg, dst: [65], count: 63).count, 63)
        XCTAssertThrowsError(try hashToFr(msg: msg, dst: [])) {
            XCTAssertEqual($0 as? CurveError, .invalidHashParameters)
        }
    }
}
