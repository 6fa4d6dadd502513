// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrPairing

/// The hash functions of PROTOCOL.md §3 that map into G1 or Zr, with the
/// protocol's domain tags. Identity side in G1 (§2).
public enum IdentityHashes {
    /// `Qe = H1e(id)`: the point whose `s`-multiple is the decryption key.
    public static func h1Enc(_ id: Identity) throws(ProtocolError) -> G1Affine {
        try toG1(id.bytes, DomainTags.h1Enc)
    }

    /// `Qs = H1s(id)`: the point whose `s`-multiple is the signing key.
    public static func h1Sig(_ id: Identity) throws(ProtocolError) -> G1Affine {
        try toG1(id.bytes, DomainTags.h1Sig)
    }

    /// `H2(X)` of Green–Ateniese: GT bytes → G1 (the re-encryption key mask).
    public static func h2(_ x: GT) throws(ProtocolError) -> G1Affine {
        try toG1(x.bytes, DomainTags.h2)
    }

    /// `Hs(msg, DST)`: hash to a scalar (RFC 9380 hash_to_field, L = 48).
    public static func scalar(_ msg: [UInt8], dst: [UInt8]) throws(ProtocolError) -> Fr {
        do {
            return try hashToFr(msg: msg, dst: dst)
        } catch {
            throw .param("hash to scalar: \(error)")
        }
    }

    /// RFC 9380 hash_to_curve. It can only fail for an invalid DST, and ours are
    /// fixed constants of valid length, so the error path is unreachable in practice;
    /// it is still typed rather than trapped.
    private static func toG1(_ msg: [UInt8], _ dst: [UInt8]) throws(ProtocolError) -> G1Affine {
        do {
            return try hashToG1(msg: msg, dst: dst).toAffine()
        } catch {
            throw .param("hash to G1: \(error)")
        }
    }
}
