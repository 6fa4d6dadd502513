// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrNode
import Logging
import NIOCore

/// The node's state machine: the ledger, the pool, the peers and the production schedule.
///
/// Everything here runs on the node's one event loop (peer channels, the HTTP server and
/// the timers share it), so the ledger, which is not thread-safe, is only ever touched from
/// that thread and no locks are needed. Ledger writes are fsynced on that thread; at
/// consortium block rates (a block per slot) that is a few milliseconds per slot.
final class NodeCore {
    let loop: EventLoop
    let index: UInt16
    let consortium: ConsortiumGenesis.Checked
    let ledger: Ledger
    let pool: TransactionPool
    let clock: SlotClock
    let key: NodeSigningKey
    let logger: Logger
    var counters = NodeCounters()
    var peers: [UInt16: PeerLink] = [:]
    /// Back-off per misbehaving peer index: until when (monotonic ms) and the last penalty.
    var bans: [UInt16: (until: UInt64, penalty: UInt64)] = [:]
    var lastProducedSlot: UInt64 = 0
    /// Open inbound TCP connections (authenticated or not) and the most accepted at once.
    var inboundConnections = 0
    var maxInboundConnections: Int { 2 * nodeCount + 8 }
    var stopping = false
    var slotTask: Scheduled<Void>?
    private var statusTask: RepeatedTask?

    init(loop: EventLoop, index: UInt16, consortium: ConsortiumGenesis.Checked, ledger: Ledger,
         pool: TransactionPool, clock: SlotClock, key: NodeSigningKey, logger: Logger) {
        self.loop = loop
        self.index = index
        self.consortium = consortium
        self.ledger = ledger
        self.pool = pool
        self.clock = clock
        self.key = key
        self.logger = logger
    }

    var nodeCount: Int { consortium.genesis.nodes.count }

    // MARK: - Lifecycle

    func start() {
        loop.assertInEventLoop()
        scheduleSlotTick()
        // Statuses are how peers notice they are behind (or that we are).
        statusTask = loop.scheduleRepeatedTask(initialDelay: .milliseconds(500), delay: .seconds(1)) { [weak self] _ in
            self?.broadcastStatus()
            self?.retryStalledRequests()
        }
    }

    func stop() {
        loop.assertInEventLoop()
        stopping = true
        slotTask?.cancel()
        statusTask?.cancel()
        for link in peers.values { link.channel.close(promise: nil) }
        peers.removeAll()
    }

    // MARK: - Peers

    /// Whether a peer index may connect now (not ourselves, in genesis, not backed off).
    func mayConnect(_ peer: UInt16) -> Bool {
        guard !stopping, peer != index, Int(peer) < nodeCount else { return false }
        if let ban = bans[peer], ban.until > RunClock.monotonicMillis() { return false }
        return true
    }

    /// Milliseconds a dialler must still wait before it may reconnect to `peer`.
    func backoffRemaining(_ peer: UInt16) -> UInt64 {
        guard let ban = bans[peer] else { return 0 }
        let now = RunClock.monotonicMillis()
        return ban.until > now ? ban.until - now : 0
    }

    /// A connection finished its hello. A second connection from the same peer replaces the
    /// first: the newer one is the one the peer is using (the old may be half-dead after a
    /// crash on the other side).
    func peerReady(_ link: PeerLink) {
        loop.assertInEventLoop()
        if let old = peers[link.index], old.channel !== link.channel {
            old.channel.close(promise: nil)
        }
        peers[link.index] = link
        logger.info("peer connected", metadata: ["peer": "\(link.index)", "outbound": "\(link.outbound)"])
        link.send(statusMessage)
    }

    func peerGone(_ channel: Channel, index peer: UInt16) {
        loop.assertInEventLoop()
        guard let link = peers[peer], link.channel === channel else { return }
        peers[peer] = nil
        logger.info("peer disconnected", metadata: ["peer": "\(peer)"])
    }

