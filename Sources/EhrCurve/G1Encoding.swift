// SPDX-License-Identifier: Apache-2.0

import EhrField

// ZCash serialisation of G1 (PROTOCOL.md §3; zkcrypto `bls12_381`): big-endian x (and y), with
// three flag bits in the top of byte 0: bit 7 = compressed, bit 6 = infinity, bit 5 = y is the
// lexicographically largest root (compressed form only).

/// Flag bits of byte 0 in the ZCash format.
@usableFromInline
enum EncodingFlag {
    @usableFromInline static let compressed: UInt8 = 0x80
    @usableFromInline static let infinity: UInt8 = 0x40
    @usableFromInline static let sign: UInt8 = 0x20
    @usableFromInline static let all: UInt8 = 0xE0
}

/// Reads a 48-byte big-endian coordinate whose top three bits were cleared by the caller.
@inlinable
func decodeCoordinate(_ bytes: ArraySlice<UInt8>) throws(CurveError) -> Fp {
    do {
        return try Fp(bigEndianBytes: bytes)
    } catch {
        throw .nonCanonicalCoordinate
    }
}

/// True when every byte after the flag bits is zero (bytes[0] & 0x1F and the rest).
@inlinable
func restIsZero(_ bytes: [UInt8]) -> Bool {
    var acc = bytes[0] & ~EncodingFlag.all
    for i in 1..<bytes.count {
        acc |= bytes[i]
    }
    return acc == 0
}

extension G1Affine {
    // MARK: - Encoding

    /// The 48-byte compressed form: x with the compression flag, and the sign flag when y is the
    /// lexicographically largest root; the identity is 0xC0 followed by zeros.
    @inlinable
    public var compressed: [UInt8] {
        if isInfinity {
            var out = [UInt8](repeating: 0, count: 48)
            out[0] = EncodingFlag.compressed | EncodingFlag.infinity
            return out
        }
        var out = x.bigEndianBytes
        out[0] |= EncodingFlag.compressed
        if y.isLexicographicallyLargest {
            out[0] |= EncodingFlag.sign
        }
        return out
    }

    /// The 96-byte uncompressed form x ‖ y; the identity is 0x40 followed by zeros.
    @inlinable
    public var uncompressed: [UInt8] {
        if isInfinity {
            var out = [UInt8](repeating: 0, count: 96)
            out[0] = EncodingFlag.infinity
            return out
        }
        return x.bigEndianBytes + y.bigEndianBytes
    }

    // MARK: - Decoding (PROTOCOL.md §11 rule 4)

    /// Decodes and fully validates a compressed G1 point.
    ///
    /// Checks in order: length; flags (compression bit set; infinity only as 0xC0 00…00);
    /// x < p; x³ + 4 is a square; membership in G1; the identity only if `allowIdentity`.
    ///
    /// - Parameters:
    ///   - bytes: 48 bytes.
    ///   - allowIdentity: accept the point at infinity (rejected by default, as in every v1
    ///     protocol field).
    /// - Throws: ``CurveError/wrongLength(expected:actual:)``, ``CurveError/badFlags``,
    ///   ``CurveError/nonCanonicalCoordinate``, ``CurveError/notOnCurve``,
    ///   ``CurveError/notInSubgroup`` or ``CurveError/identity``.
    @inlinable
    public init(compressed bytes: some Collection<UInt8>, allowIdentity: Bool = false) throws(CurveError) {
        let p = try G1Affine.decompress(Array(bytes))
        if p.isInfinity {
            guard allowIdentity else { throw .identity }
            self = p
            return
        }
        guard G1Projective(p).isInSubgroup else { throw .notInSubgroup }
        self = p
    }

    /// Decodes and fully validates an uncompressed G1 point (96 bytes, x ‖ y).
    ///
    /// Checks in order: length; flags (compression and sign bits clear; infinity only as
    /// 0x40 00…00); x, y < p; the curve equation; membership in G1; the identity only if
    /// `allowIdentity`.
    ///
    /// - Throws: as ``init(compressed:allowIdentity:)``.
    @inlinable
    public init(uncompressed bytes: some Collection<UInt8>, allowIdentity: Bool = false) throws(CurveError) {
        let b = Array(bytes)
        guard b.count == 96 else { throw .wrongLength(expected: 96, actual: b.count) }
        let flags = b[0] & EncodingFlag.all
        guard flags & (EncodingFlag.compressed | EncodingFlag.sign) == 0 else { throw .badFlags }
        if flags & EncodingFlag.infinity != 0 {
            guard restIsZero(b) else { throw .badFlags }
            guard allowIdentity else { throw .identity }
            self = .identity
            return
        }
        let x = try decodeCoordinate(b[0..<48])
        let y = try decodeCoordinate(b[48..<96])
        let p = G1Affine(x: x, y: y)
        guard p.isOnCurve else { throw .notOnCurve }
        guard G1Projective(p).isInSubgroup else { throw .notInSubgroup }
        self = p
    }

    /// Decompression without the subgroup check: length, flags, x < p and the square root.
    /// Returns the identity for 0xC0 00…00 (the caller decides whether it is allowed).
    @inlinable
    static func decompress(_ b: [UInt8]) throws(CurveError) -> G1Affine {
        guard b.count == 48 else { throw .wrongLength(expected: 48, actual: b.count) }
        let flags = b[0] & EncodingFlag.all
        guard flags & EncodingFlag.compressed != 0 else { throw .badFlags }
        if flags & EncodingFlag.infinity != 0 {
            guard flags & EncodingFlag.sign == 0, restIsZero(b) else { throw .badFlags }
            return .identity
        }
        var xBytes = b
        xBytes[0] &= ~EncodingFlag.all
        let x = try decodeCoordinate(xBytes[0..<48])
        guard var y = (x.squared() * x + Bls12381.b1).sqrt() else { throw .notOnCurve }
        if y.isLexicographicallyLargest != (flags & EncodingFlag.sign != 0) {
            y = -y
        }
        return G1Affine(x: x, y: y)
    }
}
