// SPDX-License-Identifier: Apache-2.0
import EhrSQLite
import EhrLedger
import EhrStore
import XCTest

/// One bad transaction per transaction rule, each rejected (inside a block) with its rule.
final class TransactionRuleTests: XCTestCase {
    var net: TestNet!
    var ledger: Ledger { net.ledger }

    override func setUpWithError() throws {
        net = try TestNet()
        try net.produce(1)
        // A record owned by hospital:a, readable by doctor:b.
        try net.include([.record(net.record(owner: "hospital:a", id: "r1", grants: [AccessGrant(identity: bytes("doctor:b"))]))])
    }

    func rejects(_ rule: ValidationRule, _ txs: [Transaction], file: StaticString = #filePath, line: UInt = #line) throws {
        let h = ledger.height
        assertRejected(rule, try ledger.submit(try net.nextBlock(txs)), file: file, line: line)
        XCTAssertEqual(ledger.height, h, file: file, line: line)
    }

    // MARK: - Record and ownership

    func testRecordPublishedWithPolicy() throws {
        let r = try XCTUnwrap(ledger.record(id: SHA256.hash(bytes("r1"))))
        XCTAssertEqual(r.owner, bytes("hospital:a"))
        XCTAssertEqual(r.height, 2)
        let g = try XCTUnwrap(ledger.grant(record: SHA256.hash(bytes("r1")), identity: bytes("doctor:b")))
        XCTAssertNil(g.expiresAt)
        XCTAssertFalse(g.revoked)
    }

    func testForgedIdentitySignature() throws {
        var t = net.record(owner: "hospital:a", id: "r2")
        t.signature = HMACVerifier.sign(identity: bytes("hospital:x"), message: t.signingMessage(genesisHash: ledger.genesisHash))
        try rejects(.txSignature, [.record(t)])
        var u = net.record(owner: "hospital:a", id: "r2")
        u.storageURI = bytes("ehrstore://evil/00")  // changed after signing
        try rejects(.txSignature, [.record(u)])
        var v = net.record(owner: "hospital:a", id: "r2")
        v.signature = []
        try rejects(.txSignature, [.record(v)])
    }

    func testSignatureFromAnotherChainIsRejected() throws {
        var t = net.record(owner: "hospital:a", id: "r2")
        t.signature = HMACVerifier.sign(identity: t.owner, message: t.signingMessage(genesisHash: SHA256.hash([0])))
        try rejects(.txSignature, [.record(t)])
    }

    func testDuplicateRecordId() throws {
        try rejects(.record, [.record(net.record(owner: "hospital:z", id: "r1"))])
    }

    func testPolicyOnUnknownRecord() throws {
        try rejects(.record, [.policy(net.policy(owner: "hospital:a", record: "nope", .grant, subject: "doctor:c"))])
    }

    func testOnlyOwnerChangesPolicy() throws {
        try rejects(.ownership, [.policy(net.policy(owner: "doctor:b", record: "r1", .grant, subject: "doctor:c"))])
    }

    func testBadIdentityEncoding() throws {
        var t = net.record(owner: "hospital:a", id: "r2")
        t.owner = [0xFF, 0xFE]
        t.signature = HMACVerifier.sign(identity: t.owner, message: t.signingMessage(genesisHash: ledger.genesisHash))
        try rejects(.encoding, [.record(t)])
    }

    func testFieldsBeyondTheirWireLimitsAreRejected() throws {
        var t = net.record(owner: "hospital:a", id: "r2")
        t.storageURI = [UInt8](repeating: 0x61, count: 2000)
        t.signature = HMACVerifier.sign(identity: t.owner, message: t.signingMessage(genesisHash: ledger.genesisHash))
        try rejects(.encoding, [.record(t)])
        var n = net.record(owner: "hospital:a", id: "r2")
        n.nonce = [1, 2, 3]
        try rejects(.encoding, [.record(n)])
        var d = DKGTx(sender: 1, sequence: 1, messageType: 2, payload: [UInt8](repeating: 0, count: (1 << 20) + 1))
        try d.sign(with: net.key(1), genesisHash: ledger.genesisHash)
        try rejects(.encoding, [.dkg(d)])
        var g = net.record(owner: "hospital:a", id: "r2", grants: [AccessGrant(identity: [UInt8](repeating: 0x62, count: 70_000))])
        g.signature = HMACVerifier.sign(identity: g.owner, message: g.signingMessage(genesisHash: ledger.genesisHash))
        try rejects(.encoding, [.record(g)])
    }

    // MARK: - Requests and policy

    func testOwnerAndGranteeMayRequest() throws {
        try net.include([.request(net.request("hospital:a", record: "r1")), .request(net.request("doctor:b", record: "r1"))])
    }

    func testRequestOnUnknownRecord() throws {
        try rejects(.record, [.request(net.request("doctor:b", record: "nope"))])
    }

    func testRequestNeverGranted() throws {
        try rejects(.policy, [.request(net.request("doctor:c", record: "r1"))])
    }

