// SPDX-License-Identifier: Apache-2.0
import COpenSSL

/// SHA-256 (FIPS 180-4) through OpenSSL's EVP interface: fingerprints
/// (`fp = SHA-256("EHRSHARE-V1-MPK" ‖ enc(y))`, PROTOCOL.md §4), record
/// hashes and the envelope tests.
public enum Sha256 {
    /// Digest length in bytes.
    public static let byteCount = 32

    /// One-shot SHA-256 of the concatenation of `parts`.
    public static func hash(_ parts: [UInt8]...) -> [UInt8] {
        let h = Hasher256()
        for p in parts { h.update(p) }
        return h.finalize()
    }
}

/// Incremental SHA-256 (for hashing a sealed object while it streams).
/// A final class owns the EVP context so that `deinit` frees it.
public final class Hasher256 {
    private let ctx: OpaquePointer?

    /// A fresh SHA-256 state.
    public init() {
        ctx = EVP_MD_CTX_new()
        if let ctx { EVP_DigestInit_ex(ctx, EVP_sha256(), nil) }
    }

    deinit { EVP_MD_CTX_free(ctx) }

    /// Absorbs `bytes`.
    public func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Absorbs `bytes`.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let ctx, bytes.count > 0 else { return }
        EVP_DigestUpdate(ctx, bytes.baseAddress, bytes.count)
    }

    /// The 32-byte digest. An allocation failure of the EVP context (the only
    /// way OpenSSL's SHA-256 can fail) yields 32 zero bytes, which no caller
    /// accepts as a match for a real digest.
    public func finalize() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Sha256.byteCount)
        guard let ctx else { return out }
        var n: UInt32 = 0
        out.withUnsafeMutableBufferPointer { _ = EVP_DigestFinal_ex(ctx, $0.baseAddress, &n) }
        return out
    }
}
