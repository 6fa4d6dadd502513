// SPDX-License-Identifier: Apache-2.0

import EhrField

// ZCash serialisation of G2 (PROTOCOL.md §3): an Fp2 coordinate is written c1 ‖ c0 (the u
// coefficient first), the flags sit in the top three bits of the first byte, and the sign
// flag means y is lexicographically largest (c1 decides, c0 when c1 = 0).

extension G2Affine {
    // MARK: - Encoding

    /// The 96-byte compressed form x.c1 ‖ x.c0 with the flags in byte 0; the identity is 0xC0
    /// followed by zeros.
    @inlinable
    public var compressed: [UInt8] {
        if isInfinity {
            var out = [UInt8](repeating: 0, count: 96)
            out[0] = EncodingFlag.compressed | EncodingFlag.infinity
            return out
        }
        var out = x.c1.bigEndianBytes + x.c0.bigEndianBytes
        out[0] |= EncodingFlag.compressed
        if y.isLexicographicallyLargest {
            out[0] |= EncodingFlag.sign
        }
        return out
    }

    /// The 192-byte uncompressed form x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0; the identity is 0x40 followed
    /// by zeros.
    @inlinable
    public var uncompressed: [UInt8] {
        if isInfinity {
            var out = [UInt8](repeating: 0, count: 192)
            out[0] = EncodingFlag.infinity
            return out
        }
        return x.c1.bigEndianBytes + x.c0.bigEndianBytes + y.c1.bigEndianBytes + y.c0.bigEndianBytes
    }

    // MARK: - Decoding (PROTOCOL.md §11 rule 4)

    /// Decodes and fully validates a compressed G2 point.
    ///
    /// Checks in order: length; flags (compression bit set; infinity only as 0xC0 00…00);
    /// x.c1 < p and x.c0 < p; x³ + 4(1 + u) is a square; membership in G2; the identity only
    /// if `allowIdentity`.
    ///
    /// - Parameters:
    ///   - bytes: 96 bytes.
    ///   - allowIdentity: accept the point at infinity (rejected by default).
    /// - Throws: ``CurveError/wrongLength(expected:actual:)``, ``CurveError/badFlags``,
    ///   ``CurveError/nonCanonicalCoordinate``, ``CurveError/notOnCurve``,
    ///   ``CurveError/notInSubgroup`` or ``CurveError/identity``.
    @inlinable
    public init(compressed bytes: some Collection<UInt8>, allowIdentity: Bool = false) throws(CurveError) {
        let p = try G2Affine.decompress(Array(bytes))
        if p.isInfinity {
            guard allowIdentity else { throw .identity }
            self = p
            return
        }
        guard G2Projective(p).isInSubgroup else { throw .notInSubgroup }
        self = p
    }

    /// Decodes and fully validates an uncompressed G2 point (192 bytes).
    ///
    /// Checks in order: length; flags (compression and sign bits clear; infinity only as
    /// 0x40 00…00); all four coordinates < p; the curve equation; membership in G2; the
    /// identity only if `allowIdentity`.
    ///
    /// - Throws: as ``init(compressed:allowIdentity:)``.
    @inlinable
    public init(uncompressed bytes: some Collection<UInt8>, allowIdentity: Bool = false) throws(CurveError) {
        let b = Array(bytes)
        guard b.count == 192 else { throw .wrongLength(expected: 192, actual: b.count) }
        let flags = b[0] & EncodingFlag.all
        guard flags & (EncodingFlag.compressed | EncodingFlag.sign) == 0 else { throw .badFlags }
        if flags & EncodingFlag.infinity != 0 {
            guard restIsZero(b) else { throw .badFlags }
            guard allowIdentity else { throw .identity }
            self = .identity
            return
        }
        let x1 = try decodeCoordinate(b[0..<48])
        let x0 = try decodeCoordinate(b[48..<96])
        let y1 = try decodeCoordinate(b[96..<144])
        let y0 = try decodeCoordinate(b[144..<192])
        let p = G2Affine(x: Fp2(c0: x0, c1: x1), y: Fp2(c0: y0, c1: y1))
        guard p.isOnCurve else { throw .notOnCurve }
        guard G2Projective(p).isInSubgroup else { throw .notInSubgroup }
        self = p
    }

    /// Decompression without the subgroup check: length, flags, both halves of x < p and the
    /// square root. Returns the identity for 0xC0 00…00.
    @inlinable
    static func decompress(_ b: [UInt8]) throws(CurveError) -> G2Affine {
        guard b.count == 96 else { throw .wrongLength(expected: 96, actual: b.count) }
        let flags = b[0] & EncodingFlag.all
        guard flags & EncodingFlag.compressed != 0 else { throw .badFlags }
        if flags & EncodingFlag.infinity != 0 {
            guard flags & EncodingFlag.sign == 0, restIsZero(b) else { throw .badFlags }
            return .identity
        }
        var xBytes = b
        xBytes[0] &= ~EncodingFlag.all
        let x1 = try decodeCoordinate(xBytes[0..<48])
        let x0 = try decodeCoordinate(xBytes[48..<96])
        let x = Fp2(c0: x0, c1: x1)
        guard var y = Fp2SqrtVartime.sqrt(x.squared() * x + Bls12381.b2) else { throw .notOnCurve }
        if y.isLexicographicallyLargest != (flags & EncodingFlag.sign != 0) {
            y = -y
        }
        return G2Affine(x: x, y: y)
    }
}
