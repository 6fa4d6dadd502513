// SPDX-License-Identifier: Apache-2.0
import EhrLedger

/// Step 4: DPoS election (DESIGN.md §3, docs/LEDGER.md §4). Until now the K largest
/// stakeholders produced (no votes). Every authority now approves the K authorities with the
/// lowest indices (say, the consortium prefers the hospitals that hold the records); the
/// votes take effect at the next round, whose shuffled schedule the demo then follows, one
/// block per slot, each signed by its scheduled producer's node key.
enum ElectionStep {
    static func run(_ c: Consortium, _ r: Reporter) throws {
        let k = c.options.activeProducers
        let n = c.options.authorities
        r.info("K = \(k) active producers of \(n) nodes; stakes \((0..<n).map { c.ledger.node(UInt16($0))?.stake ?? 0 })")
        r.info("before the election (largest stakes): active \(c.ledger.activeProducers.map(c.nodeName))")
        let candidates = (0..<k).map { UInt16($0) }
        var votes: [Transaction] = []
        for voter in 0..<n {
            var v = VoteTx(voter: UInt16(voter), sequence: c.ledger.nextSequence(node: UInt16(voter)) ?? 1,
                           candidates: candidates)
            try v.sign(with: c.nodeKeys[voter], genesisHash: c.ledger.genesisHash)
            votes.append(.vote(v))
        }
        let (block, producer) = try c.produce(votes)
        r.info("\(votes.count) signed votes for \(candidates.map(c.nodeName)) in block \(block.height) "
            + "by \(c.nodeName(producer))")
        let filler = try c.produceToRoundEnd()
        r.info("\(filler) empty blocks to the end of round \(c.ledger.round); the votes count from the next one")
        var producers: [UInt16] = []
        for slotInRound in 0..<k {
            let (b, p) = try c.produce()
            producers.append(p)
            if slotInRound == 0 {
                let active = c.ledger.activeProducers.sorted()
                // Approval voting: each candidate is backed by all stake, the others by none.
                r.check(active == candidates, "round \(c.ledger.round): elected active set = \(active.map(c.nodeName))")
                r.info("round \(c.ledger.round) schedule (shuffled): \(c.ledger.schedule.map(c.nodeName))")
            }
            r.info("block \(b.height) slot \(c.ledger.tipSlot) by \(c.nodeName(p)), hash \(shortHex(b.hash))")
        }
        r.check(Set(producers) == Set(candidates), "every elected producer signed a block of the round, no one else")
        r.info("chain height \(c.ledger.height), last irreversible block \(c.ledger.lastIrreversibleHeight)")
        r.check(c.ledger.lastIrreversibleHeight > 0, "finality advanced (> 2/3 of the producers built on it)")
    }
}
