// SPDX-License-Identifier: Apache-2.0

/// Constants of the wire format shared by every ledger object.
enum WireFormat {
    static let magic: [UInt8] = [0x45, 0x48, 0x52, 0x53]  // "EHRS"
    static let version: UInt8 = 0x01
    /// Longest identity accepted (PROTOCOL.md §3).
    static let maxIdentity = 1024
    /// Longest storage URI accepted in a record transaction.
    static let maxURI = 1024
    /// Longest opaque blob (signature, DKG payload) accepted in a transaction: 1 MiB.
    static let maxBlob = 1 << 20
    /// Most transactions in one block.
    static let maxTransactions = 10_000
}
