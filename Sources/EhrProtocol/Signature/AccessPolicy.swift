// SPDX-License-Identifier: Apache-2.0

/// The access policy of one record as the ledger holds it (DESIGN.md §3
/// `record` and `policy` transactions): which identities are granted, until
/// when, and which are revoked. Revocation wins over a grant; granting again
/// lifts a revocation.
public struct AccessPolicy: Sendable, Equatable {
    public let recordId: [UInt8]
    public let owner: Identity
    /// Granted identities with an optional expiry (Unix ms, exclusive).
    public private(set) var grants: [Identity: UInt64?] = [:]
    public private(set) var revoked: Set<Identity> = []

    /// An empty policy (nobody granted) for `recordId` owned by `owner`.
    public init(recordId: [UInt8], owner: Identity) {
        self.recordId = recordId
        self.owner = owner
    }

    /// Grants `id` access, until `expiry` (Unix ms) if given.
    public mutating func grant(_ id: Identity, until expiry: UInt64? = nil) {
        grants[id] = .some(expiry)
        revoked.remove(id)
    }

    /// Revokes `id`.
    public mutating func revoke(_ id: Identity) {
        revoked.insert(id)
    }

    /// Whether `id` may receive a re-encryption key at time `now`.
    /// - Throws: `ProtocolError.policy` naming the reason (no entry, revoked, expired).
    public func check(_ id: Identity, now: UInt64) throws(ProtocolError) {
        guard !revoked.contains(id) else { throw .policy("\(id) is revoked for this record") }
        guard let entry = grants[id] else { throw .policy("\(id) has no policy entry for this record") }
        if let expiry = entry, now >= expiry { throw .policy("the grant of \(id) expired") }
    }
}
