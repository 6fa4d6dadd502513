// SPDX-License-Identifier: Apache-2.0

/// Consensus bounds on the size of what the chain carries (docs/LEDGER.md §5), the same at
/// every node and enforced alike where a transaction is admitted to a pool, where a block is
/// made, and where a block is decoded or appended. They are protocol constants, not genesis
/// parameters: a node must know them before it has decoded anything.
///
/// The bounds nest, so that no transaction is admitted that no block may carry: the largest
/// transaction plus a block's fixed overhead is far below the block bound.
public enum LedgerLimits {
    /// The largest encoded transaction: a 1 MiB opaque payload (a DKG broadcast) and room
    /// for its fixed fields and signatures.
    public static let maxTransactionBytes = (1 << 20) + 4096
    /// The largest encoded block, transactions included.
    public static let maxBlockBytes = 8 << 20
    /// The most transactions in one block.
    public static let maxTransactionsPerBlock = 10_000
    /// A block's bytes besides its transactions: the object header, the header fields and the
    /// producer's signature.
    public static let blockOverheadBytes = Wire.headerBytes + BlockHeader.fieldBytes + 64
    /// What one transaction adds to its block: its length prefix and its encoding.
    public static func blockBytes(ofTransaction encodedCount: Int) -> Int { 4 + encodedCount }
}
