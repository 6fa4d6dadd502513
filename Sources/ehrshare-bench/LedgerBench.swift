// SPDX-License-Identifier: Apache-2.0
//
// Ledger cases for ehrshare-bench (called from main.swift). They write SQLite files (WAL,
// synchronous=FULL) in a fresh directory under $TMPDIR (default /tmp), removed afterwards, and
// take minutes, so they run only when the filter starts with "ledger" (`ehrshare-bench ledger`).
// Unlike the micro-benchmarks they report one measured run each (wall clock and CPU time), not
// the fastest of 100 batches.
//
// The consortium: 4 nodes, K = 1 active producer (node 0, the largest stake), 1-second slots,
// every slot filled. With K = 1 the producer of every future slot is known, so runs of blocks
// can be built ahead and handed to `submit(batch:)`; the election and schedule still run for
// every round (here: every block). Node transactions alternate vote (approving node 0) and
// dkg (64-byte payload), senders in turn. Identity transactions are `record` transactions with
// two grants each, signed with real Cha–Cheon SIGNED envelopes (purpose 2) and checked by
// EhrNode's `LedgerSignatureVerifier` with a fresh cache for every ledger opened, as a process
// that starts has: each block's identity signatures are batch-verified on all cores
// (`verifyAll`), then the rules' per-transaction checks hit the cache.
//
// `ledger_verify_100k` and `ledger_policy_lookup` share one chain: the parent builds it, then
// runs `ehrshare-bench ledger-child <dir>` (a child process, so its peak RSS covers only opening,
// verifying and querying the chain, not building it) and removes the directory.

#if canImport(Glibc)
import Glibc
#endif
import EhrCurve
import EhrField
import EhrLedger
import EhrNode
import EhrProtocol
import EhrStore

// MARK: - Shape of the 100 000-block chain

private let chainBlocks: UInt64 = 100_000
private let chainBatch = 1000
/// Every `recordEvery`-th block also carries one identity-signed `record` transaction.
private let recordEvery: UInt64 = 40
private let chainRecords = Int(chainBlocks / recordEvery)
private let ownerCount = 50
private let doctorCount = 97

// MARK: - Measurement helpers

private struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// `x` with `digits` decimals (no Foundation formatting in Sources/).
private func fmt(_ x: Double, _ digits: Int = 1) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let v = Int((x * scale).rounded())
    guard digits > 0 else { return "\(v)" }
    let whole = v / Int(scale), frac = String(v % Int(scale))
    return "\(whole)." + String(repeating: "0", count: digits - frac.count) + frac
}

private func seconds(_ d: Duration) -> Double {
    let (s, atto) = d.components
    return Double(s) + Double(atto) / 1e18
}

/// CPU time (user + system) and peak resident memory of this process so far.
///
/// Peak memory is `VmHWM` from /proc/self/status, the high-water mark of this address space;
/// `ru_maxrss` would do in the parent, but a child started with posix_spawn (vfork, then exec)
/// inherits the parent's peak into its `ru_maxrss` at exec, so the child reads `VmHWM`.
private struct Usage {
    let cpu: Double
    let maxRSSMegabytes: Double

    static func now() -> Usage {
        var ru = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &ru) == 0 else { return Usage(cpu: 0, maxRSSMegabytes: 0) }
        let cpu = Double(ru.ru_utime.tv_sec) + Double(ru.ru_utime.tv_usec) / 1e6
            + Double(ru.ru_stime.tv_sec) + Double(ru.ru_stime.tv_usec) / 1e6
        let kib = peakResidentKiB() ?? Int(ru.ru_maxrss)  // both in KiB
        return Usage(cpu: cpu, maxRSSMegabytes: Double(kib) / 1024)
    }

    /// The `VmHWM:` line of /proc/self/status, in KiB.
    private static func peakResidentKiB() -> Int? {
        guard let f = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(f) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), f) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard text.hasPrefix("VmHWM:") else { continue }
            return Int(String(text.dropFirst(6).filter { $0.isNumber }))
        }
        return nil
    }
}

private func loadAverage() -> String {
    var loads = [Double](repeating: 0, count: 3)
    guard getloadavg(&loads, 3) == 3 else { return "\"unknown\"" }
    return "\"\(fmt(loads[0], 2)) \(fmt(loads[1], 2)) \(fmt(loads[2], 2))\""
}