    /// Cuts a peer off for invalid data or flooding and backs it off: 2 s, doubling to 60 s
    /// for repeat offences; ten quiet minutes after a back-off ends, the next starts at 2 s.
    func penalize(_ peer: UInt16, channel: Channel, reason: String) {
        loop.assertInEventLoop()
        counters.peerViolations += 1
        let now = RunClock.monotonicMillis()
        var last: UInt64 = 1_000
        if let ban = bans[peer], now < ban.until &+ 600_000 { last = ban.penalty }
        let penalty = min(60_000, max(2_000, last * 2))
        bans[peer] = (now + penalty, penalty)
        logger.warning("peer violation: disconnecting", metadata: [
            "peer": "\(peer)", "reason": "\(reason)", "backoffMs": "\(penalty)",
        ])
        channel.close(promise: nil)
        peerGone(channel, index: peer)
    }

    func refused(_ reason: String) {
        counters.refusedConnections += 1
        logger.warning("connection refused", metadata: ["reason": "\(reason)"])
    }

    var statusMessage: PeerMessage {
        .status(height: ledger.height, tip: ledger.tipHash, irreversible: ledger.lastIrreversibleHeight)
    }

    func broadcastStatus() {
        let status = statusMessage
        for link in peers.values { link.send(status) }
    }

    func broadcast(_ message: PeerMessage, except: UInt16?) {
        for (i, link) in peers where i != except { link.send(message) }
    }

    // MARK: - Messages

    /// One message from an authenticated peer. Throws `PeerViolation` for invalid data; the
    /// handler then calls `penalize`.
    func receive(_ message: PeerMessage, from link: PeerLink) throws {
        loop.assertInEventLoop()
        switch message {
        case .hello:
            throw PeerViolation("second hello")
        case let .status(height, _, irreversible):
            link.height = height
            link.irreversible = irreversible
            if height > ledger.height { requestBlocks(from: link, start: ledger.height + 1) }
        case let .transaction(bytes):
            try receiveTransaction(bytes, from: link.index)
        case let .block(bytes):
            try receiveBlock(bytes, from: link)
        case let .getBlocks(from, count):
            serveBlocks(from: from, count: count, to: link)
        case let .blocks(from, blocks):
            try receiveRange(from: from, blocks, link: link)
        }
    }

    /// Admits a transaction to the pool and relays it; a transaction other nodes would also
    /// refuse for state reasons (a stale sequence, a full pool) is dropped silently, one
    /// that can never be valid (bad encoding, bad signature) is a violation.
    func receiveTransaction(_ bytes: [UInt8], from peer: UInt16?) throws {
        let tx: Transaction
        do { tx = try Transaction.decode(bytes) } catch { throw PeerViolation("transaction does not decode: \(error)") }
        if pool.contains(id: tx.id) { return }
        do {
            try pool.submit(tx)
        } catch let LedgerError.rejected(r) where r.rule == .txSignature || r.rule == .encoding {
            throw PeerViolation("invalid transaction: \(r)")
        } catch let e as NodeError {
            if case .transactionTooLarge = e { throw PeerViolation("\(e)") }
            logger.debug("transaction not pooled", metadata: ["reason": "\(e)"])
            return
        } catch {
            logger.debug("transaction not pooled", metadata: ["reason": "\(error)"])
            return
        }
        counters.acceptedTransactions += 1
        broadcast(.transaction(bytes), except: peer)
    }

    /// A transaction from the HTTP API: the same path as from a peer, but the rejection is
    /// returned to the client instead of costing a connection.
    func submitLocal(_ bytes: [UInt8]) -> Result<[UInt8], NodeFailure> {
        let tx: Transaction
        do { tx = try Transaction.decode(bytes) } catch { return .failure(NodeFailure("does not decode: \(error)")) }
        if pool.contains(id: tx.id) { return .success(tx.id) }
        do { try pool.submit(tx) } catch { return .failure(NodeFailure("\(error)")) }
        counters.acceptedTransactions += 1
        broadcast(.transaction(bytes), except: nil)
        return .success(tx.id)
    }

    /// The next sequence number node `voter` should use, counting its pooled votes.
    func nextSequence(node voter: UInt16) -> UInt64? {
        guard var next = ledger.nextSequence(node: voter) else { return nil }
        for case let .vote(v) in pool.transactions where v.voter == voter && v.sequence >= next { next = v.sequence + 1 }
        return next
    }
}
