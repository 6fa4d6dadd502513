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
}
