// SPDX-License-Identifier: Apache-2.0
import COpenSSL
import EhrLedger
import EhrStore
import Foundation
import XCTest

/// Stand-in for the Cha–Cheon verifier: HMAC-SHA256 under a key derived from the identity.
/// A signature verifies only if made with that identity's key over exactly that message.
struct HMACVerifier: IdentitySignatureVerifier {
    static func key(_ identity: [UInt8]) -> [UInt8] {
        SHA256.hash(parts: [Array("test identity key|".utf8), identity])
    }

    static func sign(identity: [UInt8], message: [UInt8]) -> [UInt8] {
        let key = key(identity)
        var out = [UInt8](repeating: 0, count: 32)
        var outLen = 0
        let ok = EVP_Q_mac(nil, "HMAC", nil, "SHA256", nil, key, key.count, message, message.count, &out, 32, &outLen)
        return ok == nil ? [] : out
    }

    func verify(identity: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool {
        let expected = HMACVerifier.sign(identity: identity, message: message)
        return !expected.isEmpty && expected == signature
    }
}

/// A clock the test moves by hand.
final class ManualClock: @unchecked Sendable {
    var now: UInt64
    init(_ now: UInt64) { self.now = now }
    var closure: @Sendable () -> UInt64 { { [unowned self] in self.now } }
}

func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// A small consortium: n nodes with deterministic keys, K active producers, 1-second slots.
final class TestNet {
    static let genesisTime: UInt64 = 1_700_000_000_000
    let keys: [NodeSigningKey]
    let genesis: Genesis
    let clock: ManualClock
    var ledger: Ledger
    var extraKeys: [UInt16: NodeSigningKey] = [:]
    private var nonceCounter: UInt32 = 0

    init(nodes n: Int = 4, k: Int = 4, stakes: [UInt64]? = nil, path: String? = nil) throws {
        let keys = try (0..<n).map { i in try NodeSigningKey(seed: SHA256.hash(bytes("node seed \(i)"))) }
        self.keys = keys
        genesis = Genesis(
            chainName: bytes("test-consortium"), genesisTime: TestNet.genesisTime, slotMillis: 1000,
            activeProducers: UInt16(k), seed: SHA256.hash(bytes("round seed")),
            nodes: (0..<n).map { i in
                Genesis.Node(name: bytes("hospital-\(i)"), key: keys[i].publicKey, stake: stakes?[i] ?? 100)
            })
        clock = ManualClock(TestNet.genesisTime + 1_000_000_000)
        if let path {
            ledger = try Ledger.open(path: path, genesis: genesis, verifier: HMACVerifier(), clock: clock.closure)
        } else {
            ledger = try Ledger.inMemory(genesis: genesis, verifier: HMACVerifier(), clock: clock.closure)
        }
    }

    func key(_ node: UInt16) -> NodeSigningKey {
        Int(node) < keys.count ? keys[Int(node)] : extraKeys[node] ?? keys[0]
    }

    /// The next slot's block from its scheduled producer, not submitted.
    func nextBlock(_ txs: [Transaction] = [], slot: UInt64? = nil) throws -> Block {
        let s = slot ?? ledger.tipSlot + 1
        let p = try XCTUnwrap(ledger.scheduledProducer(slot: s))
        return try ledger.makeBlock(slot: s, producer: p, key: key(p), transactions: txs)
    }

    /// Produces and submits `count` blocks, skipping slots of `offline` producers.
    @discardableResult
    func produce(_ count: Int, offline: Set<UInt16> = []) throws -> [Block] {
        var made: [Block] = []
        var slot = ledger.tipSlot + 1
        while made.count < count {
            let p = try XCTUnwrap(ledger.scheduledProducer(slot: slot))
            if !offline.contains(p) {
                let b = try ledger.makeBlock(slot: slot, producer: p, key: key(p), transactions: [])
                XCTAssertEqual(try ledger.submit(b), .extended)
                made.append(b)
            }
            slot += 1
        }
        return made
    }

    /// Submits one block carrying `txs`; returns it.
    @discardableResult
    func include(_ txs: [Transaction]) throws -> Block {
        let b = try nextBlock(txs)
        XCTAssertEqual(try ledger.submit(b), .extended)
        return b
    }

    /// The timestamp the next block will carry.
    var nextTime: UInt64 { ledger.timestamp(of: ledger.tipSlot + 1) }

    func nonce() -> [UInt8] {
        nonceCounter += 1
        return Array(SHA256.hash(bytes("nonce \(nonceCounter)")).prefix(16))
    }

    // MARK: - Signed transactions

    func record(owner: String, id: String, grants: [AccessGrant] = [], time: UInt64? = nil) -> RecordTx {
        var t = RecordTx(
            owner: bytes(owner), recordId: SHA256.hash(bytes(id)), ciphertextSHA256: SHA256.hash(bytes("ct " + id)),
            storageURI: bytes("ehrstore://h0/" + Hex.encode(SHA256.hash(bytes("ct " + id)))), grants: grants,
            timestamp: time ?? nextTime, nonce: nonce())
        t.signature = HMACVerifier.sign(identity: t.owner, message: t.signingMessage(genesisHash: ledger.genesisHash))
        return t
    }

    func policy(owner: String, record: String, _ action: PolicyTx.Action, subject: String, expiresAt: UInt64? = nil)
        -> PolicyTx
    {
        var t = PolicyTx(
            owner: bytes(owner), recordId: SHA256.hash(bytes(record)), action: action, subject: bytes(subject),
            expiresAt: expiresAt, timestamp: nextTime, nonce: nonce())
        t.signature = HMACVerifier.sign(identity: t.owner, message: t.signingMessage(genesisHash: ledger.genesisHash))
        return t
    }

    func request(_ requester: String, record: String, proxies: UInt8 = 1, time: UInt64? = nil, nonce n: [UInt8]? = nil)
        -> RequestTx
    {
        var t = RequestTx(
            requester: bytes(requester), recordId: SHA256.hash(bytes(record)), proxyCount: proxies,
            timestamp: time ?? nextTime, nonce: n ?? nonce())
        t.signature = HMACVerifier.sign(identity: t.requester, message: t.signingMessage(genesisHash: ledger.genesisHash))
        return t
    }

    func vote(_ voter: UInt16, _ candidates: [UInt16], sequence: UInt64? = nil) throws -> VoteTx {
        var t = VoteTx(voter: voter, sequence: sequence ?? ledger.nextSequence(node: voter) ?? 1, candidates: candidates)
        try t.sign(with: key(voter), genesisHash: ledger.genesisHash)
        return t
    }

    func receipt(_ proxy: UInt16, request: [UInt8]) throws -> ReceiptTx {
        var t = ReceiptTx(proxy: proxy, requestId: request, reencryptedHash: SHA256.hash(bytes("reenc")))
        try t.sign(with: key(proxy), genesisHash: ledger.genesisHash)
        return t
    }
}

/// Asserts that `body` throws `LedgerError.rejected` with `rule`.
func assertRejected<T>(
    _ rule: ValidationRule, _ body: @autoclosure () throws -> T, file: StaticString = #filePath, line: UInt = #line
) {
    do {
        _ = try body()
        XCTFail("expected rejection by rule \(rule)", file: file, line: line)
    } catch let LedgerError.rejected(r) {
        XCTAssertEqual(r.rule, rule, "reason: \(r.reason)", file: file, line: line)
        XCTAssertFalse(r.reason.isEmpty, file: file, line: line)
    } catch {
        XCTFail("expected rejection by rule \(rule), got \(error)", file: file, line: line)
    }
}

func temporaryPath(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ehrledger-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
}
