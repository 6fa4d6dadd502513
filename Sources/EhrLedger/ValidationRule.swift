// SPDX-License-Identifier: Apache-2.0

/// The validation rules, one case per rule, named in every rejection (docs/LEDGER.md §5).
public enum ValidationRule: String, Sendable, CaseIterable {
    // MARK: Encoding
    /// Bytes do not decode: magic, version, type, lengths, trailing bytes, field ranges.
    case encoding
    /// A transaction or block exceeds the consensus size bounds (`LedgerLimits`), or a side
    /// branch exceeds what a node keeps of side branches.
    case size
    // MARK: Block rules
    /// Genesis parameters are inconsistent (K, nodes, stakes, keys).
    case genesis
    /// Height is not parent height + 1.
    case height
    /// Previous-hash link does not name the parent (or the parent is unknown).
    case link
    /// Timestamp not after the parent's slot, not on the slot grid, or too far in the future.
    case timestamp
    /// The producer is not the one scheduled for the block's slot.
    case producer
    /// The producer's Ed25519 signature over the header is invalid.
    case blockSignature
    /// The Merkle root does not commit to the transactions, or the count differs.
    case merkleRoot
    /// The block is already known.
    case duplicateBlock
    /// The block would replace an irreversible block.
    case irreversible
    // MARK: Transaction rules
    /// A node-key (Ed25519) or identity signature on a transaction is invalid.
    case txSignature
    /// A node index or name is unknown, or a registration reuses a name or key.
    case node
    /// Stake is zero, exceeds the sponsor's stake, or would overflow.
    case stake
    /// A vote approves too many, repeated or unknown candidates.
    case vote
    /// A node transaction's sequence number is not the node's next one.
    case sequence
    /// The record id is already used, or the record or its owner is unknown.
    case record
    /// Only the record's owner may change its policy or register it.
    case ownership
    /// A request is not allowed by the record's policy (never granted, revoked or expired).
    case policy
    /// A signed transaction's timestamp is outside the replay window around the block time.
    case stale
    /// A (signer, nonce) pair was already used.
    case replay
    /// A receipt names an unknown request, a proxy not chosen for it, or repeats one.
    case receipt
    /// A threshold t' outside 1...K, or another out-of-range parameter.
    case parameter
    /// Evidence of a double-signed slot that does not prove one (headers not of one producer
    /// and one slot, identical, badly signed) or that the chain already holds.
    case evidence
}
