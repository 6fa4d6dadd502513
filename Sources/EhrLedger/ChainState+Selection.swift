// SPDX-License-Identifier: Apache-2.0

/// Dry runs on the tip: which transactions would a block at a given slot accept?
extension ChainState {
    /// Applies `candidates` in order, as a block at `slot` on the current tip would, keeping
    /// the ones that pass and reporting the others; then restores the state exactly.
    /// - Returns: the accepted transactions (in order) and the rejected ones by index.
    mutating func select(
        _ candidates: [Transaction], slot: UInt64, verifier: any IdentitySignatureVerifier
    ) throws(LedgerError) -> (accepted: [Transaction], rejected: [(index: Int, rejection: Rejection)]) {
        guard slot > core.tipSlot else {
            throw .reject(.timestamp, "slot \(slot) is not after the tip's slot \(core.tipSlot)")
        }
        let saved = beginBlock()
        enter(slot: slot)
        core.height += 1
        core.tipTimestamp = timestamp(of: slot)
        core.tipSlot = slot
        let context = TxContext(
            height: core.height, timestamp: core.tipTimestamp, slotPosition: Int(slot % UInt64(k)), verifier: verifier,
            checkSignatures: true)
        var accepted: [Transaction] = []
        var rejected: [(index: Int, rejection: Rejection)] = []
        var blockBytes = LedgerLimits.blockOverheadBytes
        for (i, tx) in candidates.enumerated() {
            guard accepted.count < WireFormat.maxTransactions else {
                rejected.append((i, Rejection(rule: .parameter, reason: "block is full")))
                continue
            }
            let encoded = tx.encoded
            guard encoded.count <= LedgerLimits.maxTransactionBytes else {
                rejected.append((i, Rejection(rule: .size, reason: "\(encoded.count) bytes exceed \(LedgerLimits.maxTransactionBytes)")))
                continue
            }
            let added = LedgerLimits.blockBytes(ofTransaction: encoded.count)
            guard blockBytes + added <= LedgerLimits.maxBlockBytes else {
                rejected.append((i, Rejection(rule: .parameter, reason: "block is full (\(LedgerLimits.maxBlockBytes) bytes)")))
                continue
            }
            do throws(LedgerError) {
                // A failing transaction writes nothing (all rules run before any effect).
                try apply(tx, id: SHA256.hash(encoded), context: context)
                blockBytes += added
                accepted.append(tx)
            } catch let LedgerError.rejected(r) {
                rejected.append((i, r))
            } catch {
                rejected.append((i, Rejection(rule: .parameter, reason: "\(error)")))
            }
        }
        revert(BlockUndo(core: saved, entries: endBlock(saved).entries))
        return (accepted, rejected)
    }
}
