// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField

/// An identity decryption key `ske = s·H1e(id)` (PROTOCOL.md §5) bound to its
/// identity. The key material itself is produced by threshold extraction
/// (Keys/DKG); this wrapper only ties it to `id` so that IBP1 and the envelope
/// can refuse, with a clear error, to apply a key to someone else's ciphertext.
public struct PREIdentityKey: Sendable {
    /// The identity the key belongs to.
    public let identity: Identity
    /// `ske` (G1). Secret.
    public let point: G1Affine

    /// Wraps `point` after checking `e(ske, −g2)·e(H1e(id), y) = 1`, i.e. that it
    /// is the decryption key of `identity` under `context`'s master key.
    /// - Throws: `ProtocolError.verify` if it is not; `.param` for the identity point.
    public init(identity: Identity, key point: G1Affine, context: PREContext) throws(ProtocolError) {
        guard !point.isInfinity else { throw .param("identity key is the point at infinity") }
        guard context.checkAgainstMasterKey(point, try IdentityHashes.h1Enc(identity)) else {
            throw .verify("decryption key does not belong to \(identity)")
        }
        self.identity = identity
        self.point = point
    }

    /// Wraps `point` without the pairing check (for callers that verified it
    /// when combining partial keys, §5). A wrong key then fails at decryption.
    public init(uncheckedIdentity identity: Identity, key point: G1Affine) {
        self.identity = identity
        self.point = point
    }

    /// The 48-byte compressed encoding of the secret key (wipe the copy when done).
    public var secretBytes: [UInt8] { point.compressed }
}
