// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrNode
import EhrStore
import XCTest

/// Stand-in identity verifier: a signature is SHA-256("sig" ‖ identity ‖ message), so a
/// signature over one identity or message never verifies for another.
struct DigestVerifier: IdentitySignatureVerifier {
    static func sign(_ identity: [UInt8], _ message: [UInt8]) -> [UInt8] {
        SHA256.hash(Array("sig".utf8) + [UInt8(truncatingIfNeeded: identity.count)] + identity + message)
    }
    func verify(identity: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool {
        signature == DigestVerifier.sign(identity, message)
    }
}

final class TransactionPoolTests: XCTestCase {
    static let genesisTime: UInt64 = 1_700_000_000_000
    var keys: [NodeSigningKey] = []
    var ledger: Ledger!
    var clock: SlotClock!
    var pool: TransactionPool!
    var nonceCounter = 0

    override func setUpWithError() throws {
        keys = try (0..<4).map { i in try NodeSigningKey(seed: SHA256.hash(Array("node \(i)".utf8))) }
        let genesis = Genesis(
            chainName: Array("pool-test".utf8), genesisTime: Self.genesisTime, slotMillis: 1000, activeProducers: 4,
            seed: SHA256.hash(Array("seed".utf8)),
            nodes: (0..<4).map { Genesis.Node(name: Array("h\($0)".utf8), key: keys[$0].publicKey, stake: 100) })
        clock = SlotClock(genesisTime: Self.genesisTime, slotMillis: 1000)
        clock.pin(Self.genesisTime + 500)
        ledger = try Ledger.inMemory(genesis: genesis, verifier: DigestVerifier(), clock: clock.closure)
        pool = TransactionPool(ledger: ledger, clock: clock, limits: .init(maxCount: 50, maxBytes: 1 << 20))
    }

    func nonce() -> [UInt8] {
        nonceCounter += 1
        return Array(SHA256.hash(Array("n\(nonceCounter)".utf8)).prefix(16))
    }

    func record(_ owner: String, _ id: String) -> Transaction {
        let time = ledger.timestamp(of: clock.nextBlockSlot(tipSlot: ledger.tipSlot))
        var t = RecordTx(
            owner: Array(owner.utf8), recordId: SHA256.hash(Array(id.utf8)), ciphertextSHA256: SHA256.hash(Array(id.utf8)),
            storageURI: Array("ehrstore://x/\(id)".utf8), grants: [], timestamp: time, nonce: nonce())
        t.signature = DigestVerifier.sign(t.owner, t.signingMessage(genesisHash: ledger.genesisHash))
        return .record(t)
    }

    func vote(_ voter: UInt16, sequence: UInt64) throws -> Transaction {
        var t = VoteTx(voter: voter, sequence: sequence, candidates: [0, 1])
        try t.sign(with: keys[Int(voter)], genesisHash: ledger.genesisHash)
        return .vote(t)
    }

    /// Builds the next slot's block from the pool and appends it through the pool.
    @discardableResult
    func produce() throws -> Block {
        let slot = clock.nextBlockSlot(tipSlot: ledger.tipSlot)
        clock.pin(ledger.timestamp(of: slot))
        let producer = try XCTUnwrap(ledger.scheduledProducer(slot: slot))
        let block = try pool.makeBlock(slot: slot, producer: producer, key: keys[Int(producer)])
        XCTAssertEqual(try pool.append(block), .extended)
        return block
    }

    func testDependentTransactionsAdmittedInOrder() throws {
        // Sequence 2 is valid only after sequence 1: admission sees the pooled effects.
        XCTAssertThrowsError(try pool.submit(try vote(1, sequence: 2)))
        try pool.submit(try vote(1, sequence: 1))
        try pool.submit(try vote(1, sequence: 2))
        XCTAssertEqual(pool.count, 2)
        let block = try produce()
        XCTAssertEqual(block.transactions.count, 2)
        XCTAssertEqual(pool.count, 0)
        XCTAssertEqual(pool.bytes, 0)
        XCTAssertEqual(ledger.nextSequence(node: 1), 3)
    }

    func testInvalidAndDuplicateTransactions() throws {
        let r = record("hospital:a", "r1")
        let id = try pool.submit(r)
        XCTAssertEqual(try pool.submit(r), id, "resubmission is idempotent")
        XCTAssertEqual(pool.count, 1)
        // Another transaction creating the same record id is refused by the record rule.
        do {
            try pool.submit(record("hospital:b", "r1"))
            XCTFail("duplicate record id admitted")
        } catch let LedgerError.rejected(rej) {
            XCTAssertEqual(rej.rule, .record)
        }
        // A forged signature is refused.
        guard case var .record(t) = record("hospital:a", "r2") else { return XCTFail() }
        t.signature = DigestVerifier.sign(Array("hospital:z".utf8), t.signingMessage(genesisHash: ledger.genesisHash))
        do {
            try pool.submit(.record(t))
            XCTFail("forged signature admitted")
        } catch let LedgerError.rejected(rej) {
            XCTAssertEqual(rej.rule, .txSignature)
        }
        XCTAssertEqual(pool.count, 1)
    }

