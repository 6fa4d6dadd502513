// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrPairing

/// The header of a SEALED1 object (type 0x23, PROTOCOL.md §7, §10): everything
/// before the chunked body.
///
///     "EHRS" 01 23 ‖ id (u16 len) ‖ ctx (u32 len, ≤ 64 KiB) ‖ c1 (96) ‖ c2 (576) ‖ N (12) ‖ len (u64) ‖ body (len bytes)
///
/// `body` is the ``ChunkedAead`` framing. A proxy rewrites only this header
/// (into a ``SealedHeader2``); the body bytes stay as they are.
public struct SealedHeader1: Sendable, Equatable {
    /// The identity the record is sealed to.
    public let owner: Identity
    /// The application record context `ctx` (bound into the AEAD).
    public let recordContext: [UInt8]
    /// `c1 = r·g2` of the capsule.
    public let c1: G2Affine
    /// `c2 = m·E^r` of the capsule.
    public let c2: GT
    /// The envelope nonce `N` (12 bytes).
    public let nonce: [UInt8]
    /// Length of the sealed body that follows.
    public let bodyLength: UInt64

    /// Wraps header fields (``Envelope`` and the decoders make them).
    public init(owner: Identity, recordContext: [UInt8], c1: G2Affine, c2: GT, nonce: [UInt8], bodyLength: UInt64) {
        self.owner = owner
        self.recordContext = recordContext
        self.c1 = c1
        self.c2 = c2
        self.nonce = nonce
        self.bodyLength = bodyLength
    }

    /// The IBP1 capsule `(c1, c2)` for `owner`.
    public var capsule: Ciphertext1 { Ciphertext1(owner: owner, c1: c1, c2: c2) }

    /// The header bytes (the object minus its body).
    public var encoded: [UInt8] {
        var w = WireWriter(type: .sealed1)
        w.id(owner.bytes)
        w.blob(recordContext)
        w.raw(c1.compressed)
        w.raw(c2.bytes)
        w.raw(nonce)
        w.u64(bodyLength)
        return w.bytes
    }

    /// Decodes a header alone (exactly the bytes of ``encoded``).
    /// - Throws: `ProtocolError`, `CurveError`, `PairingError` in §11 order.
    public init(encodedHeader bytes: [UInt8]) throws {
        var r = try WireReader(bytes, type: .sealed1)
        try self.init(reading: &r, bodyPresent: false)
    }

    /// Decodes a whole SEALED1 object.
    /// - Returns: the header and the offset at which the body starts.
    /// - Throws: as ``init(encodedHeader:)``; `.length` if the body is not exactly `len` bytes.
    public static func decode(_ sealed: [UInt8]) throws -> (header: SealedHeader1, bodyOffset: Int) {
        var r = try WireReader(sealed, type: .sealed1)
        let h = try SealedHeader1(reading: &r, bodyPresent: true)
        return (h, sealed.count - Int(h.bodyLength))
    }

    /// Reads the fields after the 6-byte header. Structure first (ids, blob,
    /// fixed fields, the body length against what is left), then the point,
    /// then the GT element (§11).
    init(reading r: inout WireReader, bodyPresent: Bool) throws {
        let owner = try r.id("owner id")
        let ctx = try r.blob("record context", limit: EnvelopeKeySchedule.maxContextBytes)
        let c1b = try r.raw(96, "c1")
        let c2b = try r.raw(GT.byteCount, "c2")
        let nonce = try r.raw(12, "nonce")
        let len = try r.u64("body length")
        _ = try ChunkedAead.plaintextLength(sealedLength: len)
        if bodyPresent {
            guard UInt64(r.remaining) == len else {
                throw ProtocolError.length("body of \(r.remaining) bytes, header says \(len)")
            }
        }
        let c1 = try G2Affine(compressed: c1b)
        let c2 = try GT(bytes: c2b)
        if !bodyPresent { try r.finish() }
        self.init(owner: owner, recordContext: ctx, c1: c1, c2: c2, nonce: nonce, bodyLength: len)
    }
}
