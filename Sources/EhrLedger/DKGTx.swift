// SPDX-License-Identifier: Apache-2.0

/// `dkg` (0x66): an opaque DKG broadcast (DKG_COMMIT, COMPLAINT, REVEAL, FELDMAN, … of
/// PROTOCOL.md §4) carried for later; the ledger checks only the sender and its signature.
///
/// Layout: `sender u16 ‖ seq u64 ‖ messageType u8 ‖ payload blob ‖ sig[64]`.
public struct DKGTx: TransactionBody {
    static let kind = TransactionKind.dkg

    public var sender: UInt16
    public var sequence: UInt64
    /// The PROTOCOL.md §10 type byte of the payload (e.g. 0x02 DKG_COMMIT).
    public var messageType: UInt8
    public var payload: [UInt8]
    public var signature: [UInt8]

    public init(sender: UInt16, sequence: UInt64, messageType: UInt8, payload: [UInt8], signature: [UInt8] = []) {
        self.sender = sender
        self.sequence = sequence
        self.messageType = messageType
        self.payload = payload
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
        w.u16(sender)
        w.u64(sequence)
        w.u8(messageType)
        w.blob(payload)
    }

    func writeSignatures(_ w: inout WireWriter) { w.raw(signature) }

    static func read(_ r: inout WireReader) throws(LedgerError) -> DKGTx {
        DKGTx(
            sender: try r.u16("dkg.sender"),
            sequence: try r.u64("dkg.sequence"),
            messageType: try r.u8("dkg.messageType"),
            payload: try r.blob("dkg.payload", limit: WireFormat.maxBlob),
            signature: try r.raw(64, "dkg.signature"))
    }
}
