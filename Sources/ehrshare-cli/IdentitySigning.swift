// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrProtocol

/// Cha–Cheon signatures on identity transactions (docs/LEDGER.md §11): a SIGNED envelope with
/// purpose `ledgerTransaction` over the transaction's signing message.
struct ChaCheonVerifier: IdentitySignatureVerifier {
    let context: PREContext?

    func verify(identity: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool {
        guard let context,
            let signed = try? SignedMessage(encoded: signature, context: context),
            signed.purpose == .ledgerTransaction, signed.signer.bytes == identity, signed.payload == message
        else { return false }
        return true
    }
}

enum IdentitySigner {
    static func envelope(_ message: [UInt8], timestamp: UInt64, nonce: [UInt8], key: IdentitySigningKey,
                         context: PREContext) throws -> [UInt8] {
        try SignedMessage.sign(purpose: .ledgerTransaction, payload: message, key: key, context: context,
                               timestamp: timestamp, nonce: nonce).encoded
    }

    static func sign(_ tx: inout RecordTx, key: IdentitySigningKey, context: PREContext, genesisHash: [UInt8]) throws {
        tx.signature = try envelope(tx.signingMessage(genesisHash: genesisHash), timestamp: tx.timestamp,
                                    nonce: tx.nonce, key: key, context: context)
    }

    static func sign(_ tx: inout PolicyTx, key: IdentitySigningKey, context: PREContext, genesisHash: [UInt8]) throws {
        tx.signature = try envelope(tx.signingMessage(genesisHash: genesisHash), timestamp: tx.timestamp,
                                    nonce: tx.nonce, key: key, context: context)
    }

    static func sign(_ tx: inout RequestTx, key: IdentitySigningKey, context: PREContext, genesisHash: [UInt8]) throws {
        tx.signature = try envelope(tx.signingMessage(genesisHash: genesisHash), timestamp: tx.timestamp,
                                    nonce: tx.nonce, key: key, context: context)
    }
}
