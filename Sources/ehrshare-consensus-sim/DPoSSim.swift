// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import Glibc

/// DPoS as the ledger implements it: one real `Ledger.inMemory` per node (no shared
/// validator), blocks made by the scheduled producer with its Ed25519 key, broadcast as
/// encoded bytes, then decoded, validated and appended by every node (`Ledger.submit`).
/// Finality is the ledger's own last irreversible block (> 2/3 of the round's producers).
final class DPoSSim {
    private static let txMessage: UInt8 = 1
    private static let blockMessage: UInt8 = 2

    private final class Node {
        let ledger: Ledger
        /// Received transactions not yet on this node's chain, by workload index.
        var pool: [Int: Transaction] = [:]
        var received: [Int: Transaction] = [:]
        var lib: UInt64 = 0
        init(ledger: Ledger) { self.ledger = ledger }
    }

    private let work: Workload
    private let config: SimConfig
    private let scenario: Scenario
    private let queue = EventQueue()
    private let network: Network
    private var nodes: [Node] = []
    private let clock = SimClock()
    private let crashed: Int? 
    private let byzantine: Int?
    private let observer = 1
    private var finalized: [UInt64: [UInt8]] = [:]
    private var finalTime: [Int: UInt64] = [:]
    private var equivocations = 0
    private var violations = 0
    private var reorgs = 0

    init(workload: Workload, config: SimConfig, scenario: Scenario) throws(LedgerError) {
        work = workload
        self.config = config
        self.scenario = scenario
        crashed = scenario == .crash ? 0 : nil
        byzantine = scenario == .byzantine ? 2 : nil
        network = Network(queue: queue, minDelay: config.minDelay, maxDelay: config.maxDelay, seed: config.seed)
        let clock = self.clock
        for _ in 0..<workload.keys.count {
            let ledger = try Ledger.inMemory(
                genesis: workload.genesis, verifier: RefuseIdentities(), clock: { clock.unixMillis })
            nodes.append(Node(ledger: ledger))
        }
    }

    func run() -> RunResult {
        var result = RunResult(proto: "dpos", scenario: scenario, nodes: nodes.count)
        result.parameter = Double(nodes[observer].ledger.activeProducers.count)
        if let crashed { network.crashed = [crashed] }
        network.handlers = nodes.indices.map { i in { [unowned self] from, bytes in self.receive(i, bytes) } }
        let meter = CPUMeter()
        for item in work.items {
            queue.schedule(at: item.submitAt) { [unowned self] in
                for i in self.nodes.indices { self.network.send(from: -1, to: i, [DPoSSim.txMessage] + item.encoded) }
            }
        }
        let submitEnd = config.seconds * 1000
        let end = submitEnd + config.drainSeconds * 1000
        var slot: UInt64 = 1
        var t: UInt64 = 0
        // Slots are scheduled one at a time so the run can stop once everything is final.
        while t < end {
            let slotTime = slot * config.blockMillis
            queue.schedule(at: slotTime) { [unowned self, slot] in self.slotStarts(slot) }
            queue.run(until: slotTime + config.blockMillis - 1)
            t = slotTime + config.blockMillis - 1
            slot += 1
            if t >= submitEnd && finalTime.count == work.items.count { break }
        }
        result.cpuSeconds = meter.cpu
        result.wallSeconds = meter.wall
        checkSafety()
        result.simSeconds = Double(t) / 1000
        result.committedBlocks = Int(nodes[observer].ledger.lastIrreversibleHeight)
        result.chainBlocks = Int(nodes[observer].ledger.height)
        result.submittedTx = work.items.count
        result.committedTx = finalTime.count
        result.latencies = finalTime.map { Double($0.value - work.items[$0.key].submitAt) }
        result.messages = network.messages
        result.bytes = network.bytes
        result.faultEvents = equivocations
        result.safetyViolations = violations
        result.reorgs = reorgs
        return result
    }

    // MARK: - Production

    private func slotStarts(_ slot: UInt64) {
        clock.simMillis = queue.now
        for (i, node) in nodes.enumerated() where i != crashed {
            guard slot > node.ledger.tipSlot, node.ledger.scheduledProducer(slot: slot) == UInt16(i) else { continue }
            produce(i, slot: slot)
        }
    }

