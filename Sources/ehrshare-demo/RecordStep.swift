// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrNode
import EhrProtocol
import EhrStore

/// Step 5: the data owner seals an EHR and publishes it (DESIGN.md §1 "Data owner", §4;
/// PROTOCOL.md §7). The hospital seals the file to its own identity (hybrid envelope: IBP1
/// capsule + HKDF + chunked AES-256-GCM), puts the envelope in the content-addressed store and
/// a `record` transaction on the chain: ciphertext hash, storage URI and the policy granting
/// doctor Bob, signed with the hospital's Cha–Cheon signing key.
enum RecordStep {
    static let dataFile = "Examples/data/st-mary-discharge-bundle.fhir.json"
    static let contentType = "application/fhir+json"

    struct Outcome {
        let plaintext: [UInt8]
        let recordId: [UInt8]
        let sealed: [UInt8]
    }

    /// The shipped file, from the working directory or relative to the executable
    /// (.build/<triple>/release/ehrshare-demo → repository root).
    static func locateDataFile() throws -> String {
        var candidates = [dataFile]
        if let dir = Platform.executableDirectory() {
            candidates += [dir + "/../../" + dataFile, dir + "/../../../" + dataFile]
        }
        guard let found = candidates.first(where: Platform.fileExists) else {
            throw DemoAbort(description: "cannot find \(dataFile) (run from the repository root)")
        }
        return found
    }

    static func run(_ c: Consortium, _ keys: KeyIssuanceStep.Outcome, _ dkg: DKGStep.Outcome,
                    _ r: Reporter) throws -> Outcome {
        let path = try locateDataFile()
        let plaintext = try Platform.readFile(path)
        r.info("EHR file \(path): \(plaintext.count) bytes, SHA-256 \(hex(SHA256.hash(plaintext)))")
        // The record id names the record on the chain; it is fresh, not derived from the content,
        // so two uploads of one file are two records.
        let recordId = SHA256.hash(parts: [Array("ehrshare-demo record".utf8), keys.owner.identity.bytes,
                                           try SystemRandom.bytes(16)])
        // ctx (PROTOCOL.md §7) binds the ledger record id and the content type into the AEAD.
        let ctx = recordId + Array(contentType.utf8)
        let sealed = try Envelope.seal(plaintext, to: keys.owner.identity, recordContext: ctx, context: dkg.context)
        let digest = SHA256.hash(sealed)
        r.info("sealed to \(keys.owner.name): SEALED1 envelope of \(sealed.count) bytes, SHA-256 \(shortHex(digest, 24))")
        let reopened = try Envelope.open(sealed, with: keys.owner.decryptionKey)
        r.check(reopened == plaintext, "the owner opens its own envelope (Dec1) and gets the file back")

        let address = try c.store.put(sealed)
        r.info("stored at \(address.uri)")

        var tx = RecordTx(owner: keys.owner.identity.bytes, recordId: recordId, ciphertextSHA256: digest,
                          storageURI: Array(address.uri.utf8),
                          grants: [AccessGrant(identity: keys.user.identity.bytes, expiresAt: nil)],
                          timestamp: c.nextBlockTime, nonce: try SystemRandom.bytes(16))
        try IdentityTransactionSigner.sign(&tx, key: keys.owner.signingKey, context: dkg.context,
                                           genesisHash: c.ledger.genesisHash)
        let (block, producer) = try c.produce([.record(tx)])
        r.info("record \(shortHex(recordId, 24)) in block \(block.height) by \(c.nodeName(producer)) "
            + "(owner signature: \(tx.signature.count)-byte SIGNED envelope)")
        let onChain = c.ledger.record(id: recordId)
        r.check(onChain?.ciphertextSHA256 == digest && onChain?.storageURI == Array(address.uri.utf8)
                    && onChain?.owner == keys.owner.identity.bytes,
                "the chain holds owner, ciphertext hash and URI of the record")
        let grant = c.ledger.grant(record: recordId, identity: keys.user.identity.bytes)
        r.check(grant != nil && grant?.revoked == false, "the on-chain policy grants \(keys.user.name)")
        r.check(c.ledger.grant(record: recordId, identity: keys.attacker.identity.bytes) == nil,
                "the on-chain policy has no entry for \(keys.attacker.name)")
        return Outcome(plaintext: plaintext, recordId: recordId, sealed: sealed)
    }
}
