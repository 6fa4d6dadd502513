// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrNode
import EhrProtocol
import EhrStore
import Synchronization

/// The demo's simulated clock. Blocks sit on the slot grid (docs/LEDGER.md §3) and the demo
/// produces them back to back, so ledger time runs ahead of the wall clock: every actor in the
/// demo (ledger, data owner, requester) reads this clock, which moves to each slot's time.
final class SimulatedClock: Sendable {
    private let millis: Mutex<UInt64>
    init(_ start: UInt64) { millis = Mutex(start) }
    var now: UInt64 { millis.withLock { $0 } }
    func set(_ t: UInt64) { millis.withLock { $0 = t } }
    var closure: @Sendable () -> UInt64 { { [self] in self.now } }
}

/// Step 1 (DESIGN.md §1, §3, §4): n authorities with their node keys, a genesis, a durable
/// SQLite ledger and a record store in the work directory, and the block production of the
/// scheduled producers.
final class Consortium {
    let options: DemoOptions
    let workdir: String
    let ledgerPath: String
    let storeName = "st-mary-records"
    /// Ed25519 ledger keys; ledger node index k − 1 is authority k.
    let nodeKeys: [NodeSigningKey]
    /// The DKG's own channel keys (Ed25519 signing ‖ X25519 agreement, docs/DKG-HOSTS.md §1).
    let dkgKeys: [DKGNodeKey]
    let names: [String]
    let genesis: Genesis
    let clock: SimulatedClock
    var ledger: Ledger
    let store: SQLiteRecordStore
    /// Cha–Cheon verifier for identity transactions; nil context before the DKG.
    var verifier: LedgerSignatureVerifier

    init(options: DemoOptions, workdir: String) throws {
        self.options = options
        self.workdir = workdir
        ledgerPath = workdir + "/ledger.sqlite"
        let n = options.authorities
        names = (1...n).map { Consortium.authorityName($0) }
        nodeKeys = try (0..<n).map { _ in try NodeSigningKey.generate() }
        dkgKeys = try (0..<n).map { _ in try DKGNodeKey.generate() }
        // Stakes grow with the index, so without votes the last K authorities would produce;
        // the election of step 4 changes that (DESIGN.md §3, docs/LEDGER.md §4).
        let nodes = (0..<n).map { [names, nodeKeys] i in
            Genesis.Node(name: Array(names[i].utf8), key: nodeKeys[i].publicKey, stake: UInt64(100 + 10 * i))
        }
        // Genesis on a whole second of the wall clock; 1-second slots.
        let start = Platform.unixMillis() / 1000 * 1000
        let seed = try SystemRandom.bytes(32)
        genesis = Genesis(chainName: Array("ehrshare-demo-consortium".utf8), genesisTime: start, slotMillis: 1000,
                          activeProducers: UInt16(options.activeProducers), seed: seed, nodes: nodes)
        clock = SimulatedClock(start)
        verifier = LedgerSignatureVerifier(context: nil)
        ledger = try Ledger.open(path: ledgerPath, genesis: genesis, verifier: verifier, clock: clock.closure)
        store = try SQLiteRecordStore(path: workdir + "/records.sqlite", name: storeName)
        try Platform.writeFile(workdir + "/genesis.bin", genesis.encoded)
    }

    static func authorityName(_ k: Int) -> String {
        let known = ["st-mary-hospital", "city-clinic", "national-insurer", "medical-institute", "county-hospital"]
        return k <= known.count ? "authority-\(k):\(known[k - 1])" : "authority-\(k)"
    }

    /// The roster of the DKG (PROTOCOL.md §4: sid binds the ordered authority list).
    func dkgRoster() throws -> [DKGRosterEntry] {
        try (0..<options.authorities).map { i in
            DKGRosterEntry(name: try Identity(names[i]), keys: dkgKeys[i].publicKey)
        }
    }

    /// The timestamp the next block will carry (identity transactions are stamped with it,
    /// so that they fall within the replay window of their block, docs/LEDGER.md §3).
    var nextBlockTime: UInt64 { ledger.timestamp(of: ledger.tipSlot + 1) }

    /// Produces the next block with the producer scheduled for the next slot, carrying `txs`.
    /// - Returns: the block and its producer (ledger node index).
    @discardableResult
    func produce(_ txs: [Transaction] = []) throws -> (block: Block, producer: UInt16) {
        let slot = ledger.tipSlot + 1
        guard let producer = ledger.scheduledProducer(slot: slot) else {
            throw DemoAbort(description: "no producer scheduled for slot \(slot)")
        }
        clock.set(ledger.timestamp(of: slot))
        let block = try ledger.makeBlock(slot: slot, producer: producer, key: nodeKeys[Int(producer)],
                                         transactions: txs)
        let outcome = try ledger.submit(block)
        guard outcome == .extended else { throw DemoAbort(description: "block \(block.height) did not extend the chain") }
        return (block, producer)
    }

    /// Produces empty blocks until the tip is the last slot of its round (round r = slots
    /// rK … rK + K − 1, docs/LEDGER.md §4), so that the next block opens a new round.
    func produceToRoundEnd() throws -> Int {
        let k = UInt64(options.activeProducers)
        var made = 0
        while (ledger.tipSlot + 1) % k != 0 {
            try produce()
            made += 1
        }
        return made
    }

    /// Reopens the ledger from disk with a new verifier: `Ledger.open` re-verifies every
    /// stored block (links, producers, signatures, transaction rules) while loading.
    func reopen(verifier: LedgerSignatureVerifier) throws -> UInt64 {
        self.verifier = verifier
        ledger = try Ledger.open(path: ledgerPath, genesis: genesis, verifier: verifier, clock: clock.closure)
        return ledger.openReport.blocksVerified
    }

    func nodeName(_ index: UInt16) -> String {
        Int(index) < names.count ? names[Int(index)] : "node \(index)"
    }
}
