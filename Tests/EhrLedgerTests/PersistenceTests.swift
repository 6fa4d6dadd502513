// SPDX-License-Identifier: Apache-2.0
import EhrSQLite
import EhrLedger
import EhrStore
import Foundation
import XCTest

/// Durable storage: reopen verifies everything; tampering is found and reported by height.
final class PersistenceTests: XCTestCase {
    var path = ""
    var original: (height: UInt64, tip: [UInt8], lib: UInt64) = (0, [], 0)
    var genesis: Genesis!

    /// A 50-block chain on disk with records, policies and requests; the ledger is closed.
    override func setUpWithError() throws {
        path = temporaryPath("chain.db")
        let net = try TestNet(path: path)
        genesis = net.genesis
        for i in 0..<10 {
            try net.include([.record(net.record(owner: "hospital:a", id: "r\(i)", grants: [AccessGrant(identity: bytes("doctor:b"))]))])
            try net.include([.request(net.request("doctor:b", record: "r\(i)"))])
            try net.produce(3)
        }
        original = (net.ledger.height, net.ledger.tipHash, net.ledger.lastIrreversibleHeight)
        XCTAssertEqual(original.height, 50)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    func open(_ recovery: Ledger.Recovery = .tailOnly) throws -> Ledger {
        try Ledger.open(path: path, genesis: genesis, verifier: HMACVerifier(), clock: { UInt64.max / 2 }, recovery: recovery)
    }

    /// Runs raw SQL on the closed database (as an attacker or a failing disk would).
    func sql(_ body: (SQLiteDatabase) throws -> Void) throws {
        let db = try SQLiteDatabase(path: path)
        try body(db)
    }

    func rowBytes(_ height: Int64, column: String = "bytes") throws -> [UInt8] {
        var out: [UInt8] = []
        try sql { db in
            let s = try db.prepare("SELECT \(column) FROM blocks WHERE height = ?1")
            try s.bind(1, height)
            XCTAssertTrue(try s.step())
            out = s.blob(0)
        }
        return out
    }

    func setRow(_ height: Int64, column: String = "bytes", _ value: [UInt8]) throws {
        try sql { db in
            let s = try db.prepare("UPDATE blocks SET \(column) = ?1 WHERE height = ?2")
            try s.bind(1, value)
            try s.bind(2, height)
            try s.run()
        }
    }

    func assertCorrupt(at height: UInt64, _ recovery: Ledger.Recovery = .tailOnly, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try open(recovery)
            XCTFail("tampering not detected", file: file, line: line)
        } catch let LedgerError.corrupt(h, reason) {
            XCTAssertEqual(h, height, reason, file: file, line: line)
        } catch {
            XCTFail("expected corrupt(\(height)), got \(error)", file: file, line: line)
        }
    }

    // MARK: - Tests

    func testReopenVerifiesAndRestoresState() throws {
        let ledger = try open()
        XCTAssertEqual(ledger.openReport.blocksVerified, 50)
        XCTAssertNil(ledger.openReport.truncatedFrom)
        XCTAssertEqual(ledger.height, original.height)
        XCTAssertEqual(ledger.tipHash, original.tip)
        XCTAssertEqual(ledger.lastIrreversibleHeight, original.lib)
        XCTAssertNotNil(ledger.record(id: SHA256.hash(bytes("r9"))))
        let tx = try ledger.block(height: 2).transactions[0]
        let req = try XCTUnwrap(try ledger.transactionLocation(id: tx.id))
        XCTAssertEqual(req.height, 2)
        XCTAssertEqual(try ledger.transaction(id: tx.id)?.transaction, tx)
        XCTAssertNil(try ledger.transaction(id: SHA256.hash([7])))
    }

    /// A ledger path beginning with `file:` is a plain file, not a SQLite URI: the chain
    /// written under `file:chain.db?mode=memory` is on disk and survives a reopen.
    func testFileColonPathIsAPlainFileNotAURI() throws {
        let dir = (path as NSString).deletingLastPathComponent
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(dir))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let name = "file:chain.db?mode=memory"
        let tip: [UInt8]
        do {
            let net = try TestNet(path: name)
            try net.produce(3)
            XCTAssertEqual(net.ledger.height, 3)
            tip = net.ledger.tipHash
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/" + name))
        let reopened = try Ledger.open(path: name, genesis: genesis, verifier: HMACVerifier(), clock: { UInt64.max / 2 })
        XCTAssertEqual(reopened.height, 3)
        XCTAssertEqual(reopened.tipHash, tip)
    }

    func testFlippedByteAnywhereInABlockIsReportedWithItsHeight() throws {
        let good = try rowBytes(20)
        for position in [0, 5, 7, 20, 45, 60, 90, good.count / 2, good.count - 70, good.count - 1] {
            var bad = good
            bad[position] ^= 0x01
            try setRow(20, bad)
            assertCorrupt(at: 20)
            // Also with the checksum recomputed: the hash link, Merkle root or signature still catches it.
            let goodSum = try rowBytes(20, column: "checksum")
            try setRow(20, column: "checksum", SHA256.hash(bad))
            assertCorrupt(at: 20)
            try setRow(20, column: "checksum", goodSum)
        }
        try setRow(20, good)
        XCTAssertEqual(try open().height, 50)
    }

