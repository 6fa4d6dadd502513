// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrProtocol

/// The identity-signature check every ledger of a consortium uses: Cha–Cheon (PROTOCOL.md §9)
/// against the consortium's master public key y.
///
/// The signature blob of a `record`, `policy` or `request` transaction is a SIGNED envelope
/// (PROTOCOL.md §10 type 0x31) with purpose 2 (ledger transaction), the deployment's
/// fingerprint, the transaction's identity as signer, and the transaction's signing message
/// (docs/LEDGER.md §2: `"EHRS" 01 53 ‖ genesis hash ‖ unsigned encoding`) as payload. The
/// envelope's own timestamp and nonce are not used: freshness and replay are judged on the
/// transaction's fields, which the payload covers.
///
/// Without y (a consortium whose DKG has not finished yet) there is nothing to verify
/// against, so every identity signature is refused; node-signed transactions still work.
///
/// Successful checks are remembered in a `VerifiedSignatureCache` (one per verifier and so
/// per master key; pass a shared one to keep hits across verifiers of the same y).
public struct LedgerSignatureVerifier: IdentitySignatureVerifier {
    /// nil until the DKG has produced the master public key.
    public let context: PREContext?
    public let cache: VerifiedSignatureCache

    public init(context: PREContext?, cache: VerifiedSignatureCache = VerifiedSignatureCache()) {
        self.context = context
        self.cache = cache
    }

    public func verify(identity: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool {
        guard let context else { return false }
        let key = VerifiedSignatureCache.key(identity: identity, message: message, signature: signature)
        if cache.contains(key) { return true }
        // The decoder checks header, purpose, fingerprint, the points (subgroup, identity)
        // and the Cha–Cheon equation; any failure means "not a valid signature".
        guard let signed = try? SignedMessage(encoded: signature, context: context),
            signed.purpose == .ledgerTransaction, signed.signer.bytes == identity, signed.payload == message
        else { return false }
        cache.insert(key)
        return true
    }
}
