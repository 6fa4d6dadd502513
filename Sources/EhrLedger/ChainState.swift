// SPDX-License-Identifier: Apache-2.0

/// The replicated state machine: applying the canonical blocks in order from genesis gives
/// the same `ChainState` on every node. Applying a block either succeeds and returns the
/// undo data for it, or throws and leaves the state exactly as it was.
struct ChainState: Sendable {
    let genesis: Genesis
    let genesisHash: [UInt8]
    let k: Int

    var core: ChainCore
    /// recordId → record.
    private(set) var records: [[UInt8]: RecordInfo] = [:]
    /// (u16-length record id ‖ identity) → grant standing.
    private(set) var grants: [[UInt8]: GrantInfo] = [:]
    /// (u16-length signer id ‖ nonce) of every identity-signed transaction so far.
    private(set) var nonces: Set<[UInt8]> = []
    /// request transaction id → request.
    private(set) var requests: [[UInt8]: RequestInfo] = [:]
    /// Undo entries of the block being applied.
    private var journal: [UndoEntry] = []

    /// The state right after genesis (which must already be validated).
    init(genesis: Genesis) {
        self.genesis = genesis
        self.genesisHash = genesis.hash
        self.k = Int(genesis.activeProducers)
        var nodes: [NodeInfo] = []
        var byName: [[UInt8]: UInt16] = [:]
        var byKey: [[UInt8]: UInt16] = [:]
        for (i, n) in genesis.nodes.enumerated() {
            nodes.append(NodeInfo(name: n.name, key: n.key, stake: n.stake, sequence: 0, producedBlocks: 0, missedSlots: 0))
            byName[n.name] = UInt16(i)
            byKey[n.key] = UInt16(i)
        }
        let active = Election.activeSet(nodes: nodes, votes: [:], k: k)
        core = ChainCore(
            nodes: nodes, nodeByName: byName, nodeByKey: byKey, votes: [:], height: 0, tipHash: genesisHash,
            tipTimestamp: genesis.genesisTime, tipSlot: 0, round: 0, active: active,
            schedule: Election.schedule(active: active, genesisSeed: genesis.seed, round: 0, roundSeed: genesisHash, k: k),
            beaconSeed: genesisHash)
    }

    // MARK: - Slots and rounds

    /// The slot of a timestamp on the slot grid, or nil when it is before genesis or off the grid.
    func slot(of timestamp: UInt64) -> UInt64? {
        guard timestamp >= genesis.genesisTime else { return nil }
        let offset = timestamp - genesis.genesisTime
        let length = UInt64(genesis.slotMillis)
        guard offset % length == 0 else { return nil }
        return offset / length
    }

    /// The timestamp of `slot` (saturating, so any slot is safe to ask about).
    func timestamp(of slot: UInt64) -> UInt64 {
        let (product, o1) = slot.multipliedReportingOverflow(by: UInt64(genesis.slotMillis))
        let (sum, o2) = genesis.genesisTime.addingReportingOverflow(product)
        return o1 || o2 ? UInt64.max : sum
    }

    /// Who must produce `slot` in a block built on the current tip (slot > tip slot).
    func scheduledProducer(slot: UInt64) -> UInt16? {
        let r = slot / UInt64(k)
        if r == core.round { return core.schedule[Int(slot % UInt64(k))] }
        guard r > core.round else { return nil }
        let active = Election.activeSet(nodes: core.nodes, votes: core.votes, k: k)
        let order = Election.schedule(active: active, genesisSeed: genesis.seed, round: r, roundSeed: core.beaconSeed, k: k)
        guard order.count == k else { return nil }
        return order[Int(slot % UInt64(k))]
    }

