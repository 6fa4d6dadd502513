// SPDX-License-Identifier: Apache-2.0
internal import COpenSSL

/// X25519 key agreement (RFC 7748 §5, §6.1) through libcrypto's `EVP_PKEY_X25519`: the DKG
/// seals each share to its receiver's agreement key with an ephemeral-static exchange.
public enum X25519 {
    public static let keyBytes = 32

    /// The public key of a 32-byte private key, or nil for a wrong length.
    public static func publicKey(privateKey: [UInt8]) -> [UInt8]? {
        guard privateKey.count == keyBytes,
              let pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nil, privateKey, privateKey.count)
        else { return nil }
        defer { EVP_PKEY_free(pkey) }
        return Ed25519.rawPublicKey(pkey)
    }

    /// X25519(privateKey, peerPublicKey), or nil on failure or an all-zero result: a peer key
    /// of low order yields zero, and RFC 7748 §6.1 says to abort then, since such a "shared
    /// secret" is known to everyone.
    public static func sharedSecret(privateKey: [UInt8], peerPublicKey: [UInt8]) -> [UInt8]? {
        guard privateKey.count == keyBytes, peerPublicKey.count == keyBytes,
              let mine = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nil, privateKey, privateKey.count)
        else { return nil }
        defer { EVP_PKEY_free(mine) }
        guard let peer = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nil, peerPublicKey, peerPublicKey.count)
        else { return nil }
        defer { EVP_PKEY_free(peer) }
        guard let ctx = EVP_PKEY_CTX_new(mine, nil) else { return nil }
        defer { EVP_PKEY_CTX_free(ctx) }
        var out = [UInt8](repeating: 0, count: keyBytes)
        var len = keyBytes
        guard EVP_PKEY_derive_init(ctx) == 1, EVP_PKEY_derive_set_peer(ctx, peer) == 1,
              EVP_PKEY_derive(ctx, &out, &len) == 1, len == keyBytes
        else { return nil }
        // Constant-time OR of all bytes: the shared secret is secret.
        guard out.reduce(0, { $0 | $1 }) != 0 else { return nil }
        return out
    }

    /// True when libcrypto accepts the 32 bytes as an X25519 public key. (Every 32-byte string
    /// is one; low-order keys are caught where they are used, by ``sharedSecret``.)
    public static func isValidPublicKey(_ key: [UInt8]) -> Bool {
        guard key.count == keyBytes,
              let pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nil, key, key.count) else { return false }
        EVP_PKEY_free(pkey)
        return true
    }
}
