// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrLedger
import EhrNode

/// What an `ehr_ledger *` points to: an open `Ledger` and the node's pool of pending
/// transactions, EhrNode's `TransactionPool` (the one pool of the library: the C ABI, the CLI
/// and ehrshare-node's future daemon share its linear admission).
///
/// This shell keeps the C ABI's error contract: a full pool is `EHR_ERR_STATE`, and a
/// block asked of the wrong producer or with the wrong key is the ledger's `producer` /
/// `block-signature` rejection, checked here before the pool is asked.
/// No internal lock: one thread at a time, as the header states.
final class LedgerHandle {
    let ledger: Ledger
    let pool: TransactionPool

    init(_ ledger: Ledger) {
        self.ledger = ledger
        pool = TransactionPool(
            ledger: ledger,
            clock: SlotClock(genesisTime: ledger.genesis.genesisTime, slotMillis: ledger.genesis.slotMillis))
    }

    /// Unix milliseconds from the system clock: the ledger's only use of time is refusing
    /// blocks from the future (docs/LEDGER.md §3).
    static let systemClock: @Sendable () -> UInt64 = SlotClock.systemMillis

    /// Adds a transaction to the pool if a block on the current tip would accept it after
    /// the pooled ones; a transaction already pooled is accepted again without change.
    /// - Returns: the transaction id.
    func submit(_ tx: Transaction) throws -> [UInt8] {
        do {
            return try pool.submit(tx)
        } catch let error as NodeError {
            throw LedgerHandle.failure(error)
        }
    }

    /// Builds and signs the block of `slot` on the tip from the pool. Pooled transactions a
    /// block can no longer take (e.g. overtaken by the chain) are dropped from the pool.
    func makeBlock(key: NodeSigningKey, producer: UInt16, slot: UInt64) throws -> Block {
        guard slot > ledger.tipSlot else {
            throw reject(.timestamp, "slot \(slot) is not after the tip's slot \(ledger.tipSlot)")
        }
        guard let scheduled = ledger.scheduledProducer(slot: slot) else {
            throw reject(.timestamp, "slot \(slot) has no producer on the current tip")
        }
        guard scheduled == producer else {
            throw reject(.producer, "slot \(slot) belongs to node \(scheduled), not \(producer)")
        }
        guard let node = ledger.node(producer), node.key == key.publicKey else {
            throw reject(.blockSignature, "the key is not node \(producer)'s registered node key")
        }
        do {
            return try pool.makeBlock(slot: slot, producer: producer, key: key)
        } catch let error as NodeError {
            throw LedgerHandle.failure(error)
        }
    }

    /// Submits a received (or own) block and removes the transactions the new chain holds.
    func append(_ bytes: [UInt8]) throws -> Ledger.SubmitOutcome {
        try pool.append(try Block.decode(bytes))
    }

    /// Appends blocks that extend the tip one after another with one durable write (catch-up
    /// sync). The valid prefix is kept even when a later block is refused.
    /// - Returns: how many were appended and the first refusal, if any.
    func appendBatch(_ blocks: [Block]) throws -> (appended: Int, rejection: Rejection?) {
        try pool.append(batch: blocks)
    }

    /// The C ABI's status for a node-layer failure.
    private static func failure(_ error: NodeError) -> CABIFailure {
        switch error {
        case .poolFull: return CABIFailure(EHR_ERR_STATE, "\(error.description); produce a block first")
        case .transactionTooLarge: return CABIFailure(EHR_ERR_PARAM, error.description)
        case .notScheduled, .notIdentitySigned: return CABIFailure(EHR_ERR_PARAM, error.description)
        }
    }

    private func reject(_ rule: ValidationRule, _ reason: String) -> LedgerError {
        .rejected(Rejection(rule: rule, reason: reason))
    }
}