private func jsonString(_ s: String) -> String {
    "\"" + String(s.map { $0 == "\"" || $0 == "\\" ? "'" : $0 }) + "\""
}

// MARK: - Temporary directory

private func makeTemporaryDirectory() throws -> String {
    let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array("\(base)/ehrledger-bench-XXXXXX".utf8CString)
    let made: String? = template.withUnsafeMutableBufferPointer { buf in
        guard let p = buf.baseAddress, mkdtemp(p) != nil else { return nil }
        return String(cString: p)
    }
    guard let made else { throw BenchFailure("cannot create a directory under \(base)") }
    return made
}

private func ledgerPath(_ dir: String) -> String { dir + "/ledger.sqlite" }

private func fileMegabytes(_ path: String) -> Double {
    var total = 0.0
    for suffix in ["", "-wal"] {
        var st = stat()
        if stat(path + suffix, &st) == 0 { total += Double(st.st_size) / 1_048_576 }
    }
    return total
}

private func removeLedgerDirectory(_ dir: String) {
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(ledgerPath(dir) + suffix) }
    rmdir(dir)
}

// MARK: - Consortium, identities and signed transactions

/// Everything deterministic, so the child process rebuilds the same genesis, master key and
/// record ids without being told.
private final class BenchConsortium {
    static let genesisTime: UInt64 = 1_700_000_000_000
    let keys: [NodeSigningKey]
    let genesis: Genesis
    let genesisHash: [UInt8]
    let masterSecret: Fr
    let context: PREContext
    /// Far enough ahead that no block is "from the future".
    let clock: @Sendable () -> UInt64 = { BenchConsortium.genesisTime + 1_000_000_000_000 }
    private var ownerKeys: [Int: IdentitySigningKey] = [:]

    init() throws {
        let keys = try (0..<4).map { i in try NodeSigningKey(seed: SHA256.hash(Array("bench node \(i)".utf8))) }
        self.keys = keys
        genesis = Genesis(
            chainName: Array("bench-consortium".utf8), genesisTime: BenchConsortium.genesisTime, slotMillis: 1000,
            activeProducers: 1, seed: SHA256.hash(Array("bench round seed".utf8)),
            nodes: (0..<4).map { i in
                Genesis.Node(name: Array("hospital-\(i)".utf8), key: keys[i].publicKey, stake: i == 0 ? 400 : 100)
            })
        genesisHash = genesis.hash
        masterSecret = Fr(reducingBigEndian: SHA256.hash(Array("bench master secret".utf8))
                          + SHA256.hash(Array("bench master secret 2".utf8)).prefix(16))
        context = try PREContext(masterPublicKey: G2Projective.generator.mul(masterSecret).toAffine())
    }

    func open(_ path: String, recovery: Ledger.Recovery = .tailOnly) throws -> Ledger {
        try Ledger.open(path: path, genesis: genesis, verifier: LedgerSignatureVerifier(context: context), clock: clock,
                        recovery: recovery)
    }

    static func owner(_ i: Int) -> String { "patient:\(i % ownerCount)" }
    static func recordId(_ i: Int) -> [UInt8] { SHA256.hash(Array("bench record \(i)".utf8)) }
    static func grantees(_ i: Int) -> [[UInt8]] {
        [Array("doctor:\((i * 7) % doctorCount)".utf8), Array("doctor:\((i * 7 + 1) % doctorCount)".utf8)]
    }

    private func ownerKey(_ i: Int) throws -> IdentitySigningKey {
        if let k = ownerKeys[i % ownerCount] { return k }
        let id = try Identity(BenchConsortium.owner(i))
        let k = IdentitySigningKey(
            uncheckedIdentity: id, key: G1Projective(try IdentityHashes.h1Sig(id)).mul(masterSecret).toAffine())
        ownerKeys[i % ownerCount] = k
        return k
    }

