// SPDX-License-Identifier: Apache-2.0
import COpenSSL

/// Ed25519 node keys through OpenSSL's libcrypto (`EVP_PKEY_ED25519`, one-shot
/// `EVP_DigestSign`/`EVP_DigestVerify` with a NULL digest, as RFC 8032 PureEdDSA needs).
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
    /// - Throws: `LedgerError.rejected(.parameter)` for a wrong length or a seed OpenSSL refuses.
    public init(seed: [UInt8]) throws(LedgerError) {
        guard seed.count == NodeSigningKey.seedBytes else {
            throw .reject(.parameter, "Ed25519 seed must be 32 bytes, got \(seed.count)")
        }
        guard let pkey = Ed25519.privateKey(seed) else { throw .reject(.parameter, "OpenSSL refused the Ed25519 seed") }
        defer { EVP_PKEY_free(pkey) }
        var pub = [UInt8](repeating: 0, count: 32)
        var len = 32
        guard EVP_PKEY_get_raw_public_key(pkey, &pub, &len) == 1, len == 32 else {
            throw .reject(.parameter, "cannot derive the Ed25519 public key")
        }
        self.storage = SeedStorage(seed)
        self.publicKey = pub
    }

    /// A fresh key from OpenSSL's CSPRNG.
    public static func generate() throws(LedgerError) -> NodeSigningKey {
        var seed = [UInt8](repeating: 0, count: 32)
        guard RAND_bytes(&seed, 32) == 1 else { throw .storage("OpenSSL RAND_bytes failed") }
        defer { Ed25519.wipe(&seed) }
        return try NodeSigningKey(seed: seed)
    }

    /// Signs `message`; returns the 64-byte signature.
    public func sign(_ message: [UInt8]) throws(LedgerError) -> [UInt8] {
        guard let pkey = Ed25519.privateKey(storage.seed) else { throw .storage("OpenSSL refused the Ed25519 key") }
        defer { EVP_PKEY_free(pkey) }
        guard let ctx = EVP_MD_CTX_new() else { throw .storage("EVP_MD_CTX_new failed") }
        defer { EVP_MD_CTX_free(ctx) }
        var sig = [UInt8](repeating: 0, count: 64)
        var sigLen = 64
        let ok = EVP_DigestSignInit(ctx, nil, nil, nil, pkey) == 1
            && EVP_DigestSign(ctx, &sig, &sigLen, message, message.count) == 1 && sigLen == 64
        guard ok else { throw .storage("Ed25519 signing failed in OpenSSL") }
        return sig
    }
}

/// Owns the seed bytes and wipes them when the last copy of the key goes away.
private final class SeedStorage: @unchecked Sendable {
    // Immutable after init; the class exists only for its deinit.
    private(set) var seed: [UInt8]

    init(_ seed: [UInt8]) { self.seed = seed }

    deinit { Ed25519.wipe(&seed) }
}
