// SPDX-License-Identifier: Apache-2.0
import EhrStore

/// The consortium ledger: a verified, durable, fork-aware chain of blocks and its state.
///
/// * `open` (or `inMemory`) re-verifies every stored block (checksums, hash links, Merkle
///   roots, producer and transaction signatures, every rule) before returning.
/// * `submit` validates a block against its parent's state; a block on the tip is appended
///   durably (fsynced) before `submit` returns; a longer fork that does not touch an
///   irreversible block replaces the reversible tail in one transaction.
/// * Time comes only from `clock` (Unix ms), read once per `submit` to refuse blocks from
///   the future; every other rule depends on the chain alone, so replays are deterministic.
///
/// Not thread-safe: use one `Ledger` from one thread at a time.
public final class Ledger {
    /// What `submit` did with a valid block.
    public enum SubmitOutcome: Sendable, Equatable {
        /// The block extended the canonical chain.
        case extended
        /// The block completed a longer fork; blocks above `forkHeight` were replaced.
        case reorganized(forkHeight: UInt64, replaced: Int)
        /// The block is kept on a shorter side branch (not yet validated against state).
        case sideBranch
    }

    /// What `open` found.
    public struct OpenReport: Sendable, Equatable {
        /// Blocks above genesis that verified and were loaded.
        public var blocksVerified: UInt64
        /// When the tail was bad and cut: the first removed height and why it was bad.
        public var truncatedFrom: UInt64?
        public var truncationReason: String?
    }

    /// How `open` treats a block that fails verification.
    public enum Recovery: Sendable {
        /// Cut only a bad *last* block (a torn or damaged tail); a bad block below the tail
        /// is reported as `corrupt(height:)` and nothing is changed. The default.
        case tailOnly
        /// Report any bad block as `corrupt(height:)`, change nothing.
        case none
        /// Cut the chain back to the last good block wherever the first bad one is
        /// (explicit repair; later blocks are lost).
        case truncate
    }

    struct PendingBlock {
        let block: Block
        let hash: [UInt8]
        let undo: BlockUndo
        /// The active producer set of the block's round (for irreversibility).
        let active: [UInt16]
    }

    struct SideBlock {
        let block: Block
        /// Height of the canonical block the branch leaves from.
        let forkHeight: UInt64
        /// The block's slot and encoded size (for the side-branch caps).
        let slot: UInt64
        let bytes: Int
    }

    public let genesis: Genesis
    public let genesisHash: [UInt8]
    let store: BlockStore
    let verifier: any IdentitySignatureVerifier
    let clock: @Sendable () -> UInt64
    var state: ChainState
    /// Canonical blocks above the last irreversible block, oldest first.
    var pending: [PendingBlock] = []
    var pendingIndex: [[UInt8]: Int] = [:]
    var libHeight: UInt64 = 0
    var libHash: [UInt8]
    var side: [[UInt8]: SideBlock] = [:]
    /// Side blocks dropped because their branch leaves below the irreversible block (bounded).
    var deadForks: Set<[UInt8]> = []
    /// Signed headers by (producer, slot), for equivocation detection (bounded).
    var seenHeaders: [SlotKey: EvidenceTx.SignedHeader] = [:]
    var equivocations: [Equivocation] = []
    public internal(set) var openReport = OpenReport(blocksVerified: 0, truncatedFrom: nil, truncationReason: nil)

    init(genesis: Genesis, store: BlockStore, verifier: any IdentitySignatureVerifier, clock: @escaping @Sendable () -> UInt64) {
        self.genesis = genesis
        self.genesisHash = genesis.hash
        self.store = store
        self.verifier = verifier
        self.clock = clock
        self.state = ChainState(genesis: genesis)
        self.libHash = genesisHash
    }

    /// The processors this process may use (the parallel work of `open`).
    public static var processorCount: Int { max(1, ProcessInfoLite.activeProcessorCount) }

    /// A ledger held in an in-memory SQLite database (tests, simulations).
    public static func inMemory(
        genesis: Genesis, verifier: any IdentitySignatureVerifier, clock: @escaping @Sendable () -> UInt64
    ) throws(LedgerError) -> Ledger {
        try open(path: ":memory:", genesis: genesis, verifier: verifier, clock: clock)
    }

    // MARK: - Chain queries

    public var height: UInt64 { state.core.height }
    public var tipHash: [UInt8] { state.core.tipHash }
    public var tipTimestamp: UInt64 { state.core.tipTimestamp }
    public var tipSlot: UInt64 { state.core.tipSlot }
    /// Height of the last irreversible block (0 = genesis).
    public var lastIrreversibleHeight: UInt64 { libHeight }
    public var lastIrreversibleHash: [UInt8] { libHash }
    /// The DPoS round of the tip's slot, its active producers (sorted) and schedule.
    public var round: UInt64 { state.core.round }
    public var activeProducers: [UInt16] { state.core.active }
    public var schedule: [UInt16] { state.core.schedule }

