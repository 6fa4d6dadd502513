// SPDX-License-Identifier: Apache-2.0

import COpenSSL

/// The symmetric and node-key primitives the DKG channel needs, from OpenSSL's libcrypto:
/// SHA-256 (session ids, fingerprints) comes from EhrWire; here are HKDF-SHA256 (RFC 5869, share-sealing
/// keys; the envelope's `HkdfSha256`),
/// AES-256-GCM (sealed shares), X25519 (ephemeral-static key agreement to the recipient's node
/// key) and Ed25519 (RFC 8032 PureEdDSA signatures on every DKG message).
///
/// Every function reports failure as `nil` or `false`, never by trapping: inputs that reach
/// them come from the network. Callers turn failures into `ProtocolError`.
enum DKGCrypto {
    static let x25519Bytes = 32
    static let ed25519PublicKeyBytes = 32
    static let ed25519SignatureBytes = 64
    static let gcmTagBytes = 16
    static let gcmNonceBytes = 12

    // MARK: - Sealing shares

    /// AES-256-GCM encryption; returns ciphertext ‖ 16-byte tag, or nil if OpenSSL fails.
    static func aesGCMSeal(key: [UInt8], nonce: [UInt8], plaintext: [UInt8], ad: [UInt8]) -> [UInt8]? {
        guard key.count == 32, nonce.count == gcmNonceBytes, let ctx = EVP_CIPHER_CTX_new() else { return nil }
        defer { EVP_CIPHER_CTX_free(ctx) }
        var out = [UInt8](repeating: 0, count: plaintext.count + gcmTagBytes)
        var len: Int32 = 0
        var ok = EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nil, key, nonce) == 1
        ok = ok && EVP_EncryptUpdate(ctx, nil, &len, ad, Int32(ad.count)) == 1
        var written = 0
        ok = ok && out.withUnsafeMutableBufferPointer { o in
            guard let base = o.baseAddress else { return false }
            guard EVP_EncryptUpdate(ctx, base, &len, plaintext, Int32(plaintext.count)) == 1 else { return false }
            written = Int(len)
            guard EVP_EncryptFinal_ex(ctx, base + written, &len) == 1 else { return false }
            written += Int(len)
            return written == plaintext.count
                && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, Int32(gcmTagBytes), base + written) == 1
        }
        return ok ? out : nil
    }

    /// AES-256-GCM decryption of ciphertext ‖ tag; nil on any failure (tag mismatch included).
    static func aesGCMOpen(key: [UInt8], nonce: [UInt8], sealed: [UInt8], ad: [UInt8]) -> [UInt8]? {
        guard key.count == 32, nonce.count == gcmNonceBytes, sealed.count >= gcmTagBytes,
              let ctx = EVP_CIPHER_CTX_new() else { return nil }
        defer { EVP_CIPHER_CTX_free(ctx) }
        let ctCount = sealed.count - gcmTagBytes
        var tag = Array(sealed[ctCount...])
        var out = [UInt8](repeating: 0, count: ctCount)
        var len: Int32 = 0
        var ok = EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nil, key, nonce) == 1
        ok = ok && EVP_DecryptUpdate(ctx, nil, &len, ad, Int32(ad.count)) == 1
        ok = ok && out.withUnsafeMutableBufferPointer { o in
            guard let base = o.baseAddress else { return ctCount == 0 }
            guard EVP_DecryptUpdate(ctx, base, &len, sealed, Int32(ctCount)) == 1, Int(len) == ctCount else {
                return false
            }
            return true
        }
        ok = ok && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, Int32(gcmTagBytes), &tag) == 1
        var tail = [UInt8](repeating: 0, count: 16)
        ok = ok && EVP_DecryptFinal_ex(ctx, &tail, &len) == 1
        if !ok {
            wipe(&out)
            return nil
        }
        return out
    }

    // MARK: - X25519 (RFC 7748)

    /// The public key of a 32-byte X25519 private key.
    static func x25519PublicKey(privateKey: [UInt8]) -> [UInt8]? {
        guard privateKey.count == x25519Bytes,
              let pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nil, privateKey, privateKey.count)
        else { return nil }
        defer { EVP_PKEY_free(pkey) }
        return rawPublicKey(pkey)
    }

    /// X25519(privateKey, peerPublicKey); nil on failure or an all-zero result (a low-order
    /// peer key, RFC 7748 §6.1).
    static func x25519(privateKey: [UInt8], peerPublicKey: [UInt8]) -> [UInt8]? {
        guard privateKey.count == x25519Bytes, peerPublicKey.count == x25519Bytes,
              let mine = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nil, privateKey, privateKey.count)
        else { return nil }
        defer { EVP_PKEY_free(mine) }
        guard let peer = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nil, peerPublicKey, peerPublicKey.count)
        else { return nil }
        defer { EVP_PKEY_free(peer) }
        guard let ctx = EVP_PKEY_CTX_new(mine, nil) else { return nil }
        defer { EVP_PKEY_CTX_free(ctx) }
        var out = [UInt8](repeating: 0, count: x25519Bytes)
        var len = x25519Bytes
        guard EVP_PKEY_derive_init(ctx) == 1, EVP_PKEY_derive_set_peer(ctx, peer) == 1,
              EVP_PKEY_derive(ctx, &out, &len) == 1, len == x25519Bytes
        else { return nil }
        guard out.reduce(0, { $0 | $1 }) != 0 else { return nil }
        return out
    }

    // MARK: - Ed25519 (RFC 8032)

    /// The public key of a 32-byte Ed25519 seed.
    static func ed25519PublicKey(seed: [UInt8]) -> [UInt8]? {
        guard seed.count == 32, let pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count)
        else { return nil }
        defer { EVP_PKEY_free(pkey) }
        return rawPublicKey(pkey)
    }

    /// A 64-byte Ed25519 signature on `message`, or nil if OpenSSL fails.
    static func ed25519Sign(seed: [UInt8], message: [UInt8]) -> [UInt8]? {
        guard seed.count == 32, let pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, seed, seed.count)
        else { return nil }
        defer { EVP_PKEY_free(pkey) }
        guard let ctx = EVP_MD_CTX_new() else { return nil }
        defer { EVP_MD_CTX_free(ctx) }
        var sig = [UInt8](repeating: 0, count: ed25519SignatureBytes)
        var len = ed25519SignatureBytes
        guard EVP_DigestSignInit(ctx, nil, nil, nil, pkey) == 1,
              EVP_DigestSign(ctx, &sig, &len, message, message.count) == 1, len == ed25519SignatureBytes
        else { return nil }
        return sig
    }

    /// True when `signature` is a valid Ed25519 signature by `publicKey` on `message`;
    /// malformed keys or signatures are simply invalid.
    static func ed25519Verify(publicKey: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool {
        guard publicKey.count == ed25519PublicKeyBytes, signature.count == ed25519SignatureBytes,
              let pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, publicKey, publicKey.count)
        else { return false }
        defer { EVP_PKEY_free(pkey) }
        guard let ctx = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestVerifyInit(ctx, nil, nil, nil, pkey) == 1 else { return false }
        return EVP_DigestVerify(ctx, signature, signature.count, message, message.count) == 1
    }

    /// True when OpenSSL accepts the 32 bytes as a public key of type `type`.
    static func isValidPublicKey(_ key: [UInt8], type: Int32) -> Bool {
        guard key.count == 32, let pkey = EVP_PKEY_new_raw_public_key(type, nil, key, key.count) else { return false }
        EVP_PKEY_free(pkey)
        return true
    }

    // MARK: - Randomness and wiping

    /// `count` bytes from OpenSSL's CSPRNG, or nil if it fails.
    static func randomBytes(_ count: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&out, Int32(count)) == 1 else { return nil }
        return out
    }

    /// Overwrites `bytes` with zeros in a way the optimiser may not remove (`OPENSSL_cleanse`).
    static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
    }

    private static func rawPublicKey(_ pkey: OpaquePointer) -> [UInt8]? {
        var pub = [UInt8](repeating: 0, count: 32)
        var len = 32
        guard EVP_PKEY_get_raw_public_key(pkey, &pub, &len) == 1, len == 32 else { return nil }
        return pub
    }
}
