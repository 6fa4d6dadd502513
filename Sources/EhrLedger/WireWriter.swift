// SPDX-License-Identifier: Apache-2.0

/// Appends PROTOCOL.md §10 fields: big-endian integers, `id` = u16 length + bytes,
/// `blob` = u32 length + bytes, fixed-size byte strings as they are.
struct WireWriter {
    private(set) var bytes: [UInt8] = []

    /// Starts an object: "EHRS", version 0x01, `type`.
    init(type: UInt8) {
        bytes = WireFormat.magic + [WireFormat.version, type]
    }

    /// Starts without a header (for hash inputs that carry their own prefix).
    init() {}

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u16(_ v: UInt16) {
        bytes.append(UInt8(v >> 8))
        bytes.append(UInt8(v & 0xFF))
    }

    mutating func u32(_ v: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8((v >> UInt32(shift)) & 0xFF)) }
    }

    mutating func u64(_ v: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8((v >> UInt64(shift)) & 0xFF)) }
    }

    /// Fixed-size field (hash, key, nonce): written as is; the decoder knows its length.
    mutating func fixed(_ v: [UInt8]) { bytes.append(contentsOf: v) }

    /// `id`: u16 length + bytes. Callers validate the length (1…1024) before encoding.
    mutating func id(_ v: [UInt8]) {
        u16(UInt16(truncatingIfNeeded: v.count))
        bytes.append(contentsOf: v)
    }

    /// `blob`: u32 length + bytes.
    mutating func blob(_ v: [UInt8]) {
        u32(UInt32(truncatingIfNeeded: v.count))
        bytes.append(contentsOf: v)
    }
}
