// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrPairing

/// A level-1 IBP1 ciphertext `(c1, c2) = (r·g2, m·e(Qe, y)^r)` for `owner`
/// (PROTOCOL.md §6; Green–Ateniese ACNS 2007 §4.1 "Encrypt").
///
/// Wire format CT1 (type 0x20, §10): `"EHRS" 01 20 ‖ id ‖ c1 (96) ‖ c2 (576)`.
public struct Ciphertext1: Sendable, Equatable {
    /// The identity the ciphertext is encrypted to (the delegator of a later re-encryption).
    public let owner: Identity
    /// `c1 = r·g2` (G2).
    public let c1: G2Affine
    /// `c2 = m·E^r` (GT).
    public let c2: GT

    /// Wraps decoded or computed values (no checks: decoders and ``IBP1`` produce valid ones).
    public init(owner: Identity, c1: G2Affine, c2: GT) {
        self.owner = owner
        self.c1 = c1
        self.c2 = c2
    }

    /// The CT1 encoding.
    public var encoded: [UInt8] {
        var w = WireWriter(type: .ct1)
        w.id(owner.bytes)
        w.raw(c1.compressed)
        w.raw(c2.bytes)
        return w.bytes
    }

    /// Decodes CT1 in the order of §11: header and lengths, identity, points, GT, trailing bytes.
    /// - Throws: `ProtocolError` (length, magic, version, type, param), `CurveError`, `PairingError`.
    public init(encoded bytes: [UInt8]) throws {
        var r = try WireReader(bytes, type: .ct1)
        let owner = try r.id("owner id")
        let c1b = try r.raw(96, "c1")
        let c2b = try r.raw(GT.byteCount, "c2")
        self.owner = owner
        c1 = try G2Affine(compressed: c1b)
        c2 = try GT(bytes: c2b)
        try r.finish()
    }
}
