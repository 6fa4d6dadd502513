// SPDX-License-Identifier: Apache-2.0
internal import COpenSSL

/// The operating system's CSPRNG through OpenSSL's `RAND_bytes`: envelope nonces, SIGNED
/// nonces, the hedge of Cha–Cheon signatures, node and DKG keys, and (through `fill`) the 64
/// bytes every random scalar of EhrField is reduced from.
public enum SystemRandom {
    /// `count` uniformly random bytes.
    /// - Throws: `CryptoError.random` if the generator fails, `.parameter` for a negative or
    ///   oversized count.
    public static func bytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        guard count >= 0, count <= Int(Int32.max) else { throw .parameter("cannot draw \(count) random bytes at once") }
        guard count > 0 else { return [] }
        var out = [UInt8](repeating: 0, count: count)
        guard out.withUnsafeMutableBytes({ fill($0) }) else { throw .random }
        return out
    }

    /// Fills `buffer` with random bytes in place (no copy of the secret is made); false if the
    /// generator fails.
    public static func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard buffer.count > 0 else { return true }
        guard buffer.count <= Int(Int32.max), let base = buffer.baseAddress else { return false }
        return RAND_bytes(base.assumingMemoryBound(to: UInt8.self), Int32(buffer.count)) == 1
    }
}

/// Overwrites a secret byte array with zeros through `OPENSSL_cleanse`, which the optimiser
/// cannot remove. Swift may have copied the array before (value semantics), so this clears the
/// buffer owned at the point the secret is no longer needed; secrets that must not be copied
/// live in classes or raw buffers.
public func wipeSecret(_ bytes: inout [UInt8]) {
    bytes.withUnsafeMutableBytes { wipeSecret($0) }
}

/// Overwrites raw memory holding a secret with zeros (`OPENSSL_cleanse`).
public func wipeSecret(_ buffer: UnsafeMutableRawBufferPointer) {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return }
    OPENSSL_cleanse(base, buffer.count)
}
