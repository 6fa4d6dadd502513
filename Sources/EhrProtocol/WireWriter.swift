// SPDX-License-Identifier: Apache-2.0

/// Builds v1 wire objects (PROTOCOL.md §10): big-endian integers, identities
/// as u16 length + bytes, blobs as u32 length + bytes. The same writer builds
/// the byte strings that are hashed or authenticated, so every hash input
/// carries the same unambiguous framing as the wire.
public struct WireWriter: Sendable {
    public private(set) var bytes: [UInt8]

    /// Starts an object with "EHRS", the version byte and `type`.
    public init(type: WireType) {
        bytes = Wire.magic + [Wire.version, type.rawValue]
    }

    /// Starts a headerless byte string (for hash inputs).
    public init() {
        bytes = []
    }

    public mutating func u8(_ v: UInt8) { bytes.append(v) }

    public mutating func u16(_ v: UInt16) {
        bytes.append(UInt8(v >> 8))
        bytes.append(UInt8(truncatingIfNeeded: v))
    }

    public mutating func u32(_ v: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
    }

    public mutating func u64(_ v: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    /// Fixed-size field (points, scalars, digests): written as is.
    public mutating func raw(_ b: [UInt8]) { bytes += b }

    /// An identity: u16 length + bytes. Callers validate identities on the
    /// way in (`Identity`), so the length always fits.
    public mutating func id(_ b: [UInt8]) {
        u16(UInt16(truncatingIfNeeded: b.count))
        bytes += b
    }

    /// A blob: u32 length + bytes.
    public mutating func blob(_ b: [UInt8]) {
        u32(UInt32(truncatingIfNeeded: b.count))
        bytes += b
    }
}