    func testRequestAfterRevoke() throws {
        try net.include([.policy(net.policy(owner: "hospital:a", record: "r1", .revoke, subject: "doctor:b"))])
        XCTAssertEqual(ledger.grant(record: SHA256.hash(bytes("r1")), identity: bytes("doctor:b"))?.revoked, true)
        try rejects(.policy, [.request(net.request("doctor:b", record: "r1"))])
        // Re-granting restores access.
        try net.include([.policy(net.policy(owner: "hospital:a", record: "r1", .grant, subject: "doctor:b"))])
        try net.include([.request(net.request("doctor:b", record: "r1"))])
    }

    func testRevokeWithoutGrant() throws {
        try rejects(.policy, [.policy(net.policy(owner: "hospital:a", record: "r1", .revoke, subject: "doctor:c"))])
    }

    func testRequestAfterExpiry() throws {
        let expiry = net.nextTime + 2_000
        try net.include([.policy(net.policy(owner: "hospital:a", record: "r1", .grant, subject: "doctor:c", expiresAt: expiry))])
        try net.include([.request(net.request("doctor:c", record: "r1"))])  // still valid
        try net.produce(2)  // now past the expiry
        XCTAssertGreaterThanOrEqual(net.nextTime, expiry)
        try rejects(.policy, [.request(net.request("doctor:c", record: "r1"))])
    }

    func testGrantThatAlreadyExpired() throws {
        try rejects(.policy, [.policy(net.policy(owner: "hospital:a", record: "r1", .grant, subject: "doctor:c", expiresAt: 5))])
    }

    func testStaleTimestamp() throws {
        let window = UInt64(net.genesis.replayWindowMillis)
        try rejects(.stale, [.request(net.request("doctor:b", record: "r1", time: net.nextTime - window - 1))])
        try rejects(.stale, [.request(net.request("doctor:b", record: "r1", time: net.nextTime + window + 1))])
        try net.include([.request(net.request("doctor:b", record: "r1", time: net.nextTime - window))])
    }

    func testReusedNonce() throws {
        let n = net.nonce()
        try net.include([.request(net.request("doctor:b", record: "r1", nonce: n))])
        try rejects(.replay, [.request(net.request("doctor:b", record: "r1", nonce: n))])
        // The same nonce in two transactions of one block.
        let m = net.nonce()
        try rejects(.replay, [.request(net.request("doctor:b", record: "r1", nonce: m)), .request(net.request("doctor:b", record: "r1", nonce: m))])
        // Nonces are per signer: another identity may use the same bytes.
        try net.include([.request(net.request("hospital:a", record: "r1", nonce: n))])
    }

    func testProxyThresholdOutOfRange() throws {
        try rejects(.parameter, [.request(net.request("doctor:b", record: "r1", proxies: 0))])
        try rejects(.parameter, [.request(net.request("doctor:b", record: "r1", proxies: 5))])
    }

    // MARK: - Receipts

    func testReceiptsFromChosenProxiesOnly() throws {
        let req = net.request("doctor:b", record: "r1", proxies: 2)
        let block = try net.include([.request(req)])
        let id = Transaction.request(req).id
        let info = try XCTUnwrap(ledger.request(id: id))
        XCTAssertEqual(info.proxies.count, 2)
        // t'=2 proxies: the including slot's producer and the next one in the schedule.
        XCTAssertEqual(info.proxies[0], block.header.producer)
        XCTAssertEqual(Set(info.proxies).count, 2)
        let outsider = try XCTUnwrap((0..<4).map(UInt16.init).first { !info.proxies.contains($0) })
        try rejects(.receipt, [.receipt(try net.receipt(outsider, request: id))])
        try rejects(.receipt, [.receipt(try net.receipt(info.proxies[0], request: SHA256.hash([1])))])
        try net.include([.receipt(try net.receipt(info.proxies[0], request: id))])
        try rejects(.receipt, [.receipt(try net.receipt(info.proxies[0], request: id))])
        var forged = try net.receipt(info.proxies[1], request: id)
        forged.signature = try net.key(outsider).sign(forged.signingMessage(genesisHash: ledger.genesisHash))
        try rejects(.txSignature, [.receipt(forged)])
        try net.include([.receipt(try net.receipt(info.proxies[1], request: id))])
        XCTAssertEqual(ledger.request(id: id)?.receipts.count, 2)
    }

    // MARK: - Node transactions

    func testVoteRules() throws {
        try rejects(.vote, [.vote(try net.vote(0, [0, 1, 2, 3, 0]))])  // more than K
        try rejects(.vote, [.vote(try net.vote(0, [1, 1]))])
        try rejects(.vote, [.vote(try net.vote(0, [7]))])
        try rejects(.node, [.vote(try net.vote(9, [1]))])
        var v = try net.vote(0, [1])
        v.signature = try net.key(1).sign(v.signingMessage(genesisHash: ledger.genesisHash))
        try rejects(.txSignature, [.vote(v)])
    }

