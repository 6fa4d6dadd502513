// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrLedger
import EhrNode
import EhrProtocol
import EhrStore

/// An opened node directory: genesis, ledger, record store, authority keys and (after the DKG)
/// PARAMS. All authorities are local, so the node produces every block itself.
final class Node {
    let layout: NodeLayout
    let genesis: Genesis
    let clock: SlotClock
    let ledger: Ledger
    let store: SQLiteRecordStore
    let nodeKeys: [NodeSigningKey]
    let threshold: Int
    let params: PublicParams?
    let context: PREContext?

    init(dir: String) throws {
        guard Files.isDirectory(dir) else { throw CLIError.failure("node directory \(dir) does not exist") }
        layout = NodeLayout(dir: dir)
        try Files.lockForProcess(layout.lock)
        guard Files.exists(layout.genesis), Files.exists(layout.config) else {
            throw CLIError.failure("\(dir) is not a node directory (run init first)")
        }
        genesis = try Genesis.decode(try Files.read(layout.genesis))
        let config = try Files.read(layout.config)
        guard config.count == 1, config[0] >= 1 else { throw CLIError.failure("\(layout.config) is damaged") }
        threshold = Int(config[0])
        var keys: [NodeSigningKey] = []
        for k in 1...genesis.nodes.count {
            let secret = try Files.read(layout.authorityKey(k))
            guard secret.count == 96 else { throw CLIError.failure("\(layout.authorityKey(k)) is damaged") }
            keys.append(try NodeSigningKey(seed: Array(secret[0..<32])))
        }
        nodeKeys = keys
        if Files.exists(layout.params) {
            let p = try PublicParams(decoding: try Files.read(layout.params))
            params = p
            context = try PREContext(masterPublicKey: p.masterPublicKey)
        } else {
            params = nil
            context = nil
        }
        clock = SlotClock(genesisTime: genesis.genesisTime, slotMillis: genesis.slotMillis)
        clock.pin(genesis.genesisTime)
        ledger = try Ledger.open(path: layout.ledger, genesis: genesis, verifier: LedgerSignatureVerifier(context: context),
                                 clock: clock.closure)
        clock.pin(ledger.timestamp(of: ledger.tipSlot))
        store = try SQLiteRecordStore(path: layout.records, name: NodeLayout.storeName)
    }

    /// PARAMS and the PRE context, or the error every post-DKG command gives before the DKG.
    func requireDKG() throws(CLIError) -> (PublicParams, PREContext) {
        guard let params, let context else { throw .failure("the DKG has not been run in \(layout.dir) (run dkg first)") }
        return (params, context)
    }

    /// The timestamp the next block will carry; identity transactions are stamped with it.
    var nextBlockTime: UInt64 { ledger.timestamp(of: ledger.tipSlot + 1) }

    /// Produces the next block with the producer scheduled for its slot.
    @discardableResult
    func produce(_ txs: [Transaction]) throws -> (block: Block, producer: UInt16) {
        let slot = ledger.tipSlot + 1
        guard let producer = ledger.scheduledProducer(slot: slot), Int(producer) < nodeKeys.count else {
            throw CLIError.failure("no local producer scheduled for slot \(slot)")
        }
        clock.pin(ledger.timestamp(of: slot))
        let block = try ledger.makeBlock(slot: slot, producer: producer, key: nodeKeys[Int(producer)], transactions: txs)
        let outcome = try ledger.submit(block)
        guard outcome == .extended else { throw CLIError.failure("block \(block.height) was not accepted (\(outcome))") }
        return (block, producer)
    }

    /// An identity's keys from the node directory, checked against y.
    func actor(_ name: String) throws -> Actor {
        let (_, context) = try requireDKG()
        let id: Identity
        do { id = try Identity(name) } catch { throw CLIError.usage("'\(name)' is not a valid identity") }
        let path = layout.identityKey(id.bytes)
        guard Files.exists(path) else { throw CLIError.failure("unknown identity \(name) (run issue --id \(name))") }
        let bytes = try Files.read(path)
        guard bytes.count == 96 else { throw CLIError.failure("\(path) is damaged") }
        return Actor(identity: id,
                     decryptionKey: try PREIdentityKey(identity: id, key: try G1Affine(compressed: bytes[0..<48]),
                                                       context: context),
                     signingKey: try IdentitySigningKey(identity: id, key: try G1Affine(compressed: bytes[48..<96]),
                                                        context: context))
    }
}

/// An identity's keys as the CLI holds them.
struct Actor {
    let identity: Identity
    let decryptionKey: PREIdentityKey
    let signingKey: IdentitySigningKey
}
