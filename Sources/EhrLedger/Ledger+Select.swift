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
}
