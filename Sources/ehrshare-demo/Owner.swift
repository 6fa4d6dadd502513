// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import EhrProtocol

/// The data owner's service (DESIGN.md §1): answers signed access requests. It verifies the
/// requester's Cha–Cheon signature, freshness and nonce (`AccessGate`, PROTOCOL.md §9), checks
/// the policy *as it stands on the chain* and that the request is on the chain with the
/// proxies the ledger chose, and only then issues a re-encryption key owner → requester.
final class Owner {
    let actor: Actor
    let gate: AccessGate
    let consortium: Consortium

    init(actor: Actor, context: PREContext, consortium: Consortium) {
        self.actor = actor
        self.consortium = consortium
        // The owner's replay window is the consortium's (genesis), like the ledger's.
        gate = AccessGate(ownerKey: actor.decryptionKey, context: context,
                          replayGuard: ReplayGuard(windowMs: UInt64(consortium.genesis.replayWindowMillis)))
    }

    /// The record's policy for `requester`, read from the ledger (grant, expiry, revocation).
    func policy(record recordId: [UInt8], for requester: Identity) -> AccessPolicy {
        var p = AccessPolicy(recordId: recordId, owner: actor.identity)
        if let g = consortium.ledger.grant(record: recordId, identity: requester.bytes) {
            if g.revoked { p.revoke(requester) } else { p.grant(requester, until: g.expiresAt) }
        }
        return p
    }

    /// Checks a SIGNED access request and returns the re-encryption key.
    /// - Parameter onChain: the id of the matching `request` transaction, which must be on the
    ///   chain, for this record and requester (the proxies only act on it).
    /// - Throws: the library's error for the first failed check.
    func authorize(_ signedRequest: [UInt8], record recordId: [UInt8], onChain requestId: [UInt8]?,
                   now: UInt64) throws -> ReEncryptionKey {
        // The requester named inside the request selects the policy entry; the gate then checks
        // that the signer is that requester, so a forged name gains nothing.
        let claimed = (try? SignedMessage(encoded: signedRequest, context: gate.context))?.signer
        let requester = try claimed ?? Identity("unknown:requester")
        let (request, rk) = try gate.authorize(signedRequest, policy: policy(record: recordId, for: requester), now: now)
        if let requestId {
            guard let info = consortium.ledger.request(id: requestId), info.requester == request.requester.bytes,
                info.recordId == recordId
            else { throw ProtocolError.policy("no matching request on the chain") }
        }
        return rk
    }
}
