// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrLedger
import EhrNode
import EhrProtocol

/// Step 8: the attacks of the paper's §3.2 (and PROTOCOL.md §8), each run for real and
/// refused with the library's own error, both at the data owner (AccessGate) and at the ledger
/// (validation rules, docs/LEDGER.md §5). A refused block changes nothing on the chain.
enum AttackStep {
    static func isProtocol(_ e: Error, _ kind: (ProtocolError) -> Bool) -> Bool {
        guard let p = e as? ProtocolError else { return false }
        return kind(p)
    }

    static func isRule(_ rule: ValidationRule) -> (Error) -> Bool {
        { ($0 as? LedgerError)?.rule == rule }
    }

    static func run(_ c: Consortium, _ keys: KeyIssuanceStep.Outcome, _ owner: Owner, _ record: RecordStep.Outcome,
                    _ access: AccessStep.Outcome, _ context: PREContext, _ r: Reporter) throws {
        let eve = keys.attacker
        let bob = keys.user
        let recordId = record.recordId
        let heightBefore = c.ledger.height

        // 1. Forged identity: Eve signs a request that names Bob (she has no sks of Bob).
        let forged = try AccessRequest(recordId: recordId, requester: bob.identity)
            .sign(with: eve.signingKey, context: context, timestamp: c.nextBlockTime).encoded
        r.expectRefusal("forged identity: Eve's request naming Bob, at the owner", matching: {
            isProtocol($0) { if case .verify = $0 { return true } else { return false } }
        }) { _ = try owner.authorize(forged, record: recordId, onChain: nil, now: c.clock.now) }

        // ... and on the chain: a request transaction for Bob signed with Eve's key.
        var forgedTx = RequestTx(requester: bob.identity.bytes, recordId: recordId, timestamp: c.nextBlockTime,
                                 nonce: try SystemRandom.bytes(16))
        try IdentityTransactionSigner.sign(&forgedTx, key: eve.signingKey, context: context,
                                           genesisHash: c.ledger.genesisHash)
        r.expectRefusal("forged identity: request transaction as Bob signed by Eve, at the ledger",
                        matching: isRule(.txSignature)) { try c.produce([.request(forgedTx)]) }

        // 2. No policy entry: Eve asks in her own name (paper §3.2 case 1).
        let (eveSigned, eveTx) = try AccessStep.makeRequest(by: eve, record: recordId, proxies: 1, c: c,
                                                            context: context)
        r.expectRefusal("Eve's own request (no policy entry), at the owner", matching: {
            isProtocol($0) { if case .policy = $0 { return true } else { return false } }
        }) { _ = try owner.authorize(eveSigned, record: recordId, onChain: nil, now: c.clock.now) }
        r.expectRefusal("Eve's own request transaction, at the ledger", matching: isRule(.policy)) {
            try c.produce([.request(eveTx)])
        }

        // 3. Replay: Bob's request of step 6, sent again.
        r.expectRefusal("replayed access request, at the owner", matching: {
            isProtocol($0) { if case .replay = $0 { return true } else { return false } }
        }) { _ = try owner.authorize(access.signedRequest, record: recordId, onChain: nil, now: c.clock.now) }
        r.expectRefusal("replayed request transaction, at the ledger", matching: isRule(.replay)) {
            try c.produce([.request(access.requestTx)])
        }
        // ... or re-signed with an old timestamp (outside the consortium's replay window).
        let window = UInt64(c.genesis.replayWindowMillis)
        let oldTime = c.nextBlockTime - min(c.nextBlockTime, 2 * window)
        let stale = try AccessRequest(recordId: recordId, requester: bob.identity)
            .sign(with: bob.signingKey, context: context, timestamp: oldTime).encoded
        r.expectRefusal("stale access request (signed \(2 * window / 1000) s ago), at the owner", matching: {
            isProtocol($0) { if case .stale = $0 { return true } else { return false } }
        }) { _ = try owner.authorize(stale, record: recordId, onChain: nil, now: c.clock.now) }
        var staleTx = RequestTx(requester: bob.identity.bytes, recordId: recordId, timestamp: oldTime,
                                nonce: try SystemRandom.bytes(16))
        try IdentityTransactionSigner.sign(&staleTx, key: bob.signingKey, context: context,
                                           genesisHash: c.ledger.genesisHash)
        r.expectRefusal("stale request transaction, at the ledger", matching: isRule(.stale)) {
            try c.produce([.request(staleTx)])
        }
        r.check(c.ledger.height == heightBefore, "no refused block changed the chain (height \(c.ledger.height))")

        // 4. The proxy alone: it holds rk = (R1, R2, R3), SEALED1 and the SEALED2 it produced.
        let sealed1 = try c.ledger.fetchEnvelope(recordId: recordId, from: c.store)
        let sealed2 = try Envelope.reencrypt(sealed1, with: access.rk)
        // R3 = H2(X) − ske: without X (sealed to Bob) −R3 is no key of the owner ...
        let posingAsOwner = PREIdentityKey(uncheckedIdentity: keys.owner.identity, key: -access.rk.r3)
        r.expectRefusal("proxy opens SEALED1 with −R3 as the owner's key", matching: {
            isProtocol($0) { $0 == .decrypt }
        }) { _ = try Envelope.open(sealed1, with: posingAsOwner) }
        r.expectRefusal("proxy's −R3 checked as the owner's key against y", matching: {
            isProtocol($0) { if case .verify = $0 { return true } else { return false } }
        }) { _ = try PREIdentityKey(identity: keys.owner.identity, key: -access.rk.r3, context: context) }
        // ... nor is R3 a key of Bob.
        let posingAsBob = PREIdentityKey(uncheckedIdentity: bob.identity, key: access.rk.r3)
        r.expectRefusal("proxy opens SEALED2 with R3 as Bob's key", matching: {
            isProtocol($0) { $0 == .decrypt }
        }) { _ = try Envelope.open(sealed2, with: posingAsBob) }
        // Mauling: a proxy (or the store) that flips one byte of the sealed body, or multiplies
        // c2 by a known factor, is caught by the AEAD (PROTOCOL.md §7–§8).
        var mauled = sealed2
        mauled[mauled.count - 20] ^= 0x01
        r.expectRefusal("Bob opens a SEALED2 whose body had one byte flipped", matching: {
            isProtocol($0) { $0 == .decrypt }
        }) { _ = try Envelope.open(mauled, with: bob.decryptionKey) }
        if c.options.thresholdProxies > 1 {
            // With threshold proxies a single proxy holds only a share; t' − 1 fragments do not convert.
            let tPrime = c.options.thresholdProxies
            let shares = try ThresholdReEncryption.split(access.rk, threshold: tPrime, proxies: tPrime)
            let (h1, _) = try SealedHeader1.decode(sealed1)
            let few = try shares.dropLast().map { try ThresholdReEncryption.fragment(h1, with: $0) }
            r.expectRefusal("t' − 1 = \(tPrime - 1) colluding proxies combine their fragments", matching: {
                isProtocol($0) { if case .param = $0 { return true } else { return false } }
            }) { _ = try ThresholdReEncryption.combine(h1, fragments: few) }
        }

        // 5. Revocation: the owner revokes Bob on the chain; a new request is refused.
        var revoke = PolicyTx(owner: keys.owner.identity.bytes, recordId: recordId, action: .revoke,
                              subject: bob.identity.bytes, expiresAt: nil, timestamp: c.nextBlockTime,
                              nonce: try SystemRandom.bytes(16))
        try IdentityTransactionSigner.sign(&revoke, key: keys.owner.signingKey, context: context,
                                           genesisHash: c.ledger.genesisHash)
        let (block, producer) = try c.produce([.policy(revoke)])
        let grant = c.ledger.grant(record: recordId, identity: bob.identity.bytes)
        r.check(grant?.revoked == true, "owner revoked \(bob.name) in block \(block.height) by \(c.nodeName(producer))")
        let (bobSigned, bobTx) = try AccessStep.makeRequest(by: bob, record: recordId, proxies: 1, c: c,
                                                            context: context)
        r.expectRefusal("Bob's fresh request after revocation, at the owner", matching: {
            isProtocol($0) { if case .policy = $0 { return true } else { return false } }
        }) { _ = try owner.authorize(bobSigned, record: recordId, onChain: nil, now: c.clock.now) }
        r.expectRefusal("Bob's fresh request transaction after revocation, at the ledger", matching: isRule(.policy)) {
            try c.produce([.request(bobTx)])
        }
    }
}
