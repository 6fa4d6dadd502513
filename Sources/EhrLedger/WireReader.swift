// SPDX-License-Identifier: Apache-2.0

/// Reads PROTOCOL.md §10 fields from untrusted bytes. Every read is bounds-checked and
/// throws `LedgerError.rejected(.encoding)` instead of trapping.
struct WireReader {
    private let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.offset = 0
    }

    var remaining: Int { bytes.count - offset }

    /// Checks "EHRS", version 0x01 and the type byte.
    mutating func header(type expected: UInt8, what: String) throws(LedgerError) {
        let magic = try fixed(4, what)
        guard magic == WireFormat.magic else { throw .reject(.encoding, "\(what): missing EHRS magic") }
        let version = try u8(what)
        guard version == WireFormat.version else {
            throw .reject(.encoding, "\(what): unsupported version \(version)")
        }
        let type = try u8(what)
        guard type == expected else {
            throw .reject(.encoding, "\(what): type byte 0x\(String(type, radix: 16)), expected 0x\(String(expected, radix: 16))")
        }
    }

    mutating func u8(_ what: String) throws(LedgerError) -> UInt8 {
        try fixed(1, what)[0]
    }

    mutating func u16(_ what: String) throws(LedgerError) -> UInt16 {
        let b = try fixed(2, what)
        return UInt16(b[0]) << 8 | UInt16(b[1])
    }

    mutating func u32(_ what: String) throws(LedgerError) -> UInt32 {
        let b = try fixed(4, what)
        return b.reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func u64(_ what: String) throws(LedgerError) -> UInt64 {
        let b = try fixed(8, what)
        return b.reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func fixed(_ count: Int, _ what: String) throws(LedgerError) -> [UInt8] {
        guard count >= 0, remaining >= count else {
            throw .reject(.encoding, "\(what): truncated (need \(count) bytes, have \(remaining))")
        }
        let out = Array(bytes[offset..<offset + count])
        offset += count
        return out
    }

    /// `id`: u16 length + bytes, length in `1...max`.
    mutating func id(_ what: String, max: Int = WireFormat.maxIdentity) throws(LedgerError) -> [UInt8] {
        let n = Int(try u16(what))
        guard n >= 1, n <= max else { throw .reject(.encoding, "\(what): length \(n) outside 1...\(max)") }
        return try fixed(n, what)
    }

    /// `blob`: u32 length + bytes, length at most `max`.
    mutating func blob(_ what: String, max: Int = WireFormat.maxBlob) throws(LedgerError) -> [UInt8] {
        let n = Int(try u32(what))
        guard n <= max else { throw .reject(.encoding, "\(what): blob of \(n) bytes exceeds \(max)") }
        return try fixed(n, what)
    }

    /// No trailing bytes (PROTOCOL.md §11 rule 6).
    func end(_ what: String) throws(LedgerError) {
        guard remaining == 0 else { throw .reject(.encoding, "\(what): \(remaining) trailing bytes") }
    }
}
