// SPDX-License-Identifier: Apache-2.0

import EhrCurve

/// PARAMS (PROTOCOL.md §4, §10 type 0x01): the public output of the DKG that goes on the
/// ledger, `sid(32) t(u16) n(u16) y Y_1..Y_n`, 138 + 96n bytes. Clients pin the master key by
/// its fingerprint `fp = SHA-256("EHRSHARE-V1-MPK" ‖ enc(y))`.
public struct PublicParams: Sendable, Equatable {
    public let sid: [UInt8]
    /// Threshold t.
    public let t: Int
    /// Number of authorities n.
    public let n: Int
    /// The master public key y = s·g2.
    public let masterPublicKey: G2Affine
    /// The public shares Y_1..Y_n (Y_k = x_k·g2); `publicShares[k − 1]` is Y_k.
    public let publicShares: [G2Affine]

    /// - Throws: `ProtocolError.param` if the sizes are inconsistent.
    public init(sid: [UInt8], t: Int, n: Int, masterPublicKey: G2Affine, publicShares: [G2Affine]) throws(ProtocolError) {
        guard sid.count == 32 else { throw .param("sid must be 32 bytes") }
        guard n >= 1, n <= DKGSession.maxAuthorities, t >= 1, t <= n, publicShares.count == n else {
            throw .param("PARAMS needs 1 ≤ t ≤ n ≤ \(DKGSession.maxAuthorities) and n public shares")
        }
        self.sid = sid
        self.t = t
        self.n = n
        self.masterPublicKey = masterPublicKey
        self.publicShares = publicShares
    }

    /// The public share Y_k of authority k (1-based).
    /// - Throws: `ProtocolError.param` for an index outside 1..n.
    public func publicShare(_ k: UInt16) throws(ProtocolError) -> G2Affine {
        guard k >= 1, Int(k) <= n else { throw .param("authority index \(k) is outside 1..\(n)") }
        return publicShares[Int(k) - 1]
    }

    /// fp = SHA-256("EHRSHARE-V1-MPK" ‖ enc(y)).
    public var fingerprint: [UInt8] { DKGCrypto.sha256(DomainTags.mpkFingerprint + masterPublicKey.compressed) }

    /// The 138 + 96n wire bytes.
    public var encoded: [UInt8] {
        var w = WireWriter(type: .params)
        w.raw(sid)
        w.u16(UInt16(t))
        w.u16(UInt16(n))
        w.raw(masterPublicKey.compressed)
        for y in publicShares { w.raw(y.compressed) }
        return w.bytes
    }

    /// Decodes PARAMS (PROTOCOL.md §11 order: structure, ranges, then points).
    /// - Throws: `ProtocolError` for the structure and ranges, `CurveError` for the points.
    public init(decoding bytes: [UInt8]) throws {
        var r = try WireReader(bytes, type: .params)
        let sid = try r.raw(32, "sid")
        let t = Int(try r.u16("t"))
        let n = Int(try r.u16("n"))
        let yBytes = try r.raw(96, "y")
        var shareBytes: [[UInt8]] = []
        for k in 0..<n { shareBytes.append(try r.raw(96, "Y_\(k + 1)")) }
        try r.finish()
        guard n >= 1, n <= DKGSession.maxAuthorities, t >= 1, t <= n else {
            throw ProtocolError.param("PARAMS has t = \(t), n = \(n)")
        }
        let y = try G2Affine(compressed: yBytes)
        var shares: [G2Affine] = []
        for b in shareBytes { shares.append(try G2Affine(compressed: b)) }
        try self.init(sid: sid, t: t, n: n, masterPublicKey: y, publicShares: shares)
    }
}
