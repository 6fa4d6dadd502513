// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrPairing

/// Proxy `k`'s contribution to one re-encryption (PROTOCOL.md §6.1):
/// `φ_k = e(F(k), c1)`, tagged with the index, the threshold, the capsule's
/// `c1` it belongs to and the public `(R1, R2)` the delegatee needs.
///
/// Wire format (provisional type 0x26):
/// `"EHRS" 01 26 ‖ id_i ‖ id_j ‖ index (u16) ‖ t' (u16) ‖ c1 (96) ‖ R1 (96) ‖ R2 (576) ‖ φ (576)`.
/// The decoder checks `φ ∈ GT` (§11 rule 5).
public struct ReEncryptionFragment: Sendable, Equatable {
    public let delegator: Identity
    public let delegatee: Identity
    public let index: Int
    public let threshold: Int
    public let c1: G2Affine
    public let r1: G2Affine
    public let r2: GT
    /// `φ_k` (GT).
    public let value: GT

    /// Fragments come from `ThresholdReEncryption.fragment(_:with:)` or the decoder, which keep
    /// `index` and `threshold` within 1…``ThresholdReEncryption/maxProxies`` (so the u16 fields always fit).
    init(delegator: Identity, delegatee: Identity, index: Int, threshold: Int, c1: G2Affine, r1: G2Affine,
         r2: GT, value: GT) {
        self.delegator = delegator
        self.delegatee = delegatee
        self.index = index
        self.threshold = threshold
        self.c1 = c1
        self.r1 = r1
        self.r2 = r2
        self.value = value
    }

    public var encoded: [UInt8] {
        var w = WireWriter(type: .fragment)
        w.id(delegator.bytes)
        w.id(delegatee.bytes)
        w.u16(UInt16(index))
        w.u16(UInt16(threshold))
        w.raw(c1.compressed)
        w.raw(r1.compressed)
        w.raw(r2.bytes)
        w.raw(value.bytes)
        return w.bytes
    }

    /// Decodes in §11 order; `.param` for a zero index or threshold.
    /// - Throws: `ProtocolError`, `CurveError`, `PairingError` (a φ outside GT is `.notInSubgroup`).
    public init(encoded bytes: [UInt8]) throws {
        var r = try WireReader(bytes, type: .fragment)
        let delegator = try r.id("delegator id")
        let delegatee = try r.id("delegatee id")
        let index = Int(try r.u16("index"))
        let threshold = Int(try r.u16("threshold"))
        let c1b = try r.raw(96, "c1")
        let r1b = try r.raw(96, "R1")
        let r2b = try r.raw(GT.byteCount, "R2")
        let vb = try r.raw(GT.byteCount, "fragment")
        guard index >= 1, threshold >= 1, index <= ThresholdReEncryption.maxProxies,
              threshold <= ThresholdReEncryption.maxProxies else {
            throw ProtocolError.param("fragment index \(index) or threshold \(threshold) out of range")
        }
        let c1 = try G2Affine(compressed: c1b)
        let r1 = try G2Affine(compressed: r1b)
        let r2 = try GT(bytes: r2b)
        let v = try GT(bytes: vb)
        try r.finish()
        self.init(delegator: delegator, delegatee: delegatee, index: index, threshold: threshold, c1: c1, r1: r1,
                  r2: r2, value: v)
    }
}
