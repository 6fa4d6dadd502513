// SPDX-License-Identifier: Apache-2.0

/// The one registry of v1 type bytes (PROTOCOL.md §10, docs/WIRE.md): every object of the
/// protocol, the DKG channel, the threshold proxies and the ledger starts with "EHRS", the
/// version byte 0x01 and one of these. No other file defines a type byte; a test checks that
/// docs/WIRE.md lists exactly these cases.
public enum WireType: UInt8, Sendable, CaseIterable {
    // Keys and the DKG broadcasts (PROTOCOL.md §4).
    case params = 0x01
    case dkgCommit = 0x02
    case dkgShare = 0x03
    case dkgComplaint = 0x04
    case dkgReveal = 0x05
    case dkgFeldman = 0x06
    case dkgFComplaint = 0x07
    /// A DKG broadcast signed by its sender's roster key (PROTOCOL.md §4.2).
    case dkgSigned = 0x08
    /// A DKG share sealed to its receiver's X25519 key (PROTOCOL.md §4.2).
    case dkgSealed = 0x09
    // Identity keys (PROTOCOL.md §5).
    case partialKey = 0x10
    case blindRequest = 0x11
    case blindPartial = 0x12
    // Proxy re-encryption and envelopes (PROTOCOL.md §6–§7).
    case ct1 = 0x20
    case rekey = 0x21
    case ct2 = 0x22
    case sealed1 = 0x23
    case sealed2 = 0x24
    /// A threshold proxy's share of a rekey (PROTOCOL.md §6.1).
    case rekeyShare = 0x25
    /// One proxy's re-encryption fragment (PROTOCOL.md §6.1).
    case fragment = 0x26
    /// Only inside AEAD associated data (PROTOCOL.md §7), never sent.
    case aeadAD = 0x30
    case signed = 0x31
    // The ledger (docs/LEDGER.md).
    case genesis = 0x50
    case block = 0x51
    /// A block header as signed and hashed (the block hash is SHA-256 of this encoding).
    case blockHeader = 0x52
    /// Prefix of every transaction signing message (binds the genesis hash).
    case txSigning = 0x53
    /// Prefix of a producer's round beacon message (signed, never sent alone).
    case beacon = 0x54
    case registerTx = 0x60
    case voteTx = 0x61
    case recordTx = 0x62
    case policyTx = 0x63
    case requestTx = 0x64
    case receiptTx = 0x65
    case dkgTx = 0x66
    /// Two headers one producer signed for one slot (docs/LEDGER.md §4).
    case evidenceTx = 0x67

    /// `"EHRS" ‖ 0x01 ‖ type`: the first six bytes of every object of this type.
    public var header: [UInt8] { Wire.magic + [Wire.version, rawValue] }
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