    /// Record `i` (nonce unique per index), signed for a block at `timestamp`.
    func recordTx(_ i: Int, timestamp: UInt64) throws -> Transaction {
        let ct = SHA256.hash(Array("bench ciphertext \(i)".utf8))
        var t = RecordTx(
            owner: Array(BenchConsortium.owner(i).utf8), recordId: BenchConsortium.recordId(i), ciphertextSHA256: ct,
            storageURI: Array("ehrstore://h0/\(Hex.encode(ct))".utf8),
            grants: BenchConsortium.grantees(i).map { AccessGrant(identity: $0) }, timestamp: timestamp,
            nonce: Array(SHA256.hash(Array("bench nonce \(i)".utf8)).prefix(16)))
        t.signature = try SignedMessage.sign(
            purpose: .ledgerTransaction, payload: t.signingMessage(genesisHash: genesisHash), key: try ownerKey(i),
            context: context, timestamp: timestamp, nonce: t.nonce
        ).encoded
        return .record(t)
    }
}

/// Builds signed blocks ahead of the ledger: with K = 1 node 0 produces every slot, and with
/// no missed slots block h is in slot h.
private struct ChainBuilder {
    let net: BenchConsortium
    var height: UInt64
    var tipHash: [UInt8]
    var sequences: [UInt64]
    var nodeTxCount = 0

    init(net: BenchConsortium, ledger: Ledger) {
        self.net = net
        height = ledger.height
        tipHash = ledger.tipHash
        sequences = (0..<4).map { (ledger.nextSequence(node: UInt16($0)) ?? 1) - 1 }
    }

    var nextTimestamp: UInt64 { net.genesis.genesisTime + (height + 1) * UInt64(net.genesis.slotMillis) }

    /// The next node transaction: vote and dkg in turn, senders 0…3 in turn.
    mutating func nodeTx() throws -> Transaction {
        let sender = nodeTxCount % 4
        sequences[sender] += 1
        defer { nodeTxCount += 1 }
        let key = net.keys[sender]
        if (nodeTxCount / 4) % 2 == 0 {
            var t = VoteTx(voter: UInt16(sender), sequence: sequences[sender], candidates: [0])
            try t.sign(with: key, genesisHash: net.genesisHash)
            return .vote(t)
        }
        let payload = SHA256.hash(Array("dkg \(nodeTxCount)".utf8)) + SHA256.hash(Array("dkg' \(nodeTxCount)".utf8))
        var t = DKGTx(sender: UInt16(sender), sequence: sequences[sender], messageType: 1, payload: payload)
        try t.sign(with: key, genesisHash: net.genesisHash)
        return .dkg(t)
    }

    mutating func block(_ txs: [Transaction]) throws -> Block {
        // K = 1: every slot is its own round.
        let round = (nextTimestamp - BenchConsortium.genesisTime) / UInt64(net.genesis.slotMillis)
        let b = try Block.make(
            height: height + 1, previousHash: tipHash, timestamp: nextTimestamp, producer: 0, transactions: txs,
            beacon: try net.keys[0].sign(RoundBeacon.message(genesisHash: net.genesisHash, round: round)),
            key: net.keys[0])
        height += 1
        tipHash = b.hash
        return b
    }
}

// MARK: - Cases

func runLedgerBenchmarks() {
    guard filter.hasPrefix("ledger") else { return }
    if filter == "ledger-child" {
        ledgerChild()
        return
    }
    do {
        let net = try BenchConsortium()
        if "ledger_append_durable".hasPrefix(filter) || filter.hasPrefix("ledger_append_durable") {
            try appendBenchmarks(net)
        }
        if "ledger_verify_100k".hasPrefix(filter) || "ledger_policy_lookup".hasPrefix(filter)
            || filter.hasPrefix("ledger_verify_100k") || filter.hasPrefix("ledger_policy_lookup")
        {
            try chainBenchmarks(net)
        }
    } catch {
        print("{\"case\":\"ledger_setup\",\"error\":\(jsonString("\(error)"))}")
    }
}

