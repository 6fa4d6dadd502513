// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrPairing

/// The header of a SEALED2 object (type 0x24, PROTOCOL.md §7, §10), the
/// proxy's conversion of a ``SealedHeader1`` for one delegatee:
///
///     "EHRS" 01 24 ‖ id_i ‖ id_j ‖ ctx ‖ c1 ‖ c2' ‖ R1 ‖ R2 ‖ N ‖ len ‖ body
///
/// `ctx`, `c1`, `N`, `len` and the body are copied unchanged from SEALED1, so
/// the AEAD key and associated data (bound to `id_i`, `ctx`, `c1`, `N`) are
/// those of the original seal.
public struct SealedHeader2: Sendable, Equatable {
    public let delegator: Identity
    public let delegatee: Identity
    public let recordContext: [UInt8]
    public let c1: G2Affine
    /// `c2' = c2·e(R3, c1)`.
    public let c2: GT
    public let r1: G2Affine
    public let r2: GT
    public let nonce: [UInt8]
    public let bodyLength: UInt64

    /// Wraps header fields (``Envelope/reencryptHeader(_:with:)`` and the decoders make them).
    public init(delegator: Identity, delegatee: Identity, recordContext: [UInt8], c1: G2Affine, c2: GT,
                r1: G2Affine, r2: GT, nonce: [UInt8], bodyLength: UInt64) {
        self.delegator = delegator
        self.delegatee = delegatee
        self.recordContext = recordContext
        self.c1 = c1
        self.c2 = c2
        self.r1 = r1
        self.r2 = r2
        self.nonce = nonce
        self.bodyLength = bodyLength
    }

    /// The level-2 capsule.
    public var capsule: Ciphertext2 {
        Ciphertext2(delegator: delegator, delegatee: delegatee, c1: c1, c2: c2, r1: r1, r2: r2)
    }

    /// The header bytes (the object minus its body).
    public var encoded: [UInt8] {
        var w = WireWriter(type: .sealed2)
        w.id(delegator.bytes)
        w.id(delegatee.bytes)
        w.blob(recordContext)
        w.raw(c1.compressed)
        w.raw(c2.bytes)
        w.raw(r1.compressed)
        w.raw(r2.bytes)
        w.raw(nonce)
        w.u64(bodyLength)
        return w.bytes
    }

    /// Decodes a header alone.
    /// - Throws: `ProtocolError`, `CurveError`, `PairingError` in §11 order.
    public init(encodedHeader bytes: [UInt8]) throws {
        var r = try WireReader(bytes, type: .sealed2)
        try self.init(reading: &r, bodyPresent: false)
    }

    /// Decodes a whole SEALED2 object.
    /// - Returns: the header and the offset at which the body starts.
    public static func decode(_ sealed: [UInt8]) throws -> (header: SealedHeader2, bodyOffset: Int) {
        var r = try WireReader(sealed, type: .sealed2)
        let h = try SealedHeader2(reading: &r, bodyPresent: true)
        return (h, sealed.count - Int(h.bodyLength))
    }

    init(reading r: inout WireReader, bodyPresent: Bool) throws {
        let delegator = try r.id("delegator id")
        let delegatee = try r.id("delegatee id")
        let ctx = try r.blob("record context", limit: EnvelopeKeySchedule.maxContextBytes)
        let c1b = try r.raw(96, "c1")
        let c2b = try r.raw(GT.byteCount, "c2'")
        let r1b = try r.raw(96, "R1")
        let r2b = try r.raw(GT.byteCount, "R2")
        let nonce = try r.raw(12, "nonce")
        let len = try r.u64("body length")
        _ = try ChunkedAead.plaintextLength(sealedLength: len)
        if bodyPresent {
            guard UInt64(r.remaining) == len else {
                throw ProtocolError.length("body of \(r.remaining) bytes, header says \(len)")
            }
        }
        let c1 = try G2Affine(compressed: c1b)
        let r1 = try G2Affine(compressed: r1b)
        let c2 = try GT(bytes: c2b)
        let r2 = try GT(bytes: r2b)
        if !bodyPresent { try r.finish() }
        self.init(delegator: delegator, delegatee: delegatee, recordContext: ctx, c1: c1, c2: c2, r1: r1, r2: r2,
                  nonce: nonce, bodyLength: len)
    }
}
