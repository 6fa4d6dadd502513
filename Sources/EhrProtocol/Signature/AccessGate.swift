// SPDX-License-Identifier: Apache-2.0

/// The data owner's side of an access request (DESIGN.md §1): verify the
/// requester's signature, its freshness and nonce, check the record's policy,
/// and only then issue a re-encryption key owner → requester.
///
/// This is the check the paper's §3.2 attacks target: a forged request from
/// an identity without a policy entry (case 1), a request re-attributed to
/// another identity, a replayed or stale request. Each fails with its own
/// error and yields no key.
public final class AccessGate: Sendable {
    public let context: PREContext
    public let ownerKey: PREIdentityKey
    public let replayGuard: ReplayGuard

    /// - Parameters:
    ///   - ownerKey: the data owner's decryption key (the delegator of every key issued).
    ///   - context: the deployment.
    ///   - replayGuard: the nonce memory, shared by every gate of this owner.
    public init(ownerKey: PREIdentityKey, context: PREContext, replayGuard: ReplayGuard = ReplayGuard()) {
        self.ownerKey = ownerKey
        self.context = context
        self.replayGuard = replayGuard
    }

    /// Checks a SIGNED access request and returns the request and a fresh re-encryption key.
    ///
    /// Order: decode and verify the signature (`.verify`, decoder errors); purpose 1 (`.param`);
    /// payload (`.length`/`.param`); requester = signer (`.verify`); record and owner match the
    /// policy (`.policy`/`.param`); freshness and nonce (`.stale`/`.replay`, recorded only now,
    /// after the signature verified); the policy grants the requester at `now` (`.policy`).
    /// - Parameter now: the owner's clock, Unix ms.
    public func authorize(_ request: [UInt8], policy: AccessPolicy,
                          now: UInt64) throws -> (request: AccessRequest, key: ReEncryptionKey) {
        let signed = try SignedMessage(encoded: request, context: context)
        guard signed.purpose == .accessRequest else {
            throw ProtocolError.param("SIGNED purpose \(signed.purpose.rawValue) is not an access request")
        }
        let req = try AccessRequest(payload: signed.payload)
        guard req.requester == signed.signer else {
            throw ProtocolError.verify("request names \(req.requester) but is signed by \(signed.signer)")
        }
        guard policy.owner == ownerKey.identity else {
            throw ProtocolError.param("policy belongs to \(policy.owner), not \(ownerKey.identity)")
        }
        guard req.recordId == policy.recordId else { throw ProtocolError.policy("request is for another record") }
        try replayGuard.accept(signer: signed.signer, nonce: signed.nonce, timestamp: signed.timestamp, now: now)
        try policy.check(signed.signer, now: now)
        return (req, try IBP1.rekey(from: ownerKey, to: signed.signer, context: context))
    }
}
