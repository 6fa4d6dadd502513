// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrPairing
@testable import EhrProtocol
import XCTest

/// The hybrid envelope (PROTOCOL.md §7): round trips at both levels and for
/// several sizes, one-to-many sharing over one body, and rejection of every
/// tampering with a clear error and no plaintext.
final class EnvelopeTests: XCTestCase {
    var ta: TestAuthority!
    var alice: PREIdentityKey!
    var bob: PREIdentityKey!
    var carol: PREIdentityKey!
    let ctx = Array("ehr-record:2019-07-01/discharge/sha256=00ff".utf8)

    override func setUpWithError() throws {
        ta = try TestAuthority()
        alice = try ta.decryptionKey("patient:alice")
        bob = try ta.decryptionKey("doctor:bob")
        carol = try ta.decryptionKey("doctor:carol")
    }

    func record(_ n: Int, seed: UInt8 = 7) -> [UInt8] {
        var x = UInt32(seed) | 0x1234_5600
        return (0..<n).map { _ in
            x = x &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: x >> 24)
        }
    }

    func testRoundTripsAtBothLevelsForSmallAndMediumSizes() throws {
        let rk = try IBP1.rekey(from: alice, to: bob.identity, context: ta.context)
        for n in [0, 1, 1 << 20] {
            let p = record(n)
            let sealed = try Envelope.seal(p, to: alice.identity, recordContext: ctx, context: ta.context)
            XCTAssertEqual(sealed.count, 6 + 2 + 13 + 4 + ctx.count + 96 + 576 + 12 + 8 + n + 16 * max(1, (n + 65535) / 65536))
            XCTAssertEqual(try Envelope.open(sealed, with: alice), p, "level 1, \(n) bytes")
            let shared = try Envelope.reencrypt(sealed, with: rk)
            XCTAssertEqual(try Envelope.open(shared, with: bob), p, "level 2, \(n) bytes")
            // The body is reused byte for byte.
            let (h1, o1) = try SealedHeader1.decode(sealed)
            let (h2, o2) = try SealedHeader2.decode(shared)
            XCTAssertEqual(Array(sealed[o1...]), Array(shared[o2...]))
            XCTAssertEqual(h2.nonce, h1.nonce)
            XCTAssertEqual(h2.c1, h1.c1)
            XCTAssertEqual(shared.count - sealed.count, 2 + 10 + 96 + 576, "SEALED2 adds id_j, R1, R2")
        }
    }

    func testSixtyFourMiBStreamsThroughFileDescriptorsAtBothLevels() throws {
        let n = 64 << 20
        // 64 distinct 1 MiB blocks (a debug-build generator for 64 Mi bytes one by one would dominate the test).
        let block = record(1 << 20, seed: 3)
        var p = [UInt8]()
        p.reserveCapacity(n)
        for i in 0..<64 { p += block; p[i << 20] = UInt8(i) }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ehr-env-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plainURL = dir.appendingPathComponent("plain"), sealedURL = dir.appendingPathComponent("sealed1")
        let sharedURL = dir.appendingPathComponent("sealed2"), outURL = dir.appendingPathComponent("out")
        try Data(p).write(to: plainURL)

        func withFDs(_ input: URL, _ output: URL, _ body: (inout FileDescriptorSource, inout FileDescriptorSink) throws -> Void) throws {
            let i = Glibc.open(input.path, O_RDONLY)
            let o = Glibc.open(output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            defer { close(i); close(o) }
            XCTAssert(i >= 0 && o >= 0)
            var src = FileDescriptorSource(fd: i)
            var sink = FileDescriptorSink(fd: o)
            try body(&src, &sink)
        }
        try withFDs(plainURL, sealedURL) { src, sink in
            try Envelope.seal(plaintextLength: UInt64(n), from: &src, to: &sink, owner: alice.identity,
                              recordContext: ctx, context: ta.context)
        }
        try withFDs(sealedURL, outURL) { src, sink in try Envelope.open(from: &src, to: &sink, with: alice) }
        XCTAssert(try Data(contentsOf: outURL) == Data(p), "level 1, 64 MiB")

        let rk = try IBP1.rekey(from: alice, to: bob.identity, context: ta.context)
        try withFDs(sealedURL, sharedURL) { src, sink in try Envelope.reencrypt(from: &src, to: &sink, with: rk) }
        try withFDs(sharedURL, outURL) { src, sink in try Envelope.open(from: &src, to: &sink, with: bob) }
        XCTAssert(try Data(contentsOf: outURL) == Data(p), "level 2, 64 MiB")

        // The in-memory API reads what the streaming API wrote, and vice versa.
        let sealed = [UInt8](try Data(contentsOf: sealedURL))
        XCTAssertEqual(try Envelope.open(sealed, with: alice).count, n)
        // Carol, not a delegatee, gets a clear error from the stream and no plaintext.
        try withFDs(sharedURL, outURL) { src, sink in
            assertThrows(.decrypt) { try Envelope.open(from: &src, to: &sink, with: carol) }
        }
        XCTAssertEqual(try Data(contentsOf: outURL).count, 0)
    }

    func testOneToManySharingReusesOneBody() throws {
        let p = record(200_000)
        let sealed = try Envelope.seal(p, to: alice.identity, recordContext: ctx, context: ta.context)
        let (h1, offset) = try SealedHeader1.decode(sealed)
        let body = Array(sealed[offset...])
        let users = try ["doctor:bob", "doctor:carol", "insurer:dan", "researcher:eve"].map { try ta.decryptionKey($0) }
        let rks = try users.map { try IBP1.rekey(from: alice, to: $0.identity, context: ta.context) }
        let headers = try Envelope.share(h1, with: rks)
        XCTAssertEqual(headers.count, users.count)
        for (u, h) in zip(users, headers) {
            XCTAssertEqual(h.delegatee, u.identity)
            XCTAssertLessThan(h.encoded.count, 1500, "a header conversion is small")
            XCTAssertEqual(try Envelope.open(h.encoded + body, with: u), p, "\(u.identity)")
            // The store's view: this user's header and the one shared body, never concatenated.
            XCTAssertEqual(try Envelope.openBody(header: .level2(h), body: body, with: u), p)
            for other in users where other.identity != u.identity {
                assertThrows(.decrypt, "\(other.identity) on \(u.identity)'s header") {
                    try Envelope.open(h.encoded + body, with: other)
                }
            }
        }
        // Chains: bob shares his own record with carol; alice's record reaches carol through alice's rk only.
        let bobsRecord = record(1000, seed: 9)
        let bobSealed = try Envelope.seal(bobsRecord, to: bob.identity, recordContext: ctx, context: ta.context)
        let bobToCarol = try IBP1.rekey(from: bob, to: carol.identity, context: ta.context)
        XCTAssertEqual(try Envelope.open(try Envelope.reencrypt(bobSealed, with: bobToCarol), with: carol), bobsRecord)
        XCTAssertThrowsError(try Envelope.reencrypt(sealed, with: bobToCarol), "bob's rk cannot convert alice's record") {
            guard case .param = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        // Single hop: alice's record re-encrypted for bob cannot be re-encrypted again with bob's rk.
        assertThrows(.type(expected: 0x23, actual: 0x24)) {
            try Envelope.reencrypt(headers[0].encoded + body, with: bobToCarol)
        }
    }

    func testWrongKeysGiveDecryptErrors() throws {
        let p = record(1000)
        let sealed = try Envelope.seal(p, to: alice.identity, recordContext: ctx, context: ta.context)
        assertThrows(.decrypt, "bob's key") { try Envelope.open(sealed, with: bob) }
        assertThrows(.decrypt, "a wrong key claiming alice") {
            try Envelope.open(sealed, with: PREIdentityKey(uncheckedIdentity: alice.identity, key: bob.point))
        }
        // A re-encryption key for a different user.
        let toCarol = try Envelope.reencrypt(sealed, with: try IBP1.rekey(from: alice, to: carol.identity, context: ta.context))
        assertThrows(.decrypt, "bob on carol's record") { try Envelope.open(toCarol, with: bob) }
        assertThrows(.decrypt, "alice on carol's record") { try Envelope.open(toCarol, with: alice) }
        assertThrows(.decrypt, "bob's real key claimed as carol's") {
            try Envelope.open(toCarol, with: PREIdentityKey(uncheckedIdentity: carol.identity, key: bob.point))
        }
        // Relabelling the delegatee as bob (same length name) does not let bob in.
        var w = WireWriter(type: .sealed2)
        let (h2, off) = try SealedHeader2.decode(toCarol)
        w.id(h2.delegator.bytes)
        w.id(Array("doctor:bob".utf8))
        w.blob(h2.recordContext)
        w.raw(h2.c1.compressed); w.raw(h2.c2.bytes); w.raw(h2.r1.compressed); w.raw(h2.r2.bytes)
        w.raw(h2.nonce); w.u64(h2.bodyLength)
        assertThrows(.decrypt, "relabelled delegatee") { try Envelope.open(w.bytes + toCarol[off...], with: bob) }
    }

    func testTheProxysViewAloneDoesNotOpenTheRecord() throws {
        let p = record(3000)
        let sealed = try Envelope.seal(p, to: alice.identity, recordContext: ctx, context: ta.context)
        let rk = try IBP1.rekey(from: alice, to: bob.identity, context: ta.context)
        let shared = try Envelope.reencrypt(sealed, with: rk)
        // The proxy holds rk = (R1, R2, R3), SEALED1 and SEALED2, and no identity key. Every G1 point it
        // can form from them fails as a decryption key for either level.
        let h2OfR2 = try IdentityHashes.h2(rk.r2)
        let candidates: [G1Affine] = [
            rk.r3, -rk.r3, h2OfR2, (G1Projective(h2OfR2) - G1Projective(rk.r3)).toAffine(),
            try IdentityHashes.h1Enc(alice.identity), try IdentityHashes.h1Enc(bob.identity),
        ]
        for (i, k) in candidates.enumerated() {
            assertThrows(.decrypt, "candidate \(i) as alice's key") {
                try Envelope.open(sealed, with: PREIdentityKey(uncheckedIdentity: alice.identity, key: k))
            }
            assertThrows(.decrypt, "candidate \(i) as bob's key") {
                try Envelope.open(shared, with: PREIdentityKey(uncheckedIdentity: bob.identity, key: k))
            }
        }
    }

    func testFlippedBitsInIdentityKeysAreErrors() throws {
        let p = record(500)
        let sealed = try Envelope.seal(p, to: alice.identity, recordContext: ctx, context: ta.context)
        let keyBytes = alice.point.compressed
        var decodable = 0
        for off in [0, 1, 24, 47] {
            for bit in [0, 5] {
                let flipped = keyBytes.flipping(off, bit: bit)
                // Most flips leave G1 (the decoder rejects them); byte 0 bit 5 is the sign flag, so that
                // flip decodes to −ske, a valid point that must still fail.
                guard let point = try? G1Affine(compressed: flipped) else { continue }
                decodable += 1
                XCTAssertThrowsError(try PREIdentityKey(identity: alice.identity, key: point, context: ta.context)) {
                    guard case .verify = $0 as? ProtocolError else { return XCTFail("\($0)") }
                }
                assertThrows(.decrypt, "flipped key byte \(off) bit \(bit)") {
                    try Envelope.open(sealed, with: PREIdentityKey(uncheckedIdentity: alice.identity, key: point))
                }
            }
        }
        XCTAssertGreaterThanOrEqual(decodable, 1, "the sign-bit flip reaches the key check")
        // The same for signing keys: a flipped key either does not decode or fails the key check.
        let sks = try ta.signingKey("patient:alice")
        for off in [0, 30, 47] {
            if let point = try? G1Affine(compressed: sks.point.compressed.flipping(off, bit: 1)) {
                XCTAssertThrowsError(try IdentitySigningKey(identity: sks.identity, key: point, context: ta.context))
            }
        }
    }

    func testMaulingTheCapsuleOrContextIsRejected() throws {
        let p = record(5000)
        let sealed = try Envelope.seal(p, to: alice.identity, recordContext: ctx, context: ta.context)
        let (h, off) = try SealedHeader1.decode(sealed)
        let body = Array(sealed[off...])
        func rebuild(c1: G2Affine? = nil, c2: GT? = nil, ctx c: [UInt8]? = nil, nonce: [UInt8]? = nil) -> [UInt8] {
            SealedHeader1(owner: h.owner, recordContext: c ?? h.recordContext, c1: c1 ?? h.c1, c2: c2 ?? h.c2,
                          nonce: nonce ?? h.nonce, bodyLength: h.bodyLength).encoded + body
        }
        XCTAssertEqual(try Envelope.open(rebuild(), with: alice), p)
        assertThrows(.decrypt, "c2 times a known GT element") { try Envelope.open(rebuild(c2: h.c2 * GT.generator), with: alice) }
        // Re-randomised capsule (c1 + u·g2, c2·E^u): same m, but c1 is bound into K and AD.
        let u = try Fr.randomNonZero()
        let e = try ta.context.recipientFactor(alice.identity)
        let rr1 = (G2Projective(h.c1) + G2Projective.generator.mul(u)).toAffine()
        XCTAssertEqual(try IBP1.decrypt(Ciphertext1(owner: h.owner, c1: rr1, c2: h.c2 * e.pow(u)), with: alice),
                       try IBP1.decrypt(h.capsule, with: alice))
        assertThrows(.decrypt, "re-randomised capsule") { try Envelope.open(rebuild(c1: rr1, c2: h.c2 * e.pow(u)), with: alice) }
        let other = try SealedHeader1.decode(try Envelope.seal([1, 2, 3], to: alice.identity, recordContext: ctx,
                                                               context: ta.context)).header
        assertThrows(.decrypt, "capsule of another record") { try Envelope.open(rebuild(c1: other.c1, c2: other.c2), with: alice) }
        assertThrows(.decrypt, "another record context") { try Envelope.open(rebuild(ctx: ctx + [0x20]), with: alice) }
        assertThrows(.decrypt, "another nonce") { try Envelope.open(rebuild(nonce: other.nonce), with: alice) }
    }

    /// Offsets of one byte at the start, middle and end of every field of a header.
    func fieldOffsets(_ fieldSizes: [Int]) -> [Int] {
        var out: [Int] = []
        var at = 0
        for size in fieldSizes {
            out += [at, at + size / 2, at + size - 1]
            at += size
        }
        return Array(Set(out)).sorted()
    }

    func testOneFlippedBitInEveryFieldOfBothLevelsIsAnError() throws {
        let p = record(2 * 65536 + 10)                 // three chunks
        let sealed = try Envelope.seal(p, to: alice.identity, recordContext: ctx, context: ta.context)
        let rk = try IBP1.rekey(from: alice, to: bob.identity, context: ta.context)
        let shared = try Envelope.reencrypt(sealed, with: rk)
        let chunk = 65536 + 16
        let body = [chunk, chunk, 10 + 16]
        // magic, version, type, id len, id, ctx len, ctx, c1, c2, N, len, chunks
        let l1 = [4, 1, 1, 2, 13, 4, ctx.count, 96, 576, 12, 8] + body
        for off in fieldOffsets(l1) {
            for bit in [0, 7] {
                XCTAssertThrowsError(try Envelope.open(sealed.flipping(off, bit: bit), with: alice), "SEALED1 byte \(off) bit \(bit)")
            }
        }
        let l2 = [4, 1, 1, 2, 13, 2, 10, 4, ctx.count, 96, 576, 96, 576, 12, 8] + body
        for off in fieldOffsets(l2) {
            for bit in [0, 7] {
                XCTAssertThrowsError(try Envelope.open(shared.flipping(off, bit: bit), with: bob), "SEALED2 byte \(off) bit \(bit)")
            }
        }
        // And every field of the re-encryption key: the converted record no longer opens.
        let rkb = rk.encoded
        for off in fieldOffsets([4, 1, 1, 2, 13, 2, 10, 96, 576, 48]) {
            XCTAssertThrowsError(try Envelope.open(
                try Envelope.reencrypt(sealed, with: try ReEncryptionKey(encoded: rkb.flipping(off, bit: 3))), with: bob),
                "REKEY byte \(off)")
        }
    }

    func testTruncatedObjectsAreErrorsAtBothLevelsAndOnStreams() throws {
        let p = record(65536 + 100)
        let sealed = try Envelope.seal(p, to: alice.identity, recordContext: ctx, context: ta.context)
        let shared = try Envelope.reencrypt(sealed, with: try IBP1.rekey(from: alice, to: bob.identity, context: ta.context))
        for (obj, key) in [(sealed, alice!), (shared, bob!)] {
            for cut in [0, 3, 6, 9, 30, 200, 800, obj.count - 65552 - 116, obj.count - 116, obj.count - 17, obj.count - 1] {
                let t = Array(obj.prefix(cut))
                XCTAssertThrowsError(try Envelope.open(t, with: key), "cut at \(cut)")
                var src = ByteArraySource(t)
                var sink = ByteArraySink()
                XCTAssertThrowsError(try Envelope.open(from: &src, to: &sink, with: key), "stream cut at \(cut)")
                XCTAssertLessThan(sink.bytes.count, p.count, "never the whole plaintext")
            }
            XCTAssertThrowsError(try Envelope.open(obj + [0], with: key), "a trailing byte")
            var src = ByteArraySource(obj + [0])
            var sink = ByteArraySink()
            XCTAssertThrowsError(try Envelope.open(from: &src, to: &sink, with: key), "a trailing byte on a stream")
        }
    }

    func testStructureIsCheckedBeforeCryptographicFields() throws {
        // §11 order: a truncated body is a length error even when c2 is garbage too.
        let sealed = try Envelope.seal(record(100), to: alice.identity, recordContext: ctx, context: ta.context)
        let c2At = 6 + 2 + 13 + 4 + ctx.count + 96
        var bad = sealed
        bad.replaceSubrange(c2At..<(c2At + 576), with: [UInt8](repeating: 0xFF, count: 576))
        XCTAssertThrowsError(try SealedHeader1.decode(Array(bad.dropLast()))) {
            guard case .length = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try SealedHeader1.decode(bad)) { XCTAssertEqual($0 as? PairingError, .nonCanonical) }
        assertThrows(.length("body of 99 bytes, header says 116")) {
            try Envelope.openBody(header: .level1(try SealedHeader1.decode(sealed).header), body: Array(repeating: 0, count: 99),
                                  with: alice)
        }
    }

    func testConcurrentSealsAndOpensShareOneContext() throws {
        // PREContext (with its recipient cache) is shared across threads.
        let n = 8
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var ok = 0
            func add() { lock.lock(); ok += 1; lock.unlock() }
        }
        let tally = Tally()
        let (ctxRef, a, c) = (ta.context, alice!, self.ctx)
        DispatchQueue.concurrentPerform(iterations: n) { i in
            let p = [UInt8](repeating: UInt8(i), count: 1000 + i)
            if let sealed = try? Envelope.seal(p, to: a.identity, recordContext: c, context: ctxRef),
               let back = try? Envelope.open(sealed, with: a), back == p {
                tally.add()
            }
        }
        XCTAssertEqual(tally.ok, n)
        XCTAssertEqual(ta.context.recipientCache.count, 1)
    }

    func testHeaderDecodersRoundTripAndStreamingHeaderReader() throws {
        let sealed = try Envelope.seal(record(10), to: alice.identity, recordContext: ctx, context: ta.context)
        let (h, off) = try SealedHeader1.decode(sealed)
        XCTAssertEqual(try SealedHeader1(encodedHeader: Array(sealed.prefix(off))), h)
        var src = ByteArraySource(sealed)
        XCTAssertEqual(try Envelope.readHeader(from: &src), .level1(h))
        XCTAssertEqual(src.offset, off)
        assertThrows(.param("record context of 65537 bytes exceeds 64 KiB")) {
            try Envelope.seal([], to: alice.identity, recordContext: [UInt8](repeating: 0, count: 65537), context: ta.context)
        }
    }
}
