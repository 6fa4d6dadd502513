// SPDX-License-Identifier: Apache-2.0

/// Failures of the node layer that are not a ledger rule (those stay `LedgerError`).
public enum NodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pool holds its limit of transactions or bytes; a block must drain it first.
    case poolFull(String)
    /// The transaction is larger than one pooled transaction may be.
    case transactionTooLarge(size: Int, limit: Int)
    /// A transaction kind that is not signed with an identity key was given to the identity signer.
    case notIdentitySigned(String)
    /// This node is not the producer of the slot, or its key is not the registered one.
    case notScheduled(String)

    public var description: String {
        switch self {
        case let .poolFull(m): return "pool full: \(m)"
        case let .transactionTooLarge(size, limit): return "transaction of \(size) bytes exceeds the limit of \(limit)"
        case let .notIdentitySigned(m): return m
        case let .notScheduled(m): return m
        }
    }
}
