// SPDX-License-Identifier: Apache-2.0
import EhrStore

/// Opening a stored ledger: verify everything, recover a bad tail (docs/LEDGER.md §6).
extension Ledger {
    /// Opens (creating if needed) the ledger database at `path` and re-verifies the chain.
    ///
    /// Every stored block is checked (checksum beside the bytes, stored hash, decoding, hash
    /// link, height, timestamps, producer for the slot, Merkle root, producer and transaction
    /// signatures, every transaction rule) by replaying it from genesis.
    /// - Parameters:
    ///   - genesis: required for a new database; for an existing one it must match the stored
    ///     genesis (nil accepts whatever genesis is stored).
    ///   - recovery: what to do with a block that fails verification (see `Recovery`).
    /// - Throws: `corrupt(height:)` for the first bad block (or `height: nil` for a damaged
    ///   database file), `rejected(.genesis)` for a different chain, `notFound` for a new
    ///   database without genesis, `storage` for I/O failures.
    public static func open(
        path: String, genesis: Genesis? = nil, verifier: any IdentitySignatureVerifier,
        clock: @escaping @Sendable () -> UInt64, recovery: Recovery = .tailOnly
    ) throws(LedgerError) -> Ledger {
        let store = try BlockStore(path: path)
        if let problem = store.db.quickCheck() {
            throw .corrupt(height: nil, reason: "database file is damaged: \(problem)")
        }
        let stored: Genesis
        if let row0 = try store.row(height: 0) {
            guard SHA256.hash(row0.bytes) == row0.checksum else {
                throw .corrupt(height: 0, reason: "stored genesis does not match its checksum")
            }
            do { stored = try Genesis.decode(row0.bytes) } catch {
                throw .corrupt(height: 0, reason: "stored genesis does not decode: \(error)")
            }
            guard stored.hash == row0.hash else { throw .corrupt(height: 0, reason: "stored genesis hash is wrong") }
            if let genesis, genesis.hash != stored.hash {
                throw .reject(.genesis, "the database holds a different chain")
            }
        } else {
            guard let genesis else { throw .notFound("empty ledger database and no genesis given") }
            try genesis.validate()
            try store.initialize(genesis: genesis)
            stored = genesis
        }
        let ledger = Ledger(genesis: stored, store: store, verifier: verifier, clock: clock)
        try ledger.replayStoredBlocks(recovery: recovery)
        return ledger
    }

    /// Re-applies every stored block above genesis; stops at the first bad one.
    ///
    /// Rows are taken in runs of `ParallelPrecheck.runLength`: each run is decoded and its
    /// producer signatures checked on all cores, then applied in order with every rule.
    private func replayStoredBlocks(recovery: Recovery) throws(LedgerError) {
        guard let top = try store.maxHeight(), top >= 1 else { return }
        var expected: UInt64 = 1
        var failure: (height: UInt64, reason: String)?
        var run: [BlockStore.Row] = []
        let k = UInt64(genesis.activeProducers)
        let parallelism = Ledger.processorCount

        /// Applies a run in order; false once a block fails (`failure` set).
        func applyRun() -> Bool {
            defer { run.removeAll(keepingCapacity: true) }
            let outcomes = ParallelPrecheck.run(run, keys: state.core.nodes.map(\.key), genesisHash: genesisHash, k: k,
                                                genesis: genesis, parallelism: parallelism)
            for (row, outcome) in zip(run, outcomes) {
                do throws(LedgerError) {
                    let block = try outcome.block.get()
                    try extend(block, hash: row.hash, persist: false, headerVerified: outcome.signaturesVerified)
                } catch let LedgerError.rejected(r) {
                    failure = (row.height, "stored block breaks a rule: \(r)")
                    return false
                } catch let LedgerError.corrupt(_, reason) {
                    failure = (row.height, reason)
                    return false
                } catch {
                    failure = (row.height, "\(error)")
                    return false
                }
            }
            return true
        }

        do throws(LedgerError) {
            try store.scan(from: 1) { (row: BlockStore.Row) throws(LedgerError) -> Bool in
                guard row.height == expected else {
                    failure = (expected, "block \(expected) is missing")
                    return false
                }
                run.append(row)
                expected += 1
                return run.count < ParallelPrecheck.runLength || applyRun()
            }
        } catch let LedgerError.corrupt(nil, reason) {
            // SQLite found a damaged page while reading: report where the scan got to.
            if failure == nil, applyRun() { failure = (expected, reason) }
        }
        if failure == nil, !run.isEmpty { _ = applyRun() }
        if failure != nil { run.removeAll() }
        openReport.blocksVerified = state.core.height
        guard let (bad, reason) = failure else { return }
        let cut: Bool
        switch recovery {
        case .none: cut = false
        case .tailOnly: cut = bad == top
        case .truncate: cut = true
        }
        guard cut else { throw .corrupt(height: bad, reason: reason) }
        try store.truncate(above: bad - 1)
        openReport.truncatedFrom = bad
        openReport.truncationReason = reason
    }
}

extension Ledger {
    /// Re-verifies the stored chain while the ledger is open (an audit): every row from
    /// genesis is checked and replayed into a fresh state, which must end at this ledger's tip.
    /// - Returns: the number of blocks verified.
    /// - Throws: `corrupt(height:)` at the first bad block; `corrupt(height: nil)` if the
    ///   stored chain is sound but differs from the chain in memory.
    public func verifyStoredChain() throws(LedgerError) -> UInt64 {
        guard let row0 = try store.row(height: 0), SHA256.hash(row0.bytes) == row0.checksum,
            row0.hash == genesisHash, row0.bytes == genesis.encoded
        else { throw .corrupt(height: 0, reason: "stored genesis does not match") }
        var fresh = ChainState(genesis: genesis)
        var expected: UInt64 = 1
        let verifier = self.verifier
        try store.scan(from: 1) { (row: BlockStore.Row) throws(LedgerError) -> Bool in
            guard row.height == expected else { throw .corrupt(height: expected, reason: "block \(expected) is missing") }
            let block = try Ledger.verifiedBlock(row)
            do throws(LedgerError) {
                _ = try fresh.apply(block, hash: row.hash, verifier: verifier)
            } catch let LedgerError.rejected(r) {
                throw .corrupt(height: row.height, reason: "stored block breaks a rule: \(r)")
            }
            expected += 1
            return true
        }
        guard fresh.core.tipHash == state.core.tipHash, fresh.core.height == state.core.height else {
            throw .corrupt(height: nil, reason: "the stored chain differs from the chain in memory")
        }
        return fresh.core.height
    }
}
