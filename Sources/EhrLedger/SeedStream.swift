// SPDX-License-Identifier: Apache-2.0
import EhrStore

/// A deterministic stream of 64-bit words: SHA-256(seed ‖ counter u32), 4 words per block.
struct SeedStream {
    private let seed: [UInt8]
    private var counter: UInt32 = 0
    private var buffer: [UInt64] = []

    init(seed: [UInt8]) { self.seed = seed }

    mutating func next() -> UInt64 {
        if buffer.isEmpty {
            var w = WireWriter()
            w.raw(seed)
            w.u32(counter)
            counter &+= 1
            let digest = SHA256.hash(w.bytes)
            for i in stride(from: 0, to: 32, by: 8) {
                buffer.append(digest[i..<i + 8].reduce(0) { $0 << 8 | UInt64($1) })
            }
        }
        return buffer.removeFirst()
    }

    /// Uniform in `0..<bound` by rejection sampling (no modulo bias); bound ≥ 1.
    mutating func uniform(below bound: UInt64) -> UInt64 {
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let x = next()
            if x < limit { return x % bound }
        }
    }
}
