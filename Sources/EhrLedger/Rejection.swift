// SPDX-License-Identifier: Apache-2.0

/// Why a block or transaction was rejected: the rule it broke and a readable reason.
public struct Rejection: Sendable, Equatable, CustomStringConvertible {
    public let rule: ValidationRule
    public let reason: String

    public init(rule: ValidationRule, reason: String) {
        self.rule = rule
        self.reason = reason
    }

    public var description: String { "\(rule.rawValue): \(reason)" }
}
