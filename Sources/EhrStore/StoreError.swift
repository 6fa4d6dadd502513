// SPDX-License-Identifier: Apache-2.0

/// Errors of the record store and of the SQLite layer under it.
///
/// The cases map one-to-one onto C status codes later: `invalidAddress` →
/// `EHR_ERR_PARAM`, `notFound` → `EHR_ERR_NOT_FOUND`, `corrupt` → `EHR_ERR_CORRUPT`,
/// `storage` → `EHR_ERR_STORAGE`.
public enum StoreError: Error, Sendable, Equatable {
    /// The URI is not `ehrstore://<store-name>/<64 hex digits>`, names another store,
    /// or the digest is not 32 bytes.
    case invalidAddress(String)
    /// No envelope with this digest is stored.
    case notFound(String)
    /// Stored bytes do not hash to the expected digest, or the database file is damaged.
    case corrupt(String)
    /// An I/O or database failure (open, write, fsync, lock).
    case storage(String)
}
