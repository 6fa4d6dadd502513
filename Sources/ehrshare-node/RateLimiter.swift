// SPDX-License-Identifier: Apache-2.0

/// Two token buckets per peer connection, messages and bytes, refilled by the monotonic
/// clock; a burst of four seconds' worth is allowed. A peer that empties either bucket is
/// flooding and is cut off (honest peers send a status a second, the blocks of their
/// slots, the transactions they admitted and ranges they were asked for).
struct RateLimiter {
    private let messageRate: Double
    private let byteRate: Double
    private var messages: Double
    private var bytes: Double
    private var last: UInt64

    init(messagesPerSecond: Int, bytesPerSecond: Int, now: UInt64 = RunClock.monotonicMillis()) {
        messageRate = Double(max(1, messagesPerSecond))
        byteRate = Double(max(1, bytesPerSecond))
        messages = messageRate * 4
        bytes = byteRate * 4
        last = now
    }

    /// Takes one message of `size` bytes; false if the peer is over its rate.
    mutating func admit(size: Int, now: UInt64 = RunClock.monotonicMillis()) -> Bool {
        let elapsed = Double(now &- last) / 1000
        last = now
        messages = min(messageRate * 4, messages + elapsed * messageRate)
        bytes = min(byteRate * 4, bytes + elapsed * byteRate)
        messages -= 1
        bytes -= Double(size)
        return messages >= 0 && bytes >= 0
    }
}
