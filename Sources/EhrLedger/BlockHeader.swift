// SPDX-License-Identifier: Apache-2.0
import EhrStore

/// A block header: what the producer signs and what the block hash covers.
///
/// Signed/hashed layout (`"EHRS" 01 0x52`): `height u64 ‖ previousHash[32] ‖
/// timestamp u64 (Unix ms) ‖ producer u16 ‖ merkleRoot[32] ‖ txCount u32 ‖ beacon[64]` (156
/// bytes). The block hash is SHA-256 of these 156 bytes; the format version is the envelope's
/// version byte.
public struct BlockHeader: Sendable, Equatable {
    public var height: UInt64
    public var previousHash: [UInt8]
    public var timestamp: UInt64
    /// Index of the producing node (genesis order, then registration order).
    public var producer: UInt16
    public var merkleRoot: [UInt8]
    public var transactionCount: UInt32
    /// The producer's round beacon: its Ed25519 signature on the round (`RoundBeacon`).
    public var beacon: [UInt8]

    public init(
        height: UInt64, previousHash: [UInt8], timestamp: UInt64, producer: UInt16, merkleRoot: [UInt8],
        transactionCount: UInt32, beacon: [UInt8]
    ) {
        self.height = height
        self.previousHash = previousHash
        self.timestamp = timestamp
        self.producer = producer
        self.merkleRoot = merkleRoot
        self.transactionCount = transactionCount
        self.beacon = beacon
    }

    /// The bytes of the header's fields after the 6-byte object header (150).
    public static let fieldBytes = 8 + 32 + 8 + 2 + 32 + 4 + 64

    /// The signed and hashed bytes.
    public var encoded: [UInt8] {
        var w = WireWriter(type: .blockHeader)
        writeFields(&w)
        return w.bytes
    }

    /// SHA-256 of `encoded`.
    public var hash: [UInt8] { SHA256.hash(encoded) }

    func writeFields(_ w: inout WireWriter) {
        w.u64(height)
        w.raw(previousHash)
        w.u64(timestamp)
        w.u16(producer)
        w.raw(merkleRoot)
        w.u32(transactionCount)
        w.raw(beacon)
    }

    static func readFields(_ r: inout WireReader) throws(LedgerError) -> BlockHeader {
        BlockHeader(
            height: try r.u64("block.height"),
            previousHash: try r.raw(32, "block.previousHash"),
            timestamp: try r.u64("block.timestamp"),
            producer: try r.u16("block.producer"),
            merkleRoot: try r.raw(32, "block.merkleRoot"),
            transactionCount: try r.u32("block.txCount"),
            beacon: try r.raw(64, "block.beacon"))
    }
}
