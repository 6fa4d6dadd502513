// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrWire

/// A node's pool of pending transactions, kept valid against the ledger's tip.
///
/// Admission is linear: a submitted transaction is checked once against an `AdmissionView`
/// (the tip state entered into the next block's slot, with every pooled transaction already
/// applied), so filling a pool of n costs n rule checks, not the n²/2 of dry-running the whole
/// pool per submission. The view belongs to one tip and one slot; when either moves, the view
/// is rebuilt lazily on the next use and the pool re-admitted in order, dropping what the new
/// state refuses (a transaction the chain now carries, a nonce now stale). That costs one pass
/// over the pool per block, not per submission.
///
/// Bounded by count and bytes; a transaction is bounded by `maxTransactionBytes`. Not
/// thread-safe: one owner at a time (the C ABI's handle, or the node's actor).
public final class TransactionPool {
    public struct Limits: Sendable, Equatable {
        public var maxCount: Int
        public var maxBytes: Int
        public var maxTransactionBytes: Int

        /// The pool holds what the next block can carry: at most a block's count and bytes,
        /// and no transaction above the consensus bound (it could never be included).
        public init(maxCount: Int = LedgerLimits.maxTransactionsPerBlock, maxBytes: Int = LedgerLimits.maxBlockBytes,
                    maxTransactionBytes: Int = LedgerLimits.maxTransactionBytes) {
            self.maxCount = max(1, min(maxCount, AdmissionView.maxTransactionsPerBlock))
            self.maxBytes = max(1, min(maxBytes, LedgerLimits.maxBlockBytes))
            self.maxTransactionBytes = max(1, min(maxTransactionBytes, LedgerLimits.maxTransactionBytes))
        }
    }

    public let ledger: Ledger
    public let clock: SlotClock
    public let limits: Limits
    public private(set) var transactions: [Transaction] = []
    public private(set) var bytes = 0
    private var ids: Set<[UInt8]> = []
    private var sizes: [Int] = []
    private var view: AdmissionView?

    public init(ledger: Ledger, clock: SlotClock, limits: Limits = Limits()) {
        self.ledger = ledger
        self.clock = clock
        self.limits = limits
    }

    public var count: Int { transactions.count }
    public func contains(id: [UInt8]) -> Bool { ids.contains(id) }

    /// Adds `tx` if a block at the next slot on the current tip would accept it after the
    /// pooled ones; a transaction already pooled is accepted again without change.
    /// - Returns: the transaction id.
    /// - Throws: `LedgerError.rejected` with the broken rule; `NodeError.poolFull` or
    ///   `.transactionTooLarge` for the limits.
    @discardableResult
    public func submit(_ tx: Transaction) throws -> [UInt8] {
        let encoded = tx.encoded
        let id = SHA256.hash(encoded)
        if ids.contains(id) { return id }
        guard encoded.count <= limits.maxTransactionBytes else {
            throw NodeError.transactionTooLarge(size: encoded.count, limit: limits.maxTransactionBytes)
        }
        guard transactions.count < limits.maxCount else {
            throw NodeError.poolFull("the pool holds \(limits.maxCount) transactions; a block must drain it first")
        }
        guard bytes + encoded.count <= limits.maxBytes else {
            throw NodeError.poolFull("the pool holds \(bytes) of \(limits.maxBytes) bytes")
        }
        var v = try currentView(slot: clock.nextBlockSlot(tipSlot: ledger.tipSlot))
        try v.admit(tx)
        view = v
        transactions.append(tx)
        sizes.append(encoded.count)
        bytes += encoded.count
        ids.insert(id)
        return id
    }

    /// Submits several transactions in order, their identity signatures checked together first
    /// (one batch on all cores with the node's verifier, instead of one pairing check each).
    /// - Returns: for each transaction, its id or the error `submit` would have thrown.
    public func submit(batch: [Transaction]) -> [Result<[UInt8], any Error>] {
        ledger.prepareSignatures(batch)
        return batch.map { tx in Result { try submit(tx) } }
    }

