// SPDX-License-Identifier: Apache-2.0

/// A signed block.
///
/// Layout (`"EHRS" 01 0x51`): the header fields as in `BlockHeader` (150 bytes) ‖
/// `tx blob × txCount` ‖ `signature[64]` (Ed25519 by the producer's node key over
/// `header.encoded`). Decoding checks the structure only; `Ledger` checks the rules.
public struct Block: Sendable, Equatable {
    public var header: BlockHeader
    public var transactions: [Transaction]
    public var signature: [UInt8]

    public init(header: BlockHeader, transactions: [Transaction], signature: [UInt8]) {
        self.header = header
        self.transactions = transactions
        self.signature = signature
    }

    /// Builds and signs a block on `parentHash` at `height`, with the Merkle root and count
    /// filled in from `transactions`.
    /// `beacon` is the producer's signature on the block's round (`Ledger.makeBlock` makes it).
    public static func make(
        height: UInt64, previousHash: [UInt8], timestamp: UInt64, producer: UInt16, transactions: [Transaction],
        beacon: [UInt8], key: NodeSigningKey
    ) throws(LedgerError) -> Block {
        let header = BlockHeader(
            height: height, previousHash: previousHash, timestamp: timestamp, producer: producer,
            merkleRoot: MerkleTree.root(transactions.map(\.encoded)),
            transactionCount: UInt32(truncatingIfNeeded: transactions.count), beacon: beacon)
        return Block(header: header, transactions: transactions, signature: try key.sign(header.encoded))
    }

    public var hash: [UInt8] { header.hash }
    public var height: UInt64 { header.height }

    /// The Merkle root of the transactions as they are (compare with `header.merkleRoot`).
    public var computedMerkleRoot: [UInt8] { MerkleTree.root(transactions.map(\.encoded)) }

    public var encoded: [UInt8] {
        var w = WireWriter(type: .block)
        header.writeFields(&w)
        for tx in transactions { w.blob(tx.encoded) }
        w.raw(signature)
        return w.bytes
    }

    /// Decodes a block: header fields, exactly `txCount` transactions, signature, no trailing bytes.
    public static func decode(_ bytes: [UInt8]) throws(LedgerError) -> Block {
        guard bytes.count <= LedgerLimits.maxBlockBytes else {
            throw .reject(.size, "block of \(bytes.count) bytes exceeds \(LedgerLimits.maxBlockBytes)")
        }
        var r = try WireReader(bytes, type: .block, what: "block")
        let header = try BlockHeader.readFields(&r)
        guard header.transactionCount <= WireFormat.maxTransactions else {
            throw .reject(.encoding, "block: \(header.transactionCount) transactions exceed \(WireFormat.maxTransactions)")
        }
        var txs: [Transaction] = []
        txs.reserveCapacity(Int(header.transactionCount))
        for _ in 0..<header.transactionCount {
            txs.append(try Transaction.decode(try r.blob("block.tx", limit: LedgerLimits.maxTransactionBytes)))
        }
        let sig = try r.raw(64, "block.signature")
        try r.finish("block")
        return Block(header: header, transactions: txs, signature: sig)
    }
}
