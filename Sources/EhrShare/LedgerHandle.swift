// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrLedger
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What an `ehr_ledger *` points to: an open `Ledger` and the node's pool of pending
/// transactions.
///
/// The Swift `Ledger` takes whole blocks; a node also needs somewhere to keep the
/// transactions it has heard of until it is its turn to produce. `submit` dry-runs a
/// transaction on top of the pool (so a vote with sequence n+1 may follow one with n),
/// `makeBlock` packs the pool for a slot, and `append` drops what a block carried.
/// No internal lock: one thread at a time, as the header states.
final class LedgerHandle {
    /// The pool never grows past this; a producer empties it block by block.
    static let maxPool = 10_000

    let ledger: Ledger
    private(set) var pool: [Transaction] = []
    private var poolIds: Set<[UInt8]> = []

    init(_ ledger: Ledger) { self.ledger = ledger }

    /// Unix milliseconds from the system clock: the ledger's only use of time is refusing
    /// blocks from the future (docs/LEDGER.md §3).
    static let systemClock: @Sendable () -> UInt64 = {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return UInt64(max(ts.tv_sec, 0)) &* 1000 &+ UInt64(max(ts.tv_nsec, 0) / 1_000_000)
    }

    /// The slot the next block will most likely fill: the one running now, or the slot after
    /// the tip if the tip is already there. Submissions are judged at its time, so an
    /// identity transaction signed just now is not "stale" merely because the tip is old.
    var nextBlockSlot: UInt64 {
        let now = LedgerHandle.systemClock()
        let start = ledger.genesis.genesisTime
        let current = now > start ? (now - start) / UInt64(ledger.genesis.slotMillis) : 0
        return max(ledger.tipSlot &+ 1, current)
    }

    /// Adds a transaction to the pool if a block on the current tip would accept it after
    /// the pooled ones; a transaction already pooled is accepted again without change.
    /// - Returns: the transaction id.
    func submit(_ tx: Transaction) throws -> [UInt8] {
        let id = tx.id
        if poolIds.contains(id) { return id }
        guard pool.count < LedgerHandle.maxPool else {
            throw CABIFailure(
                EHR_ERR_STATE, "the pending pool holds \(LedgerHandle.maxPool) transactions; produce a block first")
        }
        let (_, rejected) = try ledger.select(pool + [tx], slot: nextBlockSlot)
        if let mine = rejected.first(where: { $0.index == pool.count }) {
            throw LedgerError.rejected(mine.rejection)
        }
        pool.append(tx)
        poolIds.insert(id)
        return id
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
        let (block, rejected) = try ledger.makeBlock(slot: slot, producer: producer, key: key, selecting: pool)
        if !rejected.isEmpty {
            let drop = Set(rejected.map(\.index))
            pool = pool.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            poolIds = Set(pool.map(\.id))
        }
        return block
    }

    /// Submits a received (or own) block and removes the transactions the new chain holds.
    func append(_ bytes: [UInt8]) throws -> Ledger.SubmitOutcome {
        let block = try Block.decode(bytes)
        let outcome = try ledger.submit(block)
        switch outcome {
        case .extended:
            removeFromPool(Set(block.transactions.map(\.id)))
        case .reorganized:
            // The new branch may carry any pooled transaction: ask the chain about each.
            var onChain = Set<[UInt8]>()
            for id in poolIds where try ledger.transactionLocation(id: id) != nil { onChain.insert(id) }
            removeFromPool(onChain)
        case .sideBranch:
            break
        }
        return outcome
    }

    /// Appends blocks that extend the tip one after another with one durable write (catch-up
    /// sync). The valid prefix is kept even when a later block is refused.
    /// - Returns: how many were appended and the first refusal, if any.
    func appendBatch(_ blocks: [Block]) throws -> (appended: Int, rejection: Rejection?) {
        let result = try ledger.submit(batch: blocks)
        removeFromPool(Set(blocks.prefix(result.appended).flatMap { $0.transactions.map(\.id) }))
        return (result.appended, result.firstRejection)
    }

    private func removeFromPool(_ ids: Set<[UInt8]>) {
        guard !ids.isDisjoint(with: poolIds) else { return }
        pool.removeAll { ids.contains($0.id) }
        poolIds.subtract(ids)
    }

    private func reject(_ rule: ValidationRule, _ reason: String) -> LedgerError {
        .rejected(Rejection(rule: rule, reason: reason))
    }
}
