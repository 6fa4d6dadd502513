// SPDX-License-Identifier: Apache-2.0

/// Parses v1 wire objects. Decoders run in the order PROTOCOL.md §11 fixes:
/// first the structure (header, lengths, identities, indices — this reader),
/// and only then the cryptographic fields (scalars, then points, then GT),
/// which the reader hands out as raw byte slices for typed decoding. So a
/// truncated object is always EHR_ERR_LENGTH, whatever its contents.
public struct WireReader: Sendable {
    private let bytes: [UInt8]
    private var offset: Int

    /// Checks the header and positions the reader after it.
    /// - Throws: `ProtocolError.length`, `.magic`, `.version` or `.type`.
    public init(_ bytes: [UInt8], type: WireType) throws(ProtocolError) {
        guard bytes.count >= Wire.headerBytes else {
            throw .length("object of \(bytes.count) bytes is shorter than its 6-byte header")
        }
        guard Array(bytes[0..<4]) == Wire.magic else { throw .magic }
        guard bytes[4] == Wire.version else { throw .version(bytes[4]) }
        guard bytes[5] == type.rawValue else { throw .type(expected: type.rawValue, actual: bytes[5]) }
        self.bytes = bytes
        self.offset = Wire.headerBytes
    }

    /// A reader over a headerless byte string.
    public init(raw bytes: [UInt8]) {
        self.bytes = bytes
        self.offset = 0
    }

    public var remaining: Int { bytes.count - offset }

    public mutating func raw(_ count: Int, _ what: String) throws(ProtocolError) -> [UInt8] {
        guard count >= 0, remaining >= count else {
            throw .length("truncated \(what): need \(count) bytes, \(remaining) left")
        }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    public mutating func u8(_ what: String) throws(ProtocolError) -> UInt8 {
        try raw(1, what)[0]
    }

    public mutating func u16(_ what: String) throws(ProtocolError) -> UInt16 {
        let b = try raw(2, what)
        return UInt16(b[0]) << 8 | UInt16(b[1])
    }

    public mutating func u32(_ what: String) throws(ProtocolError) -> UInt32 {
        try raw(4, what).reduce(0) { $0 << 8 | UInt32($1) }
    }

    public mutating func u64(_ what: String) throws(ProtocolError) -> UInt64 {
        try raw(8, what).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// An identity (u16 length + 1–1024 bytes of UTF-8).
    /// - Throws: `.length` if truncated, `.param` if empty, too long or not UTF-8.
    public mutating func id(_ what: String) throws(ProtocolError) -> Identity {
        let n = Int(try u16("\(what) length"))
        return try Identity(validating: try raw(n, what))
    }

    /// A blob (u32 length + bytes), at most `limit` bytes.
    public mutating func blob(_ what: String, limit: Int = Int(UInt32.max)) throws(ProtocolError) -> [UInt8] {
        let n = Int(try u32("\(what) length"))
        guard n <= limit else { throw .param("\(what) of \(n) bytes exceeds the limit of \(limit)") }
        return try raw(n, what)
    }

    /// Rule 6: nothing may follow the last field.
    public func finish() throws(ProtocolError) {
        guard remaining == 0 else { throw .length("\(remaining) trailing bytes") }
    }
}
