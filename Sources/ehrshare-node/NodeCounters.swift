// SPDX-License-Identifier: Apache-2.0

/// Counters the node keeps for /metrics (the chain's own numbers come from the ledger).
struct NodeCounters {
    var producedBlocks: UInt64 = 0
    /// Slots this node was scheduled for and could not fill (no peers, syncing, or an error).
    var skippedOwnSlots: UInt64 = 0
    var receivedBlocks: UInt64 = 0
    var reorganizations: UInt64 = 0
    var acceptedTransactions: UInt64 = 0
    /// Peers cut off for invalid data or flooding.
    var peerViolations: UInt64 = 0
    /// Connections refused at the TLS handshake or the hello.
    var refusedConnections: UInt64 = 0
    var syncedBlocks: UInt64 = 0
}
