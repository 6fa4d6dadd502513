// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrProtocol

/// Cha–Cheon identity signatures on ledger transactions, the same scheme the C ABI uses
/// (Sources/EhrShare/LedgerSignatureVerifier.swift, IdentityTransactionSigning.swift;
/// docs/LEDGER.md §11): the signature blob of a `record`, `policy` or `request` is a SIGNED
/// envelope (PROTOCOL.md §9–§10, type 0x31) with purpose 2, the deployment's fingerprint,
/// signer = the transaction's identity and payload = the transaction's signing message.
/// Freshness and replay are judged by the ledger on the transaction's own fields.
struct ChaCheonLedgerVerifier: IdentitySignatureVerifier {
    /// nil before the DKG: there is no master public key yet, so every identity signature
    /// is refused (node-signed transactions still work).
    let context: PREContext?

    func verify(identity: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool {
        guard let context else { return false }
        guard let signed = try? SignedMessage(encoded: signature, context: context),
            signed.purpose == .ledgerTransaction, signed.signer.bytes == identity, signed.payload == message
        else { return false }
        return true
    }
}

/// Signs identity transactions with an identity's signing key sks.
enum IdentityTransactionSigner {
    /// The SIGNED envelope for a transaction's signing message, carrying its timestamp and nonce.
    static func envelope(message: [UInt8], timestamp: UInt64, nonce: [UInt8], key: IdentitySigningKey,
                         context: PREContext) throws -> [UInt8] {
        try SignedMessage.sign(purpose: .ledgerTransaction, payload: message, key: key, context: context,
                               timestamp: timestamp, nonce: nonce).encoded
    }

    static func sign(_ tx: inout RecordTx, key: IdentitySigningKey, context: PREContext, genesisHash: [UInt8]) throws {
        tx.signature = try envelope(message: tx.signingMessage(genesisHash: genesisHash), timestamp: tx.timestamp,
                                    nonce: tx.nonce, key: key, context: context)
    }

    static func sign(_ tx: inout PolicyTx, key: IdentitySigningKey, context: PREContext, genesisHash: [UInt8]) throws {
        tx.signature = try envelope(message: tx.signingMessage(genesisHash: genesisHash), timestamp: tx.timestamp,
                                    nonce: tx.nonce, key: key, context: context)
    }

    static func sign(_ tx: inout RequestTx, key: IdentitySigningKey, context: PREContext, genesisHash: [UInt8]) throws {
        tx.signature = try envelope(message: tx.signingMessage(genesisHash: genesisHash), timestamp: tx.timestamp,
                                    nonce: tx.nonce, key: key, context: context)
    }
}

/// An identity as the demo's actors hold it: the identity, its decryption key ske and its
/// signing key sks, both checked against y when built (PROTOCOL.md §5).
struct Actor {
    let identity: Identity
    let decryptionKey: PREIdentityKey
    let signingKey: IdentitySigningKey

    init(keys: IdentityKeyPair, context: PREContext) throws {
        identity = keys.identity
        decryptionKey = try PREIdentityKey(identity: keys.identity, key: keys.decryptionKey, context: context)
        signingKey = try IdentitySigningKey(identity: keys.identity, key: keys.signingKey, context: context)
    }

    var name: String { identity.description }
}
