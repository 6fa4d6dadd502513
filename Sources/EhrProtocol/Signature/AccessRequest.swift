// SPDX-License-Identifier: Apache-2.0

/// A data user's request for a record (DESIGN.md §1), carried as the payload
/// of a SIGNED envelope with purpose 1 (PROTOCOL.md §9); the envelope adds
/// the signer, a timestamp and a nonce.
///
/// Payload encoding: `record id (u32 length + 1…1024 bytes) ‖ requester id (u16 length + bytes)`.
/// The requester must be the envelope's signer (checked by ``AccessGate``),
/// so a request cannot obtain a re-encryption key for someone else.
public struct AccessRequest: Sendable, Equatable {
    public static let maxRecordIdBytes = 1024

    public let recordId: [UInt8]
    public let requester: Identity

    /// - Throws: `ProtocolError.param` for an empty or oversized record id.
    public init(recordId: [UInt8], requester: Identity) throws(ProtocolError) {
        guard !recordId.isEmpty, recordId.count <= AccessRequest.maxRecordIdBytes else {
            throw .param("record id must be 1…\(AccessRequest.maxRecordIdBytes) bytes")
        }
        self.recordId = recordId
        self.requester = requester
    }

    /// The payload bytes.
    public var payload: [UInt8] {
        var w = WireWriter()
        w.blob(recordId)
        w.id(requester.bytes)
        return w.bytes
    }

    /// Decodes a payload.
    /// - Throws: `ProtocolError.length` or `.param`.
    public init(payload: [UInt8]) throws(ProtocolError) {
        var r = WireReader(raw: payload)
        let record = try r.blob("record id", limit: AccessRequest.maxRecordIdBytes)
        let requester = try r.id("requester id")
        try r.finish()
        try self.init(recordId: record, requester: requester)
    }

    /// Signs the request as its requester.
    /// - Parameters:
    ///   - timestamp: Unix ms of the requester's clock.
    ///   - nonce: 16 bytes, random when `nil`.
    public func sign(with key: IdentitySigningKey, context: PREContext, timestamp: UInt64,
                     nonce: [UInt8]? = nil) throws(ProtocolError) -> SignedMessage {
        try SignedMessage.sign(purpose: .accessRequest, payload: payload, key: key, context: context,
                               timestamp: timestamp, nonce: nonce)
    }
}
