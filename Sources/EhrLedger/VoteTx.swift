// SPDX-License-Identifier: Apache-2.0

/// `vote` (0x61): a node approves up to K candidates; its whole stake backs each of them
/// (approval voting). A later vote replaces an earlier one; an empty list withdraws.
///
/// Layout: `voter u16 ‖ seq u64 ‖ count u8 ‖ candidate u16 × count ‖ sig[64]`.
public struct VoteTx: TransactionBody {
    static let kind = TransactionKind.vote

    public var voter: UInt16
    public var sequence: UInt64
    public var candidates: [UInt16]
    public var signature: [UInt8]

    public init(voter: UInt16, sequence: UInt64, candidates: [UInt16], signature: [UInt8] = []) {
        self.voter = voter
        self.sequence = sequence
        self.candidates = candidates
        self.signature = signature
    }

    public mutating func sign(with key: NodeSigningKey, genesisHash: [UInt8]) throws(LedgerError) {
        signature = try key.sign(signingMessage(genesisHash: genesisHash))
    }

    /// The wire encoding.
    public var encoded: [UInt8] { encodedBody }

    /// The bytes the signature(s) cover: `"EHRS" 01 0x53 ‖ genesis hash ‖ unsigned encoding`.
    public func signingMessage(genesisHash: [UInt8]) -> [UInt8] { signingMessageBody(genesisHash: genesisHash) }

    func writeUnsigned(_ w: inout WireWriter) {
        w.u16(voter)
        w.u64(sequence)
        w.u8(UInt8(truncatingIfNeeded: candidates.count))
        for c in candidates { w.u16(c) }
    }

    func writeSignatures(_ w: inout WireWriter) { w.raw(signature) }

    static func read(_ r: inout WireReader) throws(LedgerError) -> VoteTx {
        let voter = try r.u16("vote.voter")
        let seq = try r.u64("vote.sequence")
        let n = Int(try r.u8("vote.count"))
        var candidates: [UInt16] = []
        for _ in 0..<n { candidates.append(try r.u16("vote.candidate")) }
        return VoteTx(voter: voter, sequence: seq, candidates: candidates, signature: try r.raw(64, "vote.signature"))
    }
}