/// Case 1: durable appends (one fsynced SQLite transaction per `submit`, or per batch).
private func appendBenchmarks(_ net: BenchConsortium) throws {
    let dir = try makeTemporaryDirectory()
    defer { removeLedgerDirectory(dir) }
    let ledger = try net.open(ledgerPath(dir))
    var builder = ChainBuilder(net: net, ledger: ledger)
    let clock = ContinuousClock()
    var recordIndex = 0

    /// Submits `blocks` one `submit` each (blocks are built and signed before the clock starts).
    func single(_ mode: String, _ blocks: [Block]) throws {
        let txs = blocks.reduce(0) { $0 + $1.transactions.count }
        let u0 = Usage.now()
        let d = try clock.measure {
            for b in blocks {
                guard try ledger.submit(b) == .extended else { throw BenchFailure("block \(b.height) not appended") }
            }
        }
        let s = seconds(d), cpu = Usage.now().cpu - u0.cpu
        print("{\"case\":\"ledger_append_durable\",\"mode\":\"\(mode)\",\"blocks\":\(blocks.count),"
              + "\"tx_per_block\":\(txs / max(1, blocks.count)),\"seconds\":\(fmt(s, 3)),\"cpu_s\":\(fmt(cpu, 3)),"
              + "\"blocks_per_s\":\(fmt(Double(blocks.count) / s)),\"tx_per_s\":\(fmt(Double(txs) / s)),"
              + "\"load\":\(loadAverage())}")
    }

    // One node transaction per block, one commit per block.
    var blocks: [Block] = []
    for _ in 0..<300 {
        let tx = try builder.nodeTx()
        blocks.append(try builder.block([tx]))
    }
    try single("single_block_commit", blocks)

    // 100 node transactions per block.
    blocks = []
    for _ in 0..<50 {
        var txs: [Transaction] = []
        for _ in 0..<100 { txs.append(try builder.nodeTx()) }
        blocks.append(try builder.block(txs))
    }
    try single("single_block_commit", blocks)

    // 100 identity-signed record transactions per block (each verified with two pairings).
    blocks = []
    for _ in 0..<10 {
        let ts = builder.nextTimestamp
        let txs = try (0..<100).map { _ -> Transaction in
            defer { recordIndex += 1 }
            return try net.recordTx(recordIndex, timestamp: ts)
        }
        blocks.append(try builder.block(txs))
    }
    try single("single_block_commit_identity_txs", blocks)

    // Batches of 1000 blocks (one node transaction each), one commit per batch.
    var total = 0.0, best = Double.infinity, cpu = 0.0
    let batches = 5
    for _ in 0..<batches {
        var batch: [Block] = []
        for _ in 0..<chainBatch {
            let tx = try builder.nodeTx()
            batch.append(try builder.block([tx]))
        }
        let u0 = Usage.now()
        var appended = 0
        let d = try clock.measure { appended = try ledger.submit(batch: batch).appended }
        cpu += Usage.now().cpu - u0.cpu
        guard appended == batch.count else { throw BenchFailure("batch append stopped after \(appended) blocks") }
        total += seconds(d)
        best = min(best, seconds(d))
    }
    let n = Double(batches * chainBatch)
    print("{\"case\":\"ledger_append_durable\",\"mode\":\"batch\",\"batches\":\(batches),"
          + "\"blocks_per_batch\":\(chainBatch),\"tx_per_block\":1,\"seconds\":\(fmt(total, 3)),\"cpu_s\":\(fmt(cpu, 3)),"
          + "\"blocks_per_s\":\(fmt(n / total)),\"tx_per_s\":\(fmt(n / total)),"
          + "\"best_batch_blocks_per_s\":\(fmt(Double(chainBatch) / best)),\"load\":\(loadAverage())}")
}

