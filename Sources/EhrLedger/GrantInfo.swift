// SPDX-License-Identifier: Apache-2.0

/// One identity's standing in a record's policy.
public struct GrantInfo: Sendable, Equatable {
    public var expiresAt: UInt64?
    public var revoked: Bool
}
