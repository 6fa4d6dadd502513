// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrProtocol
import EhrStore

/// `reencrypt`: the owner checks the signed request (signature, freshness, nonce, the on-chain
/// policy and the on-chain request) and issues rk; the proxy the ledger chose re-encrypts the
/// stored envelope and puts its receipt on the chain.
enum ReencryptCommand {
    static func run(_ args: Arguments) throws {
        let node = try Node(dir: try args.required("dir"))
        let requestId = try Hex.id(try args.required("request"), what: "--request")
        let (_, context) = try node.requireDKG()
        guard let info = node.ledger.request(id: requestId) else {
            throw CLIError.failure("unknown request \(Hex.encode(requestId))")
        }
        guard info.receipts.isEmpty else { throw CLIError.failure("this request has already been re-encrypted") }
        guard let record = node.ledger.record(id: info.recordId) else { throw CLIError.failure("the request's record is not on the chain") }
        let path = node.layout.request(requestId)
        guard Files.exists(path) else { throw CLIError.failure("the signed request \(path) is missing") }
        let signed = try Files.read(path)
        let owner = try node.actor(try Identity(validating: record.owner).description)
        let requester = try Identity(validating: info.requester)

        // The owner: policy as it stands on the chain now.
        var policy = AccessPolicy(recordId: info.recordId, owner: owner.identity)
        if let g = node.ledger.grant(record: info.recordId, identity: requester.bytes) {
            if g.revoked { policy.revoke(requester) } else { policy.grant(requester, until: g.expiresAt) }
        }
        let gate = AccessGate(ownerKey: owner.decryptionKey, context: context,
                              replayGuard: ReplayGuard(windowMs: UInt64(node.genesis.replayWindowMillis)))
        let (request, rk): (AccessRequest, ReEncryptionKey)
        do {
            (request, rk) = try gate.authorize(signed, policy: policy, now: node.clock.now)
        } catch {
            throw CLIError.failure("the owner refused the request: \(error)")
        }
        guard request.requester == requester, request.recordId == info.recordId else {
            throw CLIError.failure("the signed request does not match the request on the chain")
        }

        // The proxy: the producer the ledger chose for the request.
        guard let proxy = info.proxies.first, Int(proxy) < node.nodeKeys.count else {
            throw CLIError.failure("the request has no local proxy")
        }
        let sealed1 = try node.ledger.fetchEnvelope(recordId: info.recordId, from: node.store)
        let sealed2 = try Envelope.reencrypt(sealed1, with: rk)
        _ = try node.store.put(sealed2)
        var receipt = ReceiptTx(proxy: proxy, requestId: requestId, reencryptedHash: SHA256.hash(sealed2))
        try receipt.sign(with: node.nodeKeys[Int(proxy)], genesisHash: node.ledger.genesisHash)
        let (block, _) = try node.produce([.receipt(receipt)])
        try Files.writeAtomically(node.layout.served(record: info.recordId, requester: requester.bytes), requestId)
        print("re-encrypted by proxy authority-\(Int(proxy) + 1) for \(requester); receipt in block \(block.height)")
    }
}
