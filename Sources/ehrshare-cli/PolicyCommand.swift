// SPDX-License-Identifier: Apache-2.0
import EhrStore
import EhrLedger
import EhrNode
import EhrProtocol

/// `grant` / `revoke`: a signed `policy` transaction by the record's owner.
enum PolicyCommand {
    static func run(_ args: Arguments, action: PolicyTx.Action) throws {
        let node = try Node(dir: try args.required("dir"))
        let owner = try node.actor(try args.required("owner"))
        let recordId = try Hex.id(try args.required("record"), what: "--record")
        let to = try args.required("to")
        let (_, context) = try node.requireDKG()
        let subject: Identity
        do { subject = try Identity(to) } catch { throw CLIError.usage("'\(to)' is not a valid identity") }
        guard let record = node.ledger.record(id: recordId) else { throw CLIError.failure("unknown record \(Hex.encode(recordId))") }
        guard record.owner == owner.identity.bytes else { throw CLIError.failure("\(owner.identity) does not own this record") }
        if action == .revoke {
            guard let g = node.ledger.grant(record: recordId, identity: subject.bytes), !g.revoked else {
                throw CLIError.failure("no policy entry for \(to) on this record")
            }
        }
        var tx = PolicyTx(owner: owner.identity.bytes, recordId: recordId, action: action, subject: subject.bytes,
                          timestamp: node.nextBlockTime, nonce: try SystemRandom.bytes(16))
        try IdentityTransactionSigner.sign(&tx, key: owner.signingKey, context: context, genesisHash: node.ledger.genesisHash)
        let (block, _) = try node.produce([.policy(tx)])
        print("\(action == .grant ? "granted" : "revoked") \(to) in block \(block.height)")
    }
}
