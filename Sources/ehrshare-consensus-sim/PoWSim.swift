// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrStore

/// Nakamoto-style PoW: N miners race on real SHA-256 puzzles in simulated time. Every
/// `powStepMillis` each online miner tries `powHashesPerStep` nonces (real hashes, real CPU),
/// so a miner's simulated hash rate is fixed and the difficulty is set for a mean block
/// interval of `powIntervalMillis` with all N miners: expected work per block grows with N,
/// as it does when difficulty retargets. Longest chain wins; a block is final at the
/// observer once it is `powConfirmations` deep (itself included).
final class PoWSim {
    private struct Stored {
        let height: UInt64
        let previous: [UInt8]
        let txs: [Int]
    }

    private final class Miner {
        var blocks: [[UInt8]: Stored] = [:]
        var orphans: [[UInt8]: [[UInt8]]] = [:]
        var tip: [UInt8] = PoWSim.genesis
        var tipHeight: UInt64 = 0
        var received: [Int: Transaction] = [:]
        var pool: Set<Int> = []
        var template: (header: [UInt8], block: [UInt8])?
        var templateAge = 0
        var nonce: UInt64 = 0
    }

    static let genesis = [UInt8](repeating: 0, count: 32)

    private let work: Workload
    private let config: SimConfig
    private let scenario: Scenario
    private let queue = EventQueue()
    private let network: Network
    private var miners: [Miner] = []
    private let crashed: Int?
    private let observer = 1
    private let target: UInt64
    private let difficultyBits: Double
    private var mined = 0
    private var finalized: [UInt64: [UInt8]] = [:]
    private var finalTime: [Int: UInt64] = [:]
    private var violations = 0
    private var reorgs = 0
    private var hashes: UInt64 = 0

    init(workload: Workload, config: SimConfig, scenario: Scenario) {
        work = workload
        self.config = config
        self.scenario = scenario
        crashed = scenario == .crash ? 0 : nil
        network = Network(queue: queue, minDelay: config.minDelay, maxDelay: config.maxDelay, seed: config.seed)
        let n = workload.keys.count
        let expected = Double(n) * Double(config.powHashesPerStep) * Double(config.powIntervalMillis)
            / Double(config.powStepMillis)
        target = UInt64(18_446_744_073_709_551_615.0 / expected)
        difficultyBits = log2Approx(expected)
        var seeds = SplitMix64(seed: config.seed ^ 0x504F57)
        for _ in 0..<n {
            let m = Miner()
            m.nonce = seeds.next()
            miners.append(m)
        }
    }

    func run() -> RunResult {
        var result = RunResult(proto: "pow", scenario: scenario, nodes: miners.count)
        result.parameter = difficultyBits
        if let crashed { network.crashed = [crashed] }
        network.handlers = miners.indices.map { i in { [unowned self] _, bytes in self.receive(i, bytes) } }
        let meter = CPUMeter()
        for item in work.items {
            queue.schedule(at: item.submitAt) { [unowned self] in
                for i in self.miners.indices { self.network.send(from: -1, to: i, [0] + item.encoded) }
            }
        }
        let submitEnd = config.seconds * 1000
        let end = submitEnd + config.drainSeconds * 1000
        var t: UInt64 = 0
        while t < end {
            let at = t + config.powStepMillis
            queue.schedule(at: at) { [unowned self] in self.step() }
            queue.run(until: at)
            t = at
            if t >= submitEnd && finalTime.count == work.items.count { break }
        }
        result.cpuSeconds = meter.cpu
        result.wallSeconds = meter.wall
        result.simSeconds = Double(t) / 1000
        result.committedBlocks = finalized.count
        result.chainBlocks = Int(miners[observer].tipHeight)
        result.submittedTx = work.items.count
        result.committedTx = finalTime.count
        result.latencies = finalTime.map { Double($0.value - work.items[$0.key].submitAt) }
        result.messages = network.messages
        result.bytes = network.bytes
        // Stale blocks: mined but not on the observer's chain.
        result.faultEvents = mined - Int(miners[observer].tipHeight)
        result.safetyViolations = violations
        result.reorgs = reorgs
        result.hashes = hashes
        return result
    }

    // MARK: - Mining

