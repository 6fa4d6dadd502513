// SPDX-License-Identifier: Apache-2.0
internal import COpenSSL

/// AES-256-GCM (NIST SP 800-38D) through OpenSSL's EVP interface, one object
/// per key and direction. The key schedule is set up once in `init`; each
/// message then only resets the 96-bit IV, which is what makes 64 KiB chunks
/// cost no more than one long message (PROTOCOL.md §7).
///
/// The envelope's chunk loop (EhrProtocol's `ChunkedAead`) uses the buffer methods so it never
/// allocates; the DKG seals its shares with the one-shot `seal`/`open` on arrays. The EVP context (and the key schedule inside
/// it) is cleansed and freed by `deinit`.
public final class Aes256Gcm {
    public static let keyBytes = 32
    public static let nonceBytes = 12
    public static let tagBytes = 16

    private let ctx: OpaquePointer
    private let encrypting: Bool
    public var isEncrypting: Bool { encrypting }

    /// - Throws: `CryptoError.parameter` for a key that is not 32 bytes, `.library` if
    ///   libcrypto cannot allocate or initialise the context.
    public init(key: [UInt8], encrypting: Bool) throws(CryptoError) {
        guard key.count == Aes256Gcm.keyBytes else { throw .parameter("AES-256-GCM key must be 32 bytes") }
        guard let c = EVP_CIPHER_CTX_new() else { throw .library("EVP_CIPHER_CTX_new failed") }
        let ok: Int32 = key.withUnsafeBufferPointer { k in
            encrypting
                ? EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), nil, k.baseAddress, nil)
                : EVP_DecryptInit_ex(c, EVP_aes_256_gcm(), nil, k.baseAddress, nil)
        }
        guard ok == 1 else {
            EVP_CIPHER_CTX_free(c)
            throw .library("AES-256-GCM initialisation failed")
        }
        ctx = c
        self.encrypting = encrypting
    }

    deinit { EVP_CIPHER_CTX_free(ctx) }

    /// Feeds associated data (may be called several times before the message).
    private func authenticate(_ ad: UnsafeRawBufferPointer) -> Bool {
        guard ad.count > 0, let base = ad.baseAddress else { return true }
        var outl: Int32 = 0
        let p = base.assumingMemoryBound(to: UInt8.self)
        return encrypting
            ? EVP_EncryptUpdate(ctx, nil, &outl, p, Int32(ad.count)) == 1
            : EVP_DecryptUpdate(ctx, nil, &outl, p, Int32(ad.count)) == 1
    }

    /// Encrypts one message: `output` receives `input.count` ciphertext bytes
    /// followed by the 16-byte tag.
    ///
    /// - Parameters:
    ///   - nonce: 12 bytes.
    ///   - ad: associated data parts, authenticated in order (their concatenation).
    ///   - input: the plaintext (at most 2^31 − 1 bytes; chunks are 64 KiB).
    ///   - output: `input.count + 16` bytes; may not overlap `input` partially.
    /// - Returns: false if OpenSSL reports a failure.
    public func seal(nonce: UnsafeRawBufferPointer, ad: [UnsafeRawBufferPointer], input: UnsafeRawBufferPointer,
              output: UnsafeMutableRawBufferPointer) -> Bool {
        guard encrypting, nonce.count == Aes256Gcm.nonceBytes, output.count == input.count + Aes256Gcm.tagBytes,
              input.count < Int(Int32.max), let out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        else { return false }
        guard EVP_EncryptInit_ex(ctx, nil, nil, nil, nonce.baseAddress?.assumingMemoryBound(to: UInt8.self)) == 1
        else { return false }
        for part in ad where !authenticate(part) { return false }
        var written: Int32 = 0
        if input.count > 0 {
            guard let inp = input.baseAddress?.assumingMemoryBound(to: UInt8.self),
                  EVP_EncryptUpdate(ctx, out, &written, inp, Int32(input.count)) == 1
            else { return false }
        }
        var tail: Int32 = 0
        guard EVP_EncryptFinal_ex(ctx, out + Int(written), &tail) == 1, Int(written + tail) == input.count
        else { return false }
        let tag = UnsafeMutableRawPointer(out + input.count)
        return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, Int32(Aes256Gcm.tagBytes), tag) == 1
    }

    /// Decrypts and verifies one message produced by ``seal``.
    ///
    /// - Parameters:
    ///   - input: ciphertext followed by the 16-byte tag.
    ///   - output: `input.count − 16` bytes. On failure its contents are
    ///     unspecified and the caller must not release them.
    /// - Returns: true only if the tag verifies.
    public func open(nonce: UnsafeRawBufferPointer, ad: [UnsafeRawBufferPointer], input: UnsafeRawBufferPointer,
              output: UnsafeMutableRawBufferPointer) -> Bool {
        let bodyCount = input.count - Aes256Gcm.tagBytes
        guard !encrypting, nonce.count == Aes256Gcm.nonceBytes, bodyCount >= 0, output.count == bodyCount,
              input.count < Int(Int32.max), let inp = input.baseAddress?.assumingMemoryBound(to: UInt8.self)
        else { return false }
        guard EVP_DecryptInit_ex(ctx, nil, nil, nil, nonce.baseAddress?.assumingMemoryBound(to: UInt8.self)) == 1
        else { return false }
        for part in ad where !authenticate(part) { return false }
        var written: Int32 = 0
        if bodyCount > 0 {
            guard let out = output.baseAddress?.assumingMemoryBound(to: UInt8.self),
                  EVP_DecryptUpdate(ctx, out, &written, inp, Int32(bodyCount)) == 1
            else { return false }
        }
        // The expected tag is handed over before Final, which compares it in constant time.
        let tag = UnsafeMutableRawPointer(mutating: inp + bodyCount)
        guard EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, Int32(Aes256Gcm.tagBytes), tag) == 1 else { return false }
        var tail: Int32 = 0
        var scratch: UInt8 = 0
        let finalOK = withUnsafeMutablePointer(to: &scratch) { s in
            EVP_DecryptFinal_ex(ctx, output.baseAddress?.assumingMemoryBound(to: UInt8.self).advanced(by: Int(written)) ?? s,
                                &tail)
        }
        return finalOK == 1 && tail == 0 && Int(written) == bodyCount
    }

    /// One-shot encryption: ciphertext ‖ 16-byte tag, or nil for a wrong key or nonce length
    /// or a libcrypto failure.
    public static func seal(key: [UInt8], nonce: [UInt8], plaintext: [UInt8], ad: [UInt8]) -> [UInt8]? {
        guard nonce.count == nonceBytes, let gcm = try? Aes256Gcm(key: key, encrypting: true) else { return nil }
        var out = [UInt8](repeating: 0, count: plaintext.count + tagBytes)
        let ok = nonce.withUnsafeBytes { n in
            ad.withUnsafeBytes { a in
                plaintext.withUnsafeBytes { p in
                    out.withUnsafeMutableBytes { o in gcm.seal(nonce: n, ad: [a], input: p, output: o) }
                }
            }
        }
        return ok ? out : nil
    }

    /// One-shot decryption of ciphertext ‖ tag; nil on any failure, a tag mismatch included.
    /// The partial plaintext of a failed open is wiped before it is dropped.
    public static func open(key: [UInt8], nonce: [UInt8], sealed: [UInt8], ad: [UInt8]) -> [UInt8]? {
        guard nonce.count == nonceBytes, sealed.count >= tagBytes,
              let gcm = try? Aes256Gcm(key: key, encrypting: false) else { return nil }
        var out = [UInt8](repeating: 0, count: sealed.count - tagBytes)
        let ok = nonce.withUnsafeBytes { n in
            ad.withUnsafeBytes { a in
                sealed.withUnsafeBytes { s in
                    out.withUnsafeMutableBytes { o in gcm.open(nonce: n, ad: [a], input: s, output: o) }
                }
            }
        }
        guard ok else {
            wipeSecret(&out)
            return nil
        }
        return out
    }
}
