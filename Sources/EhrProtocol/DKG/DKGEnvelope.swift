// SPDX-License-Identifier: Apache-2.0

/// The authenticated outer framing of DKG traffic (libehrshare extension of PROTOCOL.md §10;
/// type bytes 0x08 and 0x09, unused by §10). Every DKG body of §10 travels inside one of them:
///
/// **DKG_SIGNED (0x08)**, for broadcasts (COMMIT, COMPLAINT, REVEAL, FELDMAN, FCOMPLAINT):
/// ```
/// "EHRS" 01 08 ‖ sid(32) ‖ sender(u16) ‖ body(blob: u32 length ‖ §10 object) ‖ sig(64)
/// ```
/// 108 bytes + body. `sig` is Ed25519 by the sender's node key over
/// `"EHRSHARE-V1-DKG-SIGNED" ‖` every preceding byte. The outer sid must equal the body's.
///
/// **DKG_SEALED (0x09)**, for the private DKG_SHARE (dealer → recipient), 260 bytes:
/// ```
/// "EHRS" 01 09 ‖ sid(32) ‖ dealer(u16) ‖ recipient(u16) ‖ epk(32) ‖ ct(122) ‖ sig(64)
/// ```
/// The dealer draws an ephemeral X25519 key e (public `epk`) and computes
/// `Z = X25519(e, R)` with the recipient's roster key R;
/// `key ‖ nonce = HKDF-SHA256(IKM = Z, salt = sid, info = "EHRSHARE-V1-DKG-SHARE" ‖ epk ‖ R ‖ dealer ‖ recipient, L = 44)`;
/// `ct = AES-256-GCM(key, nonce, DKG_SHARE (106 bytes), AD = header ‖ sid ‖ dealer ‖ recipient ‖ epk)`
/// (ciphertext ‖ 16-byte tag). `sig` is Ed25519 by the dealer over `"EHRSHARE-V1-DKG-SEALED" ‖` every
/// preceding byte, so nobody can inject shares in a dealer's name. The key is fresh per share,
/// so a derived nonce is safe. A recipient who gets a bad share does not (and cannot) prove it
/// with the ciphertext: it complains and the dealer must reveal the share publicly (GJKR 2007,
/// Fig. 2, step 1(c)–(d)).
///
/// Decoding follows PROTOCOL.md §11: length and header, then session and indices
/// (`ProtocolError.param`), then the signature (`ProtocolError.verify`: a forged sender), then
/// decryption (`ProtocolError.decrypt`), then the body's own rules.
public enum DKGEnvelope {
    /// Type byte of DKG_SIGNED.
    public static let signedType: UInt8 = 0x08
    /// Type byte of DKG_SEALED.
    public static let sealedType: UInt8 = 0x09
    /// Size of DKG_SEALED.
    public static let sealedBytes = 260
    /// Largest body a DKG_SIGNED may carry (a commitment with t = 256).
    static let maxBody = 42 + 96 * DKGSession.maxAuthorities

    static let signDomain = Array("EHRSHARE-V1-DKG-SIGNED".utf8)
    static let sealDomain = Array("EHRSHARE-V1-DKG-SEALED".utf8)
    static let shareInfo = Array("EHRSHARE-V1-DKG-SHARE".utf8)

    /// The type byte of an envelope after checking magic and version.
    /// - Throws: `ProtocolError.length`, `.magic`, `.version`, or `.type` for a non-envelope.
    public static func kind(of bytes: [UInt8]) throws(ProtocolError) -> UInt8 {
        guard bytes.count >= Wire.headerBytes else { throw .length("DKG envelope shorter than its header") }
        guard Array(bytes[0..<4]) == Wire.magic else { throw .magic }
        guard bytes[4] == Wire.version else { throw .version(bytes[4]) }
        guard bytes[5] == signedType || bytes[5] == sealedType else {
            throw .type(expected: signedType, actual: bytes[5])
        }
        return bytes[5]
    }

    private static func header(_ type: UInt8) -> [UInt8] { Wire.magic + [Wire.version, type] }

    // MARK: - DKG_SIGNED

    /// Wraps a §10 body in DKG_SIGNED.
    static func sign(body: [UInt8], sid: [UInt8], sender: UInt16, key: DKGNodeKey) throws(ProtocolError) -> [UInt8] {
        var w = WireWriter()
        w.raw(header(signedType))
        w.raw(sid)
        w.u16(sender)
        w.blob(body)
        let sig = try key.sign(signDomain + w.bytes)
        return w.bytes + sig
    }

    /// Checks a DKG_SIGNED envelope and returns its sender and body.
    /// - Throws: `ProtocolError` (length, header, session, index, or `.verify` for a bad signature).
    static func openSigned(_ bytes: [UInt8], session: DKGSession) throws(ProtocolError) -> (sender: UInt16, body: [UInt8]) {
        guard try kind(of: bytes) == signedType else { throw .type(expected: signedType, actual: sealedType) }
        var r = WireReader(raw: bytes)
        _ = try r.raw(Wire.headerBytes, "header")
        let sid = try r.raw(32, "sid")
        let sender = try r.u16("sender")
        let body = try r.blob("body", limit: maxBody)
        let signedCount = bytes.count - r.remaining
        let sig = try r.raw(64, "signature")
        try r.finish()
        try session.check(sid: sid)
        try session.check(index: sender, "sender")
        guard Ed25519.verify(publicKey: session.entry(sender).keys.signing,
                                      message: signDomain + bytes[0..<signedCount], signature: sig)
        else { throw .verify("DKG message signature does not verify for authority \(sender)") }
        guard body.count >= 38, Array(body[6..<38]) == sid else {
            throw .param("DKG body session id differs from its envelope")
        }
        return (sender, body)
    }

