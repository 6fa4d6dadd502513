// SPDX-License-Identifier: Apache-2.0
import EhrStore
import EhrLedger
import NIOCore

/// Block production by the wall clock (DESIGN.md §8 "Time").
///
/// A timer fires just after each slot starts; if this node is the slot's producer on the
/// current tip, it builds the block from its pool, appends it to its own ledger and sends
/// it to every peer. A slot nobody fills simply passes (the ledger counts it missed); late
/// or competing blocks are settled by the ledger's fork choice as they arrive.
extension NodeCore {
    func scheduleSlotTick() {
        guard !stopping else { return }
        let next = clock.currentSlot + 1
        // A few ms past the slot boundary, so the clock surely reads the new slot.
        let delay = Int64(min(clock.millisUntil(slot: next), 3_600_000)) + 3
        slotTask = loop.scheduleTask(in: .milliseconds(delay)) { [weak self] in
            self?.slotTick()
            self?.scheduleSlotTick()
        }
    }

    func slotTick() {
        guard !stopping else { return }
        let slot = clock.currentSlot
        guard slot > ledger.tipSlot, slot > lastProducedSlot, ledger.scheduledProducer(slot: slot) == index else { return }
        // Alone (before any peer connected, e.g. right after a restart) or behind a peer, a
        // block would only start a fork that the longer chain replaces: skip the slot.
        if nodeCount > 1, peers.isEmpty {
            skip(slot, reason: "no peers connected")
            return
        }
        if let ahead = peers.values.first(where: { $0.height > ledger.height + 1 }) {
            skip(slot, reason: "catching up with node \(ahead.index) at height \(ahead.height)")
            return
        }
        do {
            let block = try pool.makeBlock(slot: slot, producer: index, key: key)
            _ = try pool.append(block)
            lastProducedSlot = slot
            counters.producedBlocks += 1
            broadcast(.block(block.encoded), except: nil)
            logger.info("produced block", metadata: [
                "height": "\(block.height)", "slot": "\(slot)", "transactions": "\(block.transactions.count)",
                "hash": "\(Hex.short(block.hash))", "irreversible": "\(ledger.lastIrreversibleHeight)",
            ])
        } catch {
            skip(slot, reason: "\(error)")
        }
    }

    private func skip(_ slot: UInt64, reason: String) {
        counters.skippedOwnSlots += 1
        logger.info("own slot skipped", metadata: ["slot": "\(slot)", "reason": "\(reason)"])
    }

    /// Slots the chain records as missed, summed over all nodes.
    var chainMissedSlots: UInt64 {
        var total: UInt64 = 0
        for i in 0..<nodeCount { total &+= ledger.node(UInt16(i))?.missedSlots ?? 0 }
        return total
    }
}
