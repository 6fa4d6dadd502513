// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrStore

/// One PBFT replica: pre-prepare / prepare / commit with N = 3f+1, and a view change when the
/// primary is silent. Every message is Ed25519-signed and verified on receipt.
///
/// Simplifications (stated in docs/CONSENSUS.md): no checkpoints or state transfer; a
/// view-change message carries the prepared batches of the last `certificateWindow` sequence
/// numbers instead of checkpoint proofs, and the prepared certificates are not re-signed proofs.
final class PBFTReplica {
    private struct Key: Hashable {
        let view: UInt64
        let seq: UInt64
    }

    private struct Slot {
        var digest: [UInt8]?
        var batch: [UInt8] = []
        var prepares: [[UInt8]: Set<UInt16>] = [:]
        var commits: [[UInt8]: Set<UInt16>] = [:]
        var prepared = false
        var committed = false
    }

    private struct Certificate {
        let view: UInt64
        let digest: [UInt8]
        let batch: [UInt8]
    }

    static let certificateWindow: UInt64 = 32

    let id: Int
    private unowned let sim: PBFTSim
    private(set) var view: UInt64 = 0
    private var changingTo: UInt64?
    private var changeStartedAt: UInt64 = 0
    private var slots: [Key: Slot] = [:]
    private var certificates: [UInt64: Certificate] = [:]
    private var committedBatches: [UInt64: Certificate] = [:]
    private var executedDigests: [UInt64: [UInt8]] = [:]
    private(set) var executedUpTo: UInt64 = 0
    private var pool: [Int: UInt64] = [:]
    private var executedTx: Set<Int> = []
    private var proposed: Set<Int> = []
    private var nextSeq: UInt64 = 1
    private var viewChanges: [UInt64: [UInt16: [UInt8]]] = [:]
    private var newViewSent: Set<UInt64> = []
    private var lastProgress: UInt64 = 0
    /// Normal-case messages of a view this replica has not installed yet (a new primary's
    /// pre-prepare can overtake its NEW-VIEW); replayed on installation.
    private var future: [PBFTMessage] = []
    private(set) var viewsInstalled = 0
    /// Batches for which this (Byzantine) replica sent conflicting prepares.
    private(set) var equivocations = 0
    let byzantine: Bool

    private var n: Int { sim.nodeCount }
    private var f: Int { (n - 1) / 3 }
    private func primary(_ v: UInt64) -> Int { Int(v % UInt64(n)) }
    private var now: UInt64 { sim.queue.now }

    init(id: Int, sim: PBFTSim, byzantine: Bool) {
        self.id = id
        self.sim = sim
        self.byzantine = byzantine
    }

    // MARK: - Inputs

    func request(_ encoded: [UInt8]) {
        guard let tx = try? Transaction.decode(encoded), let index = sim.work.indexById[tx.id],
            !executedTx.contains(index), pool[index] == nil
        else { return }
        pool[index] = now
    }

    /// Periodic timer: the primary proposes a batch; a backup whose oldest request waited
    /// longer than the timeout suspects the primary and asks for the next view.
    func tick() {
        if byzantine { return }
        if let target = changingTo {
            if now - changeStartedAt >= 2 * sim.config.viewChangeTimeout { startViewChange(target + 1) }
            return
        }
        if primary(view) == id {
            propose()
        } else if let oldest = pool.values.min(), now - oldest >= sim.config.viewChangeTimeout,
            now - lastProgress >= sim.config.viewChangeTimeout
        {
            startViewChange(view + 1)
        }
    }

    func receive(_ bytes: [UInt8]) {
        guard let m = PBFTMessage.decodeVerified(bytes, keys: sim.work.keys) else { return }
        if m.view > view, m.kind == .prePrepare || m.kind == .prepare || m.kind == .commit {
            if future.count < 100_000 { future.append(m) }
            return
        }
        dispatch(m, raw: bytes)
    }

    private func dispatch(_ m: PBFTMessage, raw bytes: [UInt8]) {
        switch m.kind {
        case .prePrepare: onPrePrepare(m)
        case .prepare: onPrepare(m)
        case .commit: onCommit(m)
        case .viewChange: onViewChange(m, raw: bytes)
        case .newView: onNewView(m)
        }
    }

    // MARK: - Normal case

    private func send(_ m: PBFTMessage) -> [UInt8]? {
        guard let bytes = m.signedEncoding(key: sim.work.keys[id]) else { return nil }
        sim.network.broadcast(from: id, bytes)
        return bytes
    }

    private func propose() {
        let pending = pool.keys.filter { !proposed.contains($0) }.sorted().prefix(sim.config.maxTxPerBlock)
        guard !pending.isEmpty else { return }
        for k in pending { proposed.insert(k) }
        prePrepare(seq: nextSeq, batch: Batch.encode(pending.map { sim.work.items[$0].encoded }))
        nextSeq += 1
    }