    /// Moves the round machinery to `slot`: charges every skipped slot since the tip to its
    /// scheduled producer and elects the producers of every round entered (votes cast up to
    /// the tip count from the next round on). Whole skipped rounds are charged in one step
    /// (each active producer misses exactly one slot per round, whatever the shuffle), so a
    /// long gap costs O(K), not O(gap).
    mutating func enter(slot: UInt64) {
        let kk = UInt64(k)
        var s = core.tipSlot + 1
        // The rest of the round that follows the tip.
        if s < slot {
            let r = s / kk
            if r != core.round { startRound(r) }
            let end = min(r * kk <= UInt64.max - kk ? r * kk + kk : UInt64.max, slot)
            charge(from: s, to: end)
            s = end
        }
        // Whole rounds without a block: same state, so the same active set in each. Each of
        // the K slots of a round is charged to its producer; with K active producers that is
        // one slot each; with fewer (after exclusions) the schedule repeats them and the K
        // slots are split evenly, in active-set order (deterministic, O(K) for any gap).
        let target = slot / kk
        if s < slot, target > s / kk {
            let whole = target - s / kk
            let active = Election.activeSet(nodes: core.nodes, votes: core.votes, k: k)
            for (i, p) in active.enumerated() where !active.isEmpty {
                let share = UInt64(k / active.count + (i < k % active.count ? 1 : 0))
                core.nodes[Int(p)].missedSlots += whole &* share
            }
            s = target * kk
        }
        if target != core.round { startRound(target) }
        charge(from: s, to: slot)
    }

    /// Charges slots `from..<to` (all in the current round) as missed.
    private mutating func charge(from: UInt64, to: UInt64) {
        guard from < to else { return }
        let kk = UInt64(k)
        for m in from..<to {
            core.nodes[Int(core.schedule[Int(m % kk)])].missedSlots += 1
        }
    }

    private mutating func startRound(_ r: UInt64) {
        core.active = Election.activeSet(nodes: core.nodes, votes: core.votes, k: k)
        core.schedule = Election.schedule(active: core.active, genesisSeed: genesis.seed, round: r, roundSeed: core.beaconSeed, k: k)
        core.round = r
    }

    // MARK: - Journaled mutations of the large maps

    enum UndoEntry: Sendable {
        case record([UInt8], RecordInfo?)
        case grant([UInt8], GrantInfo?)
        case nonce([UInt8])
        case request([UInt8], RequestInfo?)
    }

    mutating func setRecord(_ id: [UInt8], _ value: RecordInfo) {
        journal.append(.record(id, records[id]))
        records[id] = value
    }

    mutating func setGrant(_ key: [UInt8], _ value: GrantInfo) {
        journal.append(.grant(key, grants[key]))
        grants[key] = value
    }

    mutating func insertNonce(_ key: [UInt8]) {
        if nonces.insert(key).inserted { journal.append(.nonce(key)) }
    }

    mutating func setRequest(_ id: [UInt8], _ value: RequestInfo) {
        journal.append(.request(id, requests[id]))
        requests[id] = value
    }

    /// Starts journaling a block; returns the core snapshot to restore on undo.
    mutating func beginBlock() -> ChainCore {
        journal.removeAll(keepingCapacity: true)
        return core
    }

    /// Ends the block and hands back its undo data.
    mutating func endBlock(_ saved: ChainCore) -> BlockUndo {
        let undo = BlockUndo(core: saved, entries: journal)
        journal.removeAll(keepingCapacity: true)
        return undo
    }

    /// Restores the state from before the block whose undo data this is.
    mutating func revert(_ undo: BlockUndo) {
        for entry in undo.entries.reversed() {
            switch entry {
            case let .record(key, old): records[key] = old
            case let .grant(key, old): grants[key] = old
            case let .nonce(key): nonces.remove(key)
            case let .request(key, old): requests[key] = old
            }
        }
        core = undo.core
        journal.removeAll(keepingCapacity: true)
    }

    static func grantKey(record: [UInt8], identity: [UInt8]) -> [UInt8] {
        var w = WireWriter()
        w.id(record)
        w.raw(identity)
        return w.bytes
    }

    static func nonceKey(signer: [UInt8], nonce: [UInt8]) -> [UInt8] {
        var w = WireWriter()
        w.id(signer)
        w.raw(nonce)
        return w.bytes
    }
}
