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
}

/// A record as the chain state knows it.
public struct RecordInfo: Sendable, Equatable {
    public var owner: [UInt8]
    public var ciphertextSHA256: [UInt8]
    public var storageURI: [UInt8]
    /// Height of the block that published it.
    public var height: UInt64
}

/// One identity's standing in a record's policy.
public struct GrantInfo: Sendable, Equatable {
    public var expiresAt: UInt64?
    public var revoked: Bool
}

/// An accepted access request, its chosen proxies and the receipts so far.
public struct RequestInfo: Sendable, Equatable {
    public var requester: [UInt8]
    public var recordId: [UInt8]
    public var height: UInt64
    /// The node indices chosen as proxies (t' of them), in schedule order.
    public var proxies: [UInt16]
    /// Re-encrypted header hash reported by each proxy that has answered.
    public var receipts: [UInt16: [UInt8]]
}