    /// Slot of a timestamp on the grid (nil if before genesis or off the grid).
    public func slot(of timestamp: UInt64) -> UInt64? { state.slot(of: timestamp) }
    /// Timestamp of a slot.
    public func timestamp(of slot: UInt64) -> UInt64 { state.timestamp(of: slot) }
    /// The producer of `slot` for a block built on the current tip (nil for past slots).
    public func scheduledProducer(slot: UInt64) -> UInt16? {
        slot > state.core.tipSlot ? state.scheduledProducer(slot: slot) : nil
    }

    // MARK: - State queries

    public var nodeCount: Int { state.core.nodes.count }
    public func node(_ index: UInt16) -> NodeInfo? {
        Int(index) < state.core.nodes.count ? state.core.nodes[Int(index)] : nil
    }
    public func nodeIndex(name: [UInt8]) -> UInt16? { state.core.nodeByName[name] }
    /// The next sequence number `index` must use in a register (as sponsor), vote or dkg.
    public func nextSequence(node index: UInt16) -> UInt64? { node(index).map { $0.sequence + 1 } }
    public func vote(of voter: UInt16) -> [UInt16] { state.core.votes[voter] ?? [] }
    public func record(id: [UInt8]) -> RecordInfo? { state.records[id] }
    public func grant(record: [UInt8], identity: [UInt8]) -> GrantInfo? {
        state.grants[ChainState.grantKey(record: record, identity: identity)]
    }
    /// An accepted request by its transaction id, with its proxies and receipts.
    public func request(id: [UInt8]) -> RequestInfo? { state.requests[id] }

    // MARK: - Blocks

    /// The canonical block at `height` (≥ 1), read from storage and checked against its checksum.
    public func block(height: UInt64) throws(LedgerError) -> Block {
        guard height >= 1, height <= state.core.height, let row = try store.row(height: height) else {
            throw .notFound("no block at height \(height)")
        }
        return try Ledger.verifiedBlock(row)
    }

    /// Height and position of a canonical transaction, re-checked against the stored block.
    public func transactionLocation(id: [UInt8]) throws(LedgerError) -> (height: UInt64, position: Int)? {
        guard let loc = try store.transactionLocation(id: id) else { return nil }
        let b = try block(height: loc.height)
        guard loc.position < b.transactions.count, b.transactions[loc.position].id == id else {
            throw .corrupt(height: loc.height, reason: "transaction index row does not match the block")
        }
        return loc
    }

    /// A canonical transaction by id, with the height of its block (re-read and re-checked).
    public func transaction(id: [UInt8]) throws(LedgerError) -> (transaction: Transaction, height: UInt64)? {
        guard let loc = try transactionLocation(id: id) else { return nil }
        return (try block(height: loc.height).transactions[loc.position], loc.height)
    }

    /// Builds and signs a block on the current tip for `slot` (does not submit it).
    public func makeBlock(
        slot: UInt64, producer: UInt16, key: NodeSigningKey, transactions: [Transaction] = []
    ) throws(LedgerError) -> Block {
        let round = slot / UInt64(genesis.activeProducers)
        return try Block.make(
            height: state.core.height + 1, previousHash: state.core.tipHash, timestamp: timestamp(of: slot),
            producer: producer, transactions: transactions,
            beacon: try key.sign(RoundBeacon.message(genesisHash: genesisHash, round: round)), key: key)
    }

    /// Builds and signs a block for `slot` on the current tip from the `candidates` that pass
    /// every rule in order (a mempool's view); the others are returned with their rejection.
    public func makeBlock(
        slot: UInt64, producer: UInt16, key: NodeSigningKey, selecting candidates: [Transaction]
    ) throws(LedgerError) -> (block: Block, rejected: [(index: Int, rejection: Rejection)]) {
        let (accepted, rejected) = try state.select(candidates, slot: slot, verifier: verifier)
        return (try makeBlock(slot: slot, producer: producer, key: key, transactions: accepted), rejected)
    }

    /// Decodes a stored row after checking its checksum, height and hash.
    static func verifiedBlock(_ row: BlockStore.Row) throws(LedgerError) -> Block {
        guard SHA256.hash(row.bytes) == row.checksum else {
            throw .corrupt(height: row.height, reason: "stored bytes do not match their checksum")
        }
        let block: Block
        do { block = try Block.decode(row.bytes) } catch {
            throw .corrupt(height: row.height, reason: "stored block does not decode: \(error)")
        }
        guard block.height == row.height else {
            throw .corrupt(height: row.height, reason: "stored block claims height \(block.height)")
        }
        guard block.hash == row.hash else {
            throw .corrupt(height: row.height, reason: "stored hash does not match the block header")
        }
        return block
    }
}
