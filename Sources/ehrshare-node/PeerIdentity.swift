// SPDX-License-Identifier: Apache-2.0

/// What the TLS handshake proved about the other side of one connection: the genesis index
/// whose pinned SPKI fingerprint its certificate carries. Filled by the verification
/// callback during the handshake, read by `PeerHandler` when the hello arrives; both run on
/// the node's single event loop.
final class PeerIdentity {
    /// The index the certificate belongs to; nil until (and unless) the handshake verified it.
    var index: UInt16?
    /// For an outbound connection, the index that was dialled.
    let expected: UInt16?

    init(expected: UInt16?) { self.expected = expected }
}
