// SPDX-License-Identifier: Apache-2.0
import NIOCore

/// A peer connection the node core knows: authenticated, hello exchanged. Holds what the
/// core tracks per peer for sync. Used on the node's event loop only.
final class PeerLink {
    let index: UInt16
    let channel: Channel
    let outbound: Bool
    /// The peer's last reported chain.
    var height: UInt64 = 0
    var irreversible: UInt64 = 0
    /// The outstanding getBlocks (its `from`) and when it was sent (monotonic ms).
    var requestedFrom: UInt64?
    var requestedAt: UInt64 = 0

    init(index: UInt16, channel: Channel, outbound: Bool) {
        self.index = index
        self.channel = channel
        self.outbound = outbound
    }

    func send(_ message: PeerMessage) {
        channel.writeAndFlush(message, promise: nil)
    }
}
