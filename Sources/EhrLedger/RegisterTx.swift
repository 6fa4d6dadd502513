// SPDX-License-Identifier: Apache-2.0

/// `register` (0x60): a new node joins the consortium with stake moved from a sponsor.
///
/// Layout: `sponsor u16 ‖ sponsorSeq u64 ‖ name id ‖ nodeKey[32] ‖ stake u64 ‖
/// sponsorSig[64] ‖ nodeSig[64]`. Both Ed25519 signatures cover the same signing message;
/// the node's signature proves it holds the key. Stake is conserved: the consortium's total
/// is fixed by genesis, so a node cannot declare stake it was not given.
public struct RegisterTx: TransactionBody {
    static let kind = TransactionKind.register

    public var sponsor: UInt16
    public var sponsorSequence: UInt64
    public var name: [UInt8]
    public var nodeKey: [UInt8]
    public var stake: UInt64
    public var sponsorSignature: [UInt8]
    public var nodeSignature: [UInt8]

    public init(
        sponsor: UInt16, sponsorSequence: UInt64, name: [UInt8], nodeKey: [UInt8], stake: UInt64,
        sponsorSignature: [UInt8] = [], nodeSignature: [UInt8] = []
    ) {
        self.sponsor = sponsor
        self.sponsorSequence = sponsorSequence
        self.name = name
        self.nodeKey = nodeKey
        self.stake = stake
        self.sponsorSignature = sponsorSignature
        self.nodeSignature = nodeSignature
    }

    /// Fills both signatures.
    public mutating func sign(sponsorKey: NodeSigningKey, nodeKey key: NodeSigningKey, genesisHash: [UInt8])
        throws(LedgerError)
    {
        let message = signingMessage(genesisHash: genesisHash)
        sponsorSignature = try sponsorKey.sign(message)
        nodeSignature = try key.sign(message)
    }

    /// The wire encoding.
    public var encoded: [UInt8] { encodedBody }

    /// The bytes the signature(s) cover: `"EHRS" 01 0x53 ‖ genesis hash ‖ unsigned encoding`.
    public func signingMessage(genesisHash: [UInt8]) -> [UInt8] { signingMessageBody(genesisHash: genesisHash) }

    func writeUnsigned(_ w: inout WireWriter) {
        w.u16(sponsor)
        w.u64(sponsorSequence)
        w.id(name)
        w.raw(nodeKey)
        w.u64(stake)
    }

    func writeSignatures(_ w: inout WireWriter) {
        w.raw(sponsorSignature)
        w.raw(nodeSignature)
    }

    static func read(_ r: inout WireReader) throws(LedgerError) -> RegisterTx {
        RegisterTx(
            sponsor: try r.u16("register.sponsor"),
            sponsorSequence: try r.u64("register.sequence"),
            name: try r.idBytes("register.name", limit: 255),
            nodeKey: try r.raw(32, "register.nodeKey"),
            stake: try r.u64("register.stake"),
            sponsorSignature: try r.raw(64, "register.sponsorSignature"),
            nodeSignature: try r.raw(64, "register.nodeSignature"))
    }
}
