// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrNode
import EhrProtocol

// Cha–Cheon identity signatures on ledger transactions come from EhrNode
// (LedgerSignatureVerifier, IdentityTransactionSigner), the same code the node and the C ABI use.

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
