// SPDX-License-Identifier: Apache-2.0
internal import COpenSSL

/// SHA-256 (FIPS 180-4) through libcrypto's EVP interface: the one SHA-256 of the library.
///
/// Both stacks hash with it (DESIGN.md §6): the protocol's fingerprints
/// (`fp = SHA-256("EHRSHARE-V1-MPK" ‖ enc(y))`, PROTOCOL.md §4) and DKG session ids, the record
/// store's content addresses, the ledger's block hashes, Merkle roots and schedule seeds.
/// libcrypto is imported `internal`: consumers of EhrWire do not see it.
public enum SHA256 {
    /// The digest length in bytes.
    public static let byteCount = 32

    /// SHA-256 of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        hash(parts: [bytes])
    }

    /// SHA-256 of the concatenation of `parts`, without building the concatenation.
    ///
    /// An allocation failure of the EVP context (the only way libcrypto's SHA-256 can fail,
    /// and no input can cause it) yields 32 zero bytes, which no caller accepts as a match
    /// for a real digest.
    public static func hash(parts: [[UInt8]]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: byteCount)
        guard let ctx = EVP_MD_CTX_new() else { return out }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestInit_ex(ctx, EVP_sha256(), nil) == 1 else { return out }
        for part in parts {
            _ = part.withUnsafeBytes { EVP_DigestUpdate(ctx, $0.baseAddress, $0.count) }
        }
        var outLen: UInt32 = 0
        let ok = out.withUnsafeMutableBytes {
            EVP_DigestFinal_ex(ctx, $0.baseAddress?.assumingMemoryBound(to: UInt8.self), &outLen)
        }
        if ok != 1 { return [UInt8](repeating: 0, count: byteCount) }
        return out
    }

    /// SHA-256 of `input` into `output` (at least 32 bytes) without allocating, for hot loops
    /// (the proof-of-work baseline of the consensus study); false if libcrypto fails.
    public static func hash(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Bool {
        guard output.count >= byteCount, let out = output.baseAddress?.assumingMemoryBound(to: UInt8.self) else {
            return false
        }
        var len: UInt32 = 0
        return EVP_Digest(input.baseAddress, input.count, out, &len, EVP_sha256(), nil) == 1 && len == 32
    }
}
