// SPDX-License-Identifier: Apache-2.0
import EhrCurve

/// What a SIGNED envelope is for (PROTOCOL.md §9): the purpose byte is signed,
/// so an access request cannot be replayed as a ledger transaction.
public enum SignedPurpose: UInt8, Sendable, CaseIterable {
    case accessRequest = 1
    case ledgerTransaction = 2
    case rekeyPublication = 3
}

/// A SIGNED envelope (type 0x31, PROTOCOL.md §9–§10):
///
///     "EHRS" 01 31 ‖ purpose (1) ‖ fp (32) ‖ signer id ‖ ts (u64, Unix ms) ‖ nonce (16) ‖ payload (blob) ‖ U (48) ‖ V (48)
///
/// The Cha–Cheon signature covers `Msg` = every byte before `U`. Freshness
/// and nonce reuse are checked separately by a ``ReplayGuard``, with the
/// caller's clock.
public struct SignedMessage: Sendable, Equatable {
    public static let nonceBytes = 16
    /// Payloads above 16 MiB are refused by the decoder (records travel sealed, not signed).
    public static let maxPayloadBytes = 16 << 20

    public let purpose: SignedPurpose
    public let fingerprint: [UInt8]
    public let signer: Identity
    /// Unix time in milliseconds, chosen by the signer.
    public let timestamp: UInt64
    public let nonce: [UInt8]
    public let payload: [UInt8]
    public let signature: ChaCheonSignature

    /// Builds and signs an envelope.
    /// - Parameters:
    ///   - timestamp: the signer's clock, Unix ms.
    ///   - nonce: 16 bytes; fresh random bytes when `nil` (tests pass fixed ones).
    /// - Throws: `ProtocolError.param` for a nonce of the wrong size or an oversized payload;
    ///   `.random` if the generator fails.
    public static func sign(purpose: SignedPurpose, payload: [UInt8], key: IdentitySigningKey, context: PREContext,
                            timestamp: UInt64, nonce: [UInt8]? = nil) throws(ProtocolError) -> SignedMessage {
        let n: [UInt8]
        if let nonce { n = nonce } else { n = try ProtocolError.lifting { () throws(CryptoError) in try SystemRandom.bytes(nonceBytes) } }
        guard n.count == nonceBytes else { throw .param("SIGNED nonce must be 16 bytes") }
        guard payload.count <= maxPayloadBytes else { throw .param("SIGNED payload exceeds 16 MiB") }
        let body = signedBytes(purpose, context.fingerprint, key.identity, timestamp, n, payload)
        let sig = try ChaCheon.sign(body, with: key)
        return SignedMessage(purpose: purpose, fingerprint: context.fingerprint, signer: key.identity,
                             timestamp: timestamp, nonce: n, payload: payload, signature: sig)
    }

    /// `Msg`: the envelope up to and including the payload.
    public var signedBytes: [UInt8] {
        SignedMessage.signedBytes(purpose, fingerprint, signer, timestamp, nonce, payload)
    }

    /// The full SIGNED encoding.
    public var encoded: [UInt8] { signedBytes + signature.encoded }

    /// Decodes a SIGNED envelope and verifies its signature against `context`.
    ///
    /// Order (§11): header; purpose, fp and id (`.param`); lengths; points U and V
    /// (CurveError, identity rejected); trailing bytes; then the signature (`.verify`).
    /// Freshness and replay are *not* checked here: use a ``ReplayGuard``.
    /// - Throws: `ProtocolError`, `CurveError`.
    public init(encoded bytes: [UInt8], context: PREContext) throws {
        try self.init(unverified: bytes, context: context)
        try ChaCheon.verify(signature, message: signedBytes, signer: signer, context: context)
    }

    /// Decodes a SIGNED envelope with every structural and point check of
    /// ``init(encoded:context:)`` but without the signature equation, for callers that verify
    /// many at once (``ChaCheon/verifyBatch(_:context:)`` on ``claim``). Never use the result
    /// before its claim has verified.
    /// - Throws: `ProtocolError`, `CurveError`.
    public init(unverified bytes: [UInt8], context: PREContext) throws {
        var r = try WireReader(bytes, type: .signed)
        let p = try r.u8("purpose")
        guard let purpose = SignedPurpose(rawValue: p) else { throw ProtocolError.param("unknown SIGNED purpose \(p)") }
        let fp = try r.raw(32, "fp")
        guard fp == context.fingerprint else { throw ProtocolError.param("SIGNED envelope names another deployment") }
        let signer = try r.id("signer id")
        let ts = try r.u64("timestamp")
        let nonce = try r.raw(SignedMessage.nonceBytes, "nonce")
        let payload = try r.blob("payload", limit: SignedMessage.maxPayloadBytes)
        let ub = try r.raw(48, "U")
        let vb = try r.raw(48, "V")
        let u = try G1Affine(compressed: ub)
        let v = try G1Affine(compressed: vb)
        try r.finish()
        self.init(purpose: purpose, fingerprint: fp, signer: signer, timestamp: ts, nonce: nonce, payload: payload,
                  signature: ChaCheonSignature(u: u, v: v))
    }

    /// What must verify for this envelope to be authentic: its signature on the signed bytes.
    public var claim: ChaCheon.Claim {
        ChaCheon.Claim(signature: signature, message: signedBytes, signer: signer)
    }

    init(purpose: SignedPurpose, fingerprint: [UInt8], signer: Identity, timestamp: UInt64, nonce: [UInt8],
         payload: [UInt8], signature: ChaCheonSignature) {
        self.purpose = purpose
        self.fingerprint = fingerprint
        self.signer = signer
        self.timestamp = timestamp
        self.nonce = nonce
        self.payload = payload
        self.signature = signature
    }

    static func signedBytes(_ purpose: SignedPurpose, _ fp: [UInt8], _ signer: Identity, _ ts: UInt64,
                            _ nonce: [UInt8], _ payload: [UInt8]) -> [UInt8] {
        var w = WireWriter(type: .signed)
        w.u8(purpose.rawValue)
        w.raw(fp)
        w.id(signer.bytes)
        w.u64(ts)
        w.raw(nonce)
        w.blob(payload)
        return w.bytes
    }
}
