// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrPairing

/// A re-encryption key `rk_{i→j} = (R1, R2, R3)` (PROTOCOL.md §6; Green–Ateniese
/// ACNS 2007 §4.1 "RKGen"): `(R1, R2) = Enc1(id_j, X)` and `R3 = H2(X) − ske_i`.
///
/// The proxy holds it; with it alone it learns nothing about plaintexts, but a
/// proxy colluding with the delegatee recovers `ske_i = H2(X) − R3` (§8): treat
/// it as sensitive and prefer threshold proxies (§6.1).
///
/// Wire format REKEY (type 0x21, §10): `"EHRS" 01 21 ‖ id_i ‖ id_j ‖ R1 (96) ‖ R2 (576) ‖ R3 (48)`.
public struct ReEncryptionKey: Sendable, Equatable {
    /// `id_i`, whose level-1 ciphertexts the key converts.
    public let delegator: Identity
    /// `id_j`, who can decrypt the converted ciphertexts.
    public let delegatee: Identity
    /// `R1 = r'·g2` (G2).
    public let r1: G2Affine
    /// `R2 = X·e(Qe_j, y)^{r'}` (GT).
    public let r2: GT
    /// `R3 = H2(X) − ske_i` (G1).
    public let r3: G1Affine

    /// Wraps decoded or computed values (``IBP1/rekey(from:to:context:)`` makes them).
    public init(delegator: Identity, delegatee: Identity, r1: G2Affine, r2: GT, r3: G1Affine) {
        self.delegator = delegator
        self.delegatee = delegatee
        self.r1 = r1
        self.r2 = r2
        self.r3 = r3
    }

    /// The REKEY encoding.
    public var encoded: [UInt8] {
        var w = WireWriter(type: .rekey)
        w.id(delegator.bytes)
        w.id(delegatee.bytes)
        w.raw(r1.compressed)
        w.raw(r2.bytes)
        w.raw(r3.compressed)
        return w.bytes
    }

    /// Decodes REKEY in the order of §11 (structure, points R1 and R3, then GT R2, trailing bytes).
    /// - Throws: `ProtocolError`, `CurveError`, `PairingError`.
    public init(encoded bytes: [UInt8]) throws {
        var r = try WireReader(bytes, type: .rekey)
        delegator = try r.id("delegator id")
        delegatee = try r.id("delegatee id")
        let r1b = try r.raw(96, "R1")
        let r2b = try r.raw(GT.byteCount, "R2")
        let r3b = try r.raw(48, "R3")
        r1 = try G2Affine(compressed: r1b)
        r3 = try G1Affine(compressed: r3b)
        r2 = try GT(bytes: r2b)
        try r.finish()
    }
}
