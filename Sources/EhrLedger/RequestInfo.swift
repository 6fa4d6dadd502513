// SPDX-License-Identifier: Apache-2.0

/// An accepted access request, its chosen proxies and the receipts so far.
public struct RequestInfo: Sendable, Equatable {
    public var requester: [UInt8]
    public var recordId: [UInt8]
    public var height: UInt64
    /// The node indices chosen as proxies (t' of them), in schedule order.
    public var proxies: [UInt16]
    /// Re-encrypted header hash reported by each proxy that has answered.
    public var receipts: [UInt16: [UInt8]]
}
