// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrCurve
import EhrProtocol
import Synchronization

/// The object behind `ehr_identity_key`: one identity with its decryption
/// key `ske` and/or signing key `sks` (PROTOCOL.md §5), both checked against
/// the context's `y` on import, and the context itself (kept alive, so a host
/// may free the context first).
///
/// The keys sit behind a lock only so that `wipe()` (called by
/// `ehr_identity_key_free`) cannot race a reader on another thread; the
/// header still forbids freeing a handle while it is in use.
final class IdentityKeyHandle: Sendable {
    struct Keys: Sendable {
        var decryption: PREIdentityKey?
        var signing: IdentitySigningKey?
    }

    let identity: Identity
    let context: PREContext
    private let keys: Mutex<Keys>

    init(identity: Identity, context: PREContext, decryption: PREIdentityKey?, signing: IdentitySigningKey?) {
        self.identity = identity
        self.context = context
        keys = Mutex(Keys(decryption: decryption, signing: signing))
    }

    /// The decryption key, or EHR_ERR_STATE for a signing-only handle.
    func decryptionKey() throws -> PREIdentityKey {
        guard let key = keys.withLock({ $0.decryption }) else {
            throw CABIFailure(EHR_ERR_STATE, "identity key of \(identity) was imported without ske")
        }
        return key
    }

    /// The key for a decryption: a handle without `ske` cannot decrypt, and to
    /// the caller of a decryption that is one more undistinguished
    /// EHR_ERR_DECRYPT, not a state error.
    func openingKey() throws(ProtocolError) -> PREIdentityKey {
        guard let key = keys.withLock({ $0.decryption }) else { throw .decrypt }
        return key
    }

    /// The signing key, or EHR_ERR_STATE for a decryption-only handle.
    func signingKey() throws -> IdentitySigningKey {
        guard let key = keys.withLock({ $0.signing }) else {
            throw CABIFailure(EHR_ERR_STATE, "identity key of \(identity) was imported without sks")
        }
        return key
    }

    /// Overwrites the stored points with the public generator before the
    /// handle goes away. Assigning a whole new value rewrites the storage in
    /// place (setting the optionals to nil would only change their tags).
    /// Copies made during calls are outside our reach: best effort, as in
    /// the Swift layer's `wipeSecret`.
    func wipe() {
        keys.withLock { k in
            let g = G1Affine.generator
            k.decryption = PREIdentityKey(uncheckedIdentity: identity, key: g)
            k.signing = IdentitySigningKey(uncheckedIdentity: identity, key: g)
            k = Keys(decryption: nil, signing: nil)
        }
    }

    deinit { wipe() }
}
