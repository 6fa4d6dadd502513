// SPDX-License-Identifier: Apache-2.0
import EhrStore

/// The consortium's fixed parameters: block 0 of every chain.
///
/// Layout (`"EHRS" 01 0x50`): `chainName id ‖ genesisTime u64 (Unix ms) ‖ slotMillis u32 ‖
/// K u16 ‖ replayWindowMillis u32 ‖ maxDriftMillis u32 ‖ seed[32] ‖ nodeCount u16 ‖
/// (name id ‖ nodeKey[32] ‖ stake u64) × nodeCount`. The genesis hash (SHA-256 of the
/// encoding) is block 0's hash, the link of block 1, and the chain id every signature binds.
public struct Genesis: Sendable, Equatable {
    /// A founding node: name, Ed25519 public key and initial stake.
    public struct Node: Sendable, Equatable {
        public var name: [UInt8]
        public var key: [UInt8]
        public var stake: UInt64

        public init(name: [UInt8], key: [UInt8], stake: UInt64) {
            self.name = name
            self.key = key
            self.stake = stake
        }
    }

    public var chainName: [UInt8]
    /// Unix ms of slot 0; block timestamps are `genesisTime + slot × slotMillis`.
    public var genesisTime: UInt64
    public var slotMillis: UInt32
    /// Number of active producers (and slots per round).
    public var activeProducers: UInt16
    /// Identity-signed transactions must be within this many ms of their block's time.
    public var replayWindowMillis: UInt32
    /// How far ahead of the local clock a received block's timestamp may be; below one slot
    /// (`validate`), so that no producer can publish a block for a slot that has not begun
    /// anywhere yet and so take the next producer's slot.
    public var maxDriftMillis: UInt32
    /// Seed mixed into every round's shuffle.
    public var seed: [UInt8]
    public var nodes: [Node]

    public init(
        chainName: [UInt8], genesisTime: UInt64, slotMillis: UInt32, activeProducers: UInt16,
        replayWindowMillis: UInt32 = 300_000, maxDriftMillis: UInt32? = nil, seed: [UInt8], nodes: [Node]
    ) {
        self.chainName = chainName
        self.genesisTime = genesisTime
        self.slotMillis = slotMillis
        self.activeProducers = activeProducers
        self.replayWindowMillis = replayWindowMillis
        // Half a slot unless given: clocks of NTP-synchronised hosts agree far better than that.
        self.maxDriftMillis = maxDriftMillis ?? slotMillis / 2
        self.seed = seed
        self.nodes = nodes
    }

    public var encoded: [UInt8] {
        var w = WireWriter(type: .genesis)
        w.id(chainName)
        w.u64(genesisTime)
        w.u32(slotMillis)
        w.u16(activeProducers)
        w.u32(replayWindowMillis)
        w.u32(maxDriftMillis)
        w.raw(seed)
        w.u16(UInt16(truncatingIfNeeded: nodes.count))
        for n in nodes {
            w.id(n.name)
            w.raw(n.key)
            w.u64(n.stake)
        }
        return w.bytes
    }

    /// SHA-256 of the encoding.
    public var hash: [UInt8] { SHA256.hash(encoded) }

    /// Decodes and checks (`validate()`) a genesis object.
    public static func decode(_ bytes: [UInt8]) throws(LedgerError) -> Genesis {
        var r = try WireReader(bytes, type: .genesis, what: "genesis")
        let name = try r.idBytes("genesis.chainName", limit: 255)
        let time = try r.u64("genesis.time")
        let slot = try r.u32("genesis.slotMillis")
        let k = try r.u16("genesis.K")
        let window = try r.u32("genesis.replayWindow")
        let drift = try r.u32("genesis.maxDrift")
        let seed = try r.raw(32, "genesis.seed")
        let count = Int(try r.u16("genesis.nodeCount"))
        var nodes: [Node] = []
        for _ in 0..<count {
            nodes.append(
                Node(name: try r.idBytes("genesis.node.name", limit: 255), key: try r.raw(32, "genesis.node.key"),
                     stake: try r.u64("genesis.node.stake")))
        }
        try r.finish("genesis")
        let g = Genesis(
            chainName: name, genesisTime: time, slotMillis: slot, activeProducers: k, replayWindowMillis: window,
            maxDriftMillis: drift, seed: seed, nodes: nodes)
        try g.validate()
        return g
    }

    /// Checks the parameters: 1 ≤ K ≤ node count ≤ 65535, slot ≥ 1 ms, drift < slot, 32-byte seed,
    /// unique names and keys, valid Ed25519 keys, total stake > 0 without overflow.
    public func validate() throws(LedgerError) {
        guard !chainName.isEmpty, chainName.count <= 255 else { throw .reject(.genesis, "chain name must be 1-255 bytes") }
        guard slotMillis >= 1 else { throw .reject(.genesis, "slot length must be at least 1 ms") }
        guard maxDriftMillis < slotMillis else {
            throw .reject(.genesis, "clock drift bound \(maxDriftMillis) ms must be below the slot length \(slotMillis) ms")
        }
        guard seed.count == 32 else { throw .reject(.genesis, "seed must be 32 bytes") }
        guard nodes.count <= Int(UInt16.max) else { throw .reject(.genesis, "too many nodes") }
        guard activeProducers >= 1, Int(activeProducers) <= nodes.count else {
            throw .reject(.genesis, "K = \(activeProducers) must be in 1...\(nodes.count) (the node count)")
        }
        var names = Set<[UInt8]>()
        var keys = Set<[UInt8]>()
        var total: UInt64 = 0
        for (i, n) in nodes.enumerated() {
            guard !n.name.isEmpty, n.name.count <= 255 else { throw .reject(.genesis, "node \(i): name must be 1-255 bytes") }
            guard names.insert(n.name).inserted else { throw .reject(.genesis, "node \(i): duplicate name") }
            guard keys.insert(n.key).inserted else { throw .reject(.genesis, "node \(i): duplicate key") }
            guard Ed25519.isValidPublicKey(n.key) else { throw .reject(.genesis, "node \(i): invalid Ed25519 key") }
            let (sum, overflow) = total.addingReportingOverflow(n.stake)
            guard !overflow else { throw .reject(.genesis, "total stake overflows") }
            total = sum
        }
        guard total > 0 else { throw .reject(.genesis, "total stake must be positive") }
    }
}
