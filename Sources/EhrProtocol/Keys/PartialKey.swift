// SPDX-License-Identifier: Apache-2.0

import EhrCurve

/// PARTIAL_KEY (PROTOCOL.md §5, §10 type 0x10): authority `index`'s share of the identity keys
/// of `id`, `(Ke_i, Ks_i) = (x_i·H1e(id), x_i·H1s(id))`, bound to the master key by its
/// fingerprint: `fp(32) index(u16) id K_e(48) K_s(48)`, 138 bytes + the identity.
///
/// Whoever holds t of these for one identity can combine them into the identity's keys, so the
/// message travels only over an authenticated, confidential channel (§5).
public struct PartialKey: Sendable, Equatable {
    /// Fingerprint of the master public key these shares belong to.
    public let fingerprint: [UInt8]
    /// The issuing authority's index i.
    public let index: UInt16
    public let identity: Identity
    /// Ke_i = x_i·H1e(id) (decryption key share).
    public let decryptionShare: G1Affine
    /// Ks_i = x_i·H1s(id) (signing key share).
    public let signingShare: G1Affine

    public init(fingerprint: [UInt8], index: UInt16, identity: Identity,
                decryptionShare: G1Affine, signingShare: G1Affine) {
        self.fingerprint = fingerprint
        self.index = index
        self.identity = identity
        self.decryptionShare = decryptionShare
        self.signingShare = signingShare
    }

    /// The wire bytes.
    public var encoded: [UInt8] {
        var w = WireWriter(type: .partialKey)
        w.raw(fingerprint)
        w.u16(index)
        w.id(identity.bytes)
        w.raw(decryptionShare.compressed)
        w.raw(signingShare.compressed)
        return w.bytes
    }

    /// Decodes PARTIAL_KEY for the pinned `params` (PROTOCOL.md §11 order: structure, then the
    /// fingerprint and index, then the points). Does not verify the pairing equation: see
    /// `ThresholdKeys.verify`.
    /// - Throws: `ProtocolError` (length, header, identity, fingerprint, index) or `CurveError`.
    public init(decoding bytes: [UInt8], params: PublicParams) throws {
        var r = try WireReader(bytes, type: .partialKey)
        let fp = try r.raw(32, "fp")
        let index = try r.u16("index")
        let id = try r.id("id")
        let ke = try r.raw(48, "K_e")
        let ks = try r.raw(48, "K_s")
        try r.finish()
        guard fp == params.fingerprint else {
            throw ProtocolError.param("partial key is for another master public key")
        }
        guard index >= 1, Int(index) <= params.n else {
            throw ProtocolError.param("partial key index \(index) is outside 1..\(params.n)")
        }
        self.init(fingerprint: fp, index: index, identity: id,
                  decryptionShare: try G1Affine(compressed: ke), signingShare: try G1Affine(compressed: ks))
    }
}

/// An identity's two private keys (PROTOCOL.md §5): `ske = s·H1e(id)` for decryption and
/// `sks = s·H1s(id)` for Cha–Cheon signatures. Separate keys keep a leaked decryption key (for
/// instance by proxy–delegatee collusion, §8) from allowing signature forgery.
public struct IdentityKeyPair: Sendable, Equatable {
    public let identity: Identity
    /// ske = s·H1e(id).
    public let decryptionKey: G1Affine
    /// sks = s·H1s(id).
    public let signingKey: G1Affine

    public init(identity: Identity, decryptionKey: G1Affine, signingKey: G1Affine) {
        self.identity = identity
        self.decryptionKey = decryptionKey
        self.signingKey = signingKey
    }
}
