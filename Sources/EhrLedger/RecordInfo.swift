// SPDX-License-Identifier: Apache-2.0

/// A record as the chain state knows it.
public struct RecordInfo: Sendable, Equatable {
    public var owner: [UInt8]
    public var ciphertextSHA256: [UInt8]
    public var storageURI: [UInt8]
    /// Height of the block that published it.
    public var height: UInt64
}
