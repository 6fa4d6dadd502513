// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField

/// BLIND_REQUEST (PROTOCOL.md §5, §10 type 0x11): `fp(32) id B_e(48) B_s(48) c(32) z(32)`,
/// 200 bytes + the identity.
public struct BlindRequest: Sendable, Equatable {
    public let fingerprint: [UInt8]
    public let identity: Identity
    /// B_e = β·H1e(id).
    public let blindedDecryption: G1Affine
    /// B_s = β·H1s(id).
    public let blindedSigning: G1Affine
    /// The DLEQ proof (c, z).
    public let c: Fr
    public let z: Fr

    public init(fingerprint: [UInt8], identity: Identity, blindedDecryption: G1Affine, blindedSigning: G1Affine,
                c: Fr, z: Fr) {
        self.fingerprint = fingerprint
        self.identity = identity
        self.blindedDecryption = blindedDecryption
        self.blindedSigning = blindedSigning
        self.c = c
        self.z = z
    }

    public var encoded: [UInt8] {
        var w = WireWriter(type: .blindRequest)
        w.raw(fingerprint)
        w.id(identity.bytes)
        w.raw(blindedDecryption.compressed)
        w.raw(blindedSigning.compressed)
        w.raw(c.bigEndianBytes)
        w.raw(z.bigEndianBytes)
        return w.bytes
    }

    /// Decodes in the order of PROTOCOL.md §11: structure, fingerprint, scalars, points.
    /// - Throws: `ProtocolError`, `FieldError` or `CurveError`.
    public init(decoding bytes: [UInt8], params: PublicParams) throws {
        var r = try WireReader(bytes, type: .blindRequest)
        let fp = try r.raw(32, "fp")
        let id = try r.id("id")
        let be = try r.raw(48, "B_e")
        let bs = try r.raw(48, "B_s")
        let c = try r.raw(32, "c")
        let z = try r.raw(32, "z")
        try r.finish()
        guard fp == params.fingerprint else { throw ProtocolError.param("blind request is for another master public key") }
        let cs = try Fr(bigEndianBytes: c)
        let zs = try Fr(bigEndianBytes: z)
        self.init(fingerprint: fp, identity: id, blindedDecryption: try G1Affine(compressed: be),
                  blindedSigning: try G1Affine(compressed: bs), c: cs, z: zs)
    }
}

/// BLIND_PARTIAL (PROTOCOL.md §5, §10 type 0x12): `fp(32) index(u16) id K'_e(48) K'_s(48)`,
/// 138 bytes + the identity.
public struct BlindPartialKey: Sendable, Equatable {
    public let fingerprint: [UInt8]
    public let index: UInt16
    public let identity: Identity
    /// K'_e = x_i·B_e.
    public let blindedDecryptionShare: G1Affine
    /// K'_s = x_i·B_s.
    public let blindedSigningShare: G1Affine

    public init(fingerprint: [UInt8], index: UInt16, identity: Identity,
                blindedDecryptionShare: G1Affine, blindedSigningShare: G1Affine) {
        self.fingerprint = fingerprint
        self.index = index
        self.identity = identity
        self.blindedDecryptionShare = blindedDecryptionShare
        self.blindedSigningShare = blindedSigningShare
    }

    public var encoded: [UInt8] {
        var w = WireWriter(type: .blindPartial)
        w.raw(fingerprint)
        w.u16(index)
        w.id(identity.bytes)
        w.raw(blindedDecryptionShare.compressed)
        w.raw(blindedSigningShare.compressed)
        return w.bytes
    }

    /// - Throws: `ProtocolError` (structure, fingerprint, index) or `CurveError`.
    public init(decoding bytes: [UInt8], params: PublicParams) throws {
        var r = try WireReader(bytes, type: .blindPartial)
        let fp = try r.raw(32, "fp")
        let index = try r.u16("index")
        let id = try r.id("id")
        let ke = try r.raw(48, "K'_e")
        let ks = try r.raw(48, "K'_s")
        try r.finish()
        guard fp == params.fingerprint else { throw ProtocolError.param("blind partial key is for another master public key") }
        guard index >= 1, Int(index) <= params.n else {
            throw ProtocolError.param("blind partial key index \(index) is outside 1..\(params.n)")
        }
        self.init(fingerprint: fp, index: index, identity: id,
                  blindedDecryptionShare: try G1Affine(compressed: ke), blindedSigningShare: try G1Affine(compressed: ks))
    }
}
