// SPDX-License-Identifier: Apache-2.0

/// Transaction rules (docs/LEDGER.md §5.2). Cheap structural checks come first, then
/// freshness and replay, then signatures, then the rules that read the state. Every rule of
/// a transaction is checked before any of its effects is written, so a failing transaction
/// leaves the state as it was (block builders rely on this to skip it).
extension ChainState {
    mutating func apply(_ tx: Transaction, id: [UInt8], context c: TxContext) throws(LedgerError) {
        // A transaction built in memory may hold a field its wire format cannot carry (an
        // over-long URI, a 2 MiB payload, a 31-byte nonce). Accepting it would store a block
        // that no longer decodes, so every transaction must survive its own encoding.
        let decoded: Transaction
        do throws(LedgerError) { decoded = try Transaction.decode(tx.encoded) } catch let LedgerError.rejected(r) {
            throw .reject(.encoding, "does not survive its own encoding: \(r.reason)")
        }
        guard decoded == tx else { throw .reject(.encoding, "a field does not fit its wire encoding") }
        switch tx {
        case let .register(t): try applyRegister(t, c)
        case let .vote(t): try applyVote(t, c)
        case let .record(t): try applyRecord(t, c)
        case let .policy(t): try applyPolicy(t, c)
        case let .request(t): try applyRequest(t, id: id, c)
        case let .receipt(t): try applyReceipt(t, c)
        case let .dkg(t): try applyDKG(t, c)
        case let .evidence(t): try applyEvidence(t, c)
        }
    }

    // MARK: - Node transactions (Ed25519 node keys, sequence numbers)

    private mutating func applyRegister(_ t: RegisterTx, _ c: TxContext) throws(LedgerError) {
        let sponsor = try node(t.sponsor, "sponsor")
        try checkSequence(t.sponsor, t.sponsorSequence)
        guard core.nodes.count < Int(UInt16.max) else { throw .reject(.node, "node table is full") }
        guard (1...255).contains(t.name.count) else { throw .reject(.node, "node name must be 1-255 bytes") }
        guard core.nodeByName[t.name] == nil else { throw .reject(.node, "node name is already registered") }
        guard core.nodeByKey[t.nodeKey] == nil else { throw .reject(.node, "node key is already registered") }
        guard Ed25519.isValidPublicKey(t.nodeKey) else { throw .reject(.node, "node key is not an Ed25519 key") }
        guard t.stake > 0 else { throw .reject(.stake, "stake must be positive") }
        guard t.stake <= sponsor.stake else {
            throw .reject(.stake, "sponsor \(t.sponsor) has stake \(sponsor.stake), cannot move \(t.stake)")
        }
        if c.checkSignatures {
            let message = t.signingMessage(genesisHash: genesisHash)
            guard Ed25519.verify(publicKey: sponsor.key, message: message, signature: t.sponsorSignature) else {
                throw .reject(.txSignature, "sponsor signature is invalid")
            }
            guard Ed25519.verify(publicKey: t.nodeKey, message: message, signature: t.nodeSignature) else {
                throw .reject(.txSignature, "new node's signature (proof of key possession) is invalid")
            }
        }
        let index = UInt16(core.nodes.count)
        core.nodes[Int(t.sponsor)].stake -= t.stake
        core.nodes[Int(t.sponsor)].sequence = t.sponsorSequence
        core.nodes.append(
            NodeInfo(name: t.name, key: t.nodeKey, stake: t.stake, sequence: 0, producedBlocks: 0, missedSlots: 0))
        core.nodeByName[t.name] = index
        core.nodeByKey[t.nodeKey] = index
    }

    private mutating func applyVote(_ t: VoteTx, _ c: TxContext) throws(LedgerError) {
        let voter = try node(t.voter, "voter")
        try checkSequence(t.voter, t.sequence)
        guard t.candidates.count <= k else {
            throw .reject(.vote, "\(t.candidates.count) candidates approved, at most K = \(k)")
        }
        guard Set(t.candidates).count == t.candidates.count else { throw .reject(.vote, "a candidate is repeated") }
        for cand in t.candidates where Int(cand) >= core.nodes.count {
            throw .reject(.vote, "candidate \(cand) is not a registered node")
        }
        if c.checkSignatures {
            guard Ed25519.verify(publicKey: voter.key, message: t.signingMessage(genesisHash: genesisHash), signature: t.signature)
            else { throw .reject(.txSignature, "voter signature is invalid") }
        }
        core.nodes[Int(t.voter)].sequence = t.sequence
        core.votes[t.voter] = t.candidates.isEmpty ? nil : t.candidates
    }

