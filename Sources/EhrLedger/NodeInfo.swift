// SPDX-License-Identifier: Apache-2.0

/// A consortium node as the chain state knows it.
public struct NodeInfo: Sendable, Equatable {
    public var name: [UInt8]
    /// Ed25519 public key for block and node-transaction signatures.
    public var key: [UInt8]
    public var stake: UInt64
    /// Last used sequence number of the node's own transactions (register-as-sponsor,
    /// vote, dkg); the next must be this + 1.
    public var sequence: UInt64
    /// Blocks produced on the current chain.
    public var producedBlocks: UInt64
    /// Slots this node was scheduled for and did not fill.
    public var missedSlots: UInt64
    /// Proven to have signed two blocks for one slot (an `evidence` transaction): refused as
    /// a producer for the rest of its round and never elected again.
    public var excluded: Bool = false
}
