// SPDX-License-Identifier: Apache-2.0
import Glibc

/// Process CPU time (user + system of all threads, CLOCK_PROCESS_CPUTIME_ID) and wall time
/// (CLOCK_MONOTONIC), read around each protocol run. Measured, never estimated.
struct CPUMeter {
    static func processSeconds() -> Double { read(CLOCK_PROCESS_CPUTIME_ID) }
    static func wallSeconds() -> Double { read(CLOCK_MONOTONIC) }

    private static func read(_ clock: clockid_t) -> Double {
        var ts = timespec()
        guard clock_gettime(clock, &ts) == 0 else { return 0 }
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    private let cpuStart = CPUMeter.processSeconds()
    private let wallStart = CPUMeter.wallSeconds()

    var cpu: Double { CPUMeter.processSeconds() - cpuStart }
    var wall: Double { CPUMeter.wallSeconds() - wallStart }
}