/// Cases 2 and 3: build the 100 000-block chain with batch appends, then open, verify and
/// query it in a child process.
private func chainBenchmarks(_ net: BenchConsortium) throws {
    let dir = try makeTemporaryDirectory()
    defer { removeLedgerDirectory(dir) }
    let clock = ContinuousClock()
    var makeSeconds = 0.0, submitSeconds = 0.0
    let u0 = Usage.now()
    do {
        let ledger = try net.open(ledgerPath(dir))
        var builder = ChainBuilder(net: net, ledger: ledger)
        var recordIndex = 0
        while builder.height < chainBlocks {
            var batch: [Block] = []
            let made = try clock.measure {
                while batch.count < chainBatch, builder.height < chainBlocks {
                    var txs = [try builder.nodeTx()]
                    if (builder.height + 1) % recordEvery == 0 {
                        txs.append(try net.recordTx(recordIndex, timestamp: builder.nextTimestamp))
                        recordIndex += 1
                    }
                    batch.append(try builder.block(txs))
                }
            }
            makeSeconds += seconds(made)
            var appended = 0
            let d = try clock.measure { appended = try ledger.submit(batch: batch).appended }
            submitSeconds += seconds(d)
            guard appended == batch.count else { throw BenchFailure("batch append stopped after \(appended) blocks") }
        }
        guard ledger.height == chainBlocks, recordIndex == chainRecords else {
            throw BenchFailure("built \(ledger.height) blocks and \(recordIndex) records")
        }
    }
    let build = Usage.now()
    print("{\"case\":\"ledger_verify_100k\",\"phase\":\"build\",\"blocks\":\(chainBlocks),"
          + "\"identity_txs\":\(chainRecords),\"node_txs\":\(chainBlocks),\"batch\":\(chainBatch),"
          + "\"make_and_sign_s\":\(fmt(makeSeconds)),\"submit_batch_s\":\(fmt(submitSeconds)),"
          + "\"cpu_s\":\(fmt(build.cpu - u0.cpu)),\"blocks_per_s\":\(fmt(Double(chainBlocks) / submitSeconds)),"
          + "\"file_mb\":\(fmt(fileMegabytes(ledgerPath(dir)))),\"max_rss_mb\":\(fmt(build.maxRSSMegabytes)),"
          + "\"load\":\(loadAverage())}")
    fflush(nil)

    // Open, verify and query in a fresh process.
    let args: [String] = ["ehrshare-bench", "ledger-child", dir, filter]
    var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] = [nil]
    if let tmp = getenv("TMPDIR") { envp.insert(strdup("TMPDIR=" + String(cString: tmp)), at: 0) }
    defer { for p in argv + envp { free(p) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, "/proc/self/exe", nil, nil, &argv, &envp) == 0 else {
        throw BenchFailure("cannot start the child process")
    }
    var status: Int32 = 0
    guard waitpid(pid, &status, 0) == pid, status == 0 else {
        throw BenchFailure("child process failed (wait status \(status))")
    }
}

/// Child process: `ehrshare-bench ledger-child <dir> <parent filter>`.
private func ledgerChild() {
    let args = CommandLine.arguments
    guard args.count >= 4 else {
        print("{\"case\":\"ledger_child\",\"error\":\"usage: ledger-child <dir> <filter>\"}")
        exit(2)
    }
    let path = ledgerPath(args[2]), parentFilter = args[3]
    do {
        let net = try BenchConsortium()
        let clock = ContinuousClock()

        // Case 2: open = full replay and verification from disk; then the audit re-scan.
        let u0 = Usage.now()
        var opened: Ledger?
        let dOpen = try clock.measure { opened = try net.open(path, recovery: .none) }
        guard let ledger = opened else { throw BenchFailure("open returned nothing") }
        let u1 = Usage.now()
        guard ledger.openReport.blocksVerified == chainBlocks else {
            throw BenchFailure("open verified \(ledger.openReport.blocksVerified) blocks")
        }
        print("{\"case\":\"ledger_verify_100k\",\"phase\":\"open\",\"blocks\":\(ledger.openReport.blocksVerified),"
              + "\"identity_txs\":\(chainRecords),\"node_txs\":\(chainBlocks),\"seconds\":\(fmt(seconds(dOpen), 2)),"
              + "\"cpu_s\":\(fmt(u1.cpu - u0.cpu, 2)),\"max_rss_mb\":\(fmt(u1.maxRSSMegabytes)),"
              + "\"file_mb\":\(fmt(fileMegabytes(path))),\"load\":\(loadAverage())}")
        if "ledger_verify_100k".hasPrefix(parentFilter) || parentFilter.hasPrefix("ledger_verify_100k") {
            var verified: UInt64 = 0
            let d = try clock.measure { verified = try ledger.verifyStoredChain() }
            let u2 = Usage.now()
            print("{\"case\":\"ledger_verify_100k\",\"phase\":\"verify_stored_chain\",\"blocks\":\(verified),"
                  + "\"identity_txs\":\(chainRecords),\"node_txs\":\(chainBlocks),\"seconds\":\(fmt(seconds(d), 2)),"
                  + "\"cpu_s\":\(fmt(u2.cpu - u1.cpu, 2)),\"max_rss_mb\":\(fmt(u2.maxRSSMegabytes)),"
                  + "\"load\":\(loadAverage())}")
        }
        fflush(nil)
        if "ledger_policy_lookup".hasPrefix(parentFilter) || parentFilter.hasPrefix("ledger_policy_lookup") {
            try lookupBenchmarks(ledger)
        }
    } catch {
        print("{\"case\":\"ledger_child\",\"error\":\(jsonString("\(error)"))}")
        fflush(nil)
        exit(1)
    }
    fflush(nil)
}

