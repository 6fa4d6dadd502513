// SPDX-License-Identifier: Apache-2.0
import EhrStore

/// DPoS election and scheduling (docs/LEDGER.md §4).
///
/// * **Election:** every node's stake backs each candidate it approves. Nodes are ranked
///   by approval (descending), then own stake (descending), then index (ascending); the top
///   K are active. Before any votes the K largest stakeholders produce.
/// * **Schedule:** the K active producers (sorted by index) are shuffled by Fisher–Yates,
///   drawing from SHA-256("EHRS-V1-ROUND" ‖ genesis seed ‖ round u64 ‖ round seed ‖
///   counter u32); the round seed folds the beacons of every block before the round starts
///   (`RoundBeacon`), which no producer can choose.
///   Slot `s` belongs to round `s / K` and is produced by `schedule[s mod K]`.
enum Election {
    /// The indices of the K active producers, sorted ascending.
    static func activeSet(nodes: [NodeInfo], votes: [UInt16: [UInt16]], k: Int) -> [UInt16] {
        var approval = [UInt64](repeating: 0, count: nodes.count)
        for (voter, candidates) in votes {
            let weight = nodes[Int(voter)].stake
            for c in candidates where Int(c) < nodes.count {
                // Total stake is fixed by genesis and fits in UInt64, so sums cannot overflow.
                approval[Int(c)] &+= weight
            }
        }
        // Excluded nodes (proven equivocators) are never elected; if fewer than K others are
        // left, the round has fewer producers and `schedule` repeats them.
        let ranked = nodes.indices.filter { !nodes[$0].excluded }.sorted { a, b in
            if approval[a] != approval[b] { return approval[a] > approval[b] }
            if nodes[a].stake != nodes[b].stake { return nodes[a].stake > nodes[b].stake }
            return a < b
        }
        return ranked.prefix(k).map { UInt16($0) }.sorted()
    }

    /// The round's production order: `active` shuffled by the round seed, `k` slots long (with
    /// fewer than K producers the shuffled order repeats, so every slot has one).
    static func schedule(active: [UInt16], genesisSeed: [UInt8], round: UInt64, roundSeed: [UInt8], k: Int) -> [UInt16] {
        var w = WireWriter()
        w.raw(Array("EHRS-V1-ROUND".utf8))
        w.raw(genesisSeed)
        w.u64(round)
        w.raw(roundSeed)
        var rng = SeedStream(seed: w.bytes)
        var order = active
        var i = order.count - 1
        while i > 0 {
            let j = Int(rng.uniform(below: UInt64(i + 1)))
            order.swapAt(i, j)
            i -= 1
        }
        guard !order.isEmpty, order.count < k else { return order }
        return (0..<k).map { order[$0 % order.count] }
    }
}
