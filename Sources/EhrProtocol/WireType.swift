// SPDX-License-Identifier: Apache-2.0

/// Type bytes of the v1 wire formats (PROTOCOL.md §10). Every object starts
/// with "EHRS", the version byte 0x01 and one of these.
public enum WireType: UInt8, Sendable, CaseIterable {
    case params = 0x01
    case dkgCommit = 0x02
    case dkgShare = 0x03
    case dkgComplaint = 0x04
    case dkgReveal = 0x05
    case dkgFeldman = 0x06
    case dkgFComplaint = 0x07
    case partialKey = 0x10
    case blindRequest = 0x11
    case blindPartial = 0x12
    case ct1 = 0x20
    case rekey = 0x21
    case ct2 = 0x22
    case sealed1 = 0x23
    case sealed2 = 0x24
    /// Only inside AEAD associated data (PROTOCOL.md §7), never sent.
    case aeadAD = 0x30
    case signed = 0x31
}

/// Constants shared by every encoder and decoder.
public enum Wire {
    /// "EHRS".
    public static let magic: [UInt8] = [0x45, 0x48, 0x52, 0x53]
    public static let version: UInt8 = 0x01
    /// Magic + version + type.
    public static let headerBytes = 6
    /// Identities are 1–1024 bytes of valid UTF-8 (PROTOCOL.md §3).
    public static let maxIdentityBytes = 1024
}
