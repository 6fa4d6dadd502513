// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrNode
import EhrProtocol
import EhrStore

/// `put`: the owner seals a file to itself, stores the envelope and puts a signed `record`
/// transaction (hash, URI, grants) on the chain. Prints the record id.
enum PutCommand {
    static func run(_ args: Arguments) throws {
        let node = try Node(dir: try args.required("dir"))
        let owner = try node.actor(try args.required("owner"))
        let path = try args.required("file")
        let (_, context) = try node.requireDKG()
        var grants: [AccessGrant] = []
        for name in args.all("grant") {
            do { grants.append(AccessGrant(identity: try Identity(name).bytes, expiresAt: nil)) } catch {
                throw CLIError.usage("'\(name)' is not a valid identity")
            }
        }
        let plaintext = try Files.read(path)
        let recordId = SHA256.hash(parts: [Array("ehrshare-cli record".utf8), owner.identity.bytes,
                                           try SystemRandom.bytes(16)])
        let sealed = try Envelope.seal(plaintext, to: owner.identity, recordContext: recordId, context: context)
        let address = try node.store.put(sealed)
        var tx = RecordTx(owner: owner.identity.bytes, recordId: recordId, ciphertextSHA256: SHA256.hash(sealed),
                          storageURI: Array(address.uri.utf8), grants: grants, timestamp: node.nextBlockTime,
                          nonce: try SystemRandom.bytes(16))
        try IdentityTransactionSigner.sign(&tx, key: owner.signingKey, context: context, genesisHash: node.ledger.genesisHash)
        try node.produce([.record(tx)])
        guard node.ledger.record(id: recordId) != nil else { throw CLIError.failure("the record did not reach the chain") }
        print(Hex.encode(recordId))
    }
}
