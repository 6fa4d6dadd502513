// SPDX-License-Identifier: Apache-2.0
import EhrWire
import Synchronization

/// Remembers identity signatures that verified, so a node checks each one with pairings once
/// instead of at admission, again at block building and again in every block that carries it.
///
/// A Cha–Cheon verification costs two pairings (PROTOCOL.md §9); a node sees the same
/// transaction when a client submits it, when a peer relays it and when the block carrying it
/// arrives. Only successes are stored, keyed by SHA-256 over the length-prefixed identity,
/// message and signature, so a hit means exactly these inputs verified before. Bounded: when
/// full, the oldest entries go first. Thread-safe (a `Mutex`), as the `Sendable` verifier that
/// holds it must be.
public final class VerifiedSignatureCache: Sendable {
    private struct State {
        var keys: Set<[UInt8]> = []
        var order: [[UInt8]] = []
        var head = 0
    }

    public let capacity: Int
    private let state = Mutex(State())

    public init(capacity: Int = 65_536) {
        self.capacity = max(1, capacity)
    }

    /// The cache key: unambiguous because every variable part carries its length.
    public static func key(identity: [UInt8], message: [UInt8], signature: [UInt8]) -> [UInt8] {
        var input: [UInt8] = []
        input.reserveCapacity(12 + identity.count + message.count + signature.count)
        for part in [identity, message, signature] {
            let n = UInt32(truncatingIfNeeded: part.count)
            input += [UInt8(n >> 24), UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 8),
                      UInt8(truncatingIfNeeded: n)]
            input += part
        }
        return SHA256.hash(input)
    }

    public func contains(_ key: [UInt8]) -> Bool {
        state.withLock { $0.keys.contains(key) }
    }

    public func insert(_ key: [UInt8]) {
        state.withLock { s in
            guard s.keys.insert(key).inserted else { return }
            s.order.append(key)
            while s.keys.count > capacity, s.head < s.order.count {
                s.keys.remove(s.order[s.head])
                s.head += 1
            }
            // Compact the eviction queue once its consumed prefix dominates.
            if s.head > capacity {
                s.order.removeFirst(s.head)
                s.head = 0
            }
        }
    }

    public var count: Int { state.withLock { $0.keys.count } }
}
