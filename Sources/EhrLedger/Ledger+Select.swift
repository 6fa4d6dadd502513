// SPDX-License-Identifier: Apache-2.0

/// Dry runs for a node's pool of pending transactions.
extension Ledger {
    /// Which of `candidates` a block at `slot` on the current tip would accept, applying them
    /// in order (a later one may depend on an earlier one, e.g. consecutive sequence numbers).
    /// Nothing is changed: the state is restored exactly afterwards.
    /// - Returns: the accepted transactions in order and the rejected ones by index.
    /// - Throws: `rejected(.timestamp)` if `slot` is not after the tip's slot.
    public func select(
        _ candidates: [Transaction], slot: UInt64
    ) throws(LedgerError) -> (accepted: [Transaction], rejected: [(index: Int, rejection: Rejection)]) {
        try state.select(candidates, slot: slot, verifier: verifier)
    }

    /// Checks the identity signatures of `transactions` together (`verifyAll` of the ledger's
    /// verifier: a batching verifier checks them at once and remembers the valid ones), before
    /// they are admitted one by one. Changes nothing in the chain; the answers are what the
    /// rules will find.
    public func prepareSignatures(_ transactions: [Transaction]) {
        let claims = transactions.compactMap { $0.identityClaim(genesisHash: genesisHash) }
        if claims.count > 1 { _ = verifier.verifyAll(claims) }
    }
}
