// SPDX-License-Identifier: Apache-2.0
internal import COpenSSL

/// Ed25519 (RFC 8032 PureEdDSA) through libcrypto's `EVP_PKEY_ED25519` and one-shot
/// `EVP_DigestSign`/`EVP_DigestVerify` with a NULL digest. The one Ed25519 of the library:
/// ledger node keys (blocks, node transactions) and DKG roster keys (signed broadcasts).
///
/// Functions report failure as nil or false, never by trapping: keys and signatures reach
/// them from the network.
public enum Ed25519 {
    public static let seedBytes = 32
    public static let publicKeyBytes = 32
    public static let signatureBytes = 64

    /// The public key of a 32-byte seed (RFC 8032 §5.1.5), or nil for a wrong length.
    public static func publicKey(seed: [UInt8]) -> [UInt8]? {
        guard seed.count == seedBytes,
              let pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count) else { return nil }
        defer { EVP_PKEY_free(pkey) }
        return rawPublicKey(pkey)
    }

    /// A 64-byte signature on `message` (RFC 8032 §5.1.6), or nil if libcrypto fails.
    public static func sign(seed: [UInt8], message: [UInt8]) -> [UInt8]? {
        guard seed.count == seedBytes,
              let pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count) else { return nil }
        defer { EVP_PKEY_free(pkey) }
        guard let ctx = EVP_MD_CTX_new() else { return nil }
        defer { EVP_MD_CTX_free(ctx) }
        var sig = [UInt8](repeating: 0, count: signatureBytes)
        var len = signatureBytes
        guard EVP_DigestSignInit(ctx, nil, nil, nil, pkey) == 1,
              EVP_DigestSign(ctx, &sig, &len, message, message.count) == 1, len == signatureBytes
        else { return nil }
        return sig
    }

    /// True when `signature` (64 B) is a valid signature by `publicKey` (32 B) on `message`
    /// (RFC 8032 §5.1.7); malformed keys or signatures are simply invalid.
    public static func verify(publicKey: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool {
        guard publicKey.count == publicKeyBytes, signature.count == signatureBytes,
              let pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, publicKey.count)
        else { return false }
        defer { EVP_PKEY_free(pkey) }
        guard let ctx = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestVerifyInit(ctx, nil, nil, nil, pkey) == 1 else { return false }
        return EVP_DigestVerify(ctx, signature, signature.count, message, message.count) == 1
    }

    /// True when `publicKey` may be registered as a node or roster key: 32 bytes, canonical,
    /// not of small order (``Ed25519KeyCheck``), and accepted by libcrypto.
    public static func isValidPublicKey(_ publicKey: [UInt8]) -> Bool {
        guard Ed25519KeyCheck.isCanonicalAndNotSmallOrder(publicKey),
              let pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, publicKey.count)
        else { return false }
        EVP_PKEY_free(pkey)
        return true
    }

    static func rawPublicKey(_ pkey: OpaquePointer) -> [UInt8]? {
        var pub = [UInt8](repeating: 0, count: 32)
        var len = 32
        guard EVP_PKEY_get_raw_public_key(pkey, &pub, &len) == 1, len == 32 else { return nil }
        return pub
    }
}
