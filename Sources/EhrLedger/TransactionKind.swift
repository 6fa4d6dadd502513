// SPDX-License-Identifier: Apache-2.0
import EhrWire

/// The kinds of transaction. Their type bytes are EhrWire's registry entries (`WireType`
/// 0x60–0x67); `rawValue` is that byte, so the ledger defines none of its own.
public enum TransactionKind: Sendable, CaseIterable, Hashable {
    /// A node joins: stake moved from a sponsoring node, new node key.
    case register
    /// A node's stake-weighted approval of up to K candidates.
    case vote
    /// An owner publishes an encrypted record: hash, storage URI, initial policy.
    case record
    /// An owner grants or revokes an identity's access, optionally with an expiry.
    case policy
    /// A user asks for access to a record.
    case request
    /// A proxy reports the re-encrypted header it produced for a request.
    case receipt
    /// An opaque DKG broadcast (PROTOCOL.md §4), signed by the sending node.
    case dkg
    /// Proof that a producer signed two blocks for one slot; it loses its active seat.
    case evidence

    /// The registry entry of this kind.
    public var wireType: WireType {
        switch self {
        case .register: return .registerTx
        case .vote: return .voteTx
        case .record: return .recordTx
        case .policy: return .policyTx
        case .request: return .requestTx
        case .receipt: return .receiptTx
        case .dkg: return .dkgTx
        case .evidence: return .evidenceTx
        }
    }

    /// The type byte (what the block store indexes and the C ABI reports).
    public var rawValue: UInt8 { wireType.rawValue }

    /// The kind whose type byte is `rawValue`, or nil for any other byte.
    public init?(rawValue: UInt8) {
        guard let kind = TransactionKind.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = kind
    }
}
