// SPDX-License-Identifier: Apache-2.0

/// What one protocol run measured; one CSV row.
struct RunResult {
    var proto: String
    var scenario: Scenario
    var nodes: Int
    /// Blocks final at the observer (DPoS: up to its LIB; PBFT: executed; PoW: k deep).
    var committedBlocks = 0
    /// Blocks on the observer's chain at the end, final or not: what the network built.
    var chainBlocks = 0
    var submittedTx = 0
    var committedTx = 0
    var cpuSeconds = 0.0
    var wallSeconds = 0.0
    var simSeconds = 0.0
    var messages: UInt64 = 0
    var bytes: UInt64 = 0
    /// Submission → finality at the observer node, simulated milliseconds, one per committed tx.
    var latencies: [Double] = []
    /// Finalised blocks that a node later lost (must stay 0: the safety check).
    var safetyViolations = 0
    /// Protocol-specific event count: DPoS equivocating slots, PBFT view changes, PoW forks.
    var faultEvents = 0
    /// Chain reorganisations summed over all nodes (DPoS, PoW; 0 for PBFT, which never forks).
    var reorgs = 0
    /// PoW: SHA-256 puzzle attempts made by all miners (0 for the others).
    var hashes: UInt64 = 0
    /// Protocol parameter worth a column: PoW difficulty in bits, DPoS K, PBFT f.
    var parameter = 0.0

    static let header = [
        "protocol", "scenario", "nodes", "parameter", "committed_blocks", "chain_blocks", "submitted_tx", "committed_tx",
        "cpu_s", "wall_s", "sim_s", "cpu_s_per_block", "cpu_s_per_chain_block", "cpu_util_wall", "cpu_s_per_sim_s",
        "latency_mean_ms", "latency_p50_ms", "latency_p95_ms", "msgs_per_block", "bytes_per_block",
        "throughput_tps", "fault_events", "reorgs", "safety_violations", "pow_hashes",
    ].joined(separator: ",")

    private func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let i = min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded()))
        return sorted[i]
    }

    var csvRow: String {
        let sorted = latencies.sorted()
        let mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        let blocks = Double(max(committedBlocks, 1))
        let fields: [String] = [
            proto, scenario.rawValue, "\(nodes)", fmt(parameter, 2), "\(committedBlocks)", "\(chainBlocks)", "\(submittedTx)",
            "\(committedTx)", fmt(cpuSeconds, 4), fmt(wallSeconds, 4), fmt(simSeconds, 1),
            fmt(cpuSeconds / blocks, 6), fmt(cpuSeconds / Double(max(chainBlocks, 1)), 6), fmt(wallSeconds > 0 ? cpuSeconds / wallSeconds : 0, 3),
            fmt(simSeconds > 0 ? cpuSeconds / simSeconds : 0, 5), fmt(mean, 1), fmt(percentile(sorted, 0.5), 1),
            fmt(percentile(sorted, 0.95), 1), fmt(Double(messages) / blocks, 1), fmt(Double(bytes) / blocks, 1),
            fmt(simSeconds > 0 ? Double(committedTx) / simSeconds : 0, 2), "\(faultEvents)", "\(reorgs)", "\(safetyViolations)", "\(hashes)",
        ]
        return fields.joined(separator: ",")
    }

    var summary: String {
        let sorted = latencies.sorted()
        let mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        let blocks = Double(max(committedBlocks, 1))
        return pad(proto, 5) + pad(scenario.rawValue, 10) + pad("N=\(nodes)", 6) + pad("blocks \(committedBlocks)/\(chainBlocks)", 13)
            + pad("tx \(committedTx)/\(submittedTx)", 12) + pad("cpu/blk \(fmt(cpuSeconds / blocks * 1000, 2)) ms", 22)
            + pad("lat \(fmt(mean, 0)) ms", 14) + pad("msg/blk \(fmt(Double(messages) / blocks, 0))", 14)
            + "faults \(faultEvents) reorgs \(reorgs) unsafe \(safetyViolations)"
    }
}
