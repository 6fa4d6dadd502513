// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrPairing
@testable import EhrProtocol
import XCTest

/// Cha–Cheon signatures and SIGNED envelopes (PROTOCOL.md §9), and the replay guard.
final class SignatureTests: XCTestCase {
    var ta: TestAuthority!
    var alice: IdentitySigningKey!
    var bob: IdentitySigningKey!
    let t0: UInt64 = 1_764_000_000_000

    override func setUpWithError() throws {
        ta = try TestAuthority()
        alice = try ta.signingKey("patient:alice")
        bob = try ta.signingKey("doctor:bob")
    }

    func testSignVerifyAndWireRoundTrip() throws {
        let payload = Array("{\"op\":\"access\"}".utf8)
        let s = try SignedMessage.sign(purpose: .ledgerTransaction, payload: payload, key: alice, context: ta.context,
                                       timestamp: t0)
        let bytes = s.encoded
        XCTAssertEqual(bytes.count, 165 + 13 + payload.count, "§10: 165 B + id + payload")
        let back = try SignedMessage(encoded: bytes, context: ta.context)
        XCTAssertEqual(back, s)
        XCTAssertEqual(back.signer, alice.identity)
        XCTAssertEqual(back.timestamp, t0)
        // Hedged nonces: signing the same message twice gives two different valid signatures.
        let sig1 = try ChaCheon.sign(s.signedBytes, with: alice)
        let sig2 = try ChaCheon.sign(s.signedBytes, with: alice)
        XCTAssertNotEqual(sig1, sig2)
        XCTAssertNoThrow(try ChaCheon.verify(sig1, message: s.signedBytes, signer: alice.identity, context: ta.context))
        XCTAssertNoThrow(try ChaCheon.verify(sig2, message: s.signedBytes, signer: alice.identity, context: ta.context))
    }

