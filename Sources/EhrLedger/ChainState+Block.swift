// SPDX-License-Identifier: Apache-2.0

/// Block rules (docs/LEDGER.md §5.1). The local-clock rule (not too far in the future) is
/// the `Ledger`'s, since it is the only rule that is not a pure function of the chain.
extension ChainState {
    /// Applies `block` on the current tip.
    /// - Parameter checkSignatures: false only when re-applying blocks this process has
    ///   already verified (rolling a fork back in); every other caller passes true.
    /// - Returns: the undo data for the block.
    /// - Throws: `LedgerError.rejected` naming the broken rule; the state is then unchanged.
    /// - Parameter headerVerified: the producer's header and beacon signatures were already
    ///   checked against its registered key (`ParallelPrecheck`); every other rule still runs.
    mutating func apply(
        _ block: Block, hash: [UInt8], verifier: any IdentitySignatureVerifier, checkSignatures: Bool = true,
        headerVerified: Bool = false
    ) throws(LedgerError) -> BlockUndo {
        let saved = beginBlock()
        do throws(LedgerError) {
            try applyHeader(block, checkSignatures: checkSignatures && !headerVerified)
            if checkSignatures {
                // All identity signatures of the block in one call: a batching verifier checks
                // them together and answers the rules' per-transaction checks from its cache.
                let claims = block.transactions.compactMap { $0.identityClaim(genesisHash: genesisHash) }
                if claims.count > 1 { _ = verifier.verifyAll(claims) }
            }
            let context = TxContext(
                height: block.header.height, timestamp: block.header.timestamp,
                slotPosition: Int(core.tipSlot % UInt64(k)), verifier: verifier, checkSignatures: checkSignatures)
            // The size bounds hold for a block made in memory as for a decoded one; each
            // transaction is encoded once here, for its id and its size.
            var blockBytes = LedgerLimits.blockOverheadBytes
            for (i, tx) in block.transactions.enumerated() {
                let encoded = tx.encoded
                guard encoded.count <= LedgerLimits.maxTransactionBytes else {
                    throw LedgerError.reject(.size, "tx \(i): \(encoded.count) bytes exceed \(LedgerLimits.maxTransactionBytes)")
                }
                blockBytes += LedgerLimits.blockBytes(ofTransaction: encoded.count)
                guard blockBytes <= LedgerLimits.maxBlockBytes else {
                    throw LedgerError.reject(.size, "block exceeds \(LedgerLimits.maxBlockBytes) bytes at tx \(i)")
                }
                do throws(LedgerError) {
                    try apply(tx, id: SHA256.hash(encoded), context: context)
                } catch let LedgerError.rejected(r) {
                    throw LedgerError.reject(r.rule, "tx \(i) (\(tx.kind)): \(r.reason)")
                }
            }
            core.tipHash = hash
            return endBlock(saved)
        } catch {
            revert(BlockUndo(core: saved, entries: endBlock(saved).entries))
            throw error
        }
    }

    /// Header rules; on success the core is advanced to the block's slot and height.
    private mutating func applyHeader(_ block: Block, checkSignatures: Bool) throws(LedgerError) {
        let h = block.header
        guard h.height == core.height + 1 else {
            throw .reject(.height, "height \(h.height) does not follow parent height \(core.height)")
        }
        guard h.previousHash == core.tipHash else {
            throw .reject(.link, "previous hash does not match the parent block's hash")
        }
        guard h.timestamp > core.tipTimestamp else {
            throw .reject(.timestamp, "timestamp \(h.timestamp) is not after the parent's \(core.tipTimestamp)")
        }
        guard let slot = slot(of: h.timestamp) else {
            throw .reject(.timestamp, "timestamp \(h.timestamp) is not on the slot grid")
        }
        guard block.transactions.count <= LedgerLimits.maxTransactionsPerBlock else {
            throw .reject(.size, "\(block.transactions.count) transactions exceed \(LedgerLimits.maxTransactionsPerBlock)")
        }
        guard Int(h.transactionCount) == block.transactions.count else {
            throw .reject(.merkleRoot, "header counts \(h.transactionCount) transactions, block has \(block.transactions.count)")
        }
        guard block.computedMerkleRoot == h.merkleRoot else {
            throw .reject(.merkleRoot, "Merkle root does not commit to the block's transactions")
        }
        enter(slot: slot)
        let expected = core.schedule[Int(slot % UInt64(k))]
        guard h.producer == expected else {
            throw .reject(.producer, "slot \(slot) belongs to node \(expected), not node \(h.producer)")
        }
        let producer = Int(h.producer)
        guard !core.nodes[producer].excluded else {
            throw .reject(.producer, "node \(producer) is excluded for signing two blocks for one slot")
        }
        if checkSignatures {
            guard Ed25519.verify(publicKey: core.nodes[producer].key, message: h.encoded, signature: block.signature) else {
                throw .reject(.blockSignature, "producer \(producer)'s signature on the header is invalid")
            }
            let beaconMessage = RoundBeacon.message(genesisHash: genesisHash, round: slot / UInt64(k))
            guard Ed25519.verify(publicKey: core.nodes[producer].key, message: beaconMessage, signature: h.beacon) else {
                throw .reject(.blockSignature, "producer \(producer)'s round beacon is not its signature on round \(slot / UInt64(k))")
            }
        }
        core.beaconSeed = RoundBeacon.fold(core.beaconSeed, h.beacon)
        core.nodes[producer].producedBlocks += 1
        core.height = h.height
        core.tipTimestamp = h.timestamp
        core.tipSlot = slot
    }
}

/// What transaction rules need to know about the block carrying them.
struct TxContext {
    let height: UInt64
    let timestamp: UInt64
    /// The including slot's position in its round's schedule.
    let slotPosition: Int
    let verifier: any IdentitySignatureVerifier
    let checkSignatures: Bool
}
