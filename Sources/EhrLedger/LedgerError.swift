// SPDX-License-Identifier: Apache-2.0

/// Everything the ledger can fail with. The four cases map onto C status codes:
/// `rejected` → `EHR_ERR_LEDGER_REJECTED`, `storage` → `EHR_ERR_STORAGE`,
/// `corrupt` → `EHR_ERR_CORRUPT`, `notFound` → `EHR_ERR_NOT_FOUND`.
public enum LedgerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A block, transaction or genesis breaks a rule; nothing was changed.
    case rejected(Rejection)
    /// An I/O or database failure; the stored chain is unchanged (SQLite rolled back).
    case storage(String)
    /// Stored data fails verification. `height` is the first bad block when known
    /// (nil when the database file itself is unreadable).
    case corrupt(height: UInt64?, reason: String)
    /// No such block, transaction, record or node.
    case notFound(String)

    /// Shorthand for `.rejected(Rejection(rule, reason))`.
    static func reject(_ rule: ValidationRule, _ reason: String) -> LedgerError {
        .rejected(Rejection(rule: rule, reason: reason))
    }

    /// The rule when this is a rejection.
    public var rule: ValidationRule? {
        if case let .rejected(r) = self { return r.rule }
        return nil
    }

    public var description: String {
        switch self {
        case let .rejected(r): return "rejected: \(r)"
        case let .storage(m): return "storage: \(m)"
        case let .corrupt(h, m): return "corrupt" + (h.map { " at height \($0)" } ?? "") + ": \(m)"
        case let .notFound(m): return "not found: \(m)"
        }
    }
}
