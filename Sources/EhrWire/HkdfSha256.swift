// SPDX-License-Identifier: Apache-2.0
internal import COpenSSL

/// HKDF-SHA256 (RFC 5869, extract then expand) through OpenSSL 3's `EVP_KDF`.
/// The envelope derives its AES-256-GCM key with it (PROTOCOL.md §7 step 2), the DKG its
/// share-sealing key and nonce (PROTOCOL.md §4.2):
/// `K = HKDF-SHA256(salt = "EHRSHARE-V1-DEM", IKM = GTbytes(m), info = "AES-256-GCM key" ‖ enc(c1), L = 32)`.
public enum HkdfSha256 {
    /// OSSL_PARAM keeps the name pointer, so it must outlive the call: a
    /// StaticString lives in constant memory (a String argument would be a
    /// temporary that dangles after the construct call).
    private static func cName(_ s: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(s.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// Derives `length` bytes (1–8160, RFC 5869's 255·HashLen limit).
    ///
    /// - Parameters:
    ///   - ikm: input keying material (secret).
    ///   - salt: the extract salt.
    ///   - info: the expand context.
    ///   - length: output length in bytes.
    /// - Returns: the output keying material (secret; wipe it when done).
    /// - Throws: `CryptoError.parameter` for a length outside 1–8160, `.library` if libcrypto
    ///   cannot provide HKDF (a broken installation, never input-dependent).
    public static func derive(ikm: [UInt8], salt: [UInt8], info: [UInt8], length: Int) throws(CryptoError) -> [UInt8] {
        guard length > 0, length <= 255 * 32 else { throw .parameter("HKDF output length \(length) out of range") }
        guard let kdf = EVP_KDF_fetch(nil, "HKDF", nil) else { throw .library("no HKDF provider") }
        defer { EVP_KDF_free(kdf) }
        guard let kctx = EVP_KDF_CTX_new(kdf) else { throw .library("EVP_KDF_CTX_new failed") }
        defer { EVP_KDF_CTX_free(kctx) }

        var out = [UInt8](repeating: 0, count: length)
        // OSSL_PARAM stores pointers: every buffer must stay pinned until
        // EVP_KDF_derive returns, hence the nested closures.
        var ikmCopy = ikm
        defer { wipeSecret(&ikmCopy) }
        var saltCopy = salt
        var infoCopy = info
        let rc: Int32 = ikmCopy.withUnsafeMutableBytes { k in
            saltCopy.withUnsafeMutableBytes { s in
                infoCopy.withUnsafeMutableBytes { i in
                    out.withUnsafeMutableBytes { o in
                        "SHA256".withCString { digest in
                            var params: [OSSL_PARAM] = [
                                OSSL_PARAM_construct_utf8_string(cName("digest"), UnsafeMutablePointer(mutating: digest), 0),
                                OSSL_PARAM_construct_octet_string(cName("key"), k.baseAddress, k.count),
                                OSSL_PARAM_construct_octet_string(cName("salt"), s.baseAddress, s.count),
                                OSSL_PARAM_construct_octet_string(cName("info"), i.baseAddress, i.count),
                                OSSL_PARAM_construct_end(),
                            ]
                            return params.withUnsafeMutableBufferPointer { p in
                                EVP_KDF_derive(kctx, o.baseAddress?.assumingMemoryBound(to: UInt8.self), o.count,
                                               p.baseAddress)
                            }
                        }
                    }
                }
            }
        }
        guard rc == 1 else {
            wipeSecret(&out)
            throw .library("HKDF derivation failed")
        }
        return out
    }
}
