// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import EhrLedger

/// `keygen`: a node key and a TLS identity in a new data directory, and the public file the
/// institution exports to the genesis ceremony.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create a node's Ed25519 key, TLS key and certificate, and its node-public.json.")

    @Option(help: "Data directory to create (must not hold keys yet).")
    var dir: String

    @Option(help: "The institution's node name (unique in the consortium).")
    var name: String

    @Option(help: "host:port where this node accepts peers.")
    var address: String

    @Option(help: "Stake registered in genesis.")
    var stake: UInt64 = 100

    func run() throws {
        guard HostPort(address) != nil else { throw ValidationError("--address must be host:port") }
        guard !name.isEmpty, name.utf8.count <= 255 else { throw ValidationError("--name must be 1-255 bytes") }
        let files = NodeDirectory(dir: dir)
        guard !NodeFiles.exists(files.nodeKey), !NodeFiles.exists(files.tlsKey) else {
            throw NodeFailure("\(dir) already holds node keys; keygen never overwrites them")
        }
        try NodeFiles.makeDirectory(dir)
        // The seed is written to node.key (0600) and wiped here; NodeSigningKey wipes its copy.
        var seed = try KeygenCommand.newSeed()
        defer { for i in seed.indices { seed[i] = 0 } }
        let nodeKey = try NodeSigningKey(seed: seed)
        let tls = try TLSIdentity.generate(commonName: "ehrshare-node \(name)")
        try NodeFiles.write(files.nodeKey, seed, secret: true)
        try NodeFiles.writeText(files.tlsKey, tls.privateKeyPEM, secret: true)
        try NodeFiles.writeText(files.tlsCertificate, tls.certificatePEM)
        let info = try NodePublicInfo.make(name: name, key: nodeKey, certificatePEM: tls.certificatePEM,
                                           address: address, stake: stake)
        try NodeFiles.writeJSON(files.publicInfo, info)
        print("node key \(info.nodeKey)")
        print("tls fingerprint \(info.tlsFingerprint)")
        print("export \(files.publicInfo) to the genesis ceremony")
    }

    /// 32 bytes from the system CSPRNG (EhrWire's one randomness source, libcrypto's RAND_bytes).
    static func newSeed() throws -> [UInt8] {
        try SystemRandom.bytes(NodeSigningKey.seedBytes)
    }

    /// The node key stored in a data directory.
    static func loadKey(_ files: NodeDirectory) throws -> NodeSigningKey {
        let seed = try NodeFiles.read(files.nodeKey)
        guard seed.count == NodeSigningKey.seedBytes else { throw NodeFailure("\(files.nodeKey) is damaged") }
        return try NodeSigningKey(seed: seed)
    }
}
