// SPDX-License-Identifier: Apache-2.0

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
