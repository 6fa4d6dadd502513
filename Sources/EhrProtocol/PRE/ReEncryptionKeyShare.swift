// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrPairing

/// Proxy `k`'s share of a re-encryption key (PROTOCOL.md §6.1):
/// `F(k) = R3 + Σ_{l=1}^{t'−1} k^l·B_l` with random `B_l ∈ G1`, together with
/// the public `(R1, R2)`. Fewer than `t'` shares are uniformly random and
/// reveal nothing about `R3`.
///
/// Wire format (provisional type 0x25):
/// `"EHRS" 01 25 ‖ id_i ‖ id_j ‖ index (u16) ‖ t' (u16) ‖ n' (u16) ‖ R1 (96) ‖ R2 (576) ‖ F(k) (48)`.
public struct ReEncryptionKeyShare: Sendable, Equatable {
    public let delegator: Identity
    public let delegatee: Identity
    /// The proxy index `k`, 1…n'.
    public let index: Int
    /// `t'`, the number of fragments the delegatee needs.
    public let threshold: Int
    /// `n'`, the number of proxies.
    public let proxies: Int
    public let r1: G2Affine
    public let r2: GT
    /// `F(k)` (G1). Secret to proxy `k`.
    public let point: G1Affine

    init(delegator: Identity, delegatee: Identity, index: Int, threshold: Int, proxies: Int, r1: G2Affine, r2: GT,
         point: G1Affine) {
        self.delegator = delegator
        self.delegatee = delegatee
        self.index = index
        self.threshold = threshold
        self.proxies = proxies
        self.r1 = r1
        self.r2 = r2
        self.point = point
    }

    public var encoded: [UInt8] {
        var w = WireWriter(type: .rekeyShare)
        w.id(delegator.bytes)
        w.id(delegatee.bytes)
        w.u16(UInt16(index))
        w.u16(UInt16(threshold))
        w.u16(UInt16(proxies))
        w.raw(r1.compressed)
        w.raw(r2.bytes)
        w.raw(point.compressed)
        return w.bytes
    }

    /// Decodes in §11 order; `.param` for `index ∉ 1…n'` or `t' ∉ 1…n'`.
    /// - Throws: `ProtocolError`, `CurveError`, `PairingError`.
    public init(encoded bytes: [UInt8]) throws {
        var r = try WireReader(bytes, type: .rekeyShare)
        let delegator = try r.id("delegator id")
        let delegatee = try r.id("delegatee id")
        let index = Int(try r.u16("index"))
        let threshold = Int(try r.u16("threshold"))
        let proxies = Int(try r.u16("proxies"))
        let r1b = try r.raw(96, "R1")
        let r2b = try r.raw(GT.byteCount, "R2")
        let fb = try r.raw(48, "F(k)")
        try ThresholdReEncryption.checkParameters(threshold: threshold, proxies: proxies)
        guard (1...proxies).contains(index) else { throw ProtocolError.param("share index \(index) outside 1…\(proxies)") }
        let r1 = try G2Affine(compressed: r1b)
        let f = try G1Affine(compressed: fb)
        let r2 = try GT(bytes: r2b)
        try r.finish()
        self.init(delegator: delegator, delegatee: delegatee, index: index, threshold: threshold, proxies: proxies,
                  r1: r1, r2: r2, point: f)
    }
}
