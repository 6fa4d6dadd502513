// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrStore

/// The transactions every protocol orders: node-signed vote transactions (Ed25519), the
/// same list at the same simulated submission times for DPoS, PBFT and PoW.
///
/// They are built and signed before the CPU meter starts: client-side signing is not
/// consensus work. Voter v approves itself, so the DPoS election never changes the active set
/// and sequences run 1, 2, 3, … per voter.
struct Workload {
    struct Item {
        let index: Int
        let submitAt: UInt64
        let voter: Int
        let transaction: Transaction
        let id: [UInt8]
        let encoded: [UInt8]
        let signingMessage: [UInt8]
    }

    let keys: [NodeSigningKey]
    let genesis: Genesis
    let items: [Item]
    let indexById: [[UInt8]: Int]
    let genesisHash: [UInt8]

    static let genesisTime: UInt64 = 1_750_000_000_000

    init(nodes n: Int, config: SimConfig) throws(LedgerError) {
        var keys: [NodeSigningKey] = []
        for i in 0..<n { keys.append(try NodeSigningKey(seed: SHA256.hash(Array("sim node \(i)".utf8)))) }
        self.keys = keys
        // Decreasing stakes make the initial top-K election deterministic: nodes 0..<K.
        genesis = Genesis(
            chainName: Array("consensus-sim".utf8), genesisTime: Workload.genesisTime,
            slotMillis: UInt32(config.blockMillis), activeProducers: UInt16(min(n, config.maxProducers)),
            maxDriftMillis: UInt32(config.blockMillis / 2), seed: SHA256.hash(Array("sim seed".utf8)),
            nodes: (0..<n).map { i in
                Genesis.Node(name: Array("hospital-\(i)".utf8), key: keys[i].publicKey, stake: UInt64(1000 - i))
            })
        genesisHash = genesis.hash
        let total = Int(config.seconds * config.txPerSecond)
        var sequences = [UInt64](repeating: 0, count: n)
        let voters = (1..<n).filter { $0 != 2 }
        var items: [Item] = []
        var byId: [[UInt8]: Int] = [:]
        for k in 0..<total {
            // Node 0 (crashed in one scenario) and node 2 (Byzantine, votes on its own) never
            // sign workload transactions, so every transaction stays committable in every scenario.
            let voter = voters[k % voters.count]
            sequences[voter] += 1
            var vote = VoteTx(voter: UInt16(voter), sequence: sequences[voter], candidates: [UInt16(voter)])
            try vote.sign(with: keys[voter], genesisHash: genesisHash)
            let tx = Transaction.vote(vote)
            let at = 1 + UInt64(k) * 1000 / config.txPerSecond
            items.append(Item(
                index: k, submitAt: at, voter: voter, transaction: tx, id: tx.id, encoded: tx.encoded,
                signingMessage: vote.signingMessage(genesisHash: genesisHash)))
            byId[tx.id] = k
        }
        self.items = items
        indexById = byId
    }

    /// Checks a vote's signature the way a PBFT replica or PoW node validates a transaction.
    func verify(_ tx: Transaction) -> Bool {
        guard case let .vote(v) = tx, Int(v.voter) < keys.count else { return false }
        return Ed25519.verify(
            publicKey: keys[Int(v.voter)].publicKey, message: v.signingMessage(genesisHash: genesisHash),
            signature: v.signature)
    }
}
