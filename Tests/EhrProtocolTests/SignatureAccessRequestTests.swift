// SPDX-License-Identifier: Apache-2.0
import EhrCurve
@testable import EhrProtocol
import XCTest

/// Access requests and the owner's gate, against the attacks of the paper's §3.2.
final class SignatureAccessRequestTests: XCTestCase {
    var ta: TestAuthority!
    var gate: AccessGate!
    var policy: AccessPolicy!
    var ownerDec: PREIdentityKey!
    let record = Array("ledger:record/42".utf8)
    let now: UInt64 = 1_764_000_000_000

    override func setUpWithError() throws {
        ta = try TestAuthority()
        ownerDec = try ta.decryptionKey("hospital:A")
        gate = AccessGate(ownerKey: ownerDec, context: ta.context)
        policy = AccessPolicy(recordId: record, owner: ownerDec.identity)
        policy.grant(try Identity("doctor:bob"))
        policy.grant(try Identity("doctor:carol"), until: now + 60_000)
    }

    func request(_ signer: String, for requester: String? = nil, record r: [UInt8]? = nil, at ts: UInt64? = nil,
                 purpose: SignedPurpose = .accessRequest) throws -> [UInt8] {
        let key = try ta.signingKey(signer)
        let req = try AccessRequest(recordId: r ?? record, requester: try Identity(requester ?? signer))
        return try SignedMessage.sign(purpose: purpose, payload: req.payload, key: key, context: ta.context,
                                      timestamp: ts ?? now).encoded
    }

    func testGrantedRequestYieldsAWorkingReEncryptionKey() throws {
        let p = Array("discharge summary".utf8)
        let sealed = try Envelope.seal(p, to: ownerDec.identity, recordContext: record, context: ta.context)
        let (req, rk) = try gate.authorize(try request("doctor:bob"), policy: policy, now: now + 5_000)
        XCTAssertEqual(req.requester.description, "doctor:bob")
        XCTAssertEqual(rk.delegatee, req.requester)
        XCTAssertEqual(try Envelope.open(try Envelope.reencrypt(sealed, with: rk), with: try ta.decryptionKey("doctor:bob")), p)
        XCTAssertEqual(try AccessRequest(payload: req.payload), req)
    }

    func testReplayedAndStaleRequestsAreRefused() throws {
        let r = try request("doctor:bob")
        XCTAssertNoThrow(try gate.authorize(r, policy: policy, now: now))
        XCTAssertThrowsError(try gate.authorize(r, policy: policy, now: now + 10)) {
            guard case .replay = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try gate.authorize(try request("doctor:bob", at: now - 3_600_000), policy: policy, now: now)) {
            guard case .stale = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
    }

    func testForgedRequestFromIdentityWithoutPolicyEntry() throws {
        // §3.2 case 1: eve holds a valid key for her own identity but has no policy entry.
        XCTAssertThrowsError(try gate.authorize(try request("researcher:eve"), policy: policy, now: now)) {
            XCTAssertEqual($0 as? ProtocolError, .policy("researcher:eve has no policy entry for this record"))
        }
        // Eve signs a request naming bob as requester: the key would go to the signer, so it is refused.
        XCTAssertThrowsError(try gate.authorize(try request("researcher:eve", for: "doctor:bob"), policy: policy, now: now)) {
            guard case .verify = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        // Eve's first request had a valid signature, so its nonce was recorded; forgeries below must not be.
        XCTAssertEqual(gate.replayGuard.count, 1)
        // Eve forges bob's envelope with her own key (a signature by another identity).
        let eveKey = try ta.signingKey("researcher:eve")
        let fake = IdentitySigningKey(uncheckedIdentity: try Identity("doctor:bob"), key: eveKey.point)
        let forged = try AccessRequest(recordId: record, requester: try Identity("doctor:bob"))
            .sign(with: fake, context: ta.context, timestamp: now)
        XCTAssertThrowsError(try gate.authorize(forged.encoded, policy: policy, now: now)) {
            guard case .verify = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        // A forged request does not burn a nonce: nothing more was recorded.
        XCTAssertEqual(gate.replayGuard.count, 1)
    }

    func testExpiryRevocationRecordAndPurpose() throws {
        XCTAssertNoThrow(try gate.authorize(try request("doctor:carol"), policy: policy, now: now + 1_000))
        XCTAssertThrowsError(try gate.authorize(try request("doctor:carol", at: now + 60_000), policy: policy,
                                                now: now + 60_000)) {
            XCTAssertEqual($0 as? ProtocolError, .policy("the grant of doctor:carol expired"))
        }
        var revoked = policy!
        revoked.revoke(try Identity("doctor:bob"))
        XCTAssertThrowsError(try gate.authorize(try request("doctor:bob"), policy: revoked, now: now)) {
            XCTAssertEqual($0 as? ProtocolError, .policy("doctor:bob is revoked for this record"))
        }
        XCTAssertThrowsError(try gate.authorize(try request("doctor:bob", record: Array("ledger:record/43".utf8)),
                                                policy: policy, now: now)) {
            XCTAssertEqual($0 as? ProtocolError, .policy("request is for another record"))
        }
        XCTAssertThrowsError(try gate.authorize(try request("doctor:bob", purpose: .ledgerTransaction), policy: policy, now: now)) {
            guard case .param = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
        let otherOwner = AccessPolicy(recordId: record, owner: try Identity("hospital:B"))
        XCTAssertThrowsError(try gate.authorize(try request("doctor:bob"), policy: otherOwner, now: now)) {
            guard case .param = $0 as? ProtocolError else { return XCTFail("\($0)") }
        }
    }

    func testPayloadDecoding() throws {
        let req = try AccessRequest(recordId: [7], requester: try Identity("doctor:bob"))
        XCTAssertEqual(try AccessRequest(payload: req.payload), req)
        XCTAssertThrowsError(try AccessRequest(payload: req.payload + [0]))
        XCTAssertThrowsError(try AccessRequest(payload: Array(req.payload.dropLast())))
        XCTAssertThrowsError(try AccessRequest(recordId: [], requester: try Identity("doctor:bob")))
    }
}
