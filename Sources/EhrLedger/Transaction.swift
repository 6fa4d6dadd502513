// SPDX-License-Identifier: Apache-2.0
import EhrStore

/// One ledger transaction. Each is a self-describing wire object (`"EHRS" 01 type …`);
/// its id is SHA-256 of that encoding.
public enum Transaction: Sendable, Equatable {
    case register(RegisterTx)
    case vote(VoteTx)
    case record(RecordTx)
    case policy(PolicyTx)
    case request(RequestTx)
    case receipt(ReceiptTx)
    case dkg(DKGTx)
    case evidence(EvidenceTx)

    public var kind: TransactionKind {
        switch self {
        case .register: return .register
        case .vote: return .vote
        case .record: return .record
        case .policy: return .policy
        case .request: return .request
        case .receipt: return .receipt
        case .dkg: return .dkg
        case .evidence: return .evidence
        }
    }

    /// The wire encoding.
    public var encoded: [UInt8] {
        switch self {
        case let .register(t): return t.encoded
        case let .vote(t): return t.encoded
        case let .record(t): return t.encoded
        case let .policy(t): return t.encoded
        case let .request(t): return t.encoded
        case let .receipt(t): return t.encoded
        case let .dkg(t): return t.encoded
        case let .evidence(t): return t.encoded
        }
    }

    /// The transaction id: SHA-256 of the encoding.
    public var id: [UInt8] { SHA256.hash(encoded) }

    /// The message the transaction's signatures cover.
    public func signingMessage(genesisHash: [UInt8]) -> [UInt8] {
        switch self {
        case let .register(t): return t.signingMessage(genesisHash: genesisHash)
        case let .vote(t): return t.signingMessage(genesisHash: genesisHash)
        case let .record(t): return t.signingMessage(genesisHash: genesisHash)
        case let .policy(t): return t.signingMessage(genesisHash: genesisHash)
        case let .request(t): return t.signingMessage(genesisHash: genesisHash)
        case let .receipt(t): return t.signingMessage(genesisHash: genesisHash)
        case let .dkg(t): return t.signingMessage(genesisHash: genesisHash)
        case let .evidence(t): return t.signingMessage(genesisHash: genesisHash)
        }
    }

    /// Decodes one transaction; rejects bad magic, version, type, lengths and trailing bytes.
    public static func decode(_ bytes: [UInt8]) throws(LedgerError) -> Transaction {
        guard bytes.count >= 6 else { throw .reject(.encoding, "transaction: shorter than its header") }
        guard bytes.count <= LedgerLimits.maxTransactionBytes else {
            throw .reject(.size, "transaction of \(bytes.count) bytes exceeds \(LedgerLimits.maxTransactionBytes)")
        }
        guard let kind = TransactionKind(rawValue: bytes[5]) else {
            throw .reject(.encoding, "transaction: unknown type byte 0x\(String(bytes[5], radix: 16))")
        }
        var r = try WireReader(bytes, type: kind.wireType, what: "transaction")
        let tx: Transaction
        switch kind {
        case .register: tx = .register(try RegisterTx.read(&r))
        case .vote: tx = .vote(try VoteTx.read(&r))
        case .record: tx = .record(try RecordTx.read(&r))
        case .policy: tx = .policy(try PolicyTx.read(&r))
        case .request: tx = .request(try RequestTx.read(&r))
        case .receipt: tx = .receipt(try ReceiptTx.read(&r))
        case .dkg: tx = .dkg(try DKGTx.read(&r))
        case .evidence: tx = .evidence(try EvidenceTx.read(&r))
        }
        try r.finish("transaction")
        return tx
    }
}
