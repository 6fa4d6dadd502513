// SPDX-License-Identifier: Apache-2.0
import Synchronization

/// Freshness and nonce-reuse checks for SIGNED envelopes (PROTOCOL.md §9):
/// reject `|now − ts| > window` (`ProtocolError.stale`) and any
/// `(signer, nonce)` already accepted within 2× the window (`.replay`).
///
/// Time is injected by the caller (`now`, Unix ms) so that verifiers can use
/// ledger time and tests can move the clock. Memory is bounded in two ways:
/// - per signer: an entry is dropped once it is older than 2× the window (its
///   envelope is stale by then, whatever its timestamp), and if one signer has
///   `capacity` live entries the guard refuses that signer's new ones (fail
///   closed) rather than forget live ones. The bound is per signer so that one
///   busy or hostile signer cannot lock every other signer out.
/// - across signers: at most `maxSigners` windows are kept. When a new signer
///   arrives and the bound is reached, windows with no live entry go first, then
///   the least recently used signer's window is evicted whole; another signer's
///   live entries are never dropped to make room inside a window.
/// Thread-safe: one guard may serve all threads of a verifier.
public final class ReplayGuard: Sendable {
    struct Window: Sendable {
        var seen: [[UInt8]: UInt64] = [:]   // nonce → `now` at acceptance
        var lastUse: UInt64 = 0             // logical tick of the last accept (LRU order)
    }

    struct State: Sendable {
        var windows: [[UInt8]: Window] = [:]   // signer identity bytes → its window
        var entries = 0
        var tick: UInt64 = 0
        var lastPrune: UInt64 = 0
    }

    /// The freshness window in ms (default 300 000 = 5 minutes).
    public let windowMs: UInt64
    /// Maximum number of live entries of one signer.
    public let capacity: Int
    /// Maximum number of signers whose windows are kept.
    public let maxSigners: Int
    private let state = Mutex(State())

    /// - Parameters:
    ///   - windowMs: the freshness window (PROTOCOL.md §9: 300 s).
    ///   - capacity: the most live (signer, nonce) entries kept for one signer before
    ///     that signer's new requests fail closed.
    ///   - maxSigners: the most signers tracked at once (least recently used evicted).
    public init(windowMs: UInt64 = 300_000, capacity: Int = 1 << 12, maxSigners: Int = 1 << 16) {
        self.windowMs = windowMs
        self.capacity = max(1, capacity)
        self.maxSigners = max(1, maxSigners)
    }

    /// Number of remembered (signer, nonce) pairs, all signers together.
    public var count: Int { state.withLock { $0.entries } }

    /// Number of signers whose windows are kept.
    public var signerCount: Int { state.withLock { $0.windows.count } }

    /// Accepts the envelope's (signer, nonce, timestamp) once, or throws.
    /// Call it only after the signature verified, so forgeries cannot burn nonces.
    /// - Throws: `ProtocolError.stale` outside the window; `.replay` for a reused
    ///   nonce (or when this signer's window is full).
    public func accept(signer: Identity, nonce: [UInt8], timestamp: UInt64, now: UInt64) throws(ProtocolError) {
        let skew = now >= timestamp ? now - timestamp : timestamp - now
        guard skew <= windowMs else {
            throw .stale("timestamp \(timestamp) is \(skew) ms from now (window \(windowMs) ms)")
        }
        let keep = windowMs > UInt64.max / 2 ? UInt64.max : 2 * windowMs
        let live: (UInt64) -> Bool = { at in now < at || now - at <= keep }
        let cap = capacity, maxSigners = maxSigners
        let outcome: ProtocolError? = state.withLock { s in
            if now &- s.lastPrune > windowMs / 2 {
                ReplayGuard.pruneAll(&s, live)
                s.lastPrune = now
            }
            s.tick &+= 1
            let tick = s.tick
            let id = signer.bytes
            if s.windows[id] == nil, s.windows.count >= maxSigners {
                ReplayGuard.pruneAll(&s, live)
                s.lastPrune = now
                if s.windows.count >= maxSigners, let lru = s.windows.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                    s.entries -= lru.value.seen.count
                    s.windows[lru.key] = nil
                }
            }
            var w = s.windows[id] ?? Window()
            s.windows[id] = nil   // edit in place below without a second copy
            defer { s.windows[id] = w }
            w.lastUse = tick
            if let at = w.seen[nonce], live(at) {
                return .replay("nonce of \(signer) already used")
            }
            if w.seen.count >= cap {
                let before = w.seen.count
                w.seen = w.seen.filter { live($0.value) }
                s.entries -= before - w.seen.count
            }
            guard w.seen.count < cap else { return .replay("replay guard is full for \(signer)") }
            if w.seen.updateValue(now, forKey: nonce) == nil { s.entries += 1 }
            return nil
        }
        if let outcome { throw outcome }
    }

    /// Drops every entry that is no longer live, and every signer left with none.
    private static func pruneAll(_ s: inout State, _ live: (UInt64) -> Bool) {
        var entries = 0
        var kept: [[UInt8]: Window] = [:]
        kept.reserveCapacity(s.windows.count)
        for (id, var w) in s.windows {
            w.seen = w.seen.filter { live($0.value) }
            if !w.seen.isEmpty {
                entries += w.seen.count
                kept[id] = w
            }
        }
        s.windows = kept
        s.entries = entries
    }
}