    /// Builds and signs the block of `slot` on the tip from the pool (in pool order, as many
    /// as a block takes). Pooled transactions the state at `slot` refuses are dropped.
    /// - Throws: `NodeError.notScheduled` if `producer` is not the slot's or `key` is not its
    ///   registered key; `LedgerError` if `slot` is not after the tip.
    public func makeBlock(slot: UInt64, producer: UInt16, key: NodeSigningKey) throws -> Block {
        guard slot > ledger.tipSlot else {
            throw LedgerError.rejected(Rejection(rule: .timestamp,
                                                 reason: "slot \(slot) is not after the tip's slot \(ledger.tipSlot)"))
        }
        guard let scheduled = ledger.scheduledProducer(slot: slot) else {
            throw NodeError.notScheduled("slot \(slot) has no producer on the current tip")
        }
        guard scheduled == producer else {
            throw NodeError.notScheduled("slot \(slot) belongs to node \(scheduled), not \(producer)")
        }
        guard let node = ledger.node(producer), node.key == key.publicKey else {
            throw NodeError.notScheduled("the key is not node \(producer)'s registered node key")
        }
        view = try currentView(slot: slot)
        return try ledger.makeBlock(slot: slot, producer: producer, key: key, transactions: transactions)
    }

    /// Submits a received (or own) block and removes from the pool what the new chain holds.
    public func append(_ block: Block) throws -> Ledger.SubmitOutcome {
        let outcome = try ledger.submit(block)
        switch outcome {
        case .extended:
            remove(Set(block.transactions.map(\.id)))
        case .reorganized:
            // The new branch may carry any pooled transaction: the rebuilt view finds out,
            // since a transaction already on the chain fails its replay rule there.
            view = nil
        case .sideBranch:
            break
        }
        return outcome
    }

    /// Appends blocks that extend the tip one after another with one durable write (sync).
    /// The valid prefix is kept even when a later block is refused.
    public func append(batch blocks: [Block]) throws -> (appended: Int, rejection: Rejection?) {
        let result = try ledger.submit(batch: blocks)
        remove(Set(blocks.prefix(result.appended).flatMap { $0.transactions.map(\.id) }))
        return (result.appended, result.firstRejection)
    }

    /// Re-admits the pool on the current tip for `slot` now (otherwise done on next use).
    public func revalidate(slot: UInt64) throws(LedgerError) {
        view = try currentView(slot: slot)
    }

    /// The view for `slot` on the current tip, rebuilt (and the pool re-admitted, refused
    /// entries dropped) if the tip or the slot moved.
    private func currentView(slot: UInt64) throws(LedgerError) -> AdmissionView {
        if let view, view.tipHash == ledger.tipHash, view.slot == slot { return view }
        var fresh = try ledger.admissionView(slot: slot)
        var keep: [Transaction] = []
        var keepSizes: [Int] = []
        keep.reserveCapacity(transactions.count)
        for (tx, size) in zip(transactions, sizes) {
            do throws(LedgerError) {
                try fresh.admit(tx)
                keep.append(tx)
                keepSizes.append(size)
            } catch {
                ids.remove(tx.id)
                bytes -= size
            }
        }
        transactions = keep
        sizes = keepSizes
        return fresh
    }

    private func remove(_ gone: Set<[UInt8]>) {
        guard !gone.isDisjoint(with: ids) else { return }
        var keep: [Transaction] = []
        var keepSizes: [Int] = []
        for (tx, size) in zip(transactions, sizes) {
            if gone.contains(tx.id) {
                ids.remove(tx.id)
                bytes -= size
            } else {
                keep.append(tx)
                keepSizes.append(size)
            }
        }
        transactions = keep
        sizes = keepSizes
        view = nil
    }
}
