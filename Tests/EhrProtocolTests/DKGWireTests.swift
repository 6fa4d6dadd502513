// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField
@testable import EhrProtocol
import XCTest

/// Message-level validation of the DKG (PROTOCOL.md §10, §11 and the DKG_SIGNED/DKG_SEALED
/// framing): sizes, wrong session, forged sender, malformed bytes, decoder order, and the
/// channel primitives against their RFC vectors.
final class DKGWireTests: XCTestCase {
    private func hex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var it = s.makeIterator()
        while let a = it.next(), let b = it.next() { out.append(UInt8(String([a, b]), radix: 16) ?? 0) }
        return out
    }

    private func isParam(_ e: Error) -> Bool { if case .param? = e as? ProtocolError { true } else { false } }
    private func isVerify(_ e: Error) -> Bool { if case .verify? = e as? ProtocolError { true } else { false } }

    /// Round-1 output of authority 1 of a fresh (2, 3) network, and the network.
    private func dealing() throws -> (DKGTestNetwork, commit: [UInt8], shareTo2: [UInt8]) {
        let net = try DKGTestNetwork(t: 2, n: 3)
        var commit: [UInt8] = []
        var share: [UInt8] = []
        for m in try net.authority(1).start() {
            switch m {
            case let .broadcast(b): commit = b
            case let .direct(to, b) where to == 2: share = b
            default: break
            }
        }
        return (net, commit, share)
    }

    /// Small-order and non-canonical Ed25519 keys are refused as roster keys (OpenSSL's raw
    /// import accepts them; any signature "verifies" under the identity point).
    func testSmallOrderAndNonCanonicalRosterKeysAreRefused() throws {
        let good = try DKGNodeKey.generate().publicKey
        XCTAssertNoThrow(try DKGNodePublicKey(signing: good.signing, agreement: good.agreement))
        let smallOrder: [[UInt8]] = [
            [0x01] + [UInt8](repeating: 0, count: 31),                                  // identity
            hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),    // order 8
            hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"),    // order 8
            [UInt8](repeating: 0, count: 32),                                           // order 4
            [0xec] + [UInt8](repeating: 0xff, count: 30) + [0x7f],                      // order 2
            [0xee] + [UInt8](repeating: 0xff, count: 30) + [0x7f],                      // y = p + 1 ≥ p
            [0xed] + [UInt8](repeating: 0xff, count: 30) + [0xff],                      // y = p, sign set
        ]
        for key in smallOrder {
            XCTAssertThrowsError(try DKGNodePublicKey(signing: key, agreement: good.agreement), "\(key)") {
                XCTAssertTrue(self.isParam($0), "\($0)")
            }
        }
    }

    func testSizes() throws {
        let (net, commit, share) = try dealing()
        let body = try net.body(commit)
        XCTAssertEqual(body.count, 42 + 96 * 2, "DKG_COMMIT is 42 + 96t")
        XCTAssertEqual(commit.count, 108 + body.count, "DKG_SIGNED adds 108 bytes")
        XCTAssertEqual(share.count, 260, "DKG_SEALED")
        XCTAssertEqual(try net.openShare(share, recipient: 2).encoded.count, 106, "DKG_SHARE")
        let c = DKGComplaintMessage(sid: net.session.sid, complainer: 1, accused: 2)
        XCTAssertEqual(c.encoded.count, 42)
        XCTAssertEqual(try DKGComplaintMessage(decoding: c.encoded, session: net.session), c)
        let a = net.authority(2)
        XCTAssertEqual(try a.receive(commit, from: 1), .accepted)
        XCTAssertEqual(try a.receive(commit, from: 1), .duplicate)
        XCTAssertEqual(try a.receive(share, from: 1), .accepted)
        XCTAssertEqual(try a.receive(share, from: 1), .duplicate)
    }

    func testWrongSessionIsRejected() throws {
        let (net, commit, share) = try dealing()
        let other = try DKGSession(roster: net.session.roster, threshold: 2, nonce: [UInt8](repeating: 9, count: 32))
        let body = try net.body(commit)
        // Re-signed by the true dealer, but for another session.
        let foreign = try DKGEnvelope.sign(body: body, sid: other.sid, sender: 1, key: net.keys[0])
        XCTAssertThrowsError(try net.authority(2).receive(foreign, from: 1)) { XCTAssertTrue(self.isParam($0), "\($0)") }
        // Envelope sid right, body sid of another session.
        var b = body
        for k in 6..<38 { b[k] = other.sid[k - 6] }
        let mixed = try net.signed(b, as: 1)
        XCTAssertThrowsError(try net.authority(2).receive(mixed, from: 1)) { XCTAssertTrue(self.isParam($0), "\($0)") }
        // A session-2 authority refuses session-1 shares.
        let otherAuthority = try DKGAuthority(session: other, index: 2, key: net.keys[1])
        XCTAssertThrowsError(try otherAuthority.receive(share, from: 1)) { XCTAssertTrue(self.isParam($0), "\($0)") }
        XCTAssertEqual(net.authority(2).round, .idle)
        XCTAssertNil(net.authority(2).commitments[1], "nothing stored")
    }

    func testForgedSenderIsRejected() throws {
        let (net, _, _) = try dealing()
        let a1 = net.authority(1)
        // Authority 3 signs a complaint "by 2" with its own key, claiming sender 2.
        let complaint = DKGComplaintMessage(sid: net.session.sid, complainer: 2, accused: 3).encoded
        let forged = try DKGEnvelope.sign(body: complaint, sid: net.session.sid, sender: 2, key: net.keys[2])
        XCTAssertThrowsError(try a1.receive(forged, from: 2)) { e in
            XCTAssertEqual(e as? ProtocolError, .verify("DKG message signature does not verify for authority 2"))
        }
        // Correctly signed by 3 but relayed as if from 2.
        let honest3 = try net.signed(DKGComplaintMessage(sid: net.session.sid, complainer: 3, accused: 2).encoded, as: 3)
        XCTAssertThrowsError(try a1.receive(honest3, from: 2)) { XCTAssertTrue(self.isParam($0), "\($0)") }
        // Signed by 3 as itself, but the body speaks for 2.
        let speaksFor2 = try net.signed(complaint, as: 3)
        XCTAssertThrowsError(try a1.receive(speaksFor2, from: 3)) { XCTAssertTrue(self.isParam($0), "\($0)") }
        XCTAssertEqual(a1.faults.map(\.authority), [3], "the authenticated signer is blamed")
        // A share sealed "from dealer 2" but signed by 3.
        let share = DKGScalarPairMessage(type: .dkgShare, sid: net.session.sid, first: 2, second: 1, s: Fr(1), sPrime: Fr(2))
        var sealed = try DKGEnvelope.seal(share, session: net.session, key: net.keys[2])
        XCTAssertThrowsError(try a1.receive(sealed, from: 2)) { XCTAssertTrue(self.isVerify($0), "\($0)") }
        // A bit flip in the ciphertext of a genuine sealed share breaks the dealer's signature.
        sealed = try DKGEnvelope.seal(share, session: net.session, key: net.keys[1])
        XCTAssertEqual(try a1.receive(sealed, from: 2), .accepted)
        sealed[100] ^= 1
        XCTAssertThrowsError(try a1.receive(sealed, from: 2)) { XCTAssertTrue(self.isVerify($0), "\($0)") }
        XCTAssertThrowsError(try net.authority(3).receive(sealed, from: 2)) { XCTAssertTrue(self.isParam($0), "wrong recipient: \($0)") }
    }

    /// Every truncation, extension and single-byte change of real messages is rejected with a
    /// typed error; none is accepted and none traps.
    func testMutatedMessagesAreRejected() throws {
        let (net, commit, share) = try dealing()
        let a = net.authority(2)
        var rng = SystemRandomNumberGenerator()
        for original in [commit, share] {
            var variants: [[UInt8]] = (0..<original.count).map { Array(original.prefix($0)) }
            variants.append(original + [0])
            for _ in 0..<200 {
                var v = original
                v[Int.random(in: 0..<v.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
                variants.append(v)
            }
            for v in variants {
                XCTAssertThrowsError(try a.receive(v, from: 1), "variant of \(v.count) bytes accepted")
            }
        }
        XCTAssertNil(a.commitments[1])
        XCTAssertNil(a.shares[1])
    }

    /// Properly signed bodies with bad fields fail in the §11 order with the right error.
    func testDecoderRulesInOrder() throws {
        let (net, commit, _) = try dealing()
        let a = net.authority(2)
        let body = try net.body(commit)
        func send(_ b: [UInt8]) throws { try a.receive(try net.signed(b, as: 1), from: 1) }
        // Trailing byte: length.
        XCTAssertThrowsError(try send(body + [0])) { e in
            guard case .length? = e as? ProtocolError else { return XCTFail("\(e)") }
        }
        // Dealer index 0 and a truncated point: the length error comes first.
        var b = body
        b[38] = 0; b[39] = 0
        XCTAssertThrowsError(try send(Array(b.dropLast()))) { e in
            guard case .length? = e as? ProtocolError else { return XCTFail("\(e)") }
        }
        XCTAssertThrowsError(try send(b)) { XCTAssertTrue(self.isParam($0), "\($0)") }
        // A point with x ≥ p: CurveError after the structure passed.
        b = body
        for k in 43..<(43 + 95) { b[k] = 0xFF }
        b[42] = 0x9F
        XCTAssertThrowsError(try send(b)) { e in
            XCTAssertEqual(e as? CurveError, .nonCanonicalCoordinate, "\(e)")
        }
        // The identity as a commitment.
        b = body
        b[42] = 0xC0
        for k in 43..<(42 + 96) { b[k] = 0 }
        XCTAssertThrowsError(try send(b)) { XCTAssertEqual($0 as? CurveError, .identity) }
        // A reveal with s = r: FieldError.
        var reveal = DKGScalarPairMessage(type: .dkgReveal, sid: net.session.sid, first: 1, second: 2,
                                          s: .zero, sPrime: .zero).encoded
        let r = hex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001")
        for k in 0..<32 { reveal[42 + k] = r[k] }
        XCTAssertThrowsError(try send(reveal)) { XCTAssertEqual($0 as? FieldError, .notCanonical) }
        // A body type that is not DKG.
        var params = body
        params[5] = WireType.params.rawValue
        XCTAssertThrowsError(try send(params)) { e in
            guard case .type? = e as? ProtocolError else { return XCTFail("\(e)") }
        }
        XCTAssertTrue(a.commitments.isEmpty)
    }

    /// A signed but undecodable body is blamed on its signer, at most a few times, so a flood
    /// of garbage cannot grow the fault log.
    func testMalformedFloodIsBoundedInTheFaultLog() throws {
        let (net, commit, _) = try dealing()
        let a = net.authority(2)
        let body = try net.body(commit)
        for k in 0..<10 {
            var b = Array(body.dropLast(k + 1))
            b[41] = UInt8(k)
            XCTAssertThrowsError(try a.receive(try net.signed(b, as: 1), from: 1))
        }
        XCTAssertEqual(a.faults.count, DKGAuthority.maxMalformedPerAuthority)
        XCTAssertTrue(a.faults.allSatisfy { $0.authority == 1 && $0.kind == .malformedMessage })
        XCTAssertEqual(try a.receive(commit, from: 1), .accepted, "the real commitment is still accepted")
    }

    func testAdvanceAndStartMisuse() throws {
        let (net, _, _) = try dealing()
        XCTAssertThrowsError(try net.authority(2).advance()) { e in
            XCTAssertEqual(e as? ProtocolError, .state("call start() before advance()"))
        }
        XCTAssertEqual(net.authority(2).round, .idle)
        XCTAssertThrowsError(try net.authority(1).start())
    }

    /// The Pedersen base h against py_ecc's hash_to_G2 (an independent implementation):
    /// `hash_to_G2(b"EHRSHARE Pedersen generator h", DST pedersen, sha256)`, compressed.
    func testPedersenBaseKnownAnswer() throws {
        let h = try DKGSession.pedersenBase()
        XCTAssertEqual(h.compressed, hex("ad0996ab1eab82f661c8b84a165c9e62610785ea0ac3fdcc0fb3a8b47476b7fa8be2fb065395e7b3eed2bb97339e49010bb6717536ca48c0477e7f6b19ec707c5ec9179e26fc9e76584dce35e84284f7bbdd1903bc2c79e534022c256eabd80f"))
        XCTAssertTrue(h.isInSubgroup)
    }

    /// Lagrange at zero and interpolation agree with a known polynomial.
    func testPolynomialInterpolation() throws {
        let f = DKGPolynomial(coefficients: [Fr(11), Fr(22), Fr(33)])
        let pts: [(x: UInt16, y: Fr)] = [(2, f.evaluate(at: 2)), (5, f.evaluate(at: 5)), (7, f.evaluate(at: 7))]
        XCTAssertEqual(DKGPolynomial.interpolate(pts)?.coefficients, f.coefficients)
        let l = try XCTUnwrap(DKGPolynomial.lagrangeAtZero([2, 5, 7]))
        XCTAssertEqual(zip(l, pts).reduce(Fr.zero) { $0 + $1.0 * $1.1.y }, Fr(11))
        XCTAssertNil(DKGPolynomial.lagrangeAtZero([2, 2]))
        XCTAssertNil(DKGPolynomial.lagrangeAtZero([0, 1]))
        XCTAssertNil(DKGPolynomial.interpolate([(3, Fr(1)), (3, Fr(2))]))
    }
}
