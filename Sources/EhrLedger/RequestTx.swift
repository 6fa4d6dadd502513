// SPDX-License-Identifier: Apache-2.0

/// `request` (0x64): a user asks for access to a record.
///
/// Layout: `requester id ‖ recordId[32] ‖ proxies u8 (t', 1 = single proxy) ‖ ts u64 ‖
/// nonce[16] ‖ signature blob`. The ledger fixes the proxies when it accepts the request:
/// the t' producers of the including round's schedule starting at the including slot.
public struct RequestTx: TransactionBody {
    static let kind = TransactionKind.request

    public var requester: [UInt8]
    public var recordId: [UInt8]
    /// t': how many proxies (threshold re-encryption when > 1); 1...K.
    public var proxyCount: UInt8
    public var timestamp: UInt64
    public var nonce: [UInt8]
    public var signature: [UInt8]

    public init(
        requester: [UInt8], recordId: [UInt8], proxyCount: UInt8 = 1, timestamp: UInt64, nonce: [UInt8],
        signature: [UInt8] = []
    ) {
        self.requester = requester
        self.recordId = recordId
        self.proxyCount = proxyCount
        self.timestamp = timestamp
        self.nonce = nonce
        self.signature = signature
    }

    /// The wire encoding.
    public var encoded: [UInt8] { encodedBody }

    /// The bytes the signature(s) cover: `"EHRS" 01 0x53 ‖ genesis hash ‖ unsigned encoding`.
    public func signingMessage(genesisHash: [UInt8]) -> [UInt8] { signingMessageBody(genesisHash: genesisHash) }

    func writeUnsigned(_ w: inout WireWriter) {
        w.id(requester)
        w.raw(recordId)
        w.u8(proxyCount)
        w.u64(timestamp)
        w.raw(nonce)
    }

    func writeSignatures(_ w: inout WireWriter) { w.blob(signature) }

    static func read(_ r: inout WireReader) throws(LedgerError) -> RequestTx {
        RequestTx(
            requester: try r.idBytes("request.requester"),
            recordId: try r.raw(32, "request.recordId"),
            proxyCount: try r.u8("request.proxies"),
            timestamp: try r.u64("request.timestamp"),
            nonce: try r.raw(16, "request.nonce"),
            signature: try r.blob("request.signature", limit: WireFormat.maxBlob))
    }
}
