// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrPairing

/// The hybrid envelope for records of any size (PROTOCOL.md §7): an IBP1
/// capsule carries a random `m ∈ GT`, HKDF-SHA256 turns `m` into an
/// AES-256-GCM key, and the record is sealed in 64 KiB chunks
/// (``ChunkedAead``) under associated data that binds owner, record context,
/// `c1` and the nonce. docs/ENVELOPE.md has the byte-level framing.
///
/// Re-encryption (``reencryptHeader(_:with:)``) touches only the header: the
/// sealed body is stored once and shared, unchanged, with every delegatee
/// (one-to-many, §6.2: ``share(_:with:)``).
///
/// Errors: decoders report structural and encoding problems as §11 says
/// (`ProtocolError.length`, `CurveError`, `PairingError`, …); every
/// cryptographic failure of opening — a key of another identity, a wrong key,
/// a tampered capsule, header field or chunk — is `ProtocolError.decrypt`,
/// deliberately undistinguished.
public enum Envelope {
    // MARK: - Seal (in memory)

    /// Seal(id, ctx, P) → SEALED1 bytes.
    /// - Parameters:
    ///   - plaintext: the record.
    ///   - owner: the identity to seal to (the data owner).
    ///   - recordContext: `ctx`, at most 64 KiB, bound into the AEAD.
    ///   - context: the deployment (master key, recipient cache).
    /// - Throws: `ProtocolError.param` for an oversized context, `.random`.
    public static func seal(_ plaintext: [UInt8], to owner: Identity, recordContext: [UInt8],
                            context: PREContext) throws(ProtocolError) -> [UInt8] {
        let bodyLength = try ChunkedAead.sealedLength(plaintextLength: UInt64(plaintext.count))
        var (header, key) = try newHeader(owner: owner, recordContext: recordContext, bodyLength: bodyLength,
                                          context: context)
        defer { wipeSecret(&key) }
        let ad = EnvelopeKeySchedule.associatedData(owner: owner, recordContext: recordContext,
                                                    c1: header.c1.compressed, nonce: header.nonce)
        let head = header.encoded
        // Uninitialised allocation (no zeroing pass over a large record): the header copy and
        // the chunks define every byte; on failure the buffer is zeroed and dropped.
        var failure: ProtocolError?
        let out = [UInt8](unsafeUninitializedCapacity: head.count + Int(bodyLength)) { buf, initialized in
            let o = UnsafeMutableRawBufferPointer(buf)
            initialized = buf.count
            o.copyBytes(from: head)
            plaintext.withUnsafeBytes { p in
                do throws(ProtocolError) {
                    try ChunkedAead.seal(key: key, nonce: header.nonce, associatedData: ad, plaintext: p,
                                         into: UnsafeMutableRawBufferPointer(rebasing: o[head.count...]))
                } catch {
                    failure = error
                    o.initializeMemory(as: UInt8.self, repeating: 0)
                }
            }
        }
        if let failure { throw failure }
        return out
    }

    /// Steps 1–2 of Seal: a fresh `m`, its capsule, a fresh `N`, and `K`.
    static func newHeader(owner: Identity, recordContext: [UInt8], bodyLength: UInt64,
                          context: PREContext) throws(ProtocolError) -> (SealedHeader1, [UInt8]) {
        guard recordContext.count <= EnvelopeKeySchedule.maxContextBytes else {
            throw .param("record context of \(recordContext.count) bytes exceeds 64 KiB")
        }
        let m = try IBP1.randomGT()
        let capsule = try IBP1.encrypt(m, to: owner, context: context)
        let nonce = try ProtocolError.lifting { () throws(CryptoError) in try SystemRandom.bytes(12) }
        let key = try EnvelopeKeySchedule.key(m: m, c1: capsule.c1.compressed)
        let header = SealedHeader1(owner: owner, recordContext: recordContext, c1: capsule.c1, c2: capsule.c2,
                                   nonce: nonce, bodyLength: bodyLength)
        return (header, key)
    }

    // MARK: - Open (in memory)

