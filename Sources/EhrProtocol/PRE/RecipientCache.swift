// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrPairing
import Synchronization

/// A bounded, thread-safe cache of `E = e(H1e(id), y)` per recipient and
/// master key (DESIGN.md §7, PROTOCOL.md §6): encryption to a known recipient
/// then costs one G2 multiplication and one GT exponentiation, no pairing.
///
/// Keyed by the identity bytes *and* the compressed master key, so one cache
/// may serve several deployments. When full, the oldest entry is evicted
/// (insertion order). The values are public, so no wiping is needed.
public final class RecipientCache: Sendable {
    struct Key: Hashable, Sendable {
        let id: [UInt8]
        let masterKey: [UInt8]
    }

    struct State: Sendable {
        var values: [Key: GT] = [:]
        var order: [Key] = []
        var head = 0
        var hits = 0
        var misses = 0
    }

    /// Maximum number of entries kept.
    public let capacity: Int
    private let state = Mutex(State())

    /// - Parameter capacity: maximum number of entries (at least 1).
    public init(capacity: Int = 4096) {
        self.capacity = max(1, capacity)
    }

    /// Number of entries currently held.
    public var count: Int { state.withLock { $0.values.count } }

    /// (hits, misses) since creation, for tests and diagnostics.
    public var statistics: (hits: Int, misses: Int) { state.withLock { ($0.hits, $0.misses) } }

    /// Returns the cached value for (`id`, `masterKey`) or computes it with
    /// `compute` outside the lock and stores it. Two threads missing at once
    /// both compute; both results are equal, so the race is harmless.
    func value(id: [UInt8], masterKey: [UInt8], compute: () throws(ProtocolError) -> GT) throws(ProtocolError) -> GT {
        let key = Key(id: id, masterKey: masterKey)
        let cached: GT? = state.withLock { s in
            if let v = s.values[key] {
                s.hits += 1
                return v
            }
            s.misses += 1
            return nil
        }
        if let cached { return cached }
        let v = try compute()
        state.withLock { s in
            guard s.values[key] == nil else { return }
            while s.values.count >= capacity, s.head < s.order.count {
                s.values[s.order[s.head]] = nil
                s.head += 1
            }
            // Compact the eviction queue once its consumed prefix dominates.
            if s.head > capacity {
                s.order.removeFirst(s.head)
                s.head = 0
            }
            s.values[key] = v
            s.order.append(key)
        }
        return v
    }

    /// Drops every entry (e.g. after a key epoch change).
    public func removeAll() {
        state.withLock { $0 = State() }
    }
}
