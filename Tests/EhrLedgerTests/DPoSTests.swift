// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrStore
import XCTest

/// Elections, schedules, missed slots and irreversibility.
final class DPoSTests: XCTestCase {
    func testInitialElectionTakesTheLargestStakes() throws {
        let net = try TestNet(nodes: 6, k: 4, stakes: [10, 50, 30, 40, 20, 60])
        XCTAssertEqual(net.ledger.activeProducers, [1, 2, 3, 5])
        XCTAssertEqual(net.ledger.schedule.sorted(), [1, 2, 3, 5])
    }

    func testScheduleIsADeterministicPermutationReshuffledEachRound() throws {
        let a = try TestNet(nodes: 6, k: 4, stakes: [10, 50, 30, 40, 20, 60])
        let b = try TestNet(nodes: 6, k: 4, stakes: [10, 50, 30, 40, 20, 60])
        var schedules = Set<[UInt16]>()
        for _ in 0..<8 {
            try a.produce(4)
            for h in (b.ledger.height + 1)...a.ledger.height { try b.ledger.submit(try a.ledger.block(height: h)) }
            XCTAssertEqual(a.ledger.schedule, b.ledger.schedule)
            XCTAssertEqual(a.ledger.schedule.sorted(), a.ledger.activeProducers)
            schedules.insert(a.ledger.schedule)
        }
        XCTAssertEqual(a.ledger.tipHash, b.ledger.tipHash)
        XCTAssertGreaterThan(schedules.count, 2, "rounds should not all share one order")
    }

    func testVotesTakeEffectAtTheNextRound() throws {
        let net = try TestNet(nodes: 6, k: 4, stakes: [10, 50, 30, 40, 20, 60])
        let ledger = net.ledger
        // Node 5 (stake 60) approves 0, 1, 4, 5: the two smallest stakeholders get in.
        try net.include([.vote(try net.vote(5, [0, 1, 4, 5]))])
        let round = ledger.round
        XCTAssertEqual(ledger.activeProducers, [1, 2, 3, 5], "no change within the round")
        while ledger.round == round { try net.produce(1) }
        XCTAssertEqual(ledger.activeProducers, [0, 1, 4, 5])
        // Node 5 changes its vote; node 1 (stake 50) votes too.
        try net.include([.vote(try net.vote(5, [2, 3])), .vote(try net.vote(1, [3]))])
        XCTAssertEqual(ledger.activeProducers, [0, 1, 4, 5])
        let round2 = ledger.round
        while ledger.round == round2 { try net.produce(1) }
        // Approvals: 3 → 110, 2 → 60, then own stake breaks the tie among zero approvals: 5, 1.
        XCTAssertEqual(ledger.activeProducers, [1, 2, 3, 5])
        // Withdrawing a vote (empty list).
        try net.include([.vote(try net.vote(5, [])), .vote(try net.vote(1, []))])
        XCTAssertEqual(ledger.vote(of: 5), [])
    }

    func testRegisteredNodeCanBeElectedAndProduce() throws {
        let net = try TestNet(nodes: 4, k: 3, stakes: [100, 100, 100, 100])
        let ledger = net.ledger
        let key = try NodeSigningKey(seed: SHA256.hash(bytes("newcomer")))
        var reg = RegisterTx(sponsor: 0, sponsorSequence: 1, name: bytes("newcomer"), nodeKey: key.publicKey, stake: 90)
        try reg.sign(sponsorKey: net.keys[0], nodeKey: key, genesisHash: ledger.genesisHash)
        net.extraKeys[4] = key
        try net.include([.register(reg)])
        try net.include([.vote(try net.vote(1, [4])), .vote(try net.vote(2, [4]))])
        let round = ledger.round
        while ledger.round == round { try net.produce(1) }
        XCTAssertTrue(ledger.activeProducers.contains(4))
        try net.produce(6)
        XCTAssertGreaterThan(ledger.node(4)?.producedBlocks ?? 0, 0)
    }

    func testOfflineProducersMissSlotsAndTheChainGoesOn() throws {
        let net = try TestNet(nodes: 4, k: 4)
        let ledger = net.ledger
        try net.produce(40, offline: [2])
        XCTAssertEqual(ledger.height, 40)
        XCTAssertEqual(ledger.node(2)?.producedBlocks, 0)
        let missed = ledger.node(2)?.missedSlots ?? 0
        XCTAssertGreaterThanOrEqual(missed, 12)
        // Every slot since genesis is either a block or a charged miss.
        let charged = (0..<4).reduce(UInt64(0)) { $0 + (ledger.node(UInt16($1))?.missedSlots ?? 0) }
        XCTAssertEqual(charged + ledger.height, ledger.tipSlot)
        // 3 of 4 online is more than 2/3: blocks still become irreversible.
        XCTAssertGreaterThan(ledger.lastIrreversibleHeight, 30)
    }

    func testIrreversibilityNeedsMoreThanTwoThirds() throws {
        let net = try TestNet(nodes: 4, k: 4)
        let ledger = net.ledger
        var lastLIB: UInt64 = 0
        for _ in 0..<30 {
            try net.produce(1)
            XCTAssertGreaterThanOrEqual(ledger.lastIrreversibleHeight, lastLIB, "the LIB never moves back")
            lastLIB = ledger.lastIrreversibleHeight
            // Three distinct producers (> 2/3 of 4) must build on a block: it lags the tip.
            XCTAssertTrue(lastLIB == 0 || lastLIB + 2 <= ledger.height)
        }
        XCTAssertGreaterThanOrEqual(lastLIB + 8, ledger.height)
        // With half the producers offline no block gets 3 of 4 confirmations.
        // (Blocks from before the outage may still be confirmed by the two online producers.)
        let before = ledger.height
        try net.produce(30, offline: [0, 1])
        let stalled = ledger.lastIrreversibleHeight
        XCTAssertLessThanOrEqual(stalled, before)
        try net.produce(10, offline: [0, 1])
        XCTAssertEqual(ledger.lastIrreversibleHeight, stalled)
        // They come back: finality resumes.
        try net.produce(8)
        XCTAssertGreaterThan(ledger.lastIrreversibleHeight, before + 30)
    }

    func testProxiesComeFromTheSchedule() throws {
        let net = try TestNet(nodes: 5, k: 4)
        try net.include([.record(net.record(owner: "hospital:a", id: "r"))])
        let one = net.request("hospital:a", record: "r", proxies: 1)
        let all = net.request("hospital:a", record: "r", proxies: 4)
        let block = try net.include([.request(one), .request(all)])
        let slot = try XCTUnwrap(net.ledger.slot(of: block.header.timestamp))
        let schedule = net.ledger.schedule
        let position = Int(slot % 4)
        XCTAssertEqual(net.ledger.request(id: Transaction.request(one).id)?.proxies, [block.header.producer])
        XCTAssertEqual(
            net.ledger.request(id: Transaction.request(all).id)?.proxies, (0..<4).map { schedule[(position + $0) % 4] })
    }
}