    private mutating func applyReceipt(_ t: ReceiptTx, _ c: TxContext) throws(LedgerError) {
        let proxy = try node(t.proxy, "proxy")
        guard var request = requests[t.requestId] else {
            throw .reject(.receipt, "no request with this id is on the chain")
        }
        guard request.proxies.contains(t.proxy) else {
            throw .reject(.receipt, "node \(t.proxy) is not a proxy chosen for this request")
        }
        guard request.receipts[t.proxy] == nil else {
            throw .reject(.receipt, "node \(t.proxy) already recorded a receipt for this request")
        }
        if c.checkSignatures {
            guard Ed25519.verify(publicKey: proxy.key, message: t.signingMessage(genesisHash: genesisHash), signature: t.signature)
            else { throw .reject(.txSignature, "proxy signature is invalid") }
        }
        request.receipts[t.proxy] = t.reencryptedHash
        setRequest(t.requestId, request)
    }

    private mutating func applyDKG(_ t: DKGTx, _ c: TxContext) throws(LedgerError) {
        let sender = try node(t.sender, "sender")
        try checkSequence(t.sender, t.sequence)
        if c.checkSignatures {
            guard Ed25519.verify(publicKey: sender.key, message: t.signingMessage(genesisHash: genesisHash), signature: t.signature)
            else { throw .reject(.txSignature, "DKG sender signature is invalid") }
        }
        core.nodes[Int(t.sender)].sequence = t.sequence
    }

    private mutating func applyEvidence(_ t: EvidenceTx, _ c: TxContext) throws(LedgerError) {
        let reporter = try node(t.reporter, "reporter")
        try checkSequence(t.reporter, t.sequence)
        let a = t.first.header, b = t.second.header
        guard a.producer == b.producer else { throw .reject(.evidence, "the headers name producers \(a.producer) and \(b.producer)") }
        let accused = try node(a.producer, "accused producer")
        guard let slotA = slot(of: a.timestamp), let slotB = slot(of: b.timestamp) else {
            throw .reject(.evidence, "a header's timestamp is not on the slot grid")
        }
        guard slotA == slotB else { throw .reject(.evidence, "the headers are for slots \(slotA) and \(slotB)") }
        guard a != b else { throw .reject(.evidence, "the two headers are the same") }
        guard !accused.excluded else { throw .reject(.evidence, "node \(a.producer) is already excluded") }
        // Excluding the last eligible node would leave slots nobody may fill.
        guard core.nodes.indices.contains(where: { $0 != Int(a.producer) && !core.nodes[$0].excluded }) else {
            throw .reject(.evidence, "node \(a.producer) is the last node that may produce")
        }
        if c.checkSignatures {
            // Verified whatever the block's own flag says about re-application: this is the
            // proof, not a block signature checked before.
            for h in [t.first, t.second] {
                guard Ed25519.verify(publicKey: accused.key, message: h.header.encoded, signature: h.signature) else {
                    throw .reject(.evidence, "a header is not signed by node \(a.producer)")
                }
            }
            guard Ed25519.verify(publicKey: reporter.key, message: t.signingMessage(genesisHash: genesisHash), signature: t.signature)
            else { throw .reject(.txSignature, "evidence reporter signature is invalid") }
        }
        core.nodes[Int(t.reporter)].sequence = t.sequence
        core.nodes[Int(a.producer)].excluded = true
    }

    // MARK: - Identity transactions (identity signatures, timestamps, nonces)

    private mutating func applyRecord(_ t: RecordTx, _ c: TxContext) throws(LedgerError) {
        try checkIdentity(t.owner, "owner")
        guard records[t.recordId] == nil else { throw .reject(.record, "record id is already in use") }
        guard String(validating: t.storageURI, as: UTF8.self) != nil else {
            throw .reject(.encoding, "storage URI is not UTF-8")
        }
        var seen = Set<[UInt8]>()
        for g in t.grants {
            try checkIdentity(g.identity, "grantee")
            guard seen.insert(g.identity).inserted else { throw .reject(.policy, "an identity is granted twice") }
        }
        let nonce = try checkFreshAndSigned(
            signer: t.owner, timestamp: t.timestamp, nonce: t.nonce, signature: t.signature,
            message: t.signingMessage(genesisHash: genesisHash), c)
        insertNonce(nonce)
        setRecord(
            t.recordId,
            RecordInfo(owner: t.owner, ciphertextSHA256: t.ciphertextSHA256, storageURI: t.storageURI, height: c.height))
        for g in t.grants {
            setGrant(ChainState.grantKey(record: t.recordId, identity: g.identity), GrantInfo(expiresAt: g.expiresAt, revoked: false))
        }
    }

