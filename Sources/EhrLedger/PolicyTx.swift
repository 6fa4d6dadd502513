// SPDX-License-Identifier: Apache-2.0

/// `policy` (0x63): the record's owner grants or revokes one identity's access.
///
/// Layout: `owner id ‖ recordId[32] ‖ action u8 (1 grant, 2 revoke) ‖ subject id ‖
/// expiresAt u64 (0 = never; must be 0 for revoke) ‖ ts u64 ‖ nonce[16] ‖ signature blob`.
public struct PolicyTx: TransactionBody {
    static let kind = TransactionKind.policy

    /// What the policy change does.
    public enum Action: UInt8, Sendable {
        case grant = 1
        case revoke = 2
    }

    public var owner: [UInt8]
    public var recordId: [UInt8]
    public var action: Action
    public var subject: [UInt8]
    public var expiresAt: UInt64?
    public var timestamp: UInt64
    public var nonce: [UInt8]
    public var signature: [UInt8]

    public init(
        owner: [UInt8], recordId: [UInt8], action: Action, subject: [UInt8], expiresAt: UInt64? = nil,
        timestamp: UInt64, nonce: [UInt8], signature: [UInt8] = []
    ) {
        self.owner = owner
        self.recordId = recordId
        self.action = action
        self.subject = subject
        self.expiresAt = expiresAt
        self.timestamp = timestamp
        self.nonce = nonce
        self.signature = signature
    }

    /// The wire encoding.
    public var encoded: [UInt8] { encodedBody }

    /// The bytes the signature(s) cover: `"EHRS" 01 0x53 ‖ genesis hash ‖ unsigned encoding`.
    public func signingMessage(genesisHash: [UInt8]) -> [UInt8] { signingMessageBody(genesisHash: genesisHash) }

    func writeUnsigned(_ w: inout WireWriter) {
        w.id(owner)
        w.raw(recordId)
        w.u8(action.rawValue)
        w.id(subject)
        w.u64(expiresAt ?? 0)
        w.u64(timestamp)
        w.raw(nonce)
    }

    func writeSignatures(_ w: inout WireWriter) { w.blob(signature) }

    static func read(_ r: inout WireReader) throws(LedgerError) -> PolicyTx {
        let owner = try r.idBytes("policy.owner")
        let recordId = try r.raw(32, "policy.recordId")
        let rawAction = try r.u8("policy.action")
        guard let action = Action(rawValue: rawAction) else {
            throw .reject(.encoding, "policy.action: unknown action \(rawAction)")
        }
        let subject = try r.idBytes("policy.subject")
        let expiry = try r.u64("policy.expiresAt")
        guard action == .grant || expiry == 0 else { throw .reject(.encoding, "policy.expiresAt: set on a revoke") }
        return PolicyTx(
            owner: owner, recordId: recordId, action: action, subject: subject, expiresAt: expiry == 0 ? nil : expiry,
            timestamp: try r.u64("policy.timestamp"), nonce: try r.raw(16, "policy.nonce"),
            signature: try r.blob("policy.signature", limit: WireFormat.maxBlob))
    }
}
