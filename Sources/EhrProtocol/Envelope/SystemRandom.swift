// SPDX-License-Identifier: Apache-2.0
import COpenSSL

/// The operating system's CSPRNG through OpenSSL's `RAND_bytes`, for nonces
/// (envelope nonce N, SIGNED nonces, the hedge of Cha–Cheon signatures).
/// Scalars come from `Fr.random()` in EhrField, which uses the same source.
public enum SystemRandom {
    /// `count` uniformly random bytes.
    /// - Throws: `ProtocolError.random` if OpenSSL's generator fails.
    public static func bytes(_ count: Int) throws(ProtocolError) -> [UInt8] {
        guard count > 0 else { return [] }
        guard count <= Int(Int32.max) else { throw .param("cannot draw \(count) random bytes at once") }
        var out = [UInt8](repeating: 0, count: count)
        let ok = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        guard ok == 1 else { throw .random }
        return out
    }
}

/// Overwrites a secret byte array with zeros through `OPENSSL_cleanse`, which
/// the optimiser cannot remove. Swift may have copied the array before (value
/// semantics), so this is best effort, as the brief allows: it clears the
/// buffer we own at the point the secret is no longer needed.
@inlinable
public func wipeSecret(_ bytes: inout [UInt8]) {
    bytes.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
}
