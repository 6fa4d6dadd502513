// SPDX-License-Identifier: Apache-2.0
import EhrWire

/// Size limits of the ledger's wire objects. The header constants and type bytes live in
/// EhrWire's registry (`Wire`, `WireType`); these are the bounds a ledger decoder enforces.
enum WireFormat {
    /// Longest identity accepted (PROTOCOL.md §3).
    static let maxIdentity = Wire.maxIdentityBytes
    /// Longest storage URI accepted in a record transaction.
    static let maxURI = 1024
    /// Longest opaque blob (signature, DKG payload) accepted in a transaction: 1 MiB.
    static let maxBlob = 1 << 20
    /// Most transactions in one block.
    static let maxTransactions = LedgerLimits.maxTransactionsPerBlock
}
