// SPDX-License-Identifier: Apache-2.0

/// Block submission, fork choice and irreversibility (docs/LEDGER.md §4–5).
///
/// Fork choice: the longest valid chain wins; on equal height the current chain stays.
/// A branch is never accepted if it leaves the canonical chain below the last irreversible
/// block (LIB). A block becomes irreversible once more than 2/3 of its round's active
/// producers have produced it or a block on top of it; the LIB never moves back.
extension Ledger {
    /// Decodes and submits a block.
    @discardableResult
    public func submit(bytes: [UInt8]) throws(LedgerError) -> SubmitOutcome {
        try submit(try Block.decode(bytes))
    }

    /// Validates `block` and adds it to the chain (durably) or to a side branch.
    /// - Throws: `rejected` with the broken rule; `storage` if the write failed (the
    ///   in-memory chain is then rolled back too, so memory and disk agree).
    @discardableResult
    public func submit(_ block: Block) throws(LedgerError) -> SubmitOutcome {
        let hash = block.hash
        let prev = block.header.previousHash
        let stored = try store.height(ofHash: hash) != nil
        if stored || pendingIndex[hash] != nil || side[hash] != nil || hash == libHash {
            throw .reject(.duplicateBlock, "block \(block.height) is already known")
        }
        let now = clock()
        let (limit, overflow) = now.addingReportingOverflow(UInt64(genesis.maxDriftMillis))
        guard overflow || block.header.timestamp <= limit else {
            throw .reject(.timestamp, "timestamp \(block.header.timestamp) is ahead of the local clock \(now)")
        }
        guard let slot = state.slot(of: block.header.timestamp) else {
            throw .reject(.timestamp, "timestamp \(block.header.timestamp) is not on the slot grid")
        }
        if prev == state.core.tipHash {
            try extend(block, hash: hash, persist: true)
            noteSignedHeader(block, slot: slot)
            return .extended
        }
        // A fork: find the parent among reversible canonical blocks, side blocks or the LIB.
        guard !deadForks.contains(prev) else {
            throw .reject(.irreversible, "the branch leaves the chain below the irreversible block \(libHeight)")
        }
        let parentHeight: UInt64
        let forkHeight: UInt64
        if let i = pendingIndex[prev] {
            parentHeight = pending[i].block.height
            forkHeight = parentHeight
        } else if let s = side[prev] {
            parentHeight = s.block.height
            forkHeight = s.forkHeight
        } else if prev == libHash {
            parentHeight = libHeight
            forkHeight = libHeight
        } else if let h = try store.height(ofHash: prev) {
            throw .reject(.irreversible, "block builds on height \(h), below the irreversible block \(libHeight)")
        } else {
            throw .reject(.link, "the previous hash names no known block")
        }
        guard block.height == parentHeight + 1 else {
            throw .reject(.height, "height \(block.height) does not follow parent height \(parentHeight)")
        }
        guard block.computedMerkleRoot == block.header.merkleRoot else {
            throw .reject(.merkleRoot, "Merkle root does not commit to the block's transactions")
        }
        // Keys never change, so a side block's signature can be checked now; this keeps
        // unsigned junk out of memory. The full rules run if the branch ever gets longer.
        let producer = Int(block.header.producer)
        guard producer < state.core.nodes.count,
            Ed25519.verify(publicKey: state.core.nodes[producer].key, message: block.header.encoded, signature: block.signature)
        else {
            throw .reject(.blockSignature, "side-branch block is not signed by a known node")
        }
        // A second signed header for the slot is evidence, kept or not.
        noteSignedHeader(block, slot: slot)
        let bytes = try admitSideBlock(block, slot: slot, parentIsCanonical: side[prev] == nil)
        side[hash] = SideBlock(block: block, forkHeight: forkHeight, slot: slot, bytes: bytes)
        guard block.height > state.core.height else { return .sideBranch }
        return try reorganize(to: hash)
    }

    /// Appends a run of blocks that extend the tip one after another (catch-up sync) with a
    /// single fsynced write. Blocks are validated in order; the valid prefix is stored and
    /// a rejected block ends the run.
    /// - Returns: how many blocks were appended (all of them unless one was rejected).
    /// - Throws: the first block's rejection if none was valid; `storage` if the write failed
    ///   (then nothing is appended, in memory or on disk). A rejection after a valid prefix
    ///   is returned in `firstRejection` instead, with the prefix kept.
    public func submit(batch blocks: [Block]) throws(LedgerError) -> (appended: Int, firstRejection: Rejection?) {
        var applied: [PendingBlock] = []
        var rejection: Rejection?
        let now = clock()
        let (limit, overflow) = now.addingReportingOverflow(UInt64(genesis.maxDriftMillis))
        for block in blocks {
            let hash = block.hash
            do throws(LedgerError) {
                guard overflow || block.header.timestamp <= limit else {
                    throw .reject(.timestamp, "timestamp \(block.header.timestamp) is ahead of the local clock \(now)")
                }
                let undo = try state.apply(block, hash: hash, verifier: verifier)
                applied.append(PendingBlock(block: block, hash: hash, undo: undo, active: state.core.active))
                if let slot = state.slot(of: block.header.timestamp) { noteSignedHeader(block, slot: slot) }
            } catch let LedgerError.rejected(r) {
                rejection = Rejection(rule: r.rule, reason: "block \(block.height): \(r.reason)")
                break
            }
        }
        if applied.isEmpty, let rejection { throw .rejected(rejection) }
        guard !applied.isEmpty else { return (0, nil) }
        do {
            try store.replace(above: applied[0].block.height - 1, with: applied.map { ($0.block, $0.hash) })
        } catch {
            for p in applied.reversed() { state.revert(p.undo) }
            throw error
        }
        for p in applied {
            pending.append(p)
            pendingIndex[p.hash] = pending.count - 1
        }
        advanceIrreversible()
        return (applied.count, rejection)
    }