    private mutating func applyPolicy(_ t: PolicyTx, _ c: TxContext) throws(LedgerError) {
        try checkIdentity(t.owner, "owner")
        try checkIdentity(t.subject, "subject")
        guard let record = records[t.recordId] else { throw .reject(.record, "no record with this id") }
        let nonce = try checkFreshAndSigned(
            signer: t.owner, timestamp: t.timestamp, nonce: t.nonce, signature: t.signature,
            message: t.signingMessage(genesisHash: genesisHash), c)
        guard record.owner == t.owner else { throw .reject(.ownership, "only the record's owner may change its policy") }
        let key = ChainState.grantKey(record: t.recordId, identity: t.subject)
        switch t.action {
        case .grant:
            if let expiry = t.expiresAt, expiry <= c.timestamp {
                throw .reject(.policy, "grant expires at \(expiry), not after the block time \(c.timestamp)")
            }
            insertNonce(nonce)
            setGrant(key, GrantInfo(expiresAt: t.expiresAt, revoked: false))
        case .revoke:
            guard let g = grants[key], !g.revoked else { throw .reject(.policy, "no active grant to revoke") }
            insertNonce(nonce)
            setGrant(key, GrantInfo(expiresAt: g.expiresAt, revoked: true))
        }
    }

    private mutating func applyRequest(_ t: RequestTx, id: [UInt8], _ c: TxContext) throws(LedgerError) {
        try checkIdentity(t.requester, "requester")
        guard let record = records[t.recordId] else { throw .reject(.record, "no record with this id") }
        guard t.proxyCount >= 1, Int(t.proxyCount) <= k else {
            throw .reject(.parameter, "t' = \(t.proxyCount) proxies must be in 1...K = \(k)")
        }
        let nonce = try checkFreshAndSigned(
            signer: t.requester, timestamp: t.timestamp, nonce: t.nonce, signature: t.signature,
            message: t.signingMessage(genesisHash: genesisHash), c)
        if record.owner != t.requester {
            guard let g = grants[ChainState.grantKey(record: t.recordId, identity: t.requester)] else {
                throw .reject(.policy, "the requester was never granted access to this record")
            }
            guard !g.revoked else { throw .reject(.policy, "the requester's access was revoked") }
            if let expiry = g.expiresAt, expiry <= c.timestamp {
                throw .reject(.policy, "the requester's access expired at \(expiry)")
            }
        }
        // Proxies: the t' producers of this round's schedule from the including slot on.
        let proxies = (0..<Int(t.proxyCount)).map { core.schedule[(c.slotPosition + $0) % k] }
        insertNonce(nonce)
        setRequest(
            id, RequestInfo(requester: t.requester, recordId: t.recordId, height: c.height, proxies: proxies, receipts: [:]))
    }

    // MARK: - Shared checks

    private func node(_ index: UInt16, _ role: String) throws(LedgerError) -> NodeInfo {
        guard Int(index) < core.nodes.count else { throw .reject(.node, "\(role) \(index) is not a registered node") }
        return core.nodes[Int(index)]
    }

    private func checkSequence(_ index: UInt16, _ sequence: UInt64) throws(LedgerError) {
        let last = core.nodes[Int(index)].sequence
        guard last < UInt64.max, sequence == last + 1 else {
            throw .reject(.sequence, "node \(index) sequence \(sequence), expected \(last &+ 1)")
        }
    }

    private func checkIdentity(_ identity: [UInt8], _ role: String) throws(LedgerError) {
        guard (1...WireFormat.maxIdentity).contains(identity.count), String(validating: identity, as: UTF8.self) != nil else {
            throw .reject(.encoding, "\(role) identity must be 1-1024 bytes of UTF-8")
        }
    }

    /// Replay window around the block time, (signer, nonce) never seen, identity signature.
    /// Returns the nonce key for the caller to record once all its other rules passed.
    private func checkFreshAndSigned(
        signer: [UInt8], timestamp: UInt64, nonce: [UInt8], signature: [UInt8], message: [UInt8], _ c: TxContext
    ) throws(LedgerError) -> [UInt8] {
        let window = UInt64(genesis.replayWindowMillis)
        let distance = timestamp > c.timestamp ? timestamp - c.timestamp : c.timestamp - timestamp
        guard distance <= window else {
            throw .reject(.stale, "signed at \(timestamp), \(distance) ms from the block time (window \(window) ms)")
        }
        let key = ChainState.nonceKey(signer: signer, nonce: nonce)
        guard !nonces.contains(key) else { throw .reject(.replay, "this signer already used this nonce") }
        if c.checkSignatures {
            guard c.verifier.verify(identity: signer, message: message, signature: signature) else {
                throw .reject(.txSignature, "identity signature is invalid")
            }
        }
        return key
    }
}
