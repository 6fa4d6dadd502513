// SPDX-License-Identifier: Apache-2.0
import EhrNode
import Glibc

/// Wall-clock helpers shared by the commands and the node.
enum RunClock {
    /// Unix milliseconds (the same source the slot clock reads).
    static func unixMillis() -> UInt64 { SlotClock.systemMillis() }

    /// Monotonic milliseconds, for rate limits and back-offs that must not jump with NTP.
    static func monotonicMillis() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(max(ts.tv_sec, 0)) &* 1000 &+ UInt64(max(ts.tv_nsec, 0) / 1_000_000)
    }
}
