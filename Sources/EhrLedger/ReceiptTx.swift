// SPDX-License-Identifier: Apache-2.0

/// `receipt` (0x65): a proxy chosen for a request reports the hash of the re-encrypted
/// header (or threshold fragment) it produced.
///
/// Layout: `proxy u16 ‖ requestId[32] ‖ reencryptedHash[32] ‖ sig[64]`; the request id is
/// the transaction id (SHA-256 of the encoding) of the `request`.
public struct ReceiptTx: TransactionBody {
    static let kind = TransactionKind.receipt

    public var proxy: UInt16
    public var requestId: [UInt8]
    public var reencryptedHash: [UInt8]
    public var signature: [UInt8]

    public init(proxy: UInt16, requestId: [UInt8], reencryptedHash: [UInt8], signature: [UInt8] = []) {
        self.proxy = proxy
        self.requestId = requestId
        self.reencryptedHash = reencryptedHash
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
        w.u16(proxy)
        w.raw(requestId)
        w.raw(reencryptedHash)
    }

    func writeSignatures(_ w: inout WireWriter) { w.raw(signature) }

    static func read(_ r: inout WireReader) throws(LedgerError) -> ReceiptTx {
        ReceiptTx(
            proxy: try r.u16("receipt.proxy"),
            requestId: try r.raw(32, "receipt.requestId"),
            reencryptedHash: try r.raw(32, "receipt.reencryptedHash"),
            signature: try r.raw(64, "receipt.signature"))
    }
}
