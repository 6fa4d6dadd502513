// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrStore
import XCTest

/// The rules a network of nodes needs (issue #12): size bounds that nest, bounded side
/// branches only from producers that may produce, evidence of double-signed slots that costs
/// the producer its seat, and a clock drift below one slot.
final class ConsensusRuleTests: XCTestCase {
    // MARK: - Genesis

    func testDriftBoundMustBeBelowOneSlot() throws {
        let net = try TestNet()
        XCTAssertEqual(net.genesis.maxDriftMillis, 500, "half a slot by default")
        var g = net.genesis
        g.maxDriftMillis = g.slotMillis
        assertRejected(.genesis, try g.validate())
        g.maxDriftMillis = g.slotMillis - 1
        XCTAssertNoThrow(try g.validate())
    }

    // MARK: - Size bounds

    /// The bounds nest: the largest transaction fits an empty block.
    func testBoundsNest() {
        XCTAssertLessThan(LedgerLimits.blockOverheadBytes + LedgerLimits.blockBytes(ofTransaction: LedgerLimits.maxTransactionBytes),
                          LedgerLimits.maxBlockBytes)
        XCTAssertEqual(LedgerLimits.blockOverheadBytes, 6 + 150 + 64)
    }

    func testOversizedBytesAreRefusedBeforeDecoding() {
        var tx = WireType.dkgTx.header
        tx += [UInt8](repeating: 0, count: LedgerLimits.maxTransactionBytes)
        assertRejected(.size, try Transaction.decode(tx))
        var block = WireType.block.header
        block += [UInt8](repeating: 0, count: LedgerLimits.maxBlockBytes)
        assertRejected(.size, try Block.decode(block))
    }

    private func bigDKG(_ net: TestNet, sequence: UInt64) throws -> Transaction {
        var t = DKGTx(sender: 0, sequence: sequence, messageType: 0x02,
                      payload: [UInt8](repeating: UInt8(truncatingIfNeeded: sequence), count: 1 << 20))
        try t.sign(with: net.key(0), genesisHash: net.ledger.genesisHash)
        return .dkg(t)
    }

    /// Eight 1 MiB transactions do not fit one 8 MiB block: admission, block making and
    /// appending agree on the bound.
    func testBlockByteBoundAtAdmissionMakeAndAppend() throws {
        let net = try TestNet()
        let txs = try (1...8).map { try bigDKG(net, sequence: UInt64($0)) }
        let slot = net.ledger.tipSlot + 1
        var view = try net.ledger.admissionView(slot: slot)
        for tx in txs.prefix(7) { try view.admit(tx) }
        assertRejected(.parameter, try view.admit(txs[7]))
        XCTAssertLessThanOrEqual(view.admittedBytes, LedgerLimits.maxBlockBytes)

        let p = try XCTUnwrap(net.ledger.scheduledProducer(slot: slot))
        let (made, rejected) = try net.ledger.makeBlock(slot: slot, producer: p, key: net.key(p), selecting: txs)
        XCTAssertEqual(made.transactions.count, 7)
        XCTAssertEqual(rejected.map(\.index), [7])
        XCTAssertLessThanOrEqual(made.encoded.count, LedgerLimits.maxBlockBytes)

        let tooBig = try net.ledger.makeBlock(slot: slot, producer: p, key: net.key(p), transactions: txs)
        assertRejected(.size, try net.ledger.submit(tooBig))
        XCTAssertEqual(net.ledger.height, 0, "nothing was appended")
        XCTAssertEqual(try net.ledger.submit(made), .extended)
    }

    // MARK: - Equivocation