    private func produce(_ i: Int, slot: UInt64) {
        let node = nodes[i]
        let candidates = node.pool.keys.sorted().prefix(config.maxTxPerBlock).compactMap { node.pool[$0] }
        guard let (block, _) = try? node.ledger.makeBlock(
            slot: slot, producer: UInt16(i), key: work.keys[i], selecting: candidates)
        else { return }
        // Equivocation: a second, different block for the same slot and parent, signed by
        // the same key (built before the first is appended, so both extend the same tip). The
        // twin adds the producer's own vote, so the two differ even when the pool is empty.
        if i == byzantine, let twin = equivocatingTwin(i, slot: slot, block.transactions) {
            equivocations += 1
            accept(i, block)
            // It keeps both, so it can follow whichever branch the others extend.
            accept(i, twin)
            // Both blocks reach every node; half the nodes see the first one first, half the twin.
            let a = [DPoSSim.blockMessage] + block.encoded
            let b = [DPoSSim.blockMessage] + twin.encoded
            for to in nodes.indices where to != i {
                network.send(from: i, to: to, to % 2 == 0 ? a : b)
                network.send(from: i, to: to, to % 2 == 0 ? b : a, extra: config.maxDelay + 1)
            }
            return
        }
        accept(i, block)
        network.broadcast(from: i, [DPoSSim.blockMessage] + block.encoded)
    }

    private func equivocatingTwin(_ i: Int, slot: UInt64, _ transactions: [Transaction]) -> Block? {
        let ledger = nodes[i].ledger
        var vote = VoteTx(voter: UInt16(i), sequence: ledger.nextSequence(node: UInt16(i)) ?? 1, candidates: [UInt16(i)])
        guard (try? vote.sign(with: work.keys[i], genesisHash: ledger.genesisHash)) != nil else { return nil }
        return try? ledger.makeBlock(slot: slot, producer: UInt16(i), key: work.keys[i], transactions: transactions + [.vote(vote)])
    }

    // MARK: - Reception

    private func receive(_ i: Int, _ bytes: [UInt8]) {
        clock.simMillis = queue.now
        guard let type = bytes.first else { return }
        let body = Array(bytes.dropFirst())
        switch type {
        case DPoSSim.txMessage:
            guard let tx = try? Transaction.decode(body), let index = work.indexById[tx.id] else { return }
            nodes[i].received[index] = tx
            if (try? nodes[i].ledger.transactionLocation(id: tx.id)) ?? nil == nil { nodes[i].pool[index] = tx }
        case DPoSSim.blockMessage:
            guard let block = try? Block.decode(body) else { return }
            accept(i, block)
        default:
            return
        }
    }

    /// Validates and appends a block at node i, keeps its pool in step with its chain and,
    /// at the observer, records newly irreversible blocks.
    private func accept(_ i: Int, _ block: Block) {
        let node = nodes[i]
        let outcome: Ledger.SubmitOutcome
        do { outcome = try node.ledger.submit(block) } catch {
            if getenv("SIM_DEBUG") != nil { print("node \(i) rejects block \(block.height): \(error)") }
            return
        }
        switch outcome {
        case .extended:
            for tx in block.transactions { if let k = work.indexById[tx.id] { node.pool[k] = nil } }
        case .reorganized:
            reorgs += 1
            // Transactions of replaced blocks go back to the pool unless the new chain has them.
            node.pool = node.received.filter { (try? node.ledger.transactionLocation(id: $0.value.id)) ?? nil == nil }
        case .sideBranch:
            return
        }
        let lib = node.ledger.lastIrreversibleHeight
        if lib < node.lib { violations += 1 }
        if i == observer && lib > node.lib {
            for h in (node.lib + 1)...lib {
                guard let b = try? node.ledger.block(height: h) else { continue }
                finalized[h] = b.hash
                for tx in b.transactions {
                    if let k = work.indexById[tx.id], finalTime[k] == nil { finalTime[k] = queue.now }
                }
            }
        }
        node.lib = max(node.lib, lib)
    }

    /// Every honest node's irreversible prefix must equal what the observer finalised, and
    /// the observer's finalised blocks must still be its chain: an irreversible block never reverts.
    private func checkSafety() {
        for (i, node) in nodes.enumerated() where i != crashed && i != byzantine {
            let lib = node.ledger.lastIrreversibleHeight
            guard lib > 0 else { continue }
            for h in 1...lib {
                guard let expected = finalized[h] else { continue }
                if (try? node.ledger.block(height: h).hash) != expected { violations += 1 }
            }
        }
    }
}