    private func prePrepare(seq: UInt64, batch: [UInt8]) {
        let digest = SHA256.hash(batch)
        let m = PBFTMessage(kind: .prePrepare, view: view, seq: seq, digest: digest, replica: UInt16(id), payload: batch)
        _ = send(m)
        var slot = slots[Key(view: view, seq: seq)] ?? Slot()
        slot.digest = digest
        slot.batch = batch
        slots[Key(view: view, seq: seq)] = slot
        checkPrepared(Key(view: view, seq: seq))
    }

    private func onPrePrepare(_ m: PBFTMessage) {
        let key = Key(view: m.view, seq: m.seq)
        guard changingTo == nil, m.view == view, Int(m.replica) == primary(view), slots[key]?.digest == nil,
            SHA256.hash(m.payload) == m.digest, let txs = Batch.decode(m.payload)
        else { return }
        // Validate the batch as execution would: every transaction decodes and is signed.
        for t in txs {
            guard let tx = try? Transaction.decode(t), sim.work.verify(tx) else { return }
        }
        var slot = slots[key] ?? Slot()
        slot.digest = m.digest
        slot.batch = m.payload
        slot.prepares[m.digest, default: []].insert(UInt16(id))
        slots[key] = slot
        if byzantine {
            // Conflicting prepares: the real digest to even replicas, a forged one to odd ones.
            let forged = SHA256.hash(m.digest)
            equivocations += 1
            for to in 0..<n where to != id {
                let p = PBFTMessage(
                    kind: .prepare, view: m.view, seq: m.seq, digest: to % 2 == 0 ? m.digest : forged,
                    replica: UInt16(id), payload: [])
                if let bytes = p.signedEncoding(key: sim.work.keys[id]) { sim.network.send(from: id, to: to, bytes) }
            }
            return
        }
        _ = send(PBFTMessage(kind: .prepare, view: m.view, seq: m.seq, digest: m.digest, replica: UInt16(id), payload: []))
        checkPrepared(key)
    }

    private func onPrepare(_ m: PBFTMessage) {
        guard m.view == view, Int(m.replica) != primary(view) else { return }
        let key = Key(view: m.view, seq: m.seq)
        slots[key, default: Slot()].prepares[m.digest, default: []].insert(m.replica)
        checkPrepared(key)
    }

    private func checkPrepared(_ key: Key) {
        guard var slot = slots[key], let digest = slot.digest, !slot.prepared,
            (slot.prepares[digest]?.count ?? 0) >= 2 * f
        else { return }
        slot.prepared = true
        slot.commits[digest, default: []].insert(UInt16(id))
        slots[key] = slot
        certificates[key.seq] = Certificate(view: key.view, digest: digest, batch: slot.batch)
        if !byzantine {
            _ = send(PBFTMessage(kind: .commit, view: key.view, seq: key.seq, digest: digest, replica: UInt16(id), payload: []))
        }
        checkCommitted(key)
    }

    private func onCommit(_ m: PBFTMessage) {
        guard m.view == view else { return }
        let key = Key(view: m.view, seq: m.seq)
        slots[key, default: Slot()].commits[m.digest, default: []].insert(m.replica)
        checkCommitted(key)
    }

    private func checkCommitted(_ key: Key) {
        guard var slot = slots[key], let digest = slot.digest, slot.prepared, !slot.committed,
            (slot.commits[digest]?.count ?? 0) >= 2 * f + 1
        else { return }
        slot.committed = true
        slots[key] = slot
        if key.seq <= executedUpTo {
            // Re-committed after a view change: it must be what this replica already executed.
            if executedDigests[key.seq] != digest && !byzantine { sim.safetyViolation() }
            return
        }
        committedBatches[key.seq] = Certificate(view: key.view, digest: digest, batch: slot.batch)
        while let c = committedBatches[executedUpTo + 1] {
            executedUpTo += 1
            committedBatches[executedUpTo] = nil
            executedDigests[executedUpTo] = c.digest
            lastProgress = now
            var fresh: [Int] = []
            for t in Batch.decode(c.batch) ?? [] {
                guard let tx = try? Transaction.decode(t), let k = sim.work.indexById[tx.id] else { continue }
                pool[k] = nil
                // A request re-proposed after a view change executes once.
                if executedTx.insert(k).inserted { fresh.append(k) }
            }
            if !byzantine { sim.executed(replica: id, seq: executedUpTo, digest: c.digest, transactions: fresh) }
        }
    }

    // MARK: - View change

