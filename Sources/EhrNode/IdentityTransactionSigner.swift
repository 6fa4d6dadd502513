// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrProtocol

/// Signs identity transactions: the other half of `LedgerSignatureVerifier`.
///
/// The SIGNED envelope (PROTOCOL.md §10, purpose 2, signer = the transaction's identity,
/// payload = its signing message, docs/LEDGER.md §2) becomes the transaction's signature
/// field. The envelope carries the transaction's own timestamp and nonce, so the two never
/// disagree; the Cha–Cheon nonce k is hedged random, so two signatures of one transaction
/// differ (their sizes do not).
public enum IdentityTransactionSigner {
    /// The identity, timestamp and nonce of a transaction that carries an identity signature,
    /// and a builder for the same transaction with another signature.
    public struct Parts {
        public let identity: [UInt8]
        public let timestamp: UInt64
        public let nonce: [UInt8]
        public let withSignature: ([UInt8]) -> Transaction
    }

    /// - Throws: `NodeError.notIdentitySigned` for the node-signed kinds.
    public static func parts(_ tx: Transaction) throws(NodeError) -> Parts {
        switch tx {
        case var .record(t):
            return Parts(identity: t.owner, timestamp: t.timestamp, nonce: t.nonce) { t.signature = $0; return .record(t) }
        case var .policy(t):
            return Parts(identity: t.owner, timestamp: t.timestamp, nonce: t.nonce) { t.signature = $0; return .policy(t) }
        case var .request(t):
            return Parts(identity: t.requester, timestamp: t.timestamp, nonce: t.nonce) {
                t.signature = $0
                return .request(t)
            }
        case .register, .vote, .receipt, .dkg, .evidence:
            throw .notIdentitySigned("a \(tx.kind) transaction is signed with node keys, not an identity key")
        }
    }

    /// The size of the signature field `sign` produces for `tx` (fixed by the fields:
    /// PROTOCOL.md §10 SIGNED layout), so a caller can size a buffer before signing anything.
    public static func envelopeSize(_ tx: Transaction, genesisHash: [UInt8]) throws(NodeError) -> Int {
        let p = try parts(tx)
        let message = tx.signingMessage(genesisHash: genesisHash)
        // header 6, purpose 1, fingerprint 32, u16 signer, timestamp 8, nonce 16, u32 payload, two G1 points.
        return 6 + 1 + 32 + 2 + p.identity.count + 8 + 16 + 4 + message.count + 2 * 48
    }

    /// The SIGNED envelope over `message`, carrying `timestamp` and `nonce`.
    public static func envelope(message: [UInt8], timestamp: UInt64, nonce: [UInt8], key: IdentitySigningKey,
                                context: PREContext) throws -> [UInt8] {
        try SignedMessage.sign(purpose: .ledgerTransaction, payload: message, key: key, context: context,
                               timestamp: timestamp, nonce: nonce).encoded
    }

    /// `tx` with its signature field set to `key`'s signature.
    /// - Throws: `NodeError.notIdentitySigned` for node-signed kinds; a protocol error if the
    ///   key's identity is not the transaction's or signing fails.
    public static func sign(_ tx: Transaction, key: IdentitySigningKey, context: PREContext,
                            genesisHash: [UInt8]) throws -> Transaction {
        let p = try parts(tx)
        guard key.identity.bytes == p.identity else {
            throw NodeError.notIdentitySigned("the signing key belongs to another identity than the transaction's")
        }
        let message = tx.signingMessage(genesisHash: genesisHash)
        return p.withSignature(try envelope(message: message, timestamp: p.timestamp, nonce: p.nonce, key: key,
                                            context: context))
    }

    public static func sign(_ tx: inout RecordTx, key: IdentitySigningKey, context: PREContext,
                            genesisHash: [UInt8]) throws {
        tx.signature = try envelope(message: tx.signingMessage(genesisHash: genesisHash), timestamp: tx.timestamp,
                                    nonce: tx.nonce, key: key, context: context)
    }

    public static func sign(_ tx: inout PolicyTx, key: IdentitySigningKey, context: PREContext,
                            genesisHash: [UInt8]) throws {
        tx.signature = try envelope(message: tx.signingMessage(genesisHash: genesisHash), timestamp: tx.timestamp,
                                    nonce: tx.nonce, key: key, context: context)
    }

    public static func sign(_ tx: inout RequestTx, key: IdentitySigningKey, context: PREContext,
                            genesisHash: [UInt8]) throws {
        tx.signature = try envelope(message: tx.signingMessage(genesisHash: genesisHash), timestamp: tx.timestamp,
                                    nonce: tx.nonce, key: key, context: context)
    }
}
