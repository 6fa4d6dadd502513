// SPDX-License-Identifier: Apache-2.0
import EhrCurve

/// An identity signing key `sks = s·H1s(id)` (PROTOCOL.md §5), separate from
/// the decryption key so that a proxy colluding with a delegatee, who can
/// recover `ske` (§8), still cannot sign in the delegator's name.
public struct IdentitySigningKey: Sendable {
    public let identity: Identity
    /// `sks` (G1). Secret.
    public let point: G1Affine

    /// Wraps `point` after checking `e(sks, −g2)·e(H1s(id), y) = 1`.
    /// - Throws: `ProtocolError.verify` for a key of another identity (or a decryption key);
    ///   `.param` for the point at infinity.
    public init(identity: Identity, key point: G1Affine, context: PREContext) throws(ProtocolError) {
        guard !point.isInfinity else { throw .param("signing key is the point at infinity") }
        guard context.checkAgainstMasterKey(point, try IdentityHashes.h1Sig(identity)) else {
            throw .verify("signing key does not belong to \(identity)")
        }
        self.identity = identity
        self.point = point
    }

    /// Wraps `point` without the check; signatures by a wrong key simply fail to verify.
    public init(uncheckedIdentity identity: Identity, key point: G1Affine) {
        self.identity = identity
        self.point = point
    }
}
