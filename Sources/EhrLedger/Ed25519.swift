// SPDX-License-Identifier: Apache-2.0
import COpenSSL
import EhrWire

/// Ed25519 verification and key helpers (OpenSSL `EVP_PKEY_ED25519`, one-shot
/// `EVP_DigestVerify` with a NULL digest, as RFC 8032 PureEdDSA needs).
public enum Ed25519 {
    /// True when `signature` (64 B) is a valid Ed25519 signature by `publicKey` (32 B) on
    /// `message`. Any malformed input is simply invalid.
    public static func verify(publicKey: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool {
        guard publicKey.count == 32, signature.count == 64 else { return false }
        guard let pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, 32) else { return false }
        defer { EVP_PKEY_free(pkey) }
        guard let ctx = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestVerifyInit(ctx, nil, nil, nil, pkey) == 1 else { return false }
        return EVP_DigestVerify(ctx, signature, 64, message, message.count) == 1
    }

    /// True when OpenSSL accepts `publicKey` as an Ed25519 key (32 bytes) and it is
    /// canonical and not of small order (``Ed25519KeyCheck``).
    static func isValidPublicKey(_ publicKey: [UInt8]) -> Bool {
        guard Ed25519KeyCheck.isCanonicalAndNotSmallOrder(publicKey),
              publicKey.count == 32, let pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, 32)
        else { return false }
        EVP_PKEY_free(pkey)
        return true
    }

    static func privateKey(_ seed: [UInt8]) -> OpaquePointer? {
        EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count)
    }

    static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
    }
}
