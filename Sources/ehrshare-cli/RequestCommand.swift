// SPDX-License-Identifier: Apache-2.0
import EhrStore
import EhrLedger
import EhrNode
import EhrProtocol

/// `request`: the reader signs an access request for the owner (saved in the node directory)
/// and a `request` transaction for the chain. Prints the request id.
enum RequestCommand {
    static func run(_ args: Arguments) throws {
        let node = try Node(dir: try args.required("dir"))
        let user = try node.actor(try args.required("as"))
        let recordId = try Hex.id(try args.required("record"), what: "--record")
        let (_, context) = try node.requireDKG()
        guard node.ledger.record(id: recordId) != nil else { throw CLIError.failure("unknown record \(Hex.encode(recordId))") }
        guard let grant = node.ledger.grant(record: recordId, identity: user.identity.bytes) else {
            throw CLIError.failure("no policy entry for \(user.identity) on this record")
        }
        guard !grant.revoked else { throw CLIError.failure("access of \(user.identity) to this record is revoked") }
        let time = node.nextBlockTime
        if let expiry = grant.expiresAt, expiry <= time { throw CLIError.failure("the grant of \(user.identity) has expired") }
        let nonce = try SystemRandom.bytes(SignedMessage.nonceBytes)
        let signed = try AccessRequest(recordId: recordId, requester: user.identity)
            .sign(with: user.signingKey, context: context, timestamp: time, nonce: nonce).encoded
        var tx = RequestTx(requester: user.identity.bytes, recordId: recordId, proxyCount: 1, timestamp: time, nonce: nonce)
        try IdentityTransactionSigner.sign(&tx, key: user.signingKey, context: context, genesisHash: node.ledger.genesisHash)
        let requestId = Transaction.request(tx).id
        try node.produce([.request(tx)])
        guard node.ledger.request(id: requestId) != nil else { throw CLIError.failure("the request did not reach the chain") }
        try Files.writeAtomically(node.layout.request(requestId), signed)
        print(Hex.encode(requestId))
    }
}
