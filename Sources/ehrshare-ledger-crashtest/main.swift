// SPDX-License-Identifier: Apache-2.0
//
// Child process of the ledger crash tests (Tests/EhrLedgerTests/CrashTests.swift).
//
//   ehrshare-ledger-crashtest <db-path> <blocks> [batch]
//
// Opens (or creates) a ledger with a fixed 4-node genesis, then appends <blocks> blocks,
// each produced by the scheduled node and carrying one node-signed DKG transaction. After
// every append has returned (committed and fsynced) it prints "ok <height> <hash hex>" and
// flushes stdout: the parent treats a printed line as an acknowledgement, SIGKILLs the
// process at a random moment, reopens the database and checks every acknowledged block.
// With "batch", blocks are built on an in-memory copy and appended 50 at a time with
// `submit(batch:)` (one multi-block transaction); each block of a committed batch is printed.
import EhrLedger
#if canImport(Glibc)
import Glibc
#endif

/// The crash tests never carry identity-signed transactions; this verifier refuses all.
struct RefuseAll: IdentitySignatureVerifier {
    func verify(identity: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool { false }
}

func printError(_ message: String) {
    let line = Array("crashtest: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

func fail(_ message: String) -> Never {
    printError(message)
    exit(2)
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}

let args = CommandLine.arguments
guard args.count == 3 || (args.count == 4 && args[3] == "batch"), let count = Int(args[2]) else {
    fail("usage: ehrshare-ledger-crashtest <db> <blocks> [batch]")
}
let batchMode = args.count == 4

do {
    var keys: [NodeSigningKey] = []
    for i in 0..<4 {
        keys.append(try NodeSigningKey(seed: [UInt8](repeating: UInt8(i + 1), count: 32)))
    }
    let genesis = Genesis(
        chainName: Array("crashtest".utf8), genesisTime: 1_700_000_000_000, slotMillis: 1000, activeProducers: 4,
        seed: [UInt8](repeating: 7, count: 32),
        nodes: keys.enumerated().map { Genesis.Node(name: Array("node\($0.offset)".utf8), key: $0.element.publicKey, stake: 100) })
    // Recovery .none: a damaged tail must make the run fail loudly, never be repaired quietly.
    let ledger = try Ledger.open(
        path: args[1], genesis: genesis, verifier: RefuseAll(), clock: { UInt64.max >> 1 }, recovery: .none)
    // Blocks are built on `builder` (the durable ledger itself, or an in-memory copy in batch mode).
    var builder = ledger
    if batchMode {
        builder = try Ledger.inMemory(genesis: genesis, verifier: RefuseAll(), clock: { UInt64.max >> 1 })
        if ledger.height > 0 {
            _ = try builder.submit(batch: try (1...ledger.height).map { h throws(LedgerError) in try ledger.block(height: h) })
        }
    }
    var batch: [Block] = []
    for i in 0..<count {
        let slot = builder.tipSlot + 1
        guard let producer = builder.scheduledProducer(slot: slot), let seq = builder.nextSequence(node: producer) else {
            fail("no producer for slot \(slot)")
        }
        var tx = DKGTx(sender: producer, sequence: seq, messageType: 0x02, payload: Array("commit \(slot)".utf8))
        try tx.sign(with: keys[Int(producer)], genesisHash: builder.genesisHash)
        let block = try builder.makeBlock(slot: slot, producer: producer, key: keys[Int(producer)], transactions: [.dkg(tx)])
        if batchMode {
            try builder.submit(block)
            batch.append(block)
            guard batch.count == 50 || i == count - 1 else { continue }
            let (appended, rejection) = try ledger.submit(batch: batch)
            guard appended == batch.count else { fail("batch rejected: \(rejection.map { "\($0)" } ?? "?")") }
            for b in batch { print("ok \(b.height) \(hex(b.hash))") }
            batch.removeAll()
        } else {
            try ledger.submit(block)
            print("ok \(ledger.height) \(hex(ledger.tipHash))")
        }
        fflush(nil)
    }
} catch {
    fail("\(error)")
}
