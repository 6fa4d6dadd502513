// SPDX-License-Identifier: Apache-2.0

/// One entry of a record's access policy: an identity and an optional expiry.
///
/// Layout inside `record`: `identity id ‖ expiresAt u64` (Unix ms; 0 = never expires).
/// A grant allows requests in blocks whose timestamp is before `expiresAt`.
public struct AccessGrant: Sendable, Hashable {
    public var identity: [UInt8]
    /// Unix milliseconds after which the grant no longer holds; nil for no expiry.
    public var expiresAt: UInt64?

    public init(identity: [UInt8], expiresAt: UInt64? = nil) {
        self.identity = identity
        self.expiresAt = expiresAt
    }

    func write(_ w: inout WireWriter) {
        w.id(identity)
        w.u64(expiresAt ?? 0)
    }

    static func read(_ r: inout WireReader, _ what: String) throws(LedgerError) -> AccessGrant {
        let identity = try r.idBytes(what + ".identity")
        let expiry = try r.u64(what + ".expiresAt")
        return AccessGrant(identity: identity, expiresAt: expiry == 0 ? nil : expiry)
    }
}
