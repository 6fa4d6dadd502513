// SPDX-License-Identifier: Apache-2.0

/// Which fault a run injects.
enum Scenario: String, CaseIterable {
    /// Every node honest and online.
    case normal
    /// Node 0 is down for the whole run (DPoS: a scheduled producer; PBFT: the view-0 primary;
    /// PoW: one miner).
    case crash
    /// Node 2 is Byzantine (DPoS: signs two blocks for each of its slots; PBFT: sends
    /// conflicting prepares). Not run for PoW, where a lone miner can only withhold work.
    case byzantine
}

/// Parameters shared by all protocols (printed in the README with the results).
struct SimConfig {
    var nodeCounts: [Int] = [4, 7, 16, 31, 64]
    /// Simulated seconds during which clients submit transactions.
    var seconds: UInt64 = 10
    /// Extra simulated time after the last submission for pending transactions to finalise.
    var drainSeconds: UInt64 = 60
    /// Offered load, transactions per simulated second (uniform arrivals).
    var txPerSecond: UInt64 = 20
    /// One-way network delay range in simulated milliseconds.
    var minDelay: UInt64 = 5
    var maxDelay: UInt64 = 50
    /// DPoS slot length and PBFT batch interval (the same block cadence for both).
    var blockMillis: UInt64 = 500
    /// DPoS active producers: min(N, this) (EOS-style 21).
    var maxProducers: Int = 21
    /// PBFT: a backup starts a view change when a request it holds is not committed in time.
    var viewChangeTimeout: UInt64 = 2000
    /// PoW: simulated hash rate per miner = hashesPerStep per stepMillis, real hashes each.
    var powHashesPerStep: UInt64 = 16
    var powStepMillis: UInt64 = 10
    /// PoW mean block interval; difficulty = log2(N · rate · interval) so it scales with N.
    var powIntervalMillis: UInt64 = 2000
    /// PoW finality: a block is final when it is k deep (itself and k−1 blocks on top).
    var powConfirmations: UInt64 = 6
    var maxTxPerBlock: Int = 500
    var seed: UInt64 = 0x45_6872_5368_6172
    var protocols: [String] = ["dpos", "pbft", "pow"]
    var scenarios: [Scenario] = Scenario.allCases
    var output = "docs/consensus.csv"

    static let usage = """
        usage: ehrshare-consensus-sim [--quick] [--nodes 4,7,16] [--seconds S] [--drain S] [--tps R]
                                      [--delay MIN-MAX] [--protocols dpos,pbft,pow]
                                      [--scenarios normal,crash,byzantine] [--out FILE]
        """

    /// Parses the command line; nil (with a message) on a bad argument.
    @inline(never)
    static func parse(_ args: [String]) -> (SimConfig?, String?) {
        var c = SimConfig()
        var i = 0
        func value() -> String? {
            i += 1
            return i < args.count ? args[i] : nil
        }
        func number(_ s: String?, min: UInt64, max: UInt64) -> UInt64? {
            guard let s, let v = UInt64(s), v >= min, v <= max else { return nil }
            return v
        }
        while i < args.count {
            let a = args[i]
            switch a {
            case "--quick":
                c.nodeCounts = [4, 7, 16]
                c.seconds = 5
            case "--nodes":
                let parts = (value() ?? "").split(separator: ",").map { Int($0) }
                guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) >= 4 && ($0 ?? 0) <= 256 }) else {
                    return (nil, "--nodes wants a comma list of counts in 4...256")
                }
                c.nodeCounts = parts.compactMap { $0 }
            case "--seconds":
                guard let v = number(value(), min: 1, max: 3600) else { return (nil, "--seconds wants 1...3600") }
                c.seconds = v
            case "--drain":
                guard let v = number(value(), min: 1, max: 3600) else { return (nil, "--drain wants 1...3600") }
                c.drainSeconds = v
            case "--tps":
                guard let v = number(value(), min: 1, max: 1000) else { return (nil, "--tps wants 1...1000") }
                c.txPerSecond = v
            case "--delay":
                let parts = (value() ?? "").split(separator: "-").map { UInt64($0) }
                guard parts.count == 2, let lo = parts[0], let hi = parts[1], lo <= hi, hi < c.blockMillis / 2 else {
                    return (nil, "--delay wants MIN-MAX milliseconds with MAX < \(c.blockMillis / 2)")
                }
                c.minDelay = lo
                c.maxDelay = hi
            case "--protocols":
                let parts = (value() ?? "").split(separator: ",").map(String.init)
                guard !parts.isEmpty, parts.allSatisfy({ ["dpos", "pbft", "pow"].contains($0) }) else {
                    return (nil, "--protocols wants a comma list of dpos, pbft, pow")
                }
                c.protocols = parts
            case "--scenarios":
                let parts = (value() ?? "").split(separator: ",").map { Scenario(rawValue: String($0)) }
                guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
                    return (nil, "--scenarios wants a comma list of normal, crash, byzantine")
                }
                c.scenarios = parts.compactMap { $0 }
            case "--out":
                guard let v = value(), !v.isEmpty else { return (nil, "--out wants a file name") }
                c.output = v
            case "--help", "-h":
                return (nil, nil)
            default:
                return (nil, "unknown argument \(a)")
            }
            i += 1
        }
        return (c, nil)
    }
}