    /// Applies a block on the tip, stores it (unless replaying storage) and moves the LIB.
    func extend(_ block: Block, hash: [UInt8], persist: Bool, headerVerified: Bool = false) throws(LedgerError) {
        let undo = try state.apply(block, hash: hash, verifier: verifier, headerVerified: headerVerified)
        if persist {
            do { try store.append(block, hash: hash) } catch {
                state.revert(undo)
                throw error
            }
        }
        pending.append(PendingBlock(block: block, hash: hash, undo: undo, active: state.core.active))
        pendingIndex[hash] = pending.count - 1
        advanceIrreversible()
    }

    /// Switches to the branch ending at side block `tip` (longer than the current chain).
    private func reorganize(to tip: [UInt8]) throws(LedgerError) -> SubmitOutcome {
        var branch: [Block] = []
        var cursor = tip
        while let s = side[cursor] {
            branch.append(s.block)
            cursor = s.block.header.previousHash
        }
        branch.reverse()
        let keep: Int
        if cursor == libHash {
            keep = 0
        } else if let i = pendingIndex[cursor] {
            keep = i + 1
        } else {
            throw .reject(.irreversible, "the branch leaves the chain below the irreversible block \(libHeight)")
        }
        let forkHeight = keep == 0 ? libHeight : pending[keep - 1].block.height
        let removed = Array(pending[keep...])
        for p in removed.reversed() { state.revert(p.undo) }

        var applied: [PendingBlock] = []
        do throws(LedgerError) {
            for b in branch {
                let h = b.hash
                let undo: BlockUndo
                do throws(LedgerError) { undo = try state.apply(b, hash: h, verifier: verifier) } catch {
                    // Drop the invalid block and everything built on it in this branch.
                    let bad = branch.drop(while: { $0.hash != h })
                    for x in bad { side[x.hash] = nil }
                    throw error
                }
                applied.append(PendingBlock(block: b, hash: h, undo: undo, active: state.core.active))
            }
            try store.replace(above: forkHeight, with: applied.map { ($0.block, $0.hash) })
        } catch {
            for p in applied.reversed() { state.revert(p.undo) }
            for p in removed {
                // Same state, same blocks, already verified: this cannot fail; if it ever did,
                // memory no longer matches disk and the caller must reopen.
                guard (try? state.apply(p.block, hash: p.hash, verifier: verifier, checkSignatures: false)) != nil else {
                    throw .corrupt(height: p.block.height, reason: "could not restore the chain after a failed fork switch")
                }
            }
            throw error
        }
        pending.removeLast(removed.count)
        for p in removed {
            // Canonical blocks are on the grid; the fallback never applies.
            let slot = state.slot(of: p.block.header.timestamp) ?? 0
            side[p.hash] = SideBlock(block: p.block, forkHeight: forkHeight, slot: slot, bytes: p.block.encoded.count)
        }
        for p in applied {
            side[p.hash] = nil
            pending.append(p)
        }
        rebuildPendingIndex()
        advanceIrreversible()
        return .reorganized(forkHeight: forkHeight, replaced: removed.count)
    }

    /// Moves the LIB to the highest pending block that more than 2/3 of its round's active
    /// producers have built on (its own producer included), and prunes dead side branches.
    func advanceIrreversible() {
        var producers = Set<UInt16>()
        var newLib: Int?
        for i in pending.indices.reversed() {
            producers.insert(pending[i].block.header.producer)
            let active = pending[i].active
            let confirmations = active.reduce(0) { $0 + (producers.contains($1) ? 1 : 0) }
            if 3 * confirmations > 2 * active.count {
                newLib = i
                break
            }
        }
        guard let i = newLib else { return }
        libHeight = pending[i].block.height
        libHash = pending[i].hash
        pending.removeFirst(i + 1)
        rebuildPendingIndex()
        for (hash, s) in side where s.forkHeight < libHeight {
            side[hash] = nil
            rememberDeadFork(hash)
        }
    }

    private func rebuildPendingIndex() {
        pendingIndex.removeAll(keepingCapacity: true)
        for (i, p) in pending.enumerated() { pendingIndex[p.hash] = i }
    }
}
