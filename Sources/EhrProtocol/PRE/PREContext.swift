// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrPairing

/// The public side of one deployment for IBPRE and signatures: the master
/// public key `y = s·g2` (PROTOCOL.md §4), its fingerprint
/// `fp = SHA-256("EHRSHARE-V1-MPK" ‖ enc(y))`, precomputed Miller-loop lines
/// for the fixed G2 arguments `g2` and `y` (§2), and the per-recipient cache
/// of `E = e(H1e(id), y)` (§6).
///
/// Immutable apart from the internally locked cache: share one instance
/// across threads.
public final class PREContext: Sendable {
    /// The master public key `y` (G2).
    public let masterPublicKey: G2Affine
    /// Its compressed encoding (96 bytes).
    public let masterPublicKeyBytes: [UInt8]
    /// `fp`, pinned by clients and carried in SIGNED envelopes (§9).
    public let fingerprint: [UInt8]
    /// Lines of `y`.
    let yPrepared: G2Prepared
    /// Lines of `−g2` (signature and key checks are `e(A, −g2)·e(B, y) = 1`).
    let negG2Prepared: G2Prepared
    /// Cache of `e(H1e(id), y)`.
    public let recipientCache: RecipientCache

    /// - Parameters:
    ///   - masterPublicKey: `y`; must be in G2 and not the identity.
    ///   - cache: a cache to use (shared between contexts if desired).
    /// - Throws: `ProtocolError.param` for the identity or a point outside G2.
    public init(masterPublicKey y: G2Affine, cache: RecipientCache = RecipientCache()) throws(ProtocolError) {
        guard !y.isInfinity, y.isOnCurve, y.isInSubgroup else { throw .param("master public key is not a G2 element") }
        masterPublicKey = y
        masterPublicKeyBytes = y.compressed
        fingerprint = SHA256.hash(parts: [DomainTags.mpkFingerprint, y.compressed])
        yPrepared = G2Prepared(y)
        negG2Prepared = G2Prepared(-G2Affine.generator)
        recipientCache = cache
    }

    /// Decodes `y` (96 bytes, compressed) with every check of §11 rule 4.
    /// - Throws: `CurveError` from the decoder, `ProtocolError.param` otherwise.
    public convenience init(masterPublicKeyBytes bytes: [UInt8], cache: RecipientCache = RecipientCache()) throws {
        try self.init(masterPublicKey: try G2Affine(compressed: bytes), cache: cache)
    }

    /// `E = e(H1e(id), y)`, from the cache when possible.
    public func recipientFactor(_ id: Identity) throws(ProtocolError) -> GT {
        try recipientCache.value(id: id.bytes, masterKey: masterPublicKeyBytes) { () throws(ProtocolError) -> GT in
            pairing(try IdentityHashes.h1Enc(id), yPrepared)
        }
    }

    /// `e(a, −g2)·e(b, y) == 1` with one shared final exponentiation: the shape
    /// of every key and signature check (§5, §9).
    func checkAgainstMasterKey(_ a: G1Affine, _ b: G1Affine) -> Bool {
        multiPairing([(a, negG2Prepared), (b, yPrepared)]).isOne
    }
}
