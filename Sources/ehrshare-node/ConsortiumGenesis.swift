// SPDX-License-Identifier: Apache-2.0
import EhrStore
import EhrLedger
import EhrWire

/// The genesis file of a consortium of nodes: the ledger's block 0 (binary, hex) and the
/// peers list — every founding node's public info in ledger index order.
///
/// Every node checks the whole file before it runs (`validated`): the ledger genesis decodes
/// and validates, entry i's name, key and stake are ledger node i's, each certificate's
/// fingerprint and binding signature verify. Peers exchange `consortiumHash` in their hello,
/// so two nodes with different peers lists (addresses, certificates) refuse each other.
struct ConsortiumGenesis: Codable {
    /// `Genesis.encoded`, hex.
    var ledgerGenesis: String
    var peers: [NodePublicInfo]

    /// A checked genesis file with everything decoded.
    struct Checked {
        let file: ConsortiumGenesis
        let genesis: Genesis
        let fingerprints: [[UInt8]]
        let addresses: [HostPort]
        /// SHA-256 over the ledger genesis hash and every peer's fingerprint and address.
        let consortiumHash: [UInt8]

        /// The index whose TLS fingerprint is `fp` (fingerprints are unique).
        func index(ofFingerprint fp: [UInt8]) -> UInt16? {
            fingerprints.firstIndex(of: fp).map { UInt16($0) }
        }
    }

    static func load(_ path: String) throws -> Checked {
        try NodeFiles.readJSON(path, as: ConsortiumGenesis.self).validated()
    }

    func validated() throws -> Checked {
        guard let bytes = Hex.decode(ledgerGenesis) else { throw NodeFailure("genesis: ledgerGenesis is not hex") }
        let genesis: Genesis
        do { genesis = try Genesis.decode(bytes) } catch { throw NodeFailure("genesis: the ledger genesis is invalid: \(error)") }
        guard peers.count == genesis.nodes.count else {
            throw NodeFailure("genesis: \(peers.count) peers listed for \(genesis.nodes.count) ledger nodes")
        }
        var fingerprints: [[UInt8]] = []
        var addresses: [HostPort] = []
        var digest = genesis.hash
        for (i, peer) in peers.enumerated() {
            let (key, fp) = try peer.verified()
            let node = genesis.nodes[i]
            guard node.key == key, node.name == Array(peer.name.utf8), node.stake == peer.stake else {
                throw NodeFailure("genesis: peer \(i) (\(peer.name)) does not match ledger node \(i)")
            }
            guard !fingerprints.contains(fp) else { throw NodeFailure("genesis: peer \(i) reuses a TLS key") }
            guard let address = HostPort(peer.address) else { throw NodeFailure("genesis: peer \(i) has a bad address") }
            fingerprints.append(fp)
            addresses.append(address)
            digest += fp + Array(peer.address.utf8) + [0]
        }
        return Checked(file: self, genesis: genesis, fingerprints: fingerprints, addresses: addresses,
                       consortiumHash: SHA256.hash(digest))
    }
}
