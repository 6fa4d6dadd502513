// SPDX-License-Identifier: Apache-2.0

/// Deterministic pseudo-random numbers (SplitMix64): delays and workload must be the same
/// on every run so that protocols are compared on identical inputs.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0...bound` (bound small, bias irrelevant for delays).
    mutating func upTo(_ bound: UInt64) -> UInt64 { bound == 0 ? 0 : next() % (bound + 1) }
}

/// The in-process network: every message is an encoded byte string delivered to the
/// receiver's handler after a one-way delay drawn uniformly from `minDelay...maxDelay`
/// simulated milliseconds. Messages to or from a crashed node are dropped (and not counted).
final class Network {
    let queue: EventQueue
    let minDelay: UInt64
    let maxDelay: UInt64
    private var random: SplitMix64
    private(set) var messages: UInt64 = 0
    private(set) var bytes: UInt64 = 0
    var crashed: Set<Int> = []
    /// `handlers[i](from, bytes)` receives node i's messages.
    var handlers: [(Int, [UInt8]) -> Void] = []

    init(queue: EventQueue, minDelay: UInt64, maxDelay: UInt64, seed: UInt64) {
        self.queue = queue
        self.minDelay = minDelay
        self.maxDelay = maxDelay
        random = SplitMix64(seed: seed)
    }

    func delay() -> UInt64 { minDelay + random.upTo(maxDelay - minDelay) }

    /// Sends `payload` from `from` to `to` after a drawn delay plus `extra` milliseconds.
    func send(from: Int, to: Int, _ payload: [UInt8], extra: UInt64 = 0) {
        guard !crashed.contains(from), !crashed.contains(to), to < handlers.count else { return }
        messages += 1
        bytes += UInt64(payload.count)
        let handler = handlers[to]
        queue.schedule(after: delay() + extra) { handler(from, payload) }
    }

    /// Sends to every node but the sender (each copy counted: no multicast on the wire).
    func broadcast(from: Int, _ payload: [UInt8]) {
        for to in 0..<handlers.count where to != from { send(from: from, to: to, payload) }
    }
}
