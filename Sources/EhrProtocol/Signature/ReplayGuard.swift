// SPDX-License-Identifier: Apache-2.0
import Synchronization

/// Freshness and nonce-reuse checks for SIGNED envelopes (PROTOCOL.md §9):
/// reject `|now − ts| > window` (`ProtocolError.stale`) and any
/// `(signer, nonce)` already accepted within 2× the window (`.replay`).
///
/// Time is injected by the caller (`now`, Unix ms) so that verifiers can use
/// ledger time and tests can move the clock. Memory is bounded: an entry is
/// dropped once it is older than 2× the window (its envelope is stale by then,
/// whatever its timestamp), and if more than `capacity` entries are live the
/// guard refuses new ones (fail closed) rather than forget live ones.
/// Thread-safe: one guard may serve all threads of a verifier.
public final class ReplayGuard: Sendable {
    struct Key: Hashable, Sendable {
        let signer: [UInt8]
        let nonce: [UInt8]
    }

    struct State: Sendable {
        var seen: [Key: UInt64] = [:]     // key → `now` at acceptance
        var lastPrune: UInt64 = 0
    }

    /// The freshness window in ms (default 300 000 = 5 minutes).
    public let windowMs: UInt64
    /// Maximum number of live entries.
    public let capacity: Int
    private let state = Mutex(State())

    /// - Parameters:
    ///   - windowMs: the freshness window (PROTOCOL.md §9: 300 s).
    ///   - capacity: the most live (signer, nonce) entries kept before failing closed.
    public init(windowMs: UInt64 = 300_000, capacity: Int = 1 << 20) {
        self.windowMs = windowMs
        self.capacity = max(1, capacity)
    }

    /// Number of remembered (signer, nonce) pairs.
    public var count: Int { state.withLock { $0.seen.count } }

    /// Accepts the envelope's (signer, nonce, timestamp) once, or throws.
    /// Call it only after the signature verified, so forgeries cannot burn nonces.
    /// - Throws: `ProtocolError.stale` outside the window; `.replay` for a reused
    ///   nonce (or when the guard is full).
    public func accept(signer: Identity, nonce: [UInt8], timestamp: UInt64, now: UInt64) throws(ProtocolError) {
        let skew = now >= timestamp ? now - timestamp : timestamp - now
        guard skew <= windowMs else {
            throw .stale("timestamp \(timestamp) is \(skew) ms from now (window \(windowMs) ms)")
        }
        let key = Key(signer: signer.bytes, nonce: nonce)
        let keep = windowMs > UInt64.max / 2 ? UInt64.max : 2 * windowMs
        let cap = capacity
        let outcome: ProtocolError? = state.withLock { s in
            if now &- s.lastPrune > windowMs / 2 || s.seen.count >= cap {
                s.seen = s.seen.filter { now < $0.value || now - $0.value <= keep }
                s.lastPrune = now
            }
            if let at = s.seen[key], now < at || now - at <= keep {
                return .replay("nonce of \(signer) already used")
            }
            guard s.seen.count < cap else { return .replay("replay guard is full") }
            s.seen[key] = now
            return nil
        }
        if let outcome { throw outcome }
    }
}
