// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrNode
import EhrProtocol
import EhrStore
import Glibc

/// `init`: node keys for N local authorities, genesis, ledger and record store.
enum InitCommand {
    static func run(_ args: Arguments) throws {
        let dir = try args.required("dir")
        let n = try args.integer("authorities")
        let t = try args.integer("threshold")
        guard n >= 2, n <= 64 else { throw CLIError.usage("--authorities must be between 2 and 64") }
        guard t <= n, t <= 255 else { throw CLIError.usage("--threshold must be at most --authorities") }
        let layout = NodeLayout(dir: dir)
        guard Files.isDirectory(dir) || !Files.exists(dir) else { throw CLIError.failure("\(dir) is not a directory") }
        guard !Files.exists(layout.genesis) else { throw CLIError.failure("\(dir) already holds a node") }
        try Files.makeDirectory(dir)
        try Files.lockForProcess(layout.lock)
        guard !Files.exists(layout.genesis) else { throw CLIError.failure("\(dir) already holds a node") }
        try Files.makeDirectory(layout.authorities)
        try Files.makeDirectory(layout.identities)
        try Files.makeDirectory(layout.requests)
        var nodes: [Genesis.Node] = []
        for k in 1...n {
            let secret = try SystemRandom.bytes(96)
            let key = try NodeSigningKey(seed: Array(secret[0..<32]))
            _ = try DKGNodeKey(signingSeed: Array(secret[32..<64]), agreementKey: Array(secret[64..<96]))
            try Files.writeAtomically(layout.authorityKey(k), secret)
            nodes.append(Genesis.Node(name: Array("authority-\(k)".utf8), key: key.publicKey, stake: UInt64(100 + 10 * k)))
        }
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        let start = UInt64(ts.tv_sec) * 1000
        let genesis = Genesis(chainName: Array("ehrshare-cli".utf8), genesisTime: start, slotMillis: 1000,
                              activeProducers: UInt16(min(n, 3)), seed: try SystemRandom.bytes(32), nodes: nodes)
        try genesis.validate()
        try Files.writeAtomically(layout.config, [UInt8(t)])
        _ = try Ledger.open(path: layout.ledger, genesis: genesis, verifier: LedgerSignatureVerifier(context: nil),
                            clock: { start })
        _ = try SQLiteRecordStore(path: layout.records, name: NodeLayout.storeName)
        // The genesis file is written last: its presence marks a complete node directory.
        try Files.writeAtomically(layout.genesis, genesis.encoded)
        print("initialised \(dir): \(n) authorities, threshold \(t), genesis \(Hex.encode(genesis.hash))")
    }
}