/// Case 3: policy lookups (`record(id:)` + `grant(record:identity:)`) and blocks read by height.
private func lookupBenchmarks(_ ledger: Ledger) throws {
    let clock = ContinuousClock()
    let ids = (0..<chainRecords).map { BenchConsortium.recordId($0) }
    let grantees = (0..<chainRecords).map { BenchConsortium.grantees($0)[$0 % 2] }
    let missingIds = (0..<1000).map { SHA256.hash(Array("bench missing record \($0)".utf8)) }
    let stranger = Array("doctor:not-granted".utf8)
    let lookups = 500_000

    func report(_ kind: String, _ found: Int, _ d: Duration) {
        let s = seconds(d)
        print("{\"case\":\"ledger_policy_lookup\",\"kind\":\"\(kind)\",\"blocks\":\(ledger.height),"
              + "\"records\":\(chainRecords),\"lookups\":\(lookups),\"found\":\(found),\"seconds\":\(fmt(s, 3)),"
              + "\"lookups_per_s\":\(fmt(Double(lookups) / s, 0)),\"ns_per_lookup\":\(fmt(s * 1e9 / Double(lookups))),"
              + "\"load\":\(loadAverage())}")
    }

    // Hits: the record exists and the identity holds an unrevoked grant.
    var found = 0
    var d = clock.measure {
        for k in 0..<lookups {
            let i = k % ids.count
            if let r = ledger.record(id: ids[i]), let g = ledger.grant(record: ids[i], identity: grantees[i]),
                !g.revoked, r.height > 0
            {
                found += 1
            }
        }
    }
    guard found == lookups else { throw BenchFailure("only \(found) of \(lookups) grant lookups hit") }
    report("hit", found, d)

    // Misses: no such record (the grant is not asked for).
    found = 0
    d = clock.measure {
        for k in 0..<lookups {
            let id = missingIds[k % missingIds.count]
            if ledger.record(id: id) != nil, ledger.grant(record: id, identity: stranger) != nil { found += 1 }
        }
    }
    guard found == 0 else { throw BenchFailure("\(found) lookups of missing records hit") }
    report("miss_record", found, d)

    // Misses: the record exists, the identity has no grant.
    found = 0
    d = clock.measure {
        for k in 0..<lookups {
            let i = k % ids.count
            if ledger.record(id: ids[i]) != nil, ledger.grant(record: ids[i], identity: stranger) != nil { found += 1 }
        }
    }
    guard found == 0 else { throw BenchFailure("\(found) lookups of a stranger's grant hit") }
    report("miss_grant", found, d)

    // Blocks by height from disk (SQLite read, checksum, decode, hash check), pseudo-random heights.
    let reads = 20_000
    var x: UInt64 = 0x9e37_79b9_7f4a_7c15
    var txs = 0
    let top = ledger.height
    d = try clock.measure {
        for _ in 0..<reads {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            txs += try ledger.block(height: 1 + (x >> 11) % top).transactions.count
        }
    }
    consume(txs)
    let s = seconds(d)
    print("{\"case\":\"ledger_policy_lookup\",\"kind\":\"block_by_height\",\"blocks\":\(top),\"reads\":\(reads),"
          + "\"seconds\":\(fmt(s, 3)),\"blocks_per_s\":\(fmt(Double(reads) / s, 0)),"
          + "\"us_per_block\":\(fmt(s * 1e6 / Double(reads), 1)),\"load\":\(loadAverage())}")
}
