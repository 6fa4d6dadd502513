// SPDX-License-Identifier: Apache-2.0

/// Builds v1 wire objects (PROTOCOL.md §10): big-endian integers, `id` = u16 length + bytes,
/// `blob` = u32 length + bytes, fixed-size fields as they are. The same writer builds the
/// byte strings that are hashed, signed or authenticated, so every such input carries the
/// same unambiguous framing as the wire. The one writer of the library.
public struct WireWriter: Sendable {
    public private(set) var bytes: [UInt8]

    /// Starts an object with "EHRS", the version byte and `type`.
    public init(type: WireType) {
        bytes = type.header
    }

    /// Starts a headerless byte string (for hash inputs that carry their own prefix).
    public init() {
        bytes = []
    }

    /// Reserves room for `count` more bytes (an encoder that knows its size avoids regrowth).
    public mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    public mutating func u8(_ v: UInt8) { bytes.append(v) }

    public mutating func u16(_ v: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: v >> 8))
        bytes.append(UInt8(truncatingIfNeeded: v))
    }

    public mutating func u32(_ v: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }

    public mutating func u64(_ v: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    /// A fixed-size field (point, scalar, digest, key, nonce): written as is.
    public mutating func raw(_ b: [UInt8]) { bytes += b }

    /// An `id`: u16 length + bytes. Callers validate identities on the way in, so the length
    /// fits (1…1024).
    public mutating func id(_ b: [UInt8]) {
        u16(UInt16(truncatingIfNeeded: b.count))
        bytes += b
    }

    /// A `blob`: u32 length + bytes.
    public mutating func blob(_ b: [UInt8]) {
        u32(UInt32(truncatingIfNeeded: b.count))
        bytes += b
    }
}