    func testFlippedHashOrChecksumColumn() throws {
        var h = try rowBytes(33, column: "hash")
        h[3] ^= 0x40
        try setRow(33, column: "hash", h)
        assertCorrupt(at: 33)
        h[3] ^= 0x40
        try setRow(33, column: "hash", h)
        var sum = try rowBytes(34, column: "checksum")
        sum[0] ^= 1
        try setRow(34, column: "checksum", sum)
        assertCorrupt(at: 34)
    }

    func testReplacedBlockWithValidSignatureIsStillCaught() throws {
        // A different, correctly signed block at height 20 breaks the link from block 21.
        let net = try TestNet()
        let stored = try open()
        for hgt in UInt64(1)...19 { try net.ledger.submit(try stored.block(height: hgt)) }
        let other = try net.nextBlock(slot: net.ledger.tipSlot + 3)
        try setRow(20, other.encoded)
        try setRow(20, column: "checksum", SHA256.hash(other.encoded))
        try setRow(20, column: "hash", other.hash)
        assertCorrupt(at: 21)
    }

    func testTamperedGenesisRow() throws {
        var g = try rowBytes(0)
        g[g.count - 1] ^= 1  // the last node's stake
        try setRow(0, g)
        assertCorrupt(at: 0)
        try setRow(0, column: "checksum", SHA256.hash(g))
        assertCorrupt(at: 0)
    }

    func testMissingBlockInTheMiddle() throws {
        try sql { db in try db.execute("DELETE FROM blocks WHERE height = 20") }
        assertCorrupt(at: 20)
    }

    func testBadTailIsCutAndReported() throws {
        var bad = try rowBytes(50)
        bad[bad.count - 3] ^= 0xFF
        try setRow(50, bad)
        let ledger = try open()
        XCTAssertEqual(ledger.openReport.truncatedFrom, 50)
        XCTAssertNotNil(ledger.openReport.truncationReason)
        XCTAssertEqual(ledger.height, 49)
        // The cut is durable and the chain extends again.
        let again = try open()
        XCTAssertNil(again.openReport.truncatedFrom)
        XCTAssertEqual(again.height, 49)
    }

    func testNoRecoveryModeChangesNothing() throws {
        var bad = try rowBytes(50)
        bad[30] ^= 1
        try setRow(50, bad)
        assertCorrupt(at: 50, .none)
        XCTAssertEqual(try rowBytes(50), bad, "nothing was deleted")
    }

    func testExplicitTruncateRepairsAtTheFirstBadBlock() throws {
        var bad = try rowBytes(20)
        bad[30] ^= 1
        try setRow(20, bad)
        assertCorrupt(at: 20)
        let ledger = try open(.truncate)
        XCTAssertEqual(ledger.height, 19)
        XCTAssertEqual(ledger.openReport.truncatedFrom, 20)
    }

    func testOtherChainOrNoGenesis() throws {
        var other = genesis!
        other.chainName = bytes("another")
        assertRejected(.genesis, try Ledger.open(path: path, genesis: other, verifier: HMACVerifier(), clock: { 0 }))
        XCTAssertEqual(try Ledger.open(path: path, verifier: HMACVerifier(), clock: { UInt64.max / 2 }).height, 50)
        let empty = temporaryPath("empty.db")
        XCTAssertThrowsError(try Ledger.open(path: empty, verifier: HMACVerifier(), clock: { 0 })) { error in
            guard case LedgerError.notFound = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try Ledger.open(path: "/nonexistent/dir/x.db", genesis: genesis, verifier: HMACVerifier(), clock: { 0 })) {
            error in
            guard case LedgerError.storage = error else { return XCTFail("\(error)") }
        }
    }

    /// Flips bytes of the database file itself. Each outcome must be a typed error, or a
    /// chain identical to the original (the flip hit unused space), or a reported cut.
    func testFlippedBytesInTheDatabaseFile() throws {
        let pristine = try Data(contentsOf: URL(fileURLWithPath: path))
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        XCTAssertEqual(wal, 0, "closing the ledger checkpoints the WAL into the main file")
        var outcomes: [String: Int] = [:]
        var rng = SystemRandomNumberGenerator()
        var offsets = [0, 16, 18, 28, 40, 100, 4096, 4096 + 8, pristine.count - 1]
        for _ in 0..<40 { offsets.append(Int.random(in: 0..<pristine.count, using: &rng)) }
        for offset in offsets {
            var damaged = pristine
            damaged[offset] ^= 0x5A
            try damaged.write(to: URL(fileURLWithPath: path))
            try? FileManager.default.removeItem(atPath: path + "-wal")
            try? FileManager.default.removeItem(atPath: path + "-shm")
            do {
                let ledger = try open(.none)
                let same = ledger.height == original.height && ledger.tipHash == original.tip
                XCTAssertTrue(same, "flip at \(offset) silently changed the chain")
                outcomes["unchanged", default: 0] += 1
            } catch let LedgerError.corrupt(h, _) {
                outcomes["corrupt(\(h.map(String.init) ?? "file"))", default: 0] += 1
            } catch let LedgerError.storage(message) {
                outcomes["storage", default: 0] += 1
                print("flip at \(offset): storage error: \(message)")
            } catch LedgerError.rejected(let r) where r.rule == .genesis {
                outcomes["genesis", default: 0] += 1
            } catch {
                XCTFail("flip at \(offset): unexpected \(error)")
            }
        }
        print("file flip outcomes:", outcomes.sorted { $0.key < $1.key })
        try pristine.write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try open().height, 50)
    }
}

