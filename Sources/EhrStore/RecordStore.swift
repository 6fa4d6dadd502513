// SPDX-License-Identifier: Apache-2.0

/// A content-addressed store of encrypted envelopes (the paper's "distributed database").
///
/// Implementations never trust their own storage: `get` re-hashes what it read and fails
/// with `StoreError.corrupt` unless the bytes hash to the digest the caller expects (the
/// digest the caller took from the ledger, not from the store). Storing the same bytes
/// twice is idempotent and returns the same address.
public protocol RecordStore {
    /// The name that appears in this store's URIs.
    var name: String { get }

    /// Stores `bytes` durably (fsynced before returning) and returns their address.
    /// - Throws: `StoreError.storage` on an I/O failure; nothing is half-written.
    func put(_ bytes: [UInt8]) throws(StoreError) -> RecordAddress

    /// Fetches the envelope at `uri` and checks it against `expectedSHA256`.
    /// - Throws: `invalidAddress` (malformed URI, other store, or a URI digest that differs
    ///   from `expectedSHA256`), `notFound`, `corrupt` (stored bytes no longer hash to the
    ///   digest), `storage`.
    func get(uri: String, expectedSHA256: [UInt8]) throws(StoreError) -> [UInt8]

    /// True when an envelope with this digest is stored (no integrity check).
    func contains(sha256: [UInt8]) throws(StoreError) -> Bool
}
