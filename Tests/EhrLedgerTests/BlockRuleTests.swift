// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrStore
import XCTest

/// One bad block per block rule, each rejected with its rule; the chain is unchanged after.
final class BlockRuleTests: XCTestCase {
    var net: TestNet!

    override func setUpWithError() throws {
        net = try TestNet()
        try net.produce(3)
    }

    /// Re-signs a tampered header with the (claimed) producer's key, so only the tampered rule fails.
    func resigned(_ block: Block) throws -> Block {
        var b = block
        b.signature = try net.key(b.header.producer).sign(b.header.encoded)
        return b
    }

    func assertUnchanged(_ height: UInt64, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(net.ledger.height, height, file: file, line: line)
    }

    func testGoodBlockIsAccepted() throws {
        XCTAssertEqual(try net.ledger.submit(try net.nextBlock()), .extended)
        XCTAssertEqual(net.ledger.height, 4)
    }

    func testWrongHeight() throws {
        var b = try net.nextBlock()
        b.header.height += 1
        assertRejected(.height, try net.ledger.submit(try resigned(b)))
        var c = try net.nextBlock()
        c.header.height = 2
        assertRejected(.height, try net.ledger.submit(try resigned(c)))
        assertUnchanged(3)
    }

    func testWrongPreviousHash() throws {
        var b = try net.nextBlock()
        b.header.previousHash = SHA256.hash([1, 2, 3])
        assertRejected(.link, try net.ledger.submit(try resigned(b)))
        assertUnchanged(3)
    }

    func testTimestampRules() throws {
        // Not after the parent.
        var b = try net.nextBlock()
        b.header.timestamp = net.ledger.tipTimestamp
        assertRejected(.timestamp, try net.ledger.submit(try resigned(b)))
        // Off the slot grid.
        var c = try net.nextBlock()
        c.header.timestamp += 1
        assertRejected(.timestamp, try net.ledger.submit(try resigned(c)))
        // Too far ahead of the local clock.
        let farSlot = net.ledger.slot(of: net.clock.now + 10_000)!
        let d = try net.nextBlock(slot: farSlot)
        assertRejected(.timestamp, try net.ledger.submit(d))
        net.clock.now += 20_000
        XCTAssertEqual(try net.ledger.submit(d), .extended)
    }

    func testWrongProducerForSlot() throws {
        let slot = net.ledger.tipSlot + 1
        let right = try XCTUnwrap(net.ledger.scheduledProducer(slot: slot))
        let wrong = UInt16((Int(right) + 1) % 4)
        let b = try net.ledger.makeBlock(slot: slot, producer: wrong, key: net.key(wrong))
        assertRejected(.producer, try net.ledger.submit(b))
        assertUnchanged(3)
    }

    func testBadProducerSignature() throws {
        var b = try net.nextBlock()
        b.signature[10] ^= 1
        assertRejected(.blockSignature, try net.ledger.submit(b))
        // Signed by another node's key while naming the scheduled producer.
        let other = UInt16((Int(b.header.producer) + 1) % 4)
        b.signature = try net.key(other).sign(b.header.encoded)
        assertRejected(.blockSignature, try net.ledger.submit(b))
        assertUnchanged(3)
    }

    func testMerkleRootMismatch() throws {
        let tx = Transaction.vote(try net.vote(0, [1]))
        var b = try net.nextBlock([tx])
        b.transactions = []
        assertRejected(.merkleRoot, try net.ledger.submit(b))
        var c = try net.nextBlock([tx])
        c.transactions = [.vote(try net.vote(0, [2]))]
        assertRejected(.merkleRoot, try net.ledger.submit(c))
        assertUnchanged(3)
    }

    func testDuplicateBlock() throws {
        let b = try net.nextBlock()
        try net.ledger.submit(b)
        assertRejected(.duplicateBlock, try net.ledger.submit(b))
        XCTAssertEqual(net.ledger.height, 4)
    }

    func testUndecodableBytes() throws {
        let enc = try net.nextBlock().encoded
        assertRejected(.encoding, try net.ledger.submit(bytes: enc + [0]))
        assertRejected(.encoding, try net.ledger.submit(bytes: Array(enc.prefix(50))))
        XCTAssertEqual(try net.ledger.submit(bytes: enc), .extended)
    }

    func testRejectedBlockLeavesNoTrace() throws {
        // A block whose second transaction is bad: the first one's effects must be undone.
        let good = Transaction.vote(try net.vote(0, [1]))
        let bad = Transaction.vote(try net.vote(1, [9]))
        assertRejected(.vote, try net.ledger.submit(try net.nextBlock([good, bad])))
        XCTAssertEqual(net.ledger.vote(of: 0), [])
        XCTAssertEqual(net.ledger.nextSequence(node: 0), 1)
        XCTAssertEqual(try net.ledger.submit(try net.nextBlock([good])), .extended)
        XCTAssertEqual(net.ledger.vote(of: 0), [1])
    }
}