    func testLimits() throws {
        let small = TransactionPool(ledger: ledger, clock: clock, limits: .init(maxCount: 2, maxTransactionBytes: 100_000))
        try small.submit(record("a", "1"))
        try small.submit(record("a", "2"))
        XCTAssertThrowsError(try small.submit(record("a", "3"))) { XCTAssertTrue($0 is NodeError) }
        let tiny = TransactionPool(ledger: ledger, clock: clock, limits: .init(maxTransactionBytes: 10))
        XCTAssertThrowsError(try tiny.submit(record("a", "4"))) {
            guard case .transactionTooLarge = $0 as? NodeError else { return XCTFail("\($0)") }
        }
    }

    func testChainCarryingPooledTransactionDropsIt() throws {
        let r = record("hospital:a", "r1")
        try pool.submit(r)
        // Another node's pool-less producer includes the same transaction: the block extends
        // the chain through this pool, which then forgets it.
        let slot = ledger.tipSlot + 1
        clock.pin(ledger.timestamp(of: slot))
        let p = try XCTUnwrap(ledger.scheduledProducer(slot: slot))
        let block = try ledger.makeBlock(slot: slot, producer: p, key: keys[Int(p)], transactions: [r])
        XCTAssertEqual(try pool.append(block), .extended)
        XCTAssertEqual(pool.count, 0)
        XCTAssertFalse(pool.contains(id: r.id))
        // And it cannot come back: the chain already holds the record.
        XCTAssertThrowsError(try pool.submit(r))
    }

    func testWrongProducerRefused() throws {
        let slot = ledger.tipSlot + 1
        let p = try XCTUnwrap(ledger.scheduledProducer(slot: slot))
        let other = (p + 1) % 4
        XCTAssertThrowsError(try pool.makeBlock(slot: slot, producer: other, key: keys[Int(other)]))
        XCTAssertThrowsError(try pool.makeBlock(slot: slot, producer: p, key: keys[Int(other)]))
        XCTAssertNoThrow(try pool.makeBlock(slot: slot, producer: p, key: keys[Int(p)]))
    }
}

/// A verifier that counts `verifyAll` calls, to see that a batch submission checks its identity
/// signatures together.
final class CountingVerifier: IdentitySignatureVerifier, @unchecked Sendable {
    var batches: [Int] = []
    func verify(identity: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool {
        DigestVerifier().verify(identity: identity, message: message, signature: signature)
    }
    func verifyAll(_ claims: [IdentitySignatureClaim]) -> [Bool] {
        batches.append(claims.count)
        return claims.map { verify(identity: $0.identity, message: $0.message, signature: $0.signature) }
    }
}

final class PoolBatchTests: XCTestCase {
    func testBatchSubmissionChecksSignaturesTogetherAndAnswersEach() throws {
        let t0: UInt64 = 1_700_000_000_000
        let keys = try (0..<4).map { i in try NodeSigningKey(seed: SHA256.hash(Array("node \(i)".utf8))) }
        let genesis = Genesis(
            chainName: Array("pool-batch".utf8), genesisTime: t0, slotMillis: 1000, activeProducers: 4,
            seed: SHA256.hash(Array("seed".utf8)),
            nodes: (0..<4).map { Genesis.Node(name: Array("h\($0)".utf8), key: keys[$0].publicKey, stake: 100) })
        let clock = SlotClock(genesisTime: t0, slotMillis: 1000)
        clock.pin(t0 + 500)
        let verifier = CountingVerifier()
        let ledger = try Ledger.inMemory(genesis: genesis, verifier: verifier, clock: clock.closure)
        let pool = TransactionPool(ledger: ledger, clock: clock)
        let time = ledger.timestamp(of: clock.nextBlockSlot(tipSlot: ledger.tipSlot))
        var txs: [Transaction] = []
        for i in 0..<5 {
            var t = RecordTx(
                owner: Array("hospital:\(i)".utf8), recordId: SHA256.hash(Array("r\(i)".utf8)),
                ciphertextSHA256: SHA256.hash(Array("c\(i)".utf8)), storageURI: Array("ehrstore://x/\(i)".utf8), grants: [],
                timestamp: time, nonce: Array(SHA256.hash(Array("n\(i)".utf8)).prefix(16)))
            t.signature = DigestVerifier.sign(t.owner, t.signingMessage(genesisHash: ledger.genesisHash))
            if i == 3 { t.signature[0] ^= 1 }
            txs.append(.record(t))
        }
        let results = pool.submit(batch: txs)
        XCTAssertEqual(verifier.batches, [5], "one batch for the five identity signatures")
        XCTAssertEqual(results.map { (try? $0.get()) != nil }, [true, true, true, false, true])
        if case let .failure(LedgerError.rejected(r)) = results[3] {
            XCTAssertEqual(r.rule, .txSignature)
        } else {
            XCTFail("the forged record must be refused by the signature rule")
        }
        XCTAssertEqual(pool.count, 4)
    }
}