    private func step() {
        for (i, m) in miners.enumerated() where i != crashed {
            m.templateAge += 1
            // Miners refresh their candidate block every 20 steps to pick up new transactions.
            if m.template == nil || m.templateAge >= 20 { buildTemplate(i) }
            guard let template = m.template else { continue }
            let start = m.nonce
            m.nonce &+= config.powHashesPerStep
            // Counted as tried even when the solution comes early in the step: a real miner
            // would go on hashing until the block reached it.
            hashes += config.powHashesPerStep
            guard let nonce = PoWHeader.search(template.header, from: start, count: config.powHashesPerStep, target: target)
            else { continue }
            var header = template.header
            for k in 0..<8 { header[PoWHeader.size - 1 - k] = UInt8(truncatingIfNeeded: nonce >> UInt64(8 * k)) }
            let block = header + template.block
            mined += 1
            accept(i, block)
            network.broadcast(from: i, [1] + block)
        }
    }

    private func buildTemplate(_ i: Int) {
        let m = miners[i]
        let chosen = m.pool.sorted().prefix(config.maxTxPerBlock)
        let batch = Batch.encode(chosen.compactMap { m.received[$0]?.encoded })
        let header = PoWHeader(
            height: m.tipHeight + 1, previous: m.tip, miner: UInt16(i), merkle: SHA256.hash(batch), nonce: 0)
        m.template = (header.encoded, batch)
        m.templateAge = 0
    }

    // MARK: - Blocks

    private func receive(_ i: Int, _ bytes: [UInt8]) {
        guard let type = bytes.first else { return }
        let body = Array(bytes.dropFirst())
        if type == 0 {
            guard let tx = try? Transaction.decode(body), let k = work.indexById[tx.id] else { return }
            miners[i].received[k] = tx
            if !onChain(miners[i], k) { miners[i].pool.insert(k) }
        } else {
            accept(i, body)
        }
    }

    /// Validates a block (puzzle, link, transaction signatures) and adopts it if it makes a
    /// longer chain; blocks whose parent has not arrived wait as orphans.
    private func accept(_ i: Int, _ block: [UInt8]) {
        let m = miners[i]
        guard block.count >= PoWHeader.size else { return }
        let header = Array(block[0..<PoWHeader.size])
        let hash = PoWHeader.digest(header)
        guard m.blocks[hash] == nil, PoWHeader.meets(hash, target: target) else { return }
        var r = WireIn(raw: header)
        guard let height = (try? r.u64("field")), let previous = (try? r.raw(32, "field")), (try? r.u16("field")) != nil, let merkle = (try? r.raw(32, "field")) else { return }
        let batch = Array(block[PoWHeader.size...])
        guard SHA256.hash(batch) == merkle, let encoded = Batch.decode(batch) else { return }
        let parentHeight: UInt64
        if previous == PoWSim.genesis {
            parentHeight = 0
        } else if let p = m.blocks[previous] {
            parentHeight = p.height
        } else {
            m.orphans[previous, default: []].append(block)
            return
        }
        guard height == parentHeight + 1 else { return }
        var txs: [Int] = []
        for e in encoded {
            guard let tx = try? Transaction.decode(e), work.verify(tx), let k = work.indexById[tx.id] else { return }
            txs.append(k)
        }
        m.blocks[hash] = Stored(height: height, previous: previous, txs: txs)
        if height > m.tipHeight {
            let extends = previous == m.tip
            m.tip = hash
            m.tipHeight = height
            m.template = nil
            if extends {
                for k in txs { m.pool.remove(k) }
            } else {
                reorgs += 1
                let chain = chainTransactions(m)
                m.pool = Set(m.received.keys.filter { !chain.contains($0) })
            }
            if i == observer { recordFinality() }
        }
        for child in m.orphans.removeValue(forKey: hash) ?? [] { accept(i, child) }
    }

    private func chainTransactions(_ m: Miner) -> Set<Int> {
        var out: Set<Int> = []
        var h = m.tip
        while let b = m.blocks[h] {
            out.formUnion(b.txs)
            h = b.previous
        }
        return out
    }

    private func onChain(_ m: Miner, _ k: Int) -> Bool {
        var h = m.tip
        while let b = m.blocks[h] {
            if b.txs.contains(k) { return true }
            h = b.previous
        }
        return false
    }

    /// Marks blocks `powConfirmations` deep on the observer's chain final; a final block that
    /// later leaves the chain is a safety violation.
    private func recordFinality() {
        let m = miners[observer]
        var h = m.tip
        while let b = m.blocks[h] {
            if let f = finalized[b.height], f != h { violations += 1 }
            if m.tipHeight - b.height + 1 >= config.powConfirmations, finalized[b.height] == nil {
                finalized[b.height] = h
                for k in b.txs where finalTime[k] == nil { finalTime[k] = queue.now }
            }
            h = b.previous
        }
    }
}