    // MARK: - DKG_SEALED

    /// Seals a DKG_SHARE to its recipient's X25519 roster key and signs it as the dealer.
    static func seal(_ share: DKGScalarPairMessage, session: DKGSession, key: DKGNodeKey) throws(ProtocolError) -> [UInt8] {
        guard var eph = try? SystemRandom.bytes(32) else { throw .random }
        defer { wipeSecret(&eph) }
        guard let epk = X25519.publicKey(privateKey: eph) else { throw .state("X25519 key generation failed") }
        let recipientKey = session.entry(share.second).keys.agreement
        guard var z = X25519.sharedSecret(privateKey: eph, peerPublicKey: recipientKey) else {
            throw .state("X25519 agreement with authority \(share.second) failed")
        }
        defer { wipeSecret(&z) }
        var ad = WireWriter()
        ad.raw(header(sealedType))
        ad.raw(session.sid)
        ad.u16(share.first)
        ad.u16(share.second)
        ad.raw(epk)
        var okm = try keyMaterial(z: z, sid: session.sid, epk: epk, recipientKey: recipientKey,
                              dealer: share.first, recipient: share.second)
        defer { wipeSecret(&okm) }
        var plain = share.encoded
        defer { wipeSecret(&plain) }
        guard let ct = Aes256Gcm.seal(key: Array(okm[0..<32]), nonce: Array(okm[32..<44]),
                                            plaintext: plain, ad: ad.bytes)
        else { throw .state("AES-256-GCM sealing failed") }
        let unsigned = ad.bytes + ct
        return unsigned + (try key.sign(sealDomain + unsigned))
    }

    /// Checks, decrypts and decodes a DKG_SEALED share addressed to authority `me`.
    /// - Throws: `ProtocolError` (length, header, session, indices, `.verify` for a forged dealer,
    ///   `.decrypt`), or `FieldError` from the body's scalars.
    static func openSealed(_ bytes: [UInt8], session: DKGSession, me: UInt16, key: DKGNodeKey) throws -> DKGScalarPairMessage {
        guard try kind(of: bytes) == sealedType else { throw ProtocolError.type(expected: sealedType, actual: signedType) }
        guard bytes.count == sealedBytes else {
            throw ProtocolError.length("DKG_SEALED must be \(sealedBytes) bytes, got \(bytes.count)")
        }
        var r = WireReader(raw: bytes)
        _ = try r.raw(Wire.headerBytes, "header")
        let sid = try r.raw(32, "sid")
        let dealer = try r.u16("dealer")
        let recipient = try r.u16("recipient")
        let epk = try r.raw(32, "ephemeral key")
        let ct = try r.raw(DKGScalarPairMessage.byteCount + Aes256Gcm.tagBytes, "ciphertext")
        let sig = try r.raw(64, "signature")
        try r.finish()
        try session.check(sid: sid)
        try session.check(index: dealer, "dealer")
        try session.check(index: recipient, "recipient")
        guard recipient == me else { throw ProtocolError.param("sealed share for authority \(recipient), not \(me)") }
        let unsignedCount = bytes.count - 64
        guard Ed25519.verify(publicKey: session.entry(dealer).keys.signing,
                                      message: sealDomain + bytes[0..<unsignedCount], signature: sig)
        else { throw ProtocolError.verify("sealed share signature does not verify for authority \(dealer)") }
        guard var z = key.agree(with: epk) else { throw ProtocolError.decrypt }
        defer { wipeSecret(&z) }
        var okm = try keyMaterial(z: z, sid: sid, epk: epk, recipientKey: key.publicKey.agreement,
                              dealer: dealer, recipient: recipient)
        defer { wipeSecret(&okm) }
        let ad = Array(bytes[0..<(unsignedCount - ct.count)])
        guard var plain = Aes256Gcm.open(key: Array(okm[0..<32]), nonce: Array(okm[32..<44]), sealed: ct, ad: ad)
        else { throw ProtocolError.decrypt }
        defer { wipeSecret(&plain) }
        let share = try DKGScalarPairMessage(decoding: plain, type: .dkgShare, session: session)
        guard share.first == dealer, share.second == recipient else {
            throw ProtocolError.param("sealed share body names \(share.first)→\(share.second), envelope \(dealer)→\(recipient)")
        }
        return share
    }

    private static func keyMaterial(z: [UInt8], sid: [UInt8], epk: [UInt8], recipientKey: [UInt8],
                                    dealer: UInt16, recipient: UInt16) throws(ProtocolError) -> [UInt8] {
        var info = WireWriter()
        info.raw(shareInfo)
        info.raw(epk)
        info.raw(recipientKey)
        info.u16(dealer)
        info.u16(recipient)
        return try ProtocolError.lifting { () throws(CryptoError) in try HkdfSha256.derive(ikm: z, salt: sid, info: info.bytes, length: 44) }
    }
}
