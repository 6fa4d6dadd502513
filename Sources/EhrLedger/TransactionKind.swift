// SPDX-License-Identifier: Apache-2.0

/// The kinds of transaction, with their type bytes.
public enum TransactionKind: UInt8, Sendable, CaseIterable {
    /// A node joins: stake moved from a sponsoring node, new node key.
    case register = 0x60
    /// A node's stake-weighted approval of up to K candidates.
    case vote = 0x61
    /// An owner publishes an encrypted record: hash, storage URI, initial policy.
    case record = 0x62
    /// An owner grants or revokes an identity's access, optionally with an expiry.
    case policy = 0x63
    /// A user asks for access to a record.
    case request = 0x64
    /// A proxy reports the re-encrypted header it produced for a request.
    case receipt = 0x65
    /// An opaque DKG broadcast (PROTOCOL.md §4), signed by the sending node.
    case dkg = 0x66
}