    private func startViewChange(_ target: UInt64) {
        guard target > view, changingTo.map({ target > $0 }) ?? true else { return }
        changingTo = target
        changeStartedAt = now
        var w = WireWriter()
        let low = executedUpTo > PBFTReplica.certificateWindow ? executedUpTo - PBFTReplica.certificateWindow : 0
        for (seq, c) in certificates.sorted(by: { $0.key < $1.key }) where seq > low {
            w.u64(seq)
            w.u64(c.view)
            w.raw(c.digest)
            w.blob(c.batch)
        }
        let m = PBFTMessage(
            kind: .viewChange, view: target, seq: executedUpTo, digest: [UInt8](repeating: 0, count: 32),
            replica: UInt16(id), payload: w.bytes)
        guard let bytes = send(m) else { return }
        viewChanges[target, default: [:]][UInt16(id)] = bytes
        checkNewView(target)
    }

    private func onViewChange(_ m: PBFTMessage, raw: [UInt8]) {
        guard m.view > view else { return }
        viewChanges[m.view, default: [:]][m.replica] = raw
        // f+1 replicas want a higher view: at least one is honest, so join (liveness rule).
        if !byzantine, (viewChanges[m.view]?.count ?? 0) >= f + 1, changingTo.map({ m.view > $0 }) ?? true {
            startViewChange(m.view)
        }
        checkNewView(m.view)
    }

    private func checkNewView(_ target: UInt64) {
        guard primary(target) == id, !byzantine, !newViewSent.contains(target),
            let vcs = viewChanges[target], vcs.count >= 2 * f + 1
        else { return }
        newViewSent.insert(target)
        var w = WireWriter()
        for (_, bytes) in vcs.sorted(by: { $0.key < $1.key }).prefix(2 * f + 1) { w.blob(bytes) }
        let m = PBFTMessage(
            kind: .newView, view: target, seq: 0, digest: [UInt8](repeating: 0, count: 32), replica: UInt16(id),
            payload: w.bytes)
        guard let bytes = send(m), let verified = PBFTMessage.decodeVerified(bytes, keys: sim.work.keys) else { return }
        onNewView(verified)
    }

    private func onNewView(_ m: PBFTMessage) {
        guard m.view > view, Int(m.replica) == primary(m.view) else { return }
        // Check the proof: 2f+1 distinct, validly signed view-change messages for this view.
        var r = WireIn(raw: m.payload)
        var proofs: [PBFTMessage] = []
        var signers: Set<UInt16> = []
        while r.remaining > 0 {
            guard let raw = (try? r.blob("payload", limit: simMaxBlob)), let vc = PBFTMessage.decodeVerified(raw, keys: sim.work.keys),
                vc.kind == .viewChange, vc.view == m.view, signers.insert(vc.replica).inserted
            else { return }
            proofs.append(vc)
        }
        guard proofs.count >= 2 * f + 1 else { return }
        install(m.view, proofs)
    }

    /// Enters view `v`; the new primary re-proposes every prepared batch the proofs report
    /// (highest view wins) and fills gaps with empty batches.
    private func install(_ v: UInt64, _ proofs: [PBFTMessage]) {
        view = v
        changingTo = nil
        lastProgress = now
        viewsInstalled += 1
        for k in pool.keys { pool[k] = now }
        slots = slots.filter { $0.key.view >= v }
        viewChanges = viewChanges.filter { $0.key > v }
        if primary(v) == id { repropose(proofs) }
        let ready = future.filter { $0.view == v }
        future.removeAll { $0.view <= v }
        for m in ready { dispatch(m, raw: []) }
    }

    private func repropose(_ proofs: [PBFTMessage]) {
        var best: [UInt64: Certificate] = [:]
        var minS = UInt64.max
        for vc in proofs {
            minS = min(minS, vc.seq)
            var r = WireIn(raw: vc.payload)
            while r.remaining > 0 {
                guard let seq = (try? r.u64("field")), let cv = (try? r.u64("field")), let d = (try? r.raw(32, "field")), let b = (try? r.blob("payload", limit: simMaxBlob)) else { break }
                if best[seq].map({ cv > $0.view }) ?? true { best[seq] = Certificate(view: cv, digest: d, batch: b) }
            }
        }
        let maxS = max(best.keys.max() ?? 0, proofs.map(\.seq).max() ?? 0, minS == .max ? 0 : minS)
        if minS != .max, maxS > minS {
            for seq in (minS + 1)...maxS { prePrepare(seq: seq, batch: best[seq]?.batch ?? Batch.encode([])) }
        }
        nextSeq = maxS + 1
        proposed = []
        for seq in best.keys { for t in Batch.decode(best[seq]?.batch ?? []) ?? [] {
            if let tx = try? Transaction.decode(t), let k = sim.work.indexById[tx.id] { proposed.insert(k) }
        } }
    }
}
