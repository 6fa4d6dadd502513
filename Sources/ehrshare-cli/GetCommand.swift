// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrProtocol
import EhrStore

/// `get`: fetch the envelope by its on-chain URI and hash, and open it — level 1 for the owner,
/// level 2 (the proxy's output, re-hashed against the on-chain receipt) for a reader.
enum GetCommand {
    static func run(_ args: Arguments) throws {
        let node = try Node(dir: try args.required("dir"))
        let reader = try node.actor(try args.required("as"))
        let recordId = try Hex.id(try args.required("record"), what: "--record")
        let out = try args.required("out")
        guard let record = node.ledger.record(id: recordId) else { throw CLIError.failure("unknown record \(Hex.encode(recordId))") }
        // fetchEnvelope re-hashes the stored bytes against the chain's digest.
        let sealed1 = try node.ledger.fetchEnvelope(recordId: recordId, from: node.store)
        guard SHA256.hash(sealed1) == record.ciphertextSHA256 else { throw CLIError.failure("stored envelope does not match the chain") }
        let plaintext: [UInt8]
        if record.owner == reader.identity.bytes {
            plaintext = try Envelope.open(sealed1, with: reader.decryptionKey)
        } else {
            guard let grant = node.ledger.grant(record: recordId, identity: reader.identity.bytes) else {
                throw CLIError.failure("no policy entry for \(reader.identity) on this record")
            }
            guard !grant.revoked else { throw CLIError.failure("access of \(reader.identity) to this record is revoked") }
            let served = node.layout.served(record: recordId, requester: reader.identity.bytes)
            guard Files.exists(served) else { throw CLIError.failure("no re-encryption for \(reader.identity) yet (request, then reencrypt)") }
            let requestId = try Files.read(served)
            guard let info = node.ledger.request(id: requestId), info.requester == reader.identity.bytes,
                info.recordId == recordId, let proxy = info.proxies.first, let digest = info.receipts[proxy]
            else { throw CLIError.failure("no receipt on the chain for \(reader.identity)") }
            let uri = try RecordAddress(storeName: NodeLayout.storeName, sha256: digest).uri
            let sealed2 = try node.store.get(uri: uri, expectedSHA256: digest)
            plaintext = try Envelope.open(sealed2, with: reader.decryptionKey)
        }
        try Files.writeAtomically(out, plaintext)
        print("wrote \(plaintext.count) bytes to \(out)")
    }
}
