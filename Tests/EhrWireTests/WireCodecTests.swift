// SPDX-License-Identifier: Apache-2.0
import EhrWire
import XCTest

/// A layer error for the tests: keeps the problem as it is.
private struct Failure: WireFailure, Equatable {
    let problem: WireProblem
    init(wire problem: WireProblem) { self.problem = problem }
}

private typealias Reader = WireReader<Failure>

/// The one codec: every field round-trips, and every structural fault is reported with its
/// own problem (PROTOCOL.md §11 rules 1, 2 and 6), never a trap.
final class WireCodecTests: XCTestCase {
    private func sample() -> [UInt8] {
        var w = WireWriter(type: .signed)
        w.u8(0x7f)
        w.u16(0xBEEF)
        w.u32(0xDEAD_BEEF)
        w.u64(0x0102_0304_0506_0708)
        w.id(Array("doctor:bob".utf8))
        w.blob([1, 2, 3])
        w.raw([9, 9])
        return w.bytes
    }

    func testRoundTrip() throws {
        let bytes = sample()
        XCTAssertEqual(Array(bytes.prefix(6)), [0x45, 0x48, 0x52, 0x53, 0x01, 0x31])
        XCTAssertEqual(Array(bytes.prefix(6)), WireType.signed.header)
        var r = try Reader(bytes, type: .signed)
        XCTAssertEqual(try r.u8("a"), 0x7f)
        XCTAssertEqual(try r.u16("b"), 0xBEEF)
        XCTAssertEqual(try r.u32("c"), 0xDEAD_BEEF)
        XCTAssertEqual(try r.u64("d"), 0x0102_0304_0506_0708)
        XCTAssertEqual(try r.idBytes("id"), Array("doctor:bob".utf8))
        XCTAssertEqual(try r.blob("blob", limit: 3), [1, 2, 3])
        XCTAssertEqual(r.remaining, 2)
        XCTAssertEqual(try r.raw(2, "tail"), [9, 9])
        XCTAssertNoThrow(try r.finish())
    }

    func testHeaderProblemsInOrder() {
        let good = sample()
        XCTAssertThrowsError(try Reader(Array(good.prefix(5)), type: .signed)) {
            XCTAssertEqual(($0 as? Failure)?.problem, .truncated(what: "object header", need: 6, have: 5))
        }
        var bad = good
        bad[0] = 0x46
        XCTAssertThrowsError(try Reader(bad, type: .signed)) { XCTAssertEqual(($0 as? Failure)?.problem, .magic(what: "object")) }
        bad = good
        bad[4] = 2
        XCTAssertThrowsError(try Reader(bad, type: .signed)) { XCTAssertEqual(($0 as? Failure)?.problem, .version(what: "object", 2)) }
        XCTAssertThrowsError(try Reader(good, type: .block, what: "block")) {
            XCTAssertEqual(($0 as? Failure)?.problem, .type(what: "block", expected: 0x51, actual: 0x31))
        }
    }

    /// Every prefix of a valid object fails with a truncation at the field it cuts, and a
    /// trailing byte is refused: no prefix or extension decodes.
    func testEveryPrefixIsTruncatedAndTrailingBytesRefused() throws {
        let bytes = sample()
        for n in 6..<bytes.count {
            XCTAssertThrowsError(try decode(Array(bytes.prefix(n))), "prefix \(n)") {
                guard case .truncated = ($0 as? Failure)?.problem else { return XCTFail("prefix \(n): \($0)") }
            }
        }
        XCTAssertThrowsError(try decode(bytes + [0])) {
            XCTAssertEqual(($0 as? Failure)?.problem, .trailing(what: "object", count: 1))
        }
        XCTAssertNoThrow(try decode(bytes))
    }

    func testLengthFieldsOutOfBounds() throws {
        var w = WireWriter()
        w.u16(0)
        var r = Reader(raw: w.bytes)
        XCTAssertThrowsError(try r.idBytes("id")) {
            XCTAssertEqual(($0 as? Failure)?.problem, .length(what: "id", length: 0, bounds: 1...1024))
        }
        // A hostile length is refused before any bytes are read or allocated.
        w = WireWriter()
        w.u16(1025)
        r = Reader(raw: w.bytes)
        XCTAssertThrowsError(try r.idBytes("id")) {
            XCTAssertEqual(($0 as? Failure)?.problem, .length(what: "id", length: 1025, bounds: 1...1024))
        }
        w = WireWriter()
        w.u32(UInt32.max)
        r = Reader(raw: w.bytes)
        XCTAssertThrowsError(try r.blob("payload", limit: 1 << 20)) {
            XCTAssertEqual(($0 as? Failure)?.problem, .length(what: "payload", length: Int(UInt32.max), bounds: 0...(1 << 20)))
        }
        r = Reader(raw: [])
        XCTAssertThrowsError(try r.raw(-1, "negative"))
        XCTAssertThrowsError(try r.u8("empty"))
    }

    func testProblemsDescribeThemselves() {
        XCTAssertEqual(WireProblem.trailing(what: "block", count: 3).description, "block: 3 trailing bytes")
        XCTAssertEqual(WireProblem.type(what: "tx", expected: 0x60, actual: 0x61).description, "tx: type byte 0x61, expected 0x60")
    }

    private func decode(_ bytes: [UInt8]) throws(Failure) {
        var r = try Reader(bytes, type: .signed)
        _ = try r.u8("a")
        _ = try r.u16("b")
        _ = try r.u32("c")
        _ = try r.u64("d")
        _ = try r.idBytes("id")
        _ = try r.blob("blob", limit: 16)
        _ = try r.raw(2, "tail")
        try r.finish()
    }
}