    /// Builds, on the tip, `count` different blocks for the next slot by its producer (each
    /// carries a different DKG message of node 1, so the headers differ).
    private func competingBlocks(_ net: TestNet, count: Int) throws -> (slot: UInt64, producer: UInt16, blocks: [Block]) {
        let slot = net.ledger.tipSlot + 1
        let p = try XCTUnwrap(net.ledger.scheduledProducer(slot: slot))
        let seq = try XCTUnwrap(net.ledger.nextSequence(node: 1))
        var blocks = [try net.ledger.makeBlock(slot: slot, producer: p, key: net.key(p), transactions: [])]
        for i in 1..<count {
            var t = DKGTx(sender: 1, sequence: seq, messageType: 0x02, payload: [UInt8(i)])
            try t.sign(with: net.key(1), genesisHash: net.ledger.genesisHash)
            blocks.append(try net.ledger.makeBlock(slot: slot, producer: p, key: net.key(p), transactions: [.dkg(t)]))
        }
        return (slot, p, blocks)
    }

    /// Produces until the next slot is the second of a round, so that a fork at the tip and
    /// its blocks lie in the tip's round.
    private func alignToRound(_ net: TestNet) throws {
        let k = UInt64(net.genesis.activeProducers)
        while (net.ledger.tipSlot + 1) % k != 1 { try net.produce(1) }
        try net.produce(1)
    }

    func testDoubleSignedSlotIsEvidenceAndCostsTheSeat() throws {
        let net = try TestNet(nodes: 5, k: 4)
        try net.produce(3)
        try alignToRound(net)
        let (slot, p, blocks) = try competingBlocks(net, count: 2)
        XCTAssertEqual(try net.ledger.submit(blocks[0]), .extended)
        XCTAssertTrue(net.ledger.pendingEquivocations.isEmpty)
        XCTAssertEqual(try net.ledger.submit(blocks[1]), .sideBranch)
        let found = net.ledger.takeEquivocations()
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.producer, p)
        XCTAssertEqual(found.first?.slot, slot)
        XCTAssertTrue(net.ledger.pendingEquivocations.isEmpty, "taken once")
        let e = try XCTUnwrap(found.first)

        let reporter: UInt16 = p == 0 ? 1 : 0
        func evidence(_ a: EvidenceTx.SignedHeader, _ b: EvidenceTx.SignedHeader) throws -> Transaction {
            var t = EvidenceTx(reporter: reporter, sequence: try XCTUnwrap(net.ledger.nextSequence(node: reporter)),
                               first: a, second: b)
            try t.sign(with: net.key(reporter), genesisHash: net.ledger.genesisHash)
            return .evidence(t)
        }
        // What is not a proof is refused.
        var forged = e.second
        forged.signature[0] ^= 1
        var view = try net.ledger.admissionView(slot: net.ledger.tipSlot + 1)
        assertRejected(.evidence, try view.admit(try evidence(e.first, e.first)))
        assertRejected(.evidence, try view.admit(try evidence(e.first, forged)))
        var otherSlot = e.second
        otherSlot.header.timestamp += UInt64(net.genesis.slotMillis)
        assertRejected(.evidence, try view.admit(try evidence(e.first, otherSlot)))

        // The proof: encoded, decoded, included; the producer loses its seat.
        let proof = try evidence(e.first, e.second)
        XCTAssertEqual(try Transaction.decode(proof.encoded), proof)
        XCTAssertEqual(proof.kind.wireType, .evidenceTx)
        var included = false
        var s = net.ledger.tipSlot + 1
        while !included {
            let q = try XCTUnwrap(net.ledger.scheduledProducer(slot: s))
            if q != p {
                let b = try net.ledger.makeBlock(slot: s, producer: q, key: net.key(q), transactions: [proof])
                XCTAssertEqual(try net.ledger.submit(b), .extended)
                included = true
            }
            s += 1
        }
        XCTAssertEqual(net.ledger.node(p)?.excluded, true)
        // A second proof against an excluded producer adds nothing.
        var again = try net.ledger.admissionView(slot: net.ledger.tipSlot + 1)
        assertRejected(.evidence, try again.admit(try evidence(e.first, e.second)))

