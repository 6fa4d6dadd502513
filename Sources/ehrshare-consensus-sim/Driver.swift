// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import Glibc

/// Runs every (N, protocol, scenario) combination, prints a summary line per run and writes the CSV.
struct Driver {
    let config: SimConfig

    /// Parses the arguments (usage error → exit code 2) and runs.
    static func main(_ arguments: [String]) -> Int32 {
        let (config, message) = SimConfig.parse(arguments)
        guard let config else {
            guard let message else {
                print(SimConfig.usage)
                return 0
            }
            printError("error: \(message)\n\(SimConfig.usage)\n")
            return 2
        }
        return Driver(config: config).runAll()
    }

    @inline(never)
    func runAll() -> Int32 {
        print("consensus simulation: N = \(config.nodeCounts), \(config.seconds) s of load at "
            + "\(config.txPerSecond) tx/s, delay \(config.minDelay)-\(config.maxDelay) ms, "
            + "block interval \(config.blockMillis) ms")
        var rows: [String] = [RunResult.header]
        for n in config.nodeCounts {
            let work: Workload
            do { work = try Workload(nodes: n, config: config) } catch {
                printError("error: cannot build the workload for N = \(n): \(error)\n")
                return 1
            }
            for proto in config.protocols {
                for scenario in config.scenarios where !(proto == "pow" && scenario == .byzantine) {
                    do {
                        let result = try runOne(proto, work, scenario)
                        print(result.summary)
                        rows.append(result.csvRow)
                    } catch {
                        printError("error: \(proto) N = \(n) \(scenario): \(error)\n")
                        return 1
                    }
                }
            }
        }
        guard let file = fopen(config.output, "w") else {
            printError("error: cannot write \(config.output)\n")
            return 1
        }
        for row in rows { fputs(row + "\n", file) }
        fclose(file)
        print("wrote \(config.output)")
        return 0
    }

    private func runOne(_ proto: String, _ work: Workload, _ scenario: Scenario) throws(LedgerError) -> RunResult {
        switch proto {
        case "dpos": return try DPoSSim(workload: work, config: config, scenario: scenario).run()
        case "pbft": return PBFTSim(workload: work, config: config, scenario: scenario).run()
        default: return PoWSim(workload: work, config: config, scenario: scenario).run()
        }
    }
}

/// Writes to standard error (file descriptor 2; the C `stderr` global is not concurrency-safe).
func printError(_ message: String) {
    var bytes = Array(message.utf8)
    _ = write(2, &bytes, bytes.count)
}
