// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrStore
import XCTest

/// Fork choice: longest valid chain, rollback on an invalid branch, never past the LIB.
final class ForkTests: XCTestCase {
    /// A second node with the same genesis that has seen the first `height` blocks of `net`.
    func follower(of net: TestNet, upTo height: UInt64) throws -> TestNet {
        let other = try TestNet(nodes: net.keys.count, k: Int(net.genesis.activeProducers))
        if height > 0 { for h in 1...height { try other.ledger.submit(try net.ledger.block(height: h)) } }
        return other
    }

    func testLongerForkReplacesReversibleBlocks() throws {
        let a = try TestNet()
        try a.produce(10)
        let b = try follower(of: a, upTo: 10)
        let oldTip = try a.produce(1)[0]
        XCTAssertLessThan(a.ledger.lastIrreversibleHeight, 10)
        // b skips a's slot and builds two blocks in the following slots.
        let slot = b.ledger.tipSlot + 2
        let b1 = try b.nextBlock(slot: slot)
        try b.ledger.submit(b1)
        let b2 = try b.nextBlock()
        try b.ledger.submit(b2)
        XCTAssertEqual(try a.ledger.submit(b1), .sideBranch)
        XCTAssertEqual(a.ledger.tipHash, oldTip.hash, "equal height: the current chain stays")
        XCTAssertEqual(try a.ledger.submit(b2), .reorganized(forkHeight: 10, replaced: 1))
        XCTAssertEqual(a.ledger.tipHash, b2.hash)
        XCTAssertEqual(a.ledger.height, 12)
        XCTAssertEqual(try a.ledger.block(height: 11), b1)
        // The replaced block is remembered as a side block and cannot come back in.
        assertRejected(.duplicateBlock, try a.ledger.submit(oldTip))
        // a keeps going on the new chain, and b accepts what a builds.
        let next = try a.produce(1)[0]
        XCTAssertEqual(try b.ledger.submit(next), .extended)
    }

    func testInvalidForkIsRejectedAndTheChainRestored() throws {
        let a = try TestNet()
        try a.produce(10)
        let b = try follower(of: a, upTo: 10)
        try a.include([.vote(try a.vote(0, [1]))])
        let tip = a.ledger.tipHash
        let b1 = try b.nextBlock(slot: b.ledger.tipSlot + 2)
        try b.ledger.submit(b1)
        var b2 = try b.nextBlock()
        b2.signature[0] ^= 0x80
        XCTAssertEqual(try a.ledger.submit(b1), .sideBranch)
        assertRejected(.blockSignature, try a.ledger.submit(b2))
        XCTAssertEqual(a.ledger.tipHash, tip)
        XCTAssertEqual(a.ledger.height, 11)
        XCTAssertEqual(a.ledger.vote(of: 0), [1], "state of the kept chain restored")
        try a.produce(3)
        XCTAssertEqual(a.ledger.height, 14)
    }

    func testForkBelowTheIrreversibleBlockIsRejected() throws {
        let a = try TestNet()
        try a.produce(5)
        let b = try follower(of: a, upTo: 5)
        try a.produce(15)
        let lib = a.ledger.lastIrreversibleHeight
        XCTAssertGreaterThan(lib, 10)
        let tip = a.ledger.tipHash
        // b builds a much longer chain from height 5, skipping a's first slot after it.
        try b.produce(1, offline: [try XCTUnwrap(b.ledger.scheduledProducer(slot: b.ledger.tipSlot + 1))])
        try b.produce(40)
        XCTAssertGreaterThan(b.ledger.height, a.ledger.height)
        assertRejected(.irreversible, try a.ledger.submit(try b.ledger.block(height: 6)))
        for h in 7...b.ledger.height {
            XCTAssertThrowsError(try a.ledger.submit(try b.ledger.block(height: h)))
        }
        XCTAssertEqual(a.ledger.tipHash, tip)
        XCTAssertEqual(a.ledger.lastIrreversibleHeight, lib)
        XCTAssertEqual(try a.ledger.block(height: 6).header.previousHash, try a.ledger.block(height: 5).hash)
    }

    func testSideBranchOvertakenByFinalityIsDead() throws {
        let a = try TestNet()
        try a.produce(10)
        let b = try follower(of: a, upTo: 10)
        try a.produce(1)
        let b1 = try b.nextBlock(slot: b.ledger.tipSlot + 2)
        try b.ledger.submit(b1)
        try b.produce(20)
        XCTAssertEqual(try a.ledger.submit(b1), .sideBranch)
        // a finalises past the fork point before b's branch arrives.
        try a.produce(10)
        XCTAssertGreaterThan(a.ledger.lastIrreversibleHeight, 11)
        assertRejected(.irreversible, try a.ledger.submit(try b.ledger.block(height: 12)))
    }

    /// Produces every slot up to `lastSlot` whose scheduled producer is in `online`.
    func run(_ net: TestNet, until lastSlot: UInt64, online: Set<UInt16>) throws {
        var slot = net.ledger.tipSlot + 1
        while slot <= lastSlot {
            let p = try XCTUnwrap(net.ledger.scheduledProducer(slot: slot))
            if online.contains(p) {
                try net.ledger.submit(try net.ledger.makeBlock(slot: slot, producer: p, key: net.key(p)))
            }
            slot += 1
        }
    }

    func testPartitionHealsToTheMajorityChain() throws {
        let a = try TestNet()
        try a.produce(8)
        let b = try follower(of: a, upTo: 8)
        let end = a.ledger.tipSlot + 40
        // Partition: a sees producers 0, 1, 2; b sees only producer 3.
        try run(a, until: end, online: [0, 1, 2])
        try run(b, until: end, online: [3])
        XCTAssertGreaterThan(a.ledger.height, b.ledger.height)
        XCTAssertGreaterThan(a.ledger.lastIrreversibleHeight, 8, "3 of 4 producers finalise")
        XCTAssertLessThanOrEqual(b.ledger.lastIrreversibleHeight, 8, "1 of 4 cannot")
        // The minority branch cannot undo the majority's irreversible blocks.
        assertRejected(.irreversible, try a.ledger.submit(try b.ledger.block(height: 9)))
        // The minority switches to the majority chain once it is longer.
        var outcomes: [Ledger.SubmitOutcome] = []
        for h in 9...a.ledger.height { outcomes.append(try b.ledger.submit(try a.ledger.block(height: h))) }
        XCTAssertTrue(outcomes.contains { if case .reorganized(forkHeight: 8, _) = $0 { return true } else { return false } })
        XCTAssertEqual(b.ledger.tipHash, a.ledger.tipHash)
        XCTAssertEqual(b.ledger.lastIrreversibleHeight, a.ledger.lastIrreversibleHeight)
        // Healed: all four produce on one chain again.
        try run(a, until: end + 8, online: [0, 1, 2, 3])
        for h in (b.ledger.height + 1)...a.ledger.height { XCTAssertEqual(try b.ledger.submit(try a.ledger.block(height: h)), .extended) }
    }
}
