// SPDX-License-Identifier: Apache-2.0

/// Type bytes of the ledger's wire objects (PROTOCOL.md §10 numbering continues at 0x50).
public enum ObjectType {
    /// Genesis: the consortium's fixed parameters (block 0).
    public static let genesis: UInt8 = 0x50
    /// A full block: header fields, transactions, producer signature.
    public static let block: UInt8 = 0x51
    /// A block header as signed and hashed (the block hash is SHA-256 of this encoding).
    public static let blockHeader: UInt8 = 0x52
    /// Prefix of every transaction signing message (binds the genesis hash).
    public static let txSigning: UInt8 = 0x53
}

/// The kinds of transaction, with their type bytes.
public enum TransactionKind: UInt8, Sendable, CaseIterable {
    /// A node joins: stake moved from a sponsoring node, new node key.
    case register = 0x60
    /// A node's stake-weighted approval of up to K candidates.
    case vote = 0x61
    /// An owner publishes an encrypted record: hash, storage URI, initial policy.
    case record = 0x62
    /// An owner grants or revokes an identity's access, optionally with an expiry.
    case policy = 0x63
    /// A user asks for access to a record.
    case request = 0x64
    /// A proxy reports the re-encrypted header it produced for a request.
    case receipt = 0x65
    /// An opaque DKG broadcast (PROTOCOL.md §4), signed by the sending node.
    case dkg = 0x66
}

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
        var w = WireWriter(type: Self.kind.rawValue)
        writeUnsigned(&w)
        writeSignatures(&w)
        return w.bytes
    }

    /// The bytes a signer signs: binds the chain (genesis hash) and every non-signature field.
    func signingMessageBody(genesisHash: [UInt8]) -> [UInt8] {
        var w = WireWriter(type: ObjectType.txSigning)
        w.fixed(genesisHash)
        var body = WireWriter(type: Self.kind.rawValue)
        writeUnsigned(&body)
        w.fixed(body.bytes)
        return w.bytes
    }
}

/// Nonce length of identity-signed transactions (PROTOCOL.md §9).
public let transactionNonceBytes = 16
