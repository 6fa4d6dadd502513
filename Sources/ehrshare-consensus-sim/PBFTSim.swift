// SPDX-License-Identifier: Apache-2.0
import Glibc

/// Runs N = 3f+1 PBFT replicas on the in-process network. The primary proposes a batch of the
/// pending requests every `blockMillis` (the same cadence as DPoS slots); a batch is final at
/// a replica once it has 2f+1 matching commits and every lower sequence number executed.
/// Latency is measured at replica 1 (never the crashed or Byzantine one).
final class PBFTSim {
    let work: Workload
    let config: SimConfig
    let queue = EventQueue()
    let network: Network
    private let scenario: Scenario
    private var replicas: [PBFTReplica] = []
    private let crashed: Int?
    private let observer = 1
    private var decided: [UInt64: [UInt8]] = [:]
    private var finalTime: [Int: UInt64] = [:]
    private var observerBlocks = 0
    private var violations = 0

    var nodeCount: Int { work.keys.count }

    init(workload: Workload, config: SimConfig, scenario: Scenario) {
        work = workload
        self.config = config
        self.scenario = scenario
        crashed = scenario == .crash ? 0 : nil
        network = Network(queue: queue, minDelay: config.minDelay, maxDelay: config.maxDelay, seed: config.seed)
        for i in 0..<workload.keys.count {
            replicas.append(PBFTReplica(id: i, sim: self, byzantine: scenario == .byzantine && i == 2))
        }
    }

    /// Called by honest replicas on execution: all of them must execute the same batch at
    /// each sequence number (the safety check), and the observer's time is the finality time.
    func executed(replica: Int, seq: UInt64, digest: [UInt8], transactions: [Int]) {
        if let d = decided[seq], d != digest { violations += 1 } else { decided[seq] = digest }
        guard replica == observer else { return }
        observerBlocks += 1
        for k in transactions where finalTime[k] == nil { finalTime[k] = queue.now }
    }

    func safetyViolation() { violations += 1 }

    func run() -> RunResult {
        var result = RunResult(proto: "pbft", scenario: scenario, nodes: nodeCount)
        result.parameter = Double((nodeCount - 1) / 3)
        if let crashed { network.crashed = [crashed] }
        network.handlers = replicas.map { r in { [unowned r] _, bytes in
            if bytes.first == 0 { r.request(Array(bytes.dropFirst())) } else { r.receive(bytes) }
        } }
        let meter = CPUMeter()
        for item in work.items {
            queue.schedule(at: item.submitAt) { [unowned self] in
                // Requests go to every replica so that backups can time out a silent primary.
                for i in 0..<self.nodeCount { self.network.send(from: -1, to: i, [0] + item.encoded) }
            }
        }
        let submitEnd = config.seconds * 1000
        let end = submitEnd + config.drainSeconds * 1000
        var t: UInt64 = 0
        var tick: UInt64 = 1
        while t < end {
            let at = tick * config.blockMillis
            queue.schedule(at: at) { [unowned self] in
                for (i, r) in self.replicas.enumerated() where i != self.crashed { r.tick() }
            }
            queue.run(until: at + config.blockMillis - 1)
            t = at + config.blockMillis - 1
            tick += 1
            if t >= submitEnd && finalTime.count == work.items.count { break }
        }
        result.cpuSeconds = meter.cpu
        result.wallSeconds = meter.wall
        result.simSeconds = Double(t) / 1000
        result.committedBlocks = observerBlocks
        result.chainBlocks = observerBlocks
        result.submittedTx = work.items.count
        result.committedTx = finalTime.count
        result.latencies = finalTime.map { Double($0.value - work.items[$0.key].submitAt) }
        result.messages = network.messages
        result.bytes = network.bytes
        // View changes installed at the observer plus batches the Byzantine replica equivocated on.
        result.faultEvents = replicas[observer].viewsInstalled + replicas.reduce(0) { $0 + $1.equivocations }
        result.safetyViolations = violations
        let target = replicas[observer].executedUpTo
        let lagging = replicas.filter { $0.id != crashed && !$0.byzantine && $0.executedUpTo < target }.count
        if getenv("SIM_DEBUG") != nil { print("pbft: \(lagging) honest replicas behind the observer (\(target))") }
        return result
    }
}
