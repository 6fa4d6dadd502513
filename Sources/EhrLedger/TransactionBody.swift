// SPDX-License-Identifier: Apache-2.0

/// Fields every signed transaction codec provides. The signing message is
/// `"EHRS" 01 0x53 ‖ genesis hash ‖ unsigned encoding`, where the unsigned encoding is the
/// transaction's own encoding with its signature fields left out.
protocol TransactionBody: Sendable, Equatable {
    static var kind: TransactionKind { get }
    /// Every field except signatures, after the object header.
    func writeUnsigned(_ w: inout WireWriter)
    /// The signature fields, after the unsigned fields.
    func writeSignatures(_ w: inout WireWriter)
    /// Reads the fields after the header (the whole object minus "EHRS" 01 type).
    static func read(_ r: inout WireReader) throws(LedgerError) -> Self
}

extension TransactionBody {
    /// The full wire encoding.
    var encodedBody: [UInt8] {
        var w = WireWriter(type: Self.kind.wireType)
        writeUnsigned(&w)
        writeSignatures(&w)
        return w.bytes
    }

    /// The bytes a signer signs: binds the chain (genesis hash) and every non-signature field.
    func signingMessageBody(genesisHash: [UInt8]) -> [UInt8] {
        var w = WireWriter(type: .txSigning)
        w.raw(genesisHash)
        var body = WireWriter(type: Self.kind.wireType)
        writeUnsigned(&body)
        w.raw(body.bytes)
        return w.bytes
    }
}
