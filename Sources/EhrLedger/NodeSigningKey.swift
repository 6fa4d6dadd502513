// SPDX-License-Identifier: Apache-2.0
import EhrWire

/// Ed25519 node keys (RFC 8032, through EhrWire's one Ed25519).
///
/// Producers sign block headers with these keys; nodes sign their `register`, `vote`,
/// `receipt` and `dkg` transactions. The 32-byte seed is the secret; it is kept in a
/// private class that wipes it on release.
public struct NodeSigningKey: Sendable {
    public static let seedBytes = 32
    public static let publicKeyBytes = 32
    public static let signatureBytes = 64

    private let storage: SeedStorage
    /// The 32-byte Ed25519 public key.
    public let publicKey: [UInt8]

    /// A key from a 32-byte seed (RFC 8032 private key).
    /// - Throws: `LedgerError.rejected(.parameter)` for a wrong length or a seed libcrypto refuses.
    public init(seed: [UInt8]) throws(LedgerError) {
        guard seed.count == NodeSigningKey.seedBytes else {
            throw .reject(.parameter, "Ed25519 seed must be 32 bytes, got \(seed.count)")
        }
        guard let pub = Ed25519.publicKey(seed: seed) else {
            throw .reject(.parameter, "cannot derive the Ed25519 public key")
        }
        self.storage = SeedStorage(seed)
        self.publicKey = pub
    }

    /// A fresh key from the system CSPRNG.
    public static func generate() throws(LedgerError) -> NodeSigningKey {
        guard var seed = try? SystemRandom.bytes(NodeSigningKey.seedBytes) else {
            throw .storage("the system random generator failed")
        }
        defer { wipeSecret(&seed) }
        return try NodeSigningKey(seed: seed)
    }

    /// Signs `message`; returns the 64-byte signature.
    public func sign(_ message: [UInt8]) throws(LedgerError) -> [UInt8] {
        guard let sig = Ed25519.sign(seed: storage.seed, message: message) else {
            throw .storage("Ed25519 signing failed in libcrypto")
        }
        return sig
    }
}

/// Owns the seed bytes and wipes them when the last copy of the key goes away.
private final class SeedStorage: @unchecked Sendable {
    // Immutable after init; the class exists only for its deinit.
    private(set) var seed: [UInt8]

    init(_ seed: [UInt8]) { self.seed = seed }

    deinit { wipeSecret(&seed) }
}
