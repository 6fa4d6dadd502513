// SPDX-License-Identifier: Apache-2.0

/// `evidence` (0x67): proof that a producer signed two different block headers for one slot.
///
/// Layout: `reporter u16 ‖ seq u64 ‖ headerA[92] ‖ sigA[64] ‖ headerB[92] ‖ sigB[64] ‖ sig[64]`,
/// each header the 92-byte BLOCK_HEADER encoding (`"EHRS" 01 0x52 …`) its producer signed.
/// Any node that sees both blocks may report them; the chain checks that both headers name the
/// same producer and the same slot, differ, and carry that producer's valid signatures. The
/// producer then loses its active seat: its remaining slots of the round are refused and it is
/// never elected again (docs/LEDGER.md §4). Two signed headers are all it takes, so a producer
/// cannot deny it, and a reporter cannot forge it.
public struct EvidenceTx: TransactionBody {
    static let kind = TransactionKind.evidence

    public var reporter: UInt16
    public var sequence: UInt64
    public var first: SignedHeader
    public var second: SignedHeader
    public var signature: [UInt8]

    /// A block header with its producer's signature.
    public struct SignedHeader: Sendable, Equatable {
        public var header: BlockHeader
        public var signature: [UInt8]

        public init(header: BlockHeader, signature: [UInt8]) {
            self.header = header
            self.signature = signature
        }

        /// The header and signature of `block`.
        public init(_ block: Block) {
            self.init(header: block.header, signature: block.signature)
        }
    }

    public init(reporter: UInt16, sequence: UInt64, first: SignedHeader, second: SignedHeader, signature: [UInt8] = []) {
        self.reporter = reporter
        self.sequence = sequence
        self.first = first
        self.second = second
        self.signature = signature
    }

    public mutating func sign(with key: NodeSigningKey, genesisHash: [UInt8]) throws(LedgerError) {
        signature = try key.sign(signingMessage(genesisHash: genesisHash))
    }

    /// The wire encoding.
    public var encoded: [UInt8] { encodedBody }

    /// The bytes the reporter's signature covers: `"EHRS" 01 0x53 ‖ genesis hash ‖ unsigned encoding`.
    public func signingMessage(genesisHash: [UInt8]) -> [UInt8] { signingMessageBody(genesisHash: genesisHash) }

    func writeUnsigned(_ w: inout WireWriter) {
        w.u16(reporter)
        w.u64(sequence)
        for h in [first, second] {
            w.raw(h.header.encoded)
            w.raw(h.signature)
        }
    }

    func writeSignatures(_ w: inout WireWriter) { w.raw(signature) }

    static func read(_ r: inout WireReader) throws(LedgerError) -> EvidenceTx {
        let reporter = try r.u16("evidence.reporter")
        let sequence = try r.u64("evidence.sequence")
        var pair: [SignedHeader] = []
        for name in ["evidence.first", "evidence.second"] {
            var hr = try WireReader(try r.raw(Wire.headerBytes + BlockHeader.fieldBytes, name), type: .blockHeader, what: name)
            let header = try BlockHeader.readFields(&hr)
            try hr.finish(name)
            pair.append(SignedHeader(header: header, signature: try r.raw(64, "\(name).signature")))
        }
        return EvidenceTx(reporter: reporter, sequence: sequence, first: pair[0], second: pair[1],
                          signature: try r.raw(64, "evidence.signature"))
    }
}
