// SPDX-License-Identifier: Apache-2.0

/// The on-chain address of a stored envelope: `ehrstore://<store-name>/<hex sha256>`.
///
/// The digest is SHA-256 of the stored bytes (the sealed envelope), so the address both
/// names and authenticates the content: a reader re-hashes what it fetched and compares
/// it with the digest the ledger holds (DESIGN.md §4).
public struct RecordAddress: Sendable, Hashable, CustomStringConvertible {
    /// The URI scheme prefix.
    public static let scheme = "ehrstore://"

    /// The store's name: 1–64 characters from `[A-Za-z0-9._-]`.
    public let storeName: String
    /// SHA-256 of the stored bytes (32 bytes).
    public let sha256: [UInt8]

    /// Builds an address; throws `StoreError.invalidAddress` for a bad name or digest length.
    public init(storeName: String, sha256: [UInt8]) throws(StoreError) {
        guard RecordAddress.isValidStoreName(storeName) else {
            throw .invalidAddress("store name must be 1-64 characters from [A-Za-z0-9._-]")
        }
        guard sha256.count == SHA256.byteCount else {
            throw .invalidAddress("digest must be 32 bytes, got \(sha256.count)")
        }
        self.storeName = storeName
        self.sha256 = sha256
    }

    /// Parses `ehrstore://<store-name>/<64 hex digits>`; anything else is `invalidAddress`.
    public init(uri: String) throws(StoreError) {
        guard uri.hasPrefix(RecordAddress.scheme) else {
            throw .invalidAddress("URI must start with \(RecordAddress.scheme)")
        }
        let rest = uri.dropFirst(RecordAddress.scheme.count)
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw .invalidAddress("URI must be \(RecordAddress.scheme)<store-name>/<hex sha256>")
        }
        let hex = String(parts[1])
        guard hex.utf8.count == 64, let digest = Hex.decode(hex) else {
            throw .invalidAddress("digest must be 64 hex digits")
        }
        try self.init(storeName: String(parts[0]), sha256: digest)
    }

    /// The canonical URI (lower-case hex).
    public var uri: String { RecordAddress.scheme + storeName + "/" + Hex.encode(sha256) }

    public var description: String { uri }

    static func isValidStoreName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...64).contains(bytes.count) else { return false }
        return bytes.allSatisfy { c in
            (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
                || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
        }
    }
}