    func testForgeriesAndTamperingAreRejected() throws {
        let s = try SignedMessage.sign(purpose: .accessRequest, payload: [1, 2, 3], key: alice, context: ta.context,
                                       timestamp: t0)
        let b = s.encoded
        func expectVerify(_ bytes: [UInt8], _ why: String, line: UInt = #line) {
            XCTAssertThrowsError(try SignedMessage(encoded: bytes, context: ta.context), why, line: line) {
                guard case .verify = $0 as? ProtocolError else { return XCTFail("\(why): \($0)", line: line) }
            }
        }
        // Field offsets: purpose 6, fp 7..38, id len 39, id 41..53, ts 54..61, nonce 62..77, payload 78..84, U, V.
        expectVerify(b.flipping(6, bit: 1), "purpose 1 → 3")
        for off in [54, 61] { expectVerify(b.flipping(off), "timestamp byte \(off)") }
        for off in [62, 77] { expectVerify(b.flipping(off), "nonce byte \(off)") }
        expectVerify(b.flipping(84), "payload")
        expectVerify(b.flipping(41, bit: 1), "signer id re-attributed (patient:alice → pbtient:alice)")
        // Every bit position class of U and V: decoder error (off curve / not in G1) or verify failure.
        for off in [85, 85 + 20, 85 + 47, 133, 133 + 20, 133 + 47] {
            XCTAssertThrowsError(try SignedMessage(encoded: b.flipping(off, bit: off % 8), context: ta.context), "point byte \(off)")
        }
        // U + g1 and V + g1 are valid points but not a signature.
        let uPlus = (G1Projective(s.signature.u) + G1Projective.generator).toAffine()
        expectVerify(Array(b.prefix(85)) + uPlus.compressed + s.signature.v.compressed, "U + g1")
        let vPlus = (G1Projective(s.signature.v) + G1Projective.generator).toAffine()
        expectVerify(Array(b.prefix(85)) + s.signature.u.compressed + vPlus.compressed, "V + g1")
        // Identity U or V: rejected by the decoder and by verify.
        let infinity = [UInt8(0xC0)] + [UInt8](repeating: 0, count: 47)
        XCTAssertThrowsError(try SignedMessage(encoded: Array(b.prefix(133)) + infinity, context: ta.context)) {
            XCTAssertEqual($0 as? CurveError, .identity)
        }
        assertThrows(.verify("signature point is the identity")) {
            try ChaCheon.verify(ChaCheonSignature(u: s.signature.u, v: .identity), message: s.signedBytes,
                                signer: alice.identity, context: ta.context)
        }
        // A signature by another identity: bob signs a body that names alice.
        let bodyNamingAlice = s.signedBytes
        let bobsSig = try ChaCheon.sign(bodyNamingAlice, with: bob)
        expectVerify(bodyNamingAlice + bobsSig.encoded, "bob's signature on a message claiming alice")
        // Signing with the decryption key (key separation).
        let aliceEnc = try ta.decryptionKey("patient:alice")
        let wrongKey = IdentitySigningKey(uncheckedIdentity: alice.identity, key: aliceEnc.point)
        let bad = try SignedMessage.sign(purpose: .accessRequest, payload: [1], key: wrongKey, context: ta.context,
                                         timestamp: t0)
        expectVerify(bad.encoded, "signed with the encryption key")
        assertThrows(.verify("signing key does not belong to patient:alice")) {
            try IdentitySigningKey(identity: alice.identity, key: aliceEnc.point, context: ta.context)
        }
        // Another deployment (fingerprint), unknown purpose, truncation, trailing bytes.
        let other = try TestAuthority()
        assertThrows(.param("SIGNED envelope names another deployment")) { try SignedMessage(encoded: b, context: other.context) }
        var p9 = b
        p9[6] = 9
        assertThrows(.param("unknown SIGNED purpose 9")) { try SignedMessage(encoded: p9, context: ta.context) }
        for cut in [0, 6, 7, 40, 80, b.count - 49, b.count - 1] {
            XCTAssertThrowsError(try SignedMessage(encoded: Array(b.prefix(cut)), context: ta.context)) {
                guard case .length = $0 as? ProtocolError else { return XCTFail("cut \(cut): \($0)") }
            }
        }
        XCTAssertThrowsError(try SignedMessage(encoded: b + [0], context: ta.context)) {
            guard case .length = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
    }

    func testReplayGuardWindowNoncesAndPruning() throws {
        let guardian = ReplayGuard(windowMs: 300_000, capacity: 3)
        let n1 = [UInt8](repeating: 1, count: 16), n2 = [UInt8](repeating: 2, count: 16)
        XCTAssertNoThrow(try guardian.accept(signer: alice.identity, nonce: n1, timestamp: t0, now: t0 + 1000))
        assertThrows(.replay("nonce of patient:alice already used")) {
            try guardian.accept(signer: alice.identity, nonce: n1, timestamp: t0, now: t0 + 2000)
        }
        XCTAssertNoThrow(try guardian.accept(signer: bob.identity, nonce: n1, timestamp: t0, now: t0 + 2000),
                         "same nonce, other signer")
        // The window is inclusive at ±300 s, both directions.
        XCTAssertNoThrow(try guardian.accept(signer: alice.identity, nonce: n2, timestamp: t0 + 300_000, now: t0))
        XCTAssertThrowsError(try guardian.accept(signer: alice.identity, nonce: [UInt8](repeating: 3, count: 16),
                                                 timestamp: t0, now: t0 + 300_001)) {
            guard case .stale = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try guardian.accept(signer: alice.identity, nonce: [UInt8](repeating: 4, count: 16),
                                                 timestamp: t0 + 400_000, now: t0)) {
            guard case .stale = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        // Alice's window full (capacity is per signer): fail closed rather than forget a live nonce.
        XCTAssertNoThrow(try guardian.accept(signer: alice.identity, nonce: [UInt8](repeating: 5, count: 16),
                                             timestamp: t0, now: t0 + 2500))
        XCTAssertEqual(guardian.count, 4)
        assertThrows(.replay("replay guard is full for patient:alice")) {
            try guardian.accept(signer: alice.identity, nonce: [UInt8](repeating: 6, count: 16), timestamp: t0, now: t0 + 3000)
        }
        // After 2× the window the entries are pruned; the old envelope itself is stale by then.
        let later = t0 + 700_000
        XCTAssertNoThrow(try guardian.accept(signer: bob.identity, nonce: n2, timestamp: later, now: later))
        XCTAssertEqual(guardian.count, 1, "old entries pruned, memory bounded")
        XCTAssertThrowsError(try guardian.accept(signer: alice.identity, nonce: n1, timestamp: t0, now: later)) {
            guard case .stale = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
    }

    /// One signer filling its capacity does not lock another out (the capacity used to be
    /// shared by all signers).
    func testReplayGuardCapacityIsPerSigner() throws {
        let guardian = ReplayGuard(windowMs: 300_000, capacity: 4, maxSigners: 8)
        for i in 0..<4 {
            XCTAssertNoThrow(try guardian.accept(signer: alice.identity, nonce: [UInt8](repeating: UInt8(i), count: 16),
                                                 timestamp: t0, now: t0 + 1000))
        }
        assertThrows(.replay("replay guard is full for patient:alice")) {
            try guardian.accept(signer: alice.identity, nonce: [UInt8](repeating: 9, count: 16), timestamp: t0, now: t0 + 1000)
        }
        XCTAssertNoThrow(try guardian.accept(signer: bob.identity, nonce: [UInt8](repeating: 9, count: 16),
                                             timestamp: t0, now: t0 + 1000), "another signer's fresh request")
        XCTAssertEqual(guardian.count, 5)
        XCTAssertEqual(guardian.signerCount, 2)
        // Alice's live nonces are still refused as replays.
        assertThrows(.replay("nonce of patient:alice already used")) {
            try guardian.accept(signer: alice.identity, nonce: [UInt8](repeating: 0, count: 16), timestamp: t0, now: t0 + 1000)
        }
    }

    /// The number of signers tracked is bounded; the least recently used signer's window
    /// is evicted whole, and no other signer loses an entry.
    func testReplayGuardEvictsTheLeastRecentlyUsedSigner() throws {
        let guardian = ReplayGuard(windowMs: 300_000, capacity: 4, maxSigners: 2)
        let n = [UInt8](repeating: 1, count: 16)
        let carol = try Identity("patient:carol")
        try guardian.accept(signer: alice.identity, nonce: n, timestamp: t0, now: t0 + 1)
        try guardian.accept(signer: bob.identity, nonce: n, timestamp: t0, now: t0 + 2)
        try guardian.accept(signer: alice.identity, nonce: [UInt8](repeating: 2, count: 16), timestamp: t0, now: t0 + 3)
        // Bob is now least recently used: carol's arrival evicts bob's window only.
        try guardian.accept(signer: carol, nonce: n, timestamp: t0, now: t0 + 4)
        XCTAssertEqual(guardian.signerCount, 2)
        XCTAssertEqual(guardian.count, 3)
        assertThrows(.replay("nonce of patient:alice already used")) {
            try guardian.accept(signer: alice.identity, nonce: n, timestamp: t0, now: t0 + 5)
        }
        assertThrows(.replay("nonce of patient:carol already used")) {
            try guardian.accept(signer: carol, nonce: n, timestamp: t0, now: t0 + 6)
        }
    }
}
