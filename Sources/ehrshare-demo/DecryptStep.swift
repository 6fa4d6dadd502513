// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrProtocol
import EhrStore

/// Step 7: the data user reads the record (DESIGN.md §4: "a reader always re-hashes what it
/// fetched against the on-chain digest"). Bob fetches the SEALED1 envelope by the record's
/// on-chain URI and hash, and what each proxy produced by the hash in its on-chain receipt;
/// with t' > 1 he combines the t' fragments himself (PROTOCOL.md §6.1). He opens the SEALED2
/// envelope with his own key (Dec2 + AEAD) and compares with the original file.
enum DecryptStep {
    static func run(_ c: Consortium, _ keys: KeyIssuanceStep.Outcome, _ record: RecordStep.Outcome,
                    _ access: AccessStep.Outcome, _ r: Reporter) throws {
        let sealed1 = try c.ledger.fetchEnvelope(recordId: record.recordId, from: c.store)
        r.check(SHA256.hash(sealed1) == c.ledger.record(id: record.recordId)?.ciphertextSHA256,
                "SEALED1 fetched from the store re-hashes to the on-chain digest")
        let (header1, bodyOffset) = try SealedHeader1.decode(sealed1)
        let receipts = c.ledger.request(id: access.requestId)?.receipts ?? [:]
        var products: [[UInt8]] = []
        for proxy in access.proxies {
            guard let digest = receipts[proxy] else { throw DemoAbort(description: "no receipt from proxy \(proxy)") }
            let uri = try RecordAddress(storeName: c.storeName, sha256: digest).uri
            // get() re-hashes the bytes against the receipt's digest.
            products.append(try c.store.get(uri: uri, expectedSHA256: digest))
        }
        r.check(products.count == access.proxies.count,
                "fetched \(products.count) proxy output(s), each matching the hash in its on-chain receipt")

        let sealed2: [UInt8]
        if access.proxies.count == 1, let only = products.first {
            sealed2 = only
        } else {
            let fragments = try products.map { try ReEncryptionFragment(encoded: $0) }
            let header2 = try ThresholdReEncryption.combine(header1, fragments: fragments, proxies: access.shareCount)
            sealed2 = header2.encoded + sealed1[bodyOffset...]
            r.info("combined \(fragments.count) fragments into the SEALED2 header (Lagrange in GT)")
        }
        let (header2, offset2) = try SealedHeader2.decode(sealed2)
        r.check(header2.delegator == keys.owner.identity && header2.delegatee == keys.user.identity,
                "SEALED2 header converts \(header2.delegator) → \(header2.delegatee)")
        r.check(Array(sealed2[offset2...]) == Array(sealed1[bodyOffset...]),
                "the sealed body is unchanged by re-encryption (stored once, §6.2)")

        let start = Platform.monotonicNanos()
        let plaintext = try Envelope.open(sealed2, with: keys.user.decryptionKey)
        let elapsed = Platform.monotonicNanos() - start
        let digest = SHA256.hash(plaintext)
        r.info("Bob decrypted \(plaintext.count) bytes in \(Reporter.format(elapsed)); SHA-256 \(hex(digest))")
        let firstLine = plaintext.split(separator: UInt8(ascii: "\n"), maxSplits: 1).first.map { Array($0) } ?? []
        r.info("first line: \(String(decoding: firstLine, as: UTF8.self))")
        r.check(plaintext == record.plaintext && digest == SHA256.hash(record.plaintext),
                "the plaintext equals the original file byte for byte")
    }
}
