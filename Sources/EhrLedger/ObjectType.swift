// SPDX-License-Identifier: Apache-2.0

/// Type bytes of the ledger's wire objects (PROTOCOL.md §10 numbering continues at 0x50).
public enum ObjectType {
    /// Genesis: the consortium's fixed parameters (block 0).
    public static let genesis: UInt8 = 0x50
    /// A full block: header fields, transactions, producer signature.
    public static let block: UInt8 = 0x51
    /// A block header as signed and hashed (the block hash is SHA-256 of this encoding).
    public static let blockHeader: UInt8 = 0x52
    /// Prefix of every transaction signing message (binds the genesis hash).
    public static let txSigning: UInt8 = 0x53
}
