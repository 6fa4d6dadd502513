// SPDX-License-Identifier: Apache-2.0

/// Verifies the identity-based signatures (PROTOCOL.md §9, Cha–Cheon over BLS12-381) on
/// `record`, `policy` and `request` transactions.
///
/// The ledger is handed a verifier instead of doing the pairing itself, so the ledger does
/// not depend on the pairing stack. Production passes the Cha–Cheon verifier bound to the
/// pinned PARAMS; tests pass a keyed-MAC verifier. A verifier must never accept everything.
public protocol IdentitySignatureVerifier: Sendable {
    /// True when `signature` is `identity`'s valid signature on `message`.
    func verify(identity: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool

    /// Whether each claim verifies, exactly as `verify` would answer for it alone. The ledger
    /// calls this with all identity signatures of a block before its rules run, so that a
    /// verifier can check them together (one batch, on all cores) and answer the rules' later
    /// `verify` calls from a cache. The default checks each with `verify`.
    func verifyAll(_ claims: [IdentitySignatureClaim]) -> [Bool]
}

/// One identity signature to check.
public struct IdentitySignatureClaim: Sendable, Equatable {
    public let identity: [UInt8]
    public let message: [UInt8]
    public let signature: [UInt8]

    public init(identity: [UInt8], message: [UInt8], signature: [UInt8]) {
        self.identity = identity
        self.message = message
        self.signature = signature
    }
}

extension IdentitySignatureVerifier {
    public func verifyAll(_ claims: [IdentitySignatureClaim]) -> [Bool] {
        claims.map { verify(identity: $0.identity, message: $0.message, signature: $0.signature) }
    }
}

extension Transaction {
    /// The identity signature this transaction carries, or nil for node-signed kinds.
    public func identityClaim(genesisHash: [UInt8]) -> IdentitySignatureClaim? {
        switch self {
        case let .record(t):
            return IdentitySignatureClaim(identity: t.owner, message: t.signingMessage(genesisHash: genesisHash), signature: t.signature)
        case let .policy(t):
            return IdentitySignatureClaim(identity: t.owner, message: t.signingMessage(genesisHash: genesisHash), signature: t.signature)
        case let .request(t):
            return IdentitySignatureClaim(identity: t.requester, message: t.signingMessage(genesisHash: genesisHash),
                                          signature: t.signature)
        case .register, .vote, .receipt, .dkg, .evidence:
            return nil
        }
    }
}
