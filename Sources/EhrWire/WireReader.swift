// SPDX-License-Identifier: Apache-2.0

/// Parses v1 wire objects (PROTOCOL.md §10) from untrusted bytes: the one reader of the
/// library. Every read is bounds-checked and throws the caller's layer error (``WireFailure``)
/// instead of trapping.
///
/// Decoders run in the order PROTOCOL.md §11 fixes: first the structure (header, lengths,
/// identities, indices — this reader), and only then the cryptographic fields (scalars, then
/// points, then GT), which the reader hands out as raw bytes for typed decoding. So a
/// truncated object is always a length error, whatever its contents.
public struct WireReader<Failure: WireFailure>: Sendable {
    private let bytes: [UInt8]
    private var offset: Int

    /// Checks the header ("EHRS", version 0x01, `type`) and positions the reader after it.
    public init(_ bytes: [UInt8], type: WireType, what: String = "object") throws(Failure) {
        guard bytes.count >= Wire.headerBytes else {
            throw Failure(wire: .truncated(what: "\(what) header", need: Wire.headerBytes, have: bytes.count))
        }
        guard bytes[0] == Wire.magic[0], bytes[1] == Wire.magic[1],
              bytes[2] == Wire.magic[2], bytes[3] == Wire.magic[3]
        else { throw Failure(wire: .magic(what: what)) }
        guard bytes[4] == Wire.version else { throw Failure(wire: .version(what: what, bytes[4])) }
        guard bytes[5] == type.rawValue else {
            throw Failure(wire: .type(what: what, expected: type.rawValue, actual: bytes[5]))
        }
        self.bytes = bytes
        self.offset = Wire.headerBytes
    }

    /// A reader over a headerless byte string.
    public init(raw bytes: [UInt8]) {
        self.bytes = bytes
        self.offset = 0
    }

    /// Bytes not read yet.
    public var remaining: Int { bytes.count - offset }

    /// A fixed-size field (point, scalar, digest, key) of `count` bytes.
    public mutating func raw(_ count: Int, _ what: String) throws(Failure) -> [UInt8] {
        guard count >= 0, remaining >= count else {
            throw Failure(wire: .truncated(what: what, need: count, have: remaining))
        }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    public mutating func u8(_ what: String) throws(Failure) -> UInt8 {
        guard remaining >= 1 else { throw Failure(wire: .truncated(what: what, need: 1, have: remaining)) }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func u16(_ what: String) throws(Failure) -> UInt16 {
        UInt16(truncatingIfNeeded: try bigEndian(2, what))
    }

    public mutating func u32(_ what: String) throws(Failure) -> UInt32 {
        UInt32(truncatingIfNeeded: try bigEndian(4, what))
    }

    public mutating func u64(_ what: String) throws(Failure) -> UInt64 {
        try bigEndian(8, what)
    }

    /// An `id` field as bytes: u16 length + bytes, the length in `1...limit` (checked before
    /// the bytes are read, so a hostile length costs nothing). Layers that need an `Identity`
    /// validate the UTF-8 themselves.
    public mutating func idBytes(_ what: String, limit: Int = Wire.maxIdentityBytes) throws(Failure) -> [UInt8] {
        let n = Int(try u16("\(what) length"))
        guard n >= 1, n <= limit else { throw Failure(wire: .length(what: what, length: n, bounds: 1...limit)) }
        return try raw(n, what)
    }

    /// A `blob` field: u32 length + bytes, at most `limit` bytes.
    public mutating func blob(_ what: String, limit: Int) throws(Failure) -> [UInt8] {
        let n = Int(try u32("\(what) length"))
        guard n <= limit else { throw Failure(wire: .length(what: what, length: n, bounds: 0...limit)) }
        return try raw(n, what)
    }

    /// Rule 6: nothing may follow the last field.
    public func finish(_ what: String = "object") throws(Failure) {
        guard remaining == 0 else { throw Failure(wire: .trailing(what: what, count: remaining)) }
    }

    private mutating func bigEndian(_ count: Int, _ what: String) throws(Failure) -> UInt64 {
        guard remaining >= count else { throw Failure(wire: .truncated(what: what, need: count, have: remaining)) }
        var v: UInt64 = 0
        for i in offset..<offset + count { v = v << 8 | UInt64(bytes[i]) }
        offset += count
        return v
    }
}
