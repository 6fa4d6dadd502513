// SPDX-License-Identifier: Apache-2.0

/// What a node keeps of blocks that are not (yet) canonical, and what it learns from them
/// (docs/LEDGER.md §4, "consensus rules a network needs").
///
/// * **Side branches** cost memory that any peer could fill, so a side block is kept only when
///   it is signed by a producer that may produce (a registered, unexcluded node; when its slot
///   is in the tip's round and its parent is a canonical block of that round, exactly the
///   slot's scheduled producer), at most `maxSideBlocksPerSlot` per slot, and while all side
///   blocks together stay below `maxSideBytes`.
/// * **Equivocation**: two different headers one producer signed for one slot are a proof
///   that producer misbehaved. The ledger notices whenever a second one arrives, whether or not
///   it keeps the block, and queues the pair; a node turns it into an `evidence` transaction.
extension Ledger {
    /// Two signed headers of one producer for one slot, ready for an `EvidenceTx`.
    public struct Equivocation: Sendable, Equatable {
        public let producer: UInt16
        public let slot: UInt64
        public let first: EvidenceTx.SignedHeader
        public let second: EvidenceTx.SignedHeader
    }

    /// Side blocks kept for one slot (an honest producer makes one; a competing pair is the
    /// most a fork choice ever needs to see).
    public static let maxSideBlocksPerSlot = 2
    /// All side blocks together.
    public static let maxSideBytes = 32 << 20
    /// Signed headers remembered for equivocation checks (about 2 rounds of a large consortium).
    static let maxSeenHeaders = 4096

    struct SlotKey: Hashable {
        let producer: UInt16
        let slot: UInt64
    }

    /// Equivocations seen and not yet taken by `takeEquivocations`.
    public var pendingEquivocations: [Equivocation] { equivocations }

    /// Returns and forgets the queued equivocations (the node reports each once).
    public func takeEquivocations() -> [Equivocation] {
        defer { equivocations.removeAll() }
        return equivocations
    }

    /// Remembers `block`'s signed header under (producer, slot); queues an equivocation when
    /// another header was already seen there. At most one report per producer is queued
    /// until taken, and none for a producer the chain already excluded.
    func noteSignedHeader(_ block: Block, slot: UInt64) {
        let key = SlotKey(producer: block.header.producer, slot: slot)
        let signed = EvidenceTx.SignedHeader(block)
        if let earlier = seenHeaders[key] {
            guard earlier.header != signed.header else { return }
            let excluded = node(key.producer)?.excluded ?? true
            if !excluded, !equivocations.contains(where: { $0.producer == key.producer }) {
                equivocations.append(Equivocation(producer: key.producer, slot: slot, first: earlier, second: signed))
            }
            return
        }
        if seenHeaders.count >= Ledger.maxSeenHeaders {
            // Forget the oldest half by slot: equivocations are reported within a round or two.
            let cut = seenHeaders.keys.map(\.slot).sorted()[seenHeaders.count / 2]
            seenHeaders = seenHeaders.filter { $0.key.slot >= cut }
        }
        seenHeaders[key] = signed
    }

    /// The side-branch admission rules above, for a block whose signature has been checked.
    func admitSideBlock(_ block: Block, slot: UInt64, parentIsCanonical: Bool) throws(LedgerError) -> Int {
        let producer = block.header.producer
        guard let info = node(producer), !info.excluded else {
            throw .reject(.producer, "side-branch block by node \(producer), which may not produce")
        }
        // Only where the branch provably shares the tip's schedule: the parent is a canonical
        // block of the tip's round (so the round was entered after the same block on both
        // branches) and the block's slot is in that round too. Deeper forks may have elected
        // or shuffled differently, so there only the producer's standing is checked.
        let k = UInt64(genesis.activeProducers)
        let round = state.core.round
        if parentIsCanonical, let i = pendingIndex[block.header.previousHash],
           let parentSlot = state.slot(of: pending[i].block.header.timestamp),
           parentSlot / k == round, slot / k == round {
            let expected = state.core.schedule[Int(slot % k)]
            guard producer == expected else {
                throw .reject(.producer, "side-branch block for slot \(slot), which belongs to node \(expected), not \(producer)")
            }
        }
        let sameSlot = side.values.reduce(0) { $0 + ($1.slot == slot ? 1 : 0) }
        guard sameSlot < Ledger.maxSideBlocksPerSlot else {
            throw .reject(.size, "already \(sameSlot) side-branch blocks for slot \(slot)")
        }
        let bytes = block.encoded.count
        let held = side.values.reduce(0) { $0 + $1.bytes }
        guard held + bytes <= Ledger.maxSideBytes else {
            throw .reject(.size, "side branches hold \(held) bytes; a block of \(bytes) would exceed \(Ledger.maxSideBytes)")
        }
        return bytes
    }

    /// Remembers that `hash`'s branch died below the irreversible block, within a bound (a
    /// forgotten dead fork is refused again by the link or irreversibility rules).
    func rememberDeadFork(_ hash: [UInt8]) {
        if deadForks.count >= Ledger.maxSeenHeaders { deadForks.removeAll(keepingCapacity: true) }
        deadForks.insert(hash)
    }
}
