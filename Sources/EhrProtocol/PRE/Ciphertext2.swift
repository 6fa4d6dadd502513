// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrPairing

/// A level-2 (re-encrypted) IBP1 ciphertext `(c1, c2', R1, R2)` with
/// `c2' = c2·e(R3, c1) = m·e(H2(X), c1)` (PROTOCOL.md §6; Green–Ateniese ACNS
/// 2007 §4.1 "Reencrypt"). v1 is single-hop: there is no API that
/// re-encrypts a `Ciphertext2`, and the CT1 decoder rejects type 0x22.
///
/// Wire format CT2 (type 0x22, §10): `"EHRS" 01 22 ‖ id_i ‖ id_j ‖ c1 ‖ c2' ‖ R1 ‖ R2`.
public struct Ciphertext2: Sendable, Equatable {
    /// `id_i`, the original owner.
    public let delegator: Identity
    /// `id_j`, the recipient.
    public let delegatee: Identity
    /// `c1 = r·g2`, unchanged by re-encryption.
    public let c1: G2Affine
    /// `c2'` (GT).
    public let c2: GT
    /// `R1` of the re-encryption key.
    public let r1: G2Affine
    /// `R2` of the re-encryption key.
    public let r2: GT

    /// Wraps decoded or computed values (no checks: decoders and ``IBP1`` produce valid ones).
    public init(delegator: Identity, delegatee: Identity, c1: G2Affine, c2: GT, r1: G2Affine, r2: GT) {
        self.delegator = delegator
        self.delegatee = delegatee
        self.c1 = c1
        self.c2 = c2
        self.r1 = r1
        self.r2 = r2
    }

    /// The CT2 encoding.
    public var encoded: [UInt8] {
        var w = WireWriter(type: .ct2)
        w.id(delegator.bytes)
        w.id(delegatee.bytes)
        w.raw(c1.compressed)
        w.raw(c2.bytes)
        w.raw(r1.compressed)
        w.raw(r2.bytes)
        return w.bytes
    }

    /// Decodes CT2 in the order of §11 (structure, points c1 and R1, GT c2' and R2, trailing bytes).
    /// - Throws: `ProtocolError`, `CurveError`, `PairingError`.
    public init(encoded bytes: [UInt8]) throws {
        var r = try WireReader(bytes, type: .ct2)
        delegator = try r.id("delegator id")
        delegatee = try r.id("delegatee id")
        let c1b = try r.raw(96, "c1")
        let c2b = try r.raw(GT.byteCount, "c2'")
        let r1b = try r.raw(96, "R1")
        let r2b = try r.raw(GT.byteCount, "R2")
        c1 = try G2Affine(compressed: c1b)
        r1 = try G2Affine(compressed: r1b)
        c2 = try GT(bytes: c2b)
        r2 = try GT(bytes: r2b)
        try r.finish()
    }
}