/// Auditing an open ledger against its own storage.
final class AuditTests: XCTestCase {
    func testVerifyStoredChainWhileOpen() throws {
        let path = temporaryPath("audit.db")
        let net = try TestNet(path: path)
        try net.produce(30)
        XCTAssertEqual(try net.ledger.verifyStoredChain(), 30)
        // Another connection flips a byte of block 12 under the open ledger.
        let db = try SQLiteDatabase(path: path)
        let read = try db.prepare("SELECT bytes FROM blocks WHERE height = 12")
        XCTAssertTrue(try read.step())
        var bytes = read.blob(0)
        read.reset()
        bytes[40] ^= 0x08
        let upd = try db.prepare("UPDATE blocks SET bytes = ?1, checksum = ?2 WHERE height = 12")
        try upd.bind(1, bytes)
        try upd.bind(2, SHA256.hash(bytes))
        try upd.run()
        XCTAssertThrowsError(try net.ledger.verifyStoredChain()) { error in
            guard case let LedgerError.corrupt(h, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(h, 12)
        }
        XCTAssertThrowsError(try net.ledger.block(height: 12))
    }
}

/// Building blocks from a pool of candidate transactions.
final class BlockBuilderTests: XCTestCase {
    func testInvalidCandidatesAreSkippedWithTheirReasons() throws {
        let net = try TestNet()
        try net.produce(1)
        let record = net.record(owner: "hospital:a", id: "r", grants: [AccessGrant(identity: bytes("doctor:b"))])
        let n = net.nonce()
        let candidates: [Transaction] = [
            .record(record),
            .request(net.request("doctor:b", record: "r", nonce: n)),  // depends on the record above
            .request(net.request("doctor:c", record: "r")),  // never granted
            .request(net.request("doctor:b", record: "r", nonce: n)),  // nonce reused in the block
            .vote(try net.vote(0, [1])),
            .vote(try net.vote(0, [2])),  // same sequence number again
            .policy(net.policy(owner: "doctor:b", record: "r", .grant, subject: "x")),  // not the owner
        ]
        let slot = net.ledger.tipSlot + 1
        let producer = try XCTUnwrap(net.ledger.scheduledProducer(slot: slot))
        let before = net.ledger.height
        let (block, rejected) = try net.ledger.makeBlock(slot: slot, producer: producer, key: net.key(producer), selecting: candidates)
        XCTAssertEqual(net.ledger.height, before, "selection is a dry run")
        XCTAssertNil(net.ledger.record(id: record.recordId))
        XCTAssertEqual(block.transactions, [candidates[0], candidates[1], candidates[4]])
        XCTAssertEqual(rejected.map(\.index), [2, 3, 5, 6])
        XCTAssertEqual(rejected.map(\.rejection.rule), [.policy, .replay, .sequence, .ownership])
        XCTAssertEqual(try net.ledger.submit(block), .extended)
        XCTAssertNotNil(net.ledger.record(id: record.recordId))
    }
}

/// Catch-up sync: many blocks in one durable write.
final class BatchTests: XCTestCase {
    func testBatchAppendKeepsTheValidPrefix() throws {
        let source = try TestNet()
        try source.produce(60)
        let path = temporaryPath("batch.db")
        let sink = try TestNet(path: path)
        var blocks = try (1...60).map { try source.ledger.block(height: UInt64($0)) }
        XCTAssertEqual(try sink.ledger.submit(batch: Array(blocks[0..<30])).appended, 30)
        blocks[44].signature[5] ^= 1
        let (appended, rejection) = try sink.ledger.submit(batch: Array(blocks[30...]))
        XCTAssertEqual(appended, 14)
        XCTAssertEqual(rejection?.rule, .blockSignature)
        XCTAssertEqual(sink.ledger.height, 44)
        assertRejected(.blockSignature, try sink.ledger.submit(batch: [blocks[44]]))
        XCTAssertGreaterThanOrEqual(sink.ledger.lastIrreversibleHeight, 40)
        let reopened = try Ledger.open(path: path, verifier: HMACVerifier(), clock: { UInt64.max / 2 })
        XCTAssertEqual(reopened.height, 44)
        XCTAssertEqual(reopened.tipHash, blocks[43].hash)
    }
}
