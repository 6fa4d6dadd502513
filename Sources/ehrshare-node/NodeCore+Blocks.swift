// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import NIOCore

/// Blocks from peers: gossip, sync by ranges, and serving ranges.
///
/// Every block goes through the ledger (`TransactionPool.append` → `Ledger.submit`), which
/// checks it completely and applies the fork choice; only an accepted block is relayed.
/// What a rejection means for the sender depends on the rule: a block already known, one
/// whose parent we do not have yet, one on a branch below our irreversible block or with a
/// timestamp ahead of our clock can come from an honest peer; anything else (bad
/// signature, Merkle root, producer, a transaction breaking a rule) cannot.
extension NodeCore {
    enum BlockVerdict {
        case accepted(Ledger.SubmitOutcome)
        /// Not accepted, but an honest peer could have sent it.
        case ignored(String)
        /// The parent is unknown: we are missing blocks.
        case missingParent
        case invalid(String)
    }

    func submitBlock(_ block: Block) -> BlockVerdict {
        // A block refused or kept on a side branch may still complete a proof of equivocation.
        defer { reportEquivocations() }
        do {
            let outcome = try pool.append(block)
            if case .reorganized(let fork, let replaced) = outcome {
                counters.reorganizations += 1
                logger.info("reorganized", metadata: ["forkHeight": "\(fork)", "replaced": "\(replaced)",
                                                      "height": "\(ledger.height)"])
            }
            return .accepted(outcome)
        } catch let LedgerError.rejected(r) {
            switch r.rule {
            case .duplicateBlock, .irreversible, .timestamp: return .ignored("\(r)")
            case .link: return .missingParent
            default: return .invalid("\(r)")
            }
        } catch {
            // Our own storage failed; the sender is not to blame.
            logger.error("ledger error on a received block", metadata: ["error": "\(error)"])
            return .ignored("\(error)")
        }
    }

    func receiveBlock(_ bytes: [UInt8], from link: PeerLink) throws {
        let block: Block
        do { block = try Block.decode(bytes) } catch { throw PeerViolation("block does not decode: \(error)") }
        switch submitBlock(block) {
        case .accepted(let outcome):
            counters.receivedBlocks += 1
            logger.debug("block accepted", metadata: ["height": "\(block.height)", "producer": "\(block.header.producer)",
                                                      "outcome": "\(outcome)", "from": "\(link.index)"])
            broadcast(.block(bytes), except: link.index)
        case .ignored(let why):
            logger.trace("block ignored", metadata: ["height": "\(block.height)", "reason": "\(why)"])
        case .missingParent:
            // Ahead of our tip: fetch the gap. At or below it: a fork whose base we lack,
            // which can only start above the irreversible block.
            let start = block.height > ledger.height + 1 ? ledger.height + 1 : ledger.lastIrreversibleHeight + 1
            requestBlocks(from: link, start: start, force: true)
        case .invalid(let why):
            throw PeerViolation("invalid block \(block.height): \(why)")
        }
    }

    /// Asks `link` for canonical blocks from `start`, unless a request to it is already out
    /// (and not stale).
    func requestBlocks(from link: PeerLink, start: UInt64, force: Bool = false) {
        let now = RunClock.monotonicMillis()
        if link.requestedFrom != nil, !force, now &- link.requestedAt < 3_000 { return }
        link.requestedFrom = start
        link.requestedAt = now
        link.send(.getBlocks(from: start, count: PeerMessage.maxBlocksPerRange))
    }

    /// Forgets requests unanswered for 3 s, so the next status asks again.
    func retryStalledRequests() {
        let now = RunClock.monotonicMillis()
        for link in peers.values where link.requestedFrom != nil && now &- link.requestedAt >= 3_000 {
            link.requestedFrom = nil
            if link.height > ledger.height { requestBlocks(from: link, start: ledger.height + 1) }
        }
    }

    func serveBlocks(from: UInt64, count: UInt16, to link: PeerLink) {
        var out: [[UInt8]] = []
        var bytes = 0
        var h = from
        while h <= ledger.height, out.count < Int(count), bytes < PeerMessage.rangeByteBudget {
            guard let block = try? ledger.block(height: h) else { break }
            let encoded = block.encoded
            out.append(encoded)
            bytes += encoded.count
            h += 1
        }
        link.send(.blocks(from: from, out))
    }

    /// An answer to our getBlocks: blocks `from`, `from + 1`, … of the peer's chain.
    func receiveRange(from: UInt64, _ blocks: [[UInt8]], link: PeerLink) throws {
        // A late answer to a request we already gave up on is dropped, not held against it.
        guard link.requestedFrom == from else { return }
        link.requestedFrom = nil
        guard !blocks.isEmpty else {
            // Heights never shrink on a running chain (the fork choice only moves to longer
            // branches), so a peer that announced `height` but has nothing at `from` lied;
            // left alone, such a peer would keep this node "catching up" and never producing.
            if link.height >= from { throw PeerViolation("announced height \(link.height) but serves nothing from \(from)") }
            return
        }
        var decoded: [Block] = []
        decoded.reserveCapacity(blocks.count)
        for (i, bytes) in blocks.enumerated() {
            let block: Block
            do { block = try Block.decode(bytes) } catch { throw PeerViolation("range block does not decode: \(error)") }
            guard block.height == from + UInt64(i) else { throw PeerViolation("range block \(i) has height \(block.height)") }
            decoded.append(block)
        }
        if let first = decoded.first, first.header.previousHash == ledger.tipHash {
            try appendRun(decoded, from: link)
        } else if try !submitEach(decoded, from: from, link: link) {
            return
        }
        let next = from + UInt64(blocks.count)
        if link.height >= next { requestBlocks(from: link, start: next, force: true) }
        logger.debug("synced range", metadata: ["peer": "\(link.index)", "from": "\(from)", "count": "\(blocks.count)",
                                               "height": "\(ledger.height)"])
    }

    /// A range that extends our tip: validated in order and stored with one fsynced write.
    private func appendRun(_ blocks: [Block], from link: PeerLink) throws {
        do {
            let (appended, rejection) = try pool.append(batch: blocks)
            counters.syncedBlocks += UInt64(appended)
            if let rejection, rejection.rule != .timestamp {
                throw PeerViolation("invalid range block: \(rejection)")
            }
        } catch let LedgerError.rejected(r) {
            guard r.rule == .timestamp else { throw PeerViolation("invalid range block: \(r)") }
        } catch let v as PeerViolation {
            throw v
        } catch {
            logger.error("ledger error while syncing", metadata: ["error": "\(error)"])
        }
    }

    /// A range that forks from our chain (or overlaps it): each block through the fork choice.
    /// - Returns: false if the range was abandoned (re-asked from lower down, or unusable).
    private func submitEach(_ blocks: [Block], from: UInt64, link: PeerLink) throws -> Bool {
        for (i, block) in blocks.enumerated() {
            switch submitBlock(block) {
            case .accepted:
                counters.syncedBlocks += 1
            case .ignored:
                continue
            case .missingParent:
                // Our chain and the peer's part below `from`: go back to our irreversible block.
                if i == 0, from > ledger.lastIrreversibleHeight + 1 {
                    requestBlocks(from: link, start: ledger.lastIrreversibleHeight + 1, force: true)
                    return false
                }
                if i == 0 {
                    logger.warning("peer's chain conflicts with our irreversible block", metadata: ["peer": "\(link.index)"])
                    return false
                }
                throw PeerViolation("range block \(block.height) does not link to the one before it")
            case .invalid(let why):
                throw PeerViolation("invalid range block \(block.height): \(why)")
            }
        }
        return true
    }
}
