// SPDX-License-Identifier: Apache-2.0

/// `record` (0x62): an owner publishes an encrypted record.
///
/// Layout: `owner id ‖ recordId[32] ‖ ciphertextSHA256[32] ‖ uri id ‖ grantCount u16 ‖
/// grants ‖ ts u64 ‖ nonce[16] ‖ signature blob`. The signature is the owner's identity
/// signature (PROTOCOL.md §9) on the signing message.
public struct RecordTx: TransactionBody {
    static let kind = TransactionKind.record

    public var owner: [UInt8]
    public var recordId: [UInt8]
    /// SHA-256 of the sealed envelope as stored (the record store's address digest).
    public var ciphertextSHA256: [UInt8]
    /// Where the envelope is stored, e.g. `ehrstore://hospital-a/<hex>`.
    public var storageURI: [UInt8]
    /// The initial access policy.
    public var grants: [AccessGrant]
    /// Unix milliseconds when signed.
    public var timestamp: UInt64
    public var nonce: [UInt8]
    public var signature: [UInt8]

    public init(
        owner: [UInt8], recordId: [UInt8], ciphertextSHA256: [UInt8], storageURI: [UInt8], grants: [AccessGrant],
        timestamp: UInt64, nonce: [UInt8], signature: [UInt8] = []
    ) {
        self.owner = owner
        self.recordId = recordId
        self.ciphertextSHA256 = ciphertextSHA256
        self.storageURI = storageURI
        self.grants = grants
        self.timestamp = timestamp
        self.nonce = nonce
        self.signature = signature
    }

    /// The wire encoding.
    public var encoded: [UInt8] { encodedBody }

    /// The bytes the signature(s) cover: `"EHRS" 01 0x53 ‖ genesis hash ‖ unsigned encoding`.
    public func signingMessage(genesisHash: [UInt8]) -> [UInt8] { signingMessageBody(genesisHash: genesisHash) }

    func writeUnsigned(_ w: inout WireWriter) {
        w.id(owner)
        w.raw(recordId)
        w.raw(ciphertextSHA256)
        w.id(storageURI)
        w.u16(UInt16(truncatingIfNeeded: grants.count))
        for g in grants { g.write(&w) }
        w.u64(timestamp)
        w.raw(nonce)
    }

    func writeSignatures(_ w: inout WireWriter) { w.blob(signature) }

    static func read(_ r: inout WireReader) throws(LedgerError) -> RecordTx {
        let owner = try r.idBytes("record.owner")
        let recordId = try r.raw(32, "record.recordId")
        let digest = try r.raw(32, "record.ciphertextSHA256")
        let uri = try r.idBytes("record.uri", limit: WireFormat.maxURI)
        let count = Int(try r.u16("record.grantCount"))
        var grants: [AccessGrant] = []
        for _ in 0..<count { grants.append(try AccessGrant.read(&r, "record.grant")) }
        return RecordTx(
            owner: owner, recordId: recordId, ciphertextSHA256: digest, storageURI: uri, grants: grants,
            timestamp: try r.u64("record.timestamp"), nonce: try r.raw(16, "record.nonce"),
            signature: try r.blob("record.signature", limit: WireFormat.maxBlob))
    }
}