    /// Open a SEALED1 (with the owner's key) or SEALED2 (with the delegatee's key).
    /// - Returns: the plaintext; nothing on any failure.
    /// - Throws: decoder errors for malformed objects; `ProtocolError.decrypt` for every
    ///   cryptographic failure.
    public static func open(_ sealed: [UInt8], with key: PREIdentityKey) throws -> [UInt8] {
        if sealed.count > 5, sealed[5] == WireType.sealed2.rawValue {
            let (h, offset) = try SealedHeader2.decode(sealed)
            var dem = try demKey(h, key)
            defer { wipeSecret(&dem) }
            return try openBody(sealed, offset, dem, owner: h.delegator, h.recordContext, h.c1, h.nonce)
        }
        let (h, offset) = try SealedHeader1.decode(sealed)
        var dem = try demKey(h, key)
        defer { wipeSecret(&dem) }
        return try openBody(sealed, offset, dem, owner: h.owner, h.recordContext, h.c1, h.nonce)
    }

    /// Recovers `K` from a level-1 header.
    static func demKey(_ h: SealedHeader1, _ key: PREIdentityKey) throws(ProtocolError) -> [UInt8] {
        let m = try IBP1.decrypt(h.capsule, with: key)
        return try EnvelopeKeySchedule.key(m: m, c1: h.c1.compressed)
    }

    /// Recovers `K` from a level-2 header.
    static func demKey(_ h: SealedHeader2, _ key: PREIdentityKey) throws(ProtocolError) -> [UInt8] {
        let m = try IBP1.decrypt(h.capsule, with: key)
        return try EnvelopeKeySchedule.key(m: m, c1: h.c1.compressed)
    }

    private static func openBody(_ sealed: [UInt8], _ offset: Int, _ key: [UInt8], owner: Identity, _ ctx: [UInt8],
                                 _ c1: G2Affine, _ nonce: [UInt8]) throws(ProtocolError) -> [UInt8] {
        let ad = EnvelopeKeySchedule.associatedData(owner: owner, recordContext: ctx, c1: c1.compressed, nonce: nonce)
        let result: Result<[UInt8], ProtocolError> = sealed.withUnsafeBytes { b in
            do throws(ProtocolError) {
                return .success(try ChunkedAead.open(key: key, nonce: nonce, associatedData: ad,
                                                     body: UnsafeRawBufferPointer(rebasing: b[offset...])))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: - Re-encryption (the proxy)

    /// The proxy's conversion of one header: `c2' = c2·e(R3, c1)`; everything
    /// else is copied. Costs one pairing, whatever the record size.
    /// - Throws: `ProtocolError.param` if `rk`'s delegator is not the record's owner.
    public static func reencryptHeader(_ h: SealedHeader1, with rk: ReEncryptionKey) throws(ProtocolError) -> SealedHeader2 {
        let c = try IBP1.reencrypt(h.capsule, with: rk)
        return SealedHeader2(delegator: h.owner, delegatee: rk.delegatee, recordContext: h.recordContext, c1: h.c1,
                             c2: c.c2, r1: c.r1, r2: c.r2, nonce: h.nonce, bodyLength: h.bodyLength)
    }

    /// One-to-many (§6.2): one stored record shared with `k` users costs `k`
    /// header conversions; each result is followed by the *same* body bytes.
    /// - Throws: `ProtocolError.param` if any key has another delegator.
    public static func share(_ h: SealedHeader1, with keys: [ReEncryptionKey]) throws(ProtocolError) -> [SealedHeader2] {
        var out: [SealedHeader2] = []
        out.reserveCapacity(keys.count)
        for rk in keys { out.append(try reencryptHeader(h, with: rk)) }
        return out
    }

    /// Convenience: SEALED1 bytes → SEALED2 bytes (new header, body copied
    /// byte for byte). Stores that keep one body use ``reencryptHeader(_:with:)``.
    /// - Throws: decoder errors; `ProtocolError.param` for a key of another delegator.
    public static func reencrypt(_ sealed1: [UInt8], with rk: ReEncryptionKey) throws -> [UInt8] {
        let (h, offset) = try SealedHeader1.decode(sealed1)
        return try reencryptHeader(h, with: rk).encoded + sealed1[offset...]
    }
}
