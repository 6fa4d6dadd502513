// SPDX-License-Identifier: Apache-2.0
import COpenSSL

/// SHA-256 through OpenSSL's libcrypto (one-shot `EVP_Digest`).
///
/// Shared by the record store (content addresses) and the ledger (block hashes, Merkle
/// roots, schedule seeds); `package` so that it is not part of the public API.
package enum SHA256 {
    /// The digest length in bytes.
    package static let byteCount = 32

    /// SHA-256 of `bytes`. Returns 32 zero bytes only if libcrypto itself fails, which
    /// cannot happen for SHA-256 with a valid context (no input can cause it).
    package static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: byteCount)
        var outLen: UInt32 = 0
        _ = bytes.withUnsafeBytes { input in
            out.withUnsafeMutableBytes { output in
                EVP_Digest(
                    input.baseAddress, input.count,
                    output.baseAddress?.assumingMemoryBound(to: UInt8.self), &outLen,
                    EVP_sha256(), nil)
            }
        }
        return out
    }

    /// SHA-256 of the concatenation of `parts`, without building the concatenation.
    package static func hash(parts: [[UInt8]]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: byteCount)
        guard let ctx = EVP_MD_CTX_new() else { return out }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestInit_ex(ctx, EVP_sha256(), nil) == 1 else { return out }
        for part in parts {
            _ = part.withUnsafeBytes { EVP_DigestUpdate(ctx, $0.baseAddress, $0.count) }
        }
        var outLen: UInt32 = 0
        _ = out.withUnsafeMutableBytes {
            EVP_DigestFinal_ex(ctx, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), &outLen)
        }
        return out
    }
}
