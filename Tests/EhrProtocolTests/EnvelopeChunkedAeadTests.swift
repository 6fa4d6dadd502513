// SPDX-License-Identifier: Apache-2.0
@testable import EhrProtocol
import XCTest

/// The OpenSSL building blocks and the chunked AES-256-GCM body framing
/// (PROTOCOL.md §7, docs/ENVELOPE.md), independent of the pairing layer.
final class EnvelopeChunkedAeadTests: XCTestCase {
    let key = [UInt8](repeating: 0x42, count: 32)
    let nonce: [UInt8] = Array(0..<12)
    let ad = Array("EHRS test associated data".utf8)
    let S = ChunkedAead.chunkBytes

    func hex(_ s: String) -> [UInt8] {
        var out = [UInt8]()
        var it = s.makeIterator()
        while let a = it.next(), let b = it.next() { out.append(UInt8(String([a, b]), radix: 16) ?? 0) }
        return out
    }

    func pattern(_ n: Int) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) } }

    func seal(_ p: [UInt8]) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(try ChunkedAead.sealedLength(plaintextLength: UInt64(p.count))))
        try p.withUnsafeBytes { pp in
            try out.withUnsafeMutableBytes { try ChunkedAead.seal(key: key, nonce: nonce, associatedData: ad, plaintext: pp, into: $0) }
        }
        return out
    }

    func open(_ b: [UInt8], key k: [UInt8]? = nil, nonce n: [UInt8]? = nil, ad a: [UInt8]? = nil) throws -> [UInt8] {
        try b.withUnsafeBytes { try ChunkedAead.open(key: k ?? key, nonce: n ?? nonce, associatedData: a ?? ad, body: $0) }
    }

    func assertDecrypt(_ body: @autoclosure () throws -> [UInt8], _ why: String, line: UInt = #line) {
        XCTAssertThrowsError(try body(), why, line: line) { XCTAssertEqual($0 as? ProtocolError, .decrypt, why, line: line) }
    }

    func testSha256AndHkdfKnownAnswers() throws {
        XCTAssertEqual(SHA256.hash(Array("abc".utf8)),
                       hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"))
        // RFC 5869 Appendix A.1.
        let okm = try HkdfSha256.derive(ikm: [UInt8](repeating: 0x0b, count: 22), salt: Array(0...12),
                                        info: Array(0xf0...0xf9), length: 42)
        XCTAssertEqual(okm, hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"))
        XCTAssertThrowsError(try HkdfSha256.derive(ikm: [1], salt: [1], info: [], length: 0))
    }

    func testLengthArithmetic() throws {
        XCTAssertEqual(try ChunkedAead.sealedLength(plaintextLength: 0), 16)
        XCTAssertEqual(try ChunkedAead.sealedLength(plaintextLength: 1), 17)
        XCTAssertEqual(try ChunkedAead.sealedLength(plaintextLength: UInt64(S)), UInt64(S + 16))
        XCTAssertEqual(try ChunkedAead.sealedLength(plaintextLength: UInt64(S + 1)), UInt64(S + 1 + 32))
        for p in [0, 1, 15, 16, S - 1, S, S + 1, 2 * S, 5 * S + 7] {
            let l = try ChunkedAead.sealedLength(plaintextLength: UInt64(p))
            XCTAssertEqual(try ChunkedAead.plaintextLength(sealedLength: l), UInt64(p))
        }
        // Lengths no sealer produces: no room for a tag; a trailing chunk with no plaintext.
        for bad in [0, 15, S + 16 + 1, S + 16 + 16, 2 * (S + 16) + 3] {
            XCTAssertThrowsError(try ChunkedAead.plaintextLength(sealedLength: UInt64(bad)), "\(bad)") {
                guard case .length = $0 as? ProtocolError else { return XCTFail("\($0)") }
            }
        }
    }

    func testRoundTripsInMemoryAndStreaming() throws {
        for n in [0, 1, 100, S - 1, S, S + 1, 3 * S + 5] {
            let p = pattern(n)
            let body = try seal(p)
            XCTAssertEqual(body.count, n + 16 * max(1, (n + S - 1) / S))
            XCTAssertEqual(try open(body), p, "in memory, \(n) bytes")

            // The streaming sealer produces the same bytes; the streaming opener accepts them.
            var src = ByteArraySource(p)
            var sink = ByteArraySink()
            try ChunkedAead.seal(key: key, nonce: nonce, associatedData: ad, plaintextLength: UInt64(n),
                                 from: &src, to: &sink)
            XCTAssertEqual(sink.bytes, body, "streamed seal, \(n) bytes")
            var bodySrc = ByteArraySource(body)
            var plainSink = ByteArraySink()
            try ChunkedAead.open(key: key, nonce: nonce, associatedData: ad, sealedLength: UInt64(body.count),
                                 from: &bodySrc, to: &plainSink)
            XCTAssertEqual(plainSink.bytes, p, "streamed open, \(n) bytes")
        }
    }

    func testTamperingReorderingDroppingAndTruncationFail() throws {
        let p = pattern(3 * S + 100)      // four chunks, the last one short
        let body = try seal(p)
        let full = S + 16
        // One flipped bit in each chunk's ciphertext and tag.
        for off in [0, full - 1, full, 2 * full + 5, 3 * full, body.count - 17, body.count - 1] {
            var b = body
            b[off] ^= 0x01
            assertDecrypt(try open(b), "bit flip at \(off)")
        }
        // Swapping chunks 0 and 1.
        var swapped = body
        swapped.replaceSubrange(0..<full, with: body[full..<2 * full])
        swapped.replaceSubrange(full..<2 * full, with: body[0..<full])
        assertDecrypt(try open(swapped), "reordered chunks")
        // Dropping chunk 1 (the length stays consistent).
        var dropped = body
        dropped.removeSubrange(full..<2 * full)
        assertDecrypt(try open(dropped), "dropped chunk")
        // Truncating at a chunk boundary: the new last chunk was not sealed as last.
        assertDecrypt(try open(Array(body.prefix(3 * full))), "truncated at a boundary")
        assertDecrypt(try open(Array(body.prefix(full))), "only the first chunk")
        // Wrong key, nonce or associated data.
        assertDecrypt(try open(body, key: [UInt8](repeating: 0x43, count: 32)), "wrong key")
        var n2 = nonce
        n2[11] ^= 1
        assertDecrypt(try open(body, nonce: n2), "wrong nonce")
        assertDecrypt(try open(body, ad: ad + [0]), "wrong AD")
        // A mid-chunk truncation is an impossible length or a failed tag, never plaintext.
        XCTAssertThrowsError(try open(Array(body.dropLast(50))))
    }

    func testEmptyPlaintextIsAuthenticated() throws {
        let body = try seal([])
        XCTAssertEqual(try open(body), [])
        var b = body
        b[3] ^= 0x80
        assertDecrypt(try open(b), "tag of the empty chunk")
        assertDecrypt(try open(body, ad: []), "empty chunk under another AD")
    }

    func testStreamingSourceMustMatchTheAnnouncedLength() {
        var short = ByteArraySource(pattern(10))
        var sink = ByteArraySink()
        XCTAssertThrowsError(try ChunkedAead.seal(key: key, nonce: nonce, associatedData: ad, plaintextLength: 11,
                                                  from: &short, to: &sink)) {
            guard case .length = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        var long = ByteArraySource(pattern(12))
        XCTAssertThrowsError(try ChunkedAead.seal(key: key, nonce: nonce, associatedData: ad, plaintextLength: 11,
                                                  from: &long, to: &sink)) {
            guard case .length = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
    }

    func testStreamingOpenOfATruncatedSourceFails() throws {
        let body = try seal(pattern(2 * S))
        var src = ByteArraySource(Array(body.dropLast(1)))
        var sink = ByteArraySink()
        XCTAssertThrowsError(try ChunkedAead.open(key: key, nonce: nonce, associatedData: ad,
                                                  sealedLength: UInt64(body.count), from: &src, to: &sink))
        XCTAssertEqual(sink.bytes.count, S, "only the verified first chunk reached the sink")
    }
}