        // Its remaining slots are refused, and it is never elected again.
        var refused = false
        for _ in 0..<8 {
            let next = net.ledger.tipSlot + 1
            let q = try XCTUnwrap(net.ledger.scheduledProducer(slot: next))
            if q == p {
                let b = try net.ledger.makeBlock(slot: next, producer: p, key: net.key(p), transactions: [])
                assertRejected(.producer, try net.ledger.submit(b))
                refused = true
            }
            try net.produce(1, offline: [p])
        }
        try net.produce(8, offline: [p])
        XCTAssertFalse(net.ledger.activeProducers.contains(p))
        XCTAssertEqual(net.ledger.activeProducers.count, 4, "the fifth node takes the seat")
        XCTAssertTrue(refused || !net.ledger.schedule.contains(p))
    }

    // MARK: - Side branches

    func testSideBlocksOnlyFromTheSlotsProducerAndCapped() throws {
        let net = try TestNet(nodes: 4, k: 4)
        try alignToRound(net)
        let (slot, p, blocks) = try competingBlocks(net, count: 4)
        let q: UInt16 = p == 0 ? 1 : 0
        let intruder = try net.ledger.makeBlock(slot: slot, producer: q, key: net.key(q), transactions: [])
        XCTAssertEqual(try net.ledger.submit(blocks[0]), .extended)
        // Another node's block for this slot, validly signed by it: not kept.
        assertRejected(.producer, try net.ledger.submit(intruder))
        // The slot's own producer: two side blocks are kept, the next is refused.
        XCTAssertEqual(try net.ledger.submit(blocks[1]), .sideBranch)
        XCTAssertEqual(try net.ledger.submit(blocks[2]), .sideBranch)
        assertRejected(.size, try net.ledger.submit(blocks[3]))
        // The chain is unaffected and the equivocation was noticed once.
        XCTAssertEqual(net.ledger.tipHash, blocks[0].hash)
        XCTAssertEqual(net.ledger.takeEquivocations().map(\.producer), [p])
        try net.produce(4)
    }

    // MARK: - Round beacon

    /// The next round's schedule does not depend on what the last block of a round carries:
    /// the producer of that block cannot grind the schedule (and the proxies it picks).
    func testScheduleDoesNotDependOnBlockContents() throws {
        let a = try TestNet(nodes: 6, k: 4), b = try TestNet(nodes: 6, k: 4)
        let k = UInt64(a.genesis.activeProducers)
        for net in [a, b] {
            while (net.ledger.tipSlot + 2) % k != 0 { try net.produce(1) }
        }
        XCTAssertEqual(a.ledger.tipHash, b.ledger.tipHash)
        // The round's last slot: an empty block on one chain, one carrying a DKG message on the
        // other (contents that change no election).
        try a.include([])
        var t = DKGTx(sender: 1, sequence: 1, messageType: 0x02, payload: [1, 2, 3])
        try t.sign(with: b.key(1), genesisHash: b.ledger.genesisHash)
        try b.include([.dkg(t)])
        XCTAssertNotEqual(a.ledger.tipHash, b.ledger.tipHash)
        let next = (a.ledger.tipSlot + 1)..<(a.ledger.tipSlot + 1 + k)
        XCTAssertEqual(next.map { a.ledger.scheduledProducer(slot: $0) }, next.map { b.ledger.scheduledProducer(slot: $0) })
    }

    func testBlockWithoutItsRoundBeaconIsRefused() throws {
        let net = try TestNet()
        let good = try net.nextBlock()
        for beacon in [[UInt8](repeating: 7, count: 64),
                       try net.key(good.header.producer).sign(RoundBeacon.message(genesisHash: net.ledger.genesisHash, round: 99))] {
            var h = good.header
            h.beacon = beacon
            let forged = Block(header: h, transactions: [], signature: try net.key(h.producer).sign(h.encoded))
            assertRejected(.blockSignature, try net.ledger.submit(forged))
        }
        XCTAssertEqual(try net.ledger.submit(good), .extended)
    }
}
