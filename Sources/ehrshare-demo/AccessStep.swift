// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrNode
import EhrProtocol
import EhrStore

/// Step 6: an access request and its re-encryption (DESIGN.md §1 "Data user", "Proxy").
///
/// Bob signs an access request (SIGNED purpose 1: record id, nonce, timestamp) for the owner
/// and a `request` transaction for the chain; the block that includes the request fixes its
/// proxies (docs/LEDGER.md §4: the including producer, or t' consecutive producers of the
/// schedule). The owner checks signature, freshness, nonce and the on-chain policy and issues
/// rk (PROTOCOL.md §6). With t' = 1 the proxy fetches the stored envelope (hash checked against
/// the chain), converts the header (one pairing) and stores the SEALED2 envelope; with t' > 1
/// the owner splits rk among the K active producers (§6.1) and each chosen proxy stores a
/// fragment. Each proxy puts a receipt with the hash of what it produced on the chain.
enum AccessStep {
    struct Outcome {
        let requestTx: RequestTx
        let requestId: [UInt8]
        let signedRequest: [UInt8]
        let rk: ReEncryptionKey
        /// The proxies the ledger chose for the request.
        let proxies: [UInt16]
        /// n': the number of shares rk was split into (1 for a single proxy); the delegatee
        /// bounds the fragment indices by it.
        let shareCount: Int
    }

    /// Bob's two signed messages: the SIGNED access request for the owner and the chain's
    /// `request` transaction. Both carry the same timestamp and nonce.
    static func makeRequest(by user: Actor, record recordId: [UInt8], proxies: Int, c: Consortium,
                            context: PREContext) throws -> (signed: [UInt8], tx: RequestTx) {
        let time = c.nextBlockTime
        let nonce = try SystemRandom.bytes(SignedMessage.nonceBytes)
        let signed = try AccessRequest(recordId: recordId, requester: user.identity)
            .sign(with: user.signingKey, context: context, timestamp: time, nonce: nonce).encoded
        var tx = RequestTx(requester: user.identity.bytes, recordId: recordId, proxyCount: UInt8(proxies),
                           timestamp: time, nonce: nonce)
        try IdentityTransactionSigner.sign(&tx, key: user.signingKey, context: context, genesisHash: c.ledger.genesisHash)
        return (signed, tx)
    }

    static func run(_ c: Consortium, _ keys: KeyIssuanceStep.Outcome, _ owner: Owner, _ record: RecordStep.Outcome,
                    _ context: PREContext, _ r: Reporter) throws -> Outcome {
        let tPrime = c.options.thresholdProxies
        let (signed, tx) = try makeRequest(by: keys.user, record: record.recordId, proxies: tPrime, c: c,
                                           context: context)
        r.info("\(keys.user.name) signs an access request (\(signed.count) bytes, nonce \(shortHex(tx.nonce)), "
            + "ts \(tx.timestamp)) and a request transaction (t' = \(tPrime))")
        let (block, producer) = try c.produce([.request(tx)])
        let requestId = Transaction.request(tx).id
        guard let info = c.ledger.request(id: requestId) else { throw DemoAbort(description: "request not on the chain") }
        r.info("request \(shortHex(requestId, 24)) in block \(block.height) by \(c.nodeName(producer)); "
            + "proxies chosen by the ledger: \(info.proxies.map(c.nodeName))")
        r.check(info.proxies.count == tPrime && info.proxies.first == producer,
                "the scheduled producer of the request's slot is its (first) proxy")

        let start = Platform.monotonicNanos()
        let rk = try owner.authorize(signed, record: record.recordId, onChain: requestId, now: c.clock.now)
        r.check(rk.delegator == keys.owner.identity && rk.delegatee == keys.user.identity,
                "owner verified signature, freshness, nonce and on-chain policy; issued rk \(keys.owner.name) → "
                    + "\(keys.user.name) (\(Reporter.format(Platform.monotonicNanos() - start)))")

        // The proxies work on the stored record only (PROTOCOL.md §8 "all-or-nothing": the proxy
        // converts ledger-authorised stored records, never submitted capsules).
        let sealed1 = try c.ledger.fetchEnvelope(recordId: record.recordId, from: c.store)
        let (header1, _) = try SealedHeader1.decode(sealed1)
        var receipts: [Transaction] = []
        var shareCount = 1
        if tPrime == 1 {
            let sealed2 = try Envelope.reencrypt(sealed1, with: rk)
            let address = try c.store.put(sealed2)
            r.info("proxy \(c.nodeName(producer)) re-encrypted the header (SEALED2, \(sealed2.count) bytes) → \(address.uri)")
            var receipt = ReceiptTx(proxy: producer, requestId: requestId, reencryptedHash: SHA256.hash(sealed2))
            try receipt.sign(with: c.nodeKeys[Int(producer)], genesisHash: c.ledger.genesisHash)
            receipts.append(.receipt(receipt))
        } else {
            // §6.1: one share per active producer (index = position in the sorted active set + 1);
            // any t' of them convert, fewer learn nothing about R3.
            let active = c.ledger.activeProducers.sorted()
            let shares = try ThresholdReEncryption.split(rk, threshold: tPrime, proxies: active.count)
            shareCount = shares.count
            r.info("owner split rk into \(shares.count) shares for the active producers, threshold t' = \(tPrime)")
            for proxy in info.proxies {
                guard let position = active.firstIndex(of: proxy) else {
                    throw DemoAbort(description: "proxy \(proxy) is not an active producer")
                }
                let fragment = try ThresholdReEncryption.fragment(header1, with: shares[position])
                let address = try c.store.put(fragment.encoded)
                r.info("proxy \(c.nodeName(proxy)) (share \(position + 1)) produced fragment φ → \(address.uri)")
                var receipt = ReceiptTx(proxy: proxy, requestId: requestId,
                                        reencryptedHash: SHA256.hash(fragment.encoded))
                try receipt.sign(with: c.nodeKeys[Int(proxy)], genesisHash: c.ledger.genesisHash)
                receipts.append(.receipt(receipt))
            }
        }
        let (rb, rp) = try c.produce(receipts)
        r.info("\(receipts.count) receipt(s) in block \(rb.height) by \(c.nodeName(rp))")
        let stored = c.ledger.request(id: requestId)?.receipts ?? [:]
        r.check(stored.count == tPrime && Set(stored.keys) == Set(info.proxies),
                "the chain holds one receipt from each chosen proxy (\(stored.count)/\(tPrime))")
        return Outcome(requestTx: tx, requestId: requestId, signedRequest: signed, rk: rk, proxies: info.proxies,
                       shareCount: shareCount)
    }
}
