// SPDX-License-Identifier: Apache-2.0
import EhrProtocol
import XCTest

/// The framing every v1 object shares (PROTOCOL.md §10, §11 rules 1, 2, 6).
final class WireFormatTests: XCTestCase {
    func testRoundTripOfEveryFieldKind() throws {
        var w = WireWriter(type: .partialKey)
        w.u8(7)
        w.u16(0xBEEF)
        w.u32(0xDEAD_BEEF)
        w.u64(0x0102_0304_0506_0708)
        w.id(Array("doctor:bob|2026".utf8))
        w.blob([1, 2, 3])
        w.raw([9, 9])
        XCTAssertEqual(Array(w.bytes.prefix(6)), [0x45, 0x48, 0x52, 0x53, 0x01, 0x10])

        var r = try ProtocolWireReader(w.bytes, type: .partialKey)
        XCTAssertEqual(try r.u8("a"), 7)
        XCTAssertEqual(try r.u16("b"), 0xBEEF)
        XCTAssertEqual(try r.u32("c"), 0xDEAD_BEEF)
        XCTAssertEqual(try r.u64("d"), 0x0102_0304_0506_0708)
        XCTAssertEqual(try r.id("id").description, "doctor:bob|2026")
        XCTAssertEqual(try r.blob("blob", limit: 16), [1, 2, 3])
        XCTAssertEqual(try r.raw(2, "tail"), [9, 9])
        XCTAssertNoThrow(try r.finish())
    }

    func testHeaderRejectionsInOrder() {
        let good = WireWriter(type: .ct1).bytes
        XCTAssertThrowsError(try ProtocolWireReader(Array(good.prefix(5)), type: .ct1)) {
            guard case .length = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        var bad = good
        bad[0] = 0x46
        XCTAssertThrowsError(try ProtocolWireReader(bad, type: .ct1)) { XCTAssertEqual($0 as? ProtocolError, .magic) }
        bad = good
        bad[4] = 0x02
        XCTAssertThrowsError(try ProtocolWireReader(bad, type: .ct1)) { XCTAssertEqual($0 as? ProtocolError, .version(2)) }
        XCTAssertThrowsError(try ProtocolWireReader(good, type: .ct2)) {
            XCTAssertEqual($0 as? ProtocolError, .type(expected: 0x22, actual: 0x20))
        }
    }

    func testTruncationAndTrailingBytes() throws {
        var w = WireWriter(type: .signed)
        w.blob([1, 2, 3, 4])
        var r = try ProtocolWireReader(Array(w.bytes.dropLast()), type: .signed)
        XCTAssertThrowsError(try r.blob("payload", limit: 16)) {
            guard case .length = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        let r2 = try ProtocolWireReader(w.bytes + [0], type: .signed)
        XCTAssertThrowsError(try r2.finish()) {
            guard case .length = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        var r3 = try ProtocolWireReader(w.bytes, type: .signed)
        XCTAssertThrowsError(try r3.blob("payload", limit: 3)) {
            guard case .param = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
    }

    func testIdentityRules() {
        XCTAssertNoThrow(try Identity("patient:alice"))
        XCTAssertNoThrow(try Identity("patient:Zoë|2019"))
        XCTAssertNoThrow(try Identity(validating: Array(repeating: 0x61, count: 1024)))
        for bad: [UInt8] in [[], Array(repeating: 0x61, count: 1025), [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xFF]] {
            XCTAssertThrowsError(try Identity(validating: bad)) {
                guard case .param = $0 as? ProtocolError else { return XCTFail("\($0)") }
            }
        }
    }
}
