// SPDX-License-Identifier: Apache-2.0
import EhrStore
import ArgumentParser
import EhrLedger

/// `genesis`: the ceremony. Takes every institution's node-public.json (in the order that
/// becomes their index), checks each binding signature, and writes the one genesis file
/// every node runs with.
struct GenesisCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "genesis",
        abstract: "Write the consortium's genesis file from the institutions' node-public.json files.")

    @Option(name: .customLong("public"), help: "A node-public.json; repeat in index order.")
    var publicFiles: [String]

    @Option(help: "Genesis file to write.")
    var out: String

    @Option(help: "Chain name.")
    var chain: String = "ehrshare-consortium"

    @Option(help: "Slot length in milliseconds (at least 100).")
    var slotMs: UInt32 = 1000

    @Option(help: "Active producers K (default: every node).")
    var producers: UInt16?

    @Option(help: "Slot 0 starts this many ms from now.")
    var startInMs: UInt64 = 3000

    @Option(help: "How far ahead of the local clock a block may be, in ms; below --slot-ms (default: half a slot).")
    var maxDriftMs: UInt32?

    @Option(help: "Also write the peers list (index, name, address, fingerprint) here.")
    var peersOut: String?

    func run() throws {
        guard publicFiles.count >= 1, publicFiles.count <= 1024 else { throw ValidationError("give 1 to 1024 --public files") }
        guard slotMs >= 100 else { throw ValidationError("--slot-ms must be at least 100") }
        var peers: [NodePublicInfo] = []
        for path in publicFiles {
            let info = try NodeFiles.readJSON(path, as: NodePublicInfo.self)
            _ = try info.verified()
            peers.append(info)
        }
        let nodes = try peers.map { p -> Genesis.Node in
            guard let key = Hex.decode(p.nodeKey) else { throw NodeFailure("\(p.name): bad key") }
            return Genesis.Node(name: Array(p.name.utf8), key: key, stake: p.stake)
        }
        let k = producers ?? UInt16(nodes.count)
        let seed = try KeygenCommand.newSeed()
        let start = RunClock.unixMillis() + startInMs
        let genesis = Genesis(chainName: Array(chain.utf8), genesisTime: start, slotMillis: slotMs, activeProducers: k,
                              maxDriftMillis: maxDriftMs, seed: seed, nodes: nodes)
        try genesis.validate()
        let file = ConsortiumGenesis(ledgerGenesis: Hex.encode(genesis.encoded), peers: peers)
        // The file is checked exactly as every node will check it before it is written.
        let checked = try file.validated()
        try NodeFiles.writeJSON(out, file)
        if let peersOut {
            let lines = peers.enumerated().map { "\($0.offset) \($0.element.name) \($0.element.address) \($0.element.tlsFingerprint)" }
            try NodeFiles.writeText(peersOut, lines.joined(separator: "\n") + "\n")
        }
        print("genesis \(Hex.encode(genesis.hash)) consortium \(Hex.encode(checked.consortiumHash))")
        print("\(nodes.count) nodes, K = \(k), slot \(slotMs) ms, slot 0 at \(start)")
    }
}
