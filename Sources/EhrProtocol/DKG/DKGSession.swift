// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField

/// One authority of the consortium roster: its name (canonical bytes, as in the genesis
/// block) and its long-term node keys.
public struct DKGRosterEntry: Sendable, Hashable {
    /// The authority's name, 1–1024 bytes of UTF-8 (e.g. `hospital-A`).
    public let name: Identity
    /// Its public node keys.
    public let keys: DKGNodePublicKey

    public init(name: Identity, keys: DKGNodePublicKey) {
        self.name = name
        self.keys = keys
    }
}

/// The public parameters of one DKG run (PROTOCOL.md §4): threshold `t` (authorities needed;
/// polynomials of degree t−1), the ordered roster of `n` authorities (index k is
/// `roster[k − 1]`), the session id and the Pedersen base `h`.
///
/// `sid = SHA-256("EHRSHARE-V1-DKG" ‖ u16 n ‖ (id(name) ‖ ed25519 ‖ x25519)_1..n ‖ u16 t ‖ u16 n ‖ nonce)`:
/// the ordered authority list binds the node keys too, so a session cannot be replayed with
/// another roster. Every DKG message carries `sid`; a message for another session is rejected
/// (`ProtocolError.param`).
public struct DKGSession: Sendable {
    /// Domain prefix of the session-id hash.
    public static let domain: [UInt8] = Array("EHRSHARE-V1-DKG".utf8)
    /// Largest consortium (PROTOCOL.md §4: n ≤ 256).
    public static let maxAuthorities = 256

    /// The 32-byte session id.
    public let sid: [UInt8]
    /// Threshold: any `t` shares determine the key; degree t−1.
    public let t: Int
    /// Number of authorities.
    public let n: Int
    /// The ordered roster; authority `k` (1-based) is `roster[k − 1]`.
    public let roster: [DKGRosterEntry]
    /// The Pedersen base h = hash_to_G2("EHRSHARE Pedersen generator h", DST pedersen).
    public let pedersenBase: G2Affine

    /// Creates the session and derives its id.
    ///
    /// - Parameters:
    ///   - roster: the authorities in index order (1..n), with distinct names and keys.
    ///   - threshold: t with 1 ≤ t ≤ n. t = n is the paper's setting (Luo et al. 2019). The run
    ///     tolerates min(t − 1, n − t) misbehaving authorities: complaints disqualify only at t
    ///     complainers, and a phase-2 reconstruction needs t valid shares from the others. So
    ///     n ≥ 2t − 1 (PROTOCOL.md §4) is what makes it robust against t − 1; with t = n a single
    ///     silent or cheating qualified dealer makes the run fail with `ProtocolError.state`.
    ///   - nonce: fresh public randomness agreed on the ledger (at least 16 bytes).
    /// - Throws: `ProtocolError.param` for an invalid roster, threshold or nonce;
    ///   `CurveError` if hashing the Pedersen base fails.
    public init(roster: [DKGRosterEntry], threshold: Int, nonce: [UInt8]) throws {
        let n = roster.count
        guard n >= 1, n <= DKGSession.maxAuthorities else {
            throw ProtocolError.param("a DKG needs 1 to \(DKGSession.maxAuthorities) authorities, got \(n)")
        }
        guard threshold >= 1, threshold <= n else {
            throw ProtocolError.param("threshold t = \(threshold) needs 1 ≤ t ≤ n (n = \(n))")
        }
        guard nonce.count >= 16, nonce.count <= 1024 else {
            throw ProtocolError.param("the session nonce must be 16 to 1024 bytes, got \(nonce.count)")
        }
        guard Set(roster.map(\.name)).count == n, Set(roster.map(\.keys.signing)).count == n,
              Set(roster.map(\.keys.agreement)).count == n
        else { throw ProtocolError.param("roster names and node keys must be distinct") }

        var w = WireWriter()
        w.raw(DKGSession.domain)
        w.u16(UInt16(n))
        for entry in roster {
            w.id(entry.name.bytes)
            w.raw(entry.keys.signing)
            w.raw(entry.keys.agreement)
        }
        w.u16(UInt16(threshold))
        w.u16(UInt16(n))
        w.blob(nonce)
        self.sid = SHA256.hash(w.bytes)
        self.t = threshold
        self.n = n
        self.roster = roster
        self.pedersenBase = try DKGSession.pedersenBase()
    }

    /// h = hash_to_G2("EHRSHARE Pedersen generator h") with the Pedersen DST (PROTOCOL.md §3).
    /// Nobody knows log_g2(h), which is what makes the phase-1 commitments hiding.
    public static func pedersenBase() throws(CurveError) -> G2Affine {
        try hashToG2(msg: DomainTags.pedersenMessage, dst: DomainTags.pedersen).toAffine()
    }

    /// Checks that `index` names an authority (1..n).
    func check(index: UInt16, _ what: String) throws(ProtocolError) {
        guard index >= 1, Int(index) <= n else {
            throw .param("\(what) index \(index) is outside 1..\(n)")
        }
    }

    /// Checks a message's session id.
    func check(sid other: [UInt8]) throws(ProtocolError) {
        guard other == sid else { throw .param("message belongs to another DKG session") }
    }

    /// The roster entry of authority `index` (1-based; callers check the range first).
    func entry(_ index: UInt16) -> DKGRosterEntry { roster[Int(index) - 1] }

    /// All indices 1..n.
    var indices: ClosedRange<UInt16> { 1...UInt16(n) }
}
