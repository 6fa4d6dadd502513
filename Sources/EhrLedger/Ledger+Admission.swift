// SPDX-License-Identifier: Apache-2.0

/// Linear admission for a node's transaction pool.
///
/// `select` dry-runs a whole candidate list and restores the state afterwards, so a pool that
/// re-checks itself on every submission pays O(pool) rule checks per transaction, O(n²) to
/// fill. An `AdmissionView` is instead a private copy of the tip state, already entered into
/// the next block's slot, on which admitted transactions stay applied: each new transaction
/// is checked once, against the tip plus everything admitted before it, with exactly the
/// rules a block at that slot applies (docs/LEDGER.md §5.2). The copy is taken when the view
/// is made (copy-on-write: the ledger's own state is never touched), so a view belongs to one
/// tip; a pool makes a new one when the tip moves and re-admits what it still holds.
public struct AdmissionView: Sendable {
    /// The tip this view was made on, and the slot its block would fill.
    public let tipHash: [UInt8]
    public let slot: UInt64
    /// How many transactions were admitted (a block takes at most `WireFormat.maxTransactions`).
    public private(set) var admitted = 0
    /// The bytes the admitted transactions would make a block of (its overhead included).
    public private(set) var admittedBytes = LedgerLimits.blockOverheadBytes

    private var state: ChainState
    private let verifier: any IdentitySignatureVerifier
    private let height: UInt64
    private let timestamp: UInt64
    private let slotPosition: Int

    init(state base: ChainState, slot: UInt64, verifier: any IdentitySignatureVerifier) throws(LedgerError) {
        guard slot > base.core.tipSlot else {
            throw .reject(.timestamp, "slot \(slot) is not after the tip's slot \(base.core.tipSlot)")
        }
        var s = base
        tipHash = s.core.tipHash
        _ = s.beginBlock()
        // The same preparation as `ChainState.select`: the round of `slot` is entered so that
        // votes, stakes and the schedule are those the block will see.
        s.enter(slot: slot)
        s.core.height += 1
        s.core.tipTimestamp = s.timestamp(of: slot)
        s.core.tipSlot = slot
        height = s.core.height
        timestamp = s.core.tipTimestamp
        slotPosition = Int(slot % UInt64(s.k))
        state = s
        self.slot = slot
        self.verifier = verifier
    }

    /// Checks `tx` against the tip plus the admitted transactions and, if it passes, keeps
    /// its effects so a later transaction may build on it (a vote with sequence n+1 after n).
    /// - Throws: `rejected` with the broken rule; the view is then unchanged (every rule runs
    ///   before any effect, ChainState+Transactions.swift).
    public mutating func admit(_ tx: Transaction) throws(LedgerError) {
        guard admitted < WireFormat.maxTransactions else {
            throw .reject(.parameter, "block is full (\(WireFormat.maxTransactions) transactions)")
        }
        let encoded = tx.encoded
        // A transaction no block can carry is refused for good (`size`); one that only does
        // not fit after what is admitted already waits for the next block (`parameter`).
        guard encoded.count <= LedgerLimits.maxTransactionBytes else {
            throw .reject(.size, "transaction of \(encoded.count) bytes exceeds \(LedgerLimits.maxTransactionBytes)")
        }
        let added = LedgerLimits.blockBytes(ofTransaction: encoded.count)
        guard admittedBytes + added <= LedgerLimits.maxBlockBytes else {
            throw .reject(.parameter, "block is full (\(LedgerLimits.maxBlockBytes) bytes)")
        }
        let context = TxContext(
            height: height, timestamp: timestamp, slotPosition: slotPosition, verifier: verifier, checkSignatures: true)
        try state.apply(tx, id: SHA256.hash(encoded), context: context)
        admitted += 1
        admittedBytes += added
    }

    /// The most transactions one block may carry.
    public static var maxTransactionsPerBlock: Int { WireFormat.maxTransactions }
}

extension Ledger {
    /// A fresh admission view on the current tip for a block at `slot`.
    /// - Throws: `rejected(.timestamp)` if `slot` is not after the tip's slot.
    public func admissionView(slot: UInt64) throws(LedgerError) -> AdmissionView {
        try AdmissionView(state: state, slot: slot, verifier: verifier)
    }
}
