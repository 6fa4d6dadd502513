// SPDX-License-Identifier: Apache-2.0

import EhrWire

// MARK: - Byte encodings and sampling of Fr

extension Fr {
    /// Number of bytes in the canonical scalar encoding (PROTOCOL.md §3).
    public static let byteCount = 32

    /// Decodes a canonical 32-byte big-endian scalar.
    ///
    /// - Parameter b: exactly 32 bytes, most significant first.
    /// - Throws: `FieldError.wrongLength` for any other length, `FieldError.notCanonical` if the value is ≥ r
    ///   (PROTOCOL.md §11 rule 3: scalars are never reduced silently).
    public init(bigEndianBytes b: some Collection<UInt8>) throws(FieldError) {
        let bytes = Array(b)
        guard bytes.count == Fr.byteCount else {
            throw FieldError.wrongLength(expected: Fr.byteCount, actual: bytes.count)
        }
        let raw = bytes.withUnsafeBufferPointer { buf in
            Fr(
                l0: readBigEndianWord(buf, end: 32),
                l1: readBigEndianWord(buf, end: 24),
                l2: readBigEndianWord(buf, end: 16),
                l3: readBigEndianWord(buf, end: 8)
            )
        }
        var bw: UInt64 = 0
        (_, bw) = subBorrow(raw.l0, 0xffffffff00000001, bw)
        (_, bw) = subBorrow(raw.l1, 0x53bda402fffe5bfe, bw)
        (_, bw) = subBorrow(raw.l2, 0x3339d80809a1d805, bw)
        (_, bw) = subBorrow(raw.l3, 0x73eda753299d7d48, bw)
        guard bw == 1 else { throw FieldError.notCanonical }
        self = raw * Fr.montgomeryR2
    }

    /// Parses a hexadecimal constant (optional `0x`, at most 64 digits, most significant first).
    /// - Returns: `nil` for a malformed string or a value ≥ r.
    public init?(hex: String) {
        guard let bytes = EhrField.bigEndianBytes(hex: hex, byteCount: Fr.byteCount),
            let x = try? Fr(bigEndianBytes: bytes)
        else { return nil }
        self = x
    }

    /// Interprets any number of big-endian bytes as an integer and reduces it mod r.
    ///
    /// This is the `OS2IP(·) mod r` step of RFC 9380 §5.2 `hash_to_field` (PROTOCOL.md §3 `Hs` uses
    /// L = 48 bytes). The input is cut into 31-byte chunks aligned at its least significant end; each
    /// chunk is below 2²⁴⁸ < r, hence a valid Montgomery input, and Horner's rule with weight 2²⁴⁸ joins them.
    ///
    /// - Parameter b: bytes, most significant first; the empty string gives zero.
    public init(reducingBigEndian b: some Collection<UInt8>) {
        let bytes = Array(b)
        var acc = Fr.zero
        bytes.withUnsafeBufferPointer { buf in
            // The first (most significant) chunk may be short; positions before it read as zero.
            var end = buf.count % 31
            if end == 0 { end = 31 }
            while end <= buf.count {
                let chunk = Fr(
                    l0: readBigEndianWord(buf, start: end - 31, end: end),
                    l1: readBigEndianWord(buf, start: end - 31, end: end - 8),
                    l2: readBigEndianWord(buf, start: end - 31, end: end - 16),
                    l3: readBigEndianWord(buf, start: end - 31, end: end - 24)
                )
                acc = acc * Fr.twoTo248 + chunk * Fr.montgomeryR2
                end += 31
            }
        }
        self = acc
    }

    /// The canonical 32-byte big-endian encoding.
    public var bigEndianBytes: [UInt8] {
        let c = montgomeryReduced()
        var out: [UInt8] = []
        out.reserveCapacity(Fr.byteCount)
        appendBigEndian(c.l3, to: &out)
        appendBigEndian(c.l2, to: &out)
        appendBigEndian(c.l1, to: &out)
        appendBigEndian(c.l0, to: &out)
        return out
    }

    /// A uniformly random scalar in [0, r).
    ///
    /// Draws 64 bytes from the system CSPRNG (EhrWire's `SystemRandom`, libcrypto's `RAND_bytes`) and reduces them mod r; the statistical distance
    /// from uniform is below 2⁻²⁵⁰ (the 512 − 255 surplus bits of RFC 9380 §5's k + 128 rule, with room to spare).
    ///
    /// - Throws: `FieldError.randomFailure` if the generator reports failure. The buffer is wiped either way.
    public static func random() throws(FieldError) -> Fr {
        var buf = [UInt8](repeating: 0, count: 64)
        defer { wipeSecret(&buf) }
        guard buf.withUnsafeMutableBytes({ SystemRandom.fill($0) }) else { throw FieldError.randomFailure }
        return Fr(reducingBigEndian: buf)
    }

    /// A uniformly random non-zero scalar (rejection sampling on `random()`; a zero draw has probability ≈ 2⁻²⁵⁵).
    ///
    /// - Throws: `FieldError.randomFailure` if the random generator fails.
    public static func randomNonZero() throws(FieldError) -> Fr {
        while true {
            let s = try random()
            if !s.isZero { return s }
        }
    }
}