    func testSequenceRules() throws {
        let v1 = try net.vote(0, [1])
        try net.include([.vote(v1)])
        try rejects(.sequence, [.vote(v1)])  // replayed
        try rejects(.sequence, [.vote(try net.vote(0, [2], sequence: 5))])  // gap
        try net.include([.vote(try net.vote(0, [2]))])
        XCTAssertEqual(ledger.vote(of: 0), [2])
    }

    func testRegisterRules() throws {
        let newKey = try NodeSigningKey(seed: SHA256.hash(bytes("new node")))
        func register(name: String = "clinic", key: NodeSigningKey? = nil, stake: UInt64 = 40, sponsor: UInt16 = 0)
            throws -> RegisterTx
        {
            let k = key ?? newKey
            var t = RegisterTx(
                sponsor: sponsor, sponsorSequence: ledger.nextSequence(node: sponsor) ?? 1, name: bytes(name),
                nodeKey: k.publicKey, stake: stake)
            try t.sign(sponsorKey: net.key(sponsor), nodeKey: k, genesisHash: ledger.genesisHash)
            return t
        }
        try rejects(.stake, [.register(try register(stake: 101))])
        try rejects(.stake, [.register(try register(stake: 0))])
        try rejects(.node, [.register(try register(name: "hospital-1"))])
        try rejects(.node, [.register(try register(key: net.keys[2]))])
        var noProof = try register()
        noProof.nodeSignature = try net.keys[3].sign(noProof.signingMessage(genesisHash: ledger.genesisHash))
        try rejects(.txSignature, [.register(noProof)])
        try net.include([.register(try register())])
        XCTAssertEqual(ledger.nodeCount, 5)
        XCTAssertEqual(ledger.node(4)?.stake, 40)
        XCTAssertEqual(ledger.node(0)?.stake, 60)
        XCTAssertEqual(ledger.nodeIndex(name: bytes("clinic")), 4)
    }

    func testDKGBroadcast() throws {
        var d = DKGTx(sender: 1, sequence: 1, messageType: 0x02, payload: [UInt8](repeating: 7, count: 200))
        try d.sign(with: net.key(1), genesisHash: ledger.genesisHash)
        var bad = d
        bad.payload[0] ^= 1
        try rejects(.txSignature, [.dkg(bad)])
        try net.include([.dkg(d)])
        try rejects(.sequence, [.dkg(d)])
        XCTAssertEqual(ledger.nextSequence(node: 1), 2)
    }
}

/// The chain and the record store together: readers re-hash against the on-chain digest.
final class RecordStoreIntegrationTests: XCTestCase {
    func testEnvelopeIsFetchedAndCheckedAgainstTheChain() throws {
        let net = try TestNet()
        let path = temporaryPath("records.db")
        let store = try SQLiteRecordStore(path: path, name: "hospital-a")
        let envelope = [UInt8](repeating: 0xAB, count: 5000)
        let address = try store.put(envelope)
        var t = RecordTx(
            owner: bytes("hospital:a"), recordId: SHA256.hash(bytes("scan")), ciphertextSHA256: address.sha256,
            storageURI: bytes(address.uri), grants: [], timestamp: net.nextTime, nonce: net.nonce())
        t.signature = HMACVerifier.sign(identity: t.owner, message: t.signingMessage(genesisHash: net.ledger.genesisHash))
        try net.include([.record(t)])
        XCTAssertEqual(try net.ledger.fetchEnvelope(recordId: t.recordId, from: store), envelope)
        // A record whose on-chain digest differs from what the store holds under that URI.
        let other = try store.put([1, 2, 3])
        var u = RecordTx(
            owner: bytes("hospital:a"), recordId: SHA256.hash(bytes("other")), ciphertextSHA256: address.sha256,
            storageURI: bytes(other.uri), grants: [], timestamp: net.nextTime, nonce: net.nonce())
        u.signature = HMACVerifier.sign(identity: u.owner, message: u.signingMessage(genesisHash: net.ledger.genesisHash))
        try net.include([.record(u)])
        XCTAssertThrowsError(try net.ledger.fetchEnvelope(recordId: u.recordId, from: store))
        // Tampered bytes in the store.
        let db = try SQLiteDatabase(path: path)
        let upd = try db.prepare("UPDATE envelopes SET bytes = ?1 WHERE sha256 = ?2")
        try upd.bind(1, [UInt8](repeating: 0xAC, count: 5000))
        try upd.bind(2, address.sha256)
        try upd.run()
        XCTAssertThrowsError(try net.ledger.fetchEnvelope(recordId: t.recordId, from: store)) { error in
            XCTAssertEqual(error as? StoreError, .corrupt("envelope \(Hex.encode(address.sha256)) does not hash to its address"))
        }
        XCTAssertThrowsError(try net.ledger.fetchEnvelope(recordId: SHA256.hash([0]), from: store))
    }
}
