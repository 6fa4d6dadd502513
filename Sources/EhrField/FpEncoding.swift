// SPDX-License-Identifier: Apache-2.0

// MARK: - Byte encodings of Fp
//
// The canonical encoding is the 48-byte big-endian integer in [0, p) (ZCash/IETF BLS12-381
// serialisation, PROTOCOL.md §3 and §11 rule 4: coordinates must be below p, never reduced silently).

extension Fp {
    /// Number of bytes in the canonical encoding.
    public static let byteCount = 48

    /// Decodes a canonical 48-byte big-endian integer.
    ///
    /// - Parameter b: exactly 48 bytes, most significant first.
    /// - Throws: `FieldError.wrongLength` for any other length, `FieldError.notCanonical` if the value is ≥ p.
    public init(bigEndianBytes b: some Collection<UInt8>) throws(FieldError) {
        let bytes = Array(b)
        guard bytes.count == Fp.byteCount else {
            throw FieldError.wrongLength(expected: Fp.byteCount, actual: bytes.count)
        }
        let raw = bytes.withUnsafeBufferPointer { buf in
            Fp(
                l0: readBigEndianWord(buf, end: 48),
                l1: readBigEndianWord(buf, end: 40),
                l2: readBigEndianWord(buf, end: 32),
                l3: readBigEndianWord(buf, end: 24),
                l4: readBigEndianWord(buf, end: 16),
                l5: readBigEndianWord(buf, end: 8)
            )
        }
        guard raw.isBelowModulus else { throw FieldError.notCanonical }
        self = raw * Fp.montgomeryR2
    }

    /// Parses a hexadecimal constant (optional `0x`, at most 96 digits, most significant first).
    ///
    /// Meant for curve and isogeny constants written as in RFC 9380 appendices.
    /// - Returns: `nil` for a malformed string or a value ≥ p.
    public init?(hex: String) {
        guard let bytes = EhrField.bigEndianBytes(hex: hex, byteCount: Fp.byteCount),
            let x = try? Fp(bigEndianBytes: bytes)
        else { return nil }
        self = x
    }

    /// Interprets any number of big-endian bytes as an integer and reduces it mod p.
    ///
    /// Used by RFC 9380 §5.2 `hash_to_field` (64-byte strings for BLS12-381, L = 64). The input is
    /// cut into 32-byte chunks aligned at its least significant end; each chunk is below 2²⁵⁶ < p and
    /// so is a valid Montgomery input, and Horner's rule with the weight 2²⁵⁶ combines them:
    /// x = (…(c₀·2²⁵⁶ + c₁)·2²⁵⁶ + …). Runs in time depending only on the input length.
    ///
    /// - Parameter b: bytes, most significant first; the empty string gives zero.
    public init(reducingBigEndian b: some Collection<UInt8>) {
        let bytes = Array(b)
        var acc = Fp.zero
        bytes.withUnsafeBufferPointer { buf in
            // The first (most significant) chunk may be short; words before the buffer read as zero.
            var end = buf.count % 32
            if end == 0 { end = 32 }
            while end <= buf.count {
                let chunk = Fp(
                    l0: readBigEndianWord(buf, start: end - 32, end: end),
                    l1: readBigEndianWord(buf, start: end - 32, end: end - 8),
                    l2: readBigEndianWord(buf, start: end - 32, end: end - 16),
                    l3: readBigEndianWord(buf, start: end - 32, end: end - 24),
                    l4: 0,
                    l5: 0
                )
                acc = acc * Fp.twoTo256 + chunk * Fp.montgomeryR2
                end += 32
            }
        }
        self = acc
    }

    /// The canonical 48-byte big-endian encoding.
    public var bigEndianBytes: [UInt8] {
        let c = montgomeryReduced()
        var out: [UInt8] = []
        out.reserveCapacity(Fp.byteCount)
        appendBigEndian(c.l5, to: &out)
        appendBigEndian(c.l4, to: &out)
        appendBigEndian(c.l3, to: &out)
        appendBigEndian(c.l2, to: &out)
        appendBigEndian(c.l1, to: &out)
        appendBigEndian(c.l0, to: &out)
        return out
    }

    /// True when the limbs, read as a plain integer, are below p (constant-time borrow test).
    @usableFromInline
    internal var isBelowModulus: Bool {
        var bw: UInt64 = 0
        (_, bw) = subBorrow(l0, 0xb9feffffffffaaab, bw)
        (_, bw) = subBorrow(l1, 0x1eabfffeb153ffff, bw)
        (_, bw) = subBorrow(l2, 0x6730d2a0f6b0f624, bw)
        (_, bw) = subBorrow(l3, 0x64774b84f38512bf, bw)
        (_, bw) = subBorrow(l4, 0x4b1ba7b6434bacd7, bw)
        (_, bw) = subBorrow(l5, 0x1a0111ea397fe69a, bw)
        return bw == 1
    }
}
