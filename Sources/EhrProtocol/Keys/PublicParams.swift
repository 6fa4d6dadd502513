// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField

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

    /// - Throws: `ProtocolError.param` if the sizes are inconsistent or the shares do not
    ///   lie on one degree-(t − 1) polynomial through y (``checkConsistent``).
    public init(sid: [UInt8], t: Int, n: Int, masterPublicKey: G2Affine, publicShares: [G2Affine]) throws(ProtocolError) {
        guard sid.count == 32 else { throw .param("sid must be 32 bytes") }
        guard n >= 1, n <= DKGSession.maxAuthorities, t >= 1, t <= n, publicShares.count == n else {
            throw .param("PARAMS needs 1 ≤ t ≤ n ≤ \(DKGSession.maxAuthorities) and n public shares")
        }
        try PublicParams.checkConsistent(t: t, n: n, y: masterPublicKey, shares: publicShares)
        self.sid = sid
        self.t = t
        self.n = n
        self.masterPublicKey = masterPublicKey
        self.publicShares = publicShares
    }

    /// Checks that Y_1..Y_n lie on one polynomial of degree t − 1 in the exponent whose value
    /// at 0 is y (PROTOCOL.md §4–§5): y = Σ_{i≤t} λ_i(0)·Y_i and, for every j > t,
    /// Y_j = Σ_{i≤t} λ_i(j)·Y_i with λ_i(x) = Π_{m≤t, m≠i} (x − m) / (i − m). Without this a
    /// PARAMS with one replaced Y_j would be accepted and partial keys of authority j checked
    /// against the wrong point. All values are public, so variable-time MSMs are fine.
    static func checkConsistent(t: Int, n: Int, y: G2Affine, shares: [G2Affine]) throws(ProtocolError) {
        let base = Array(shares.prefix(t))
        guard G2Projective.msm(points: base, scalars: lagrange(at: 0, t: t)) == G2Projective(y) else {
            throw .param("PARAMS: Y_1..Y_\(t) do not interpolate to y")
        }
        guard t < n else { return }
        for j in (t + 1)...n {
            guard G2Projective.msm(points: base, scalars: lagrange(at: UInt64(j), t: t)) == G2Projective(shares[j - 1]) else {
                throw .param("PARAMS: Y_\(j) is not on the degree-\(t - 1) polynomial of Y_1..Y_\(t)")
            }
        }
    }

    /// λ_1(x)..λ_t(x) for the indices 1..t (distinct and non-zero, so every denominator is a
    /// non-zero element of Fr).
    private static func lagrange(at x: UInt64, t: Int) -> [Fr] {
        let fx = Fr(x)
        return (1...t).map { i in
            var num = Fr.one
            var den = Fr.one
            for m in 1...t where m != i {
                num *= fx - Fr(UInt64(m))
                den *= Fr(UInt64(i)) - Fr(UInt64(m))
            }
            return num * den.inverse()
        }
    }

    /// The public share Y_k of authority k (1-based).
    /// - Throws: `ProtocolError.param` for an index outside 1..n.
    public func publicShare(_ k: UInt16) throws(ProtocolError) -> G2Affine {
        guard k >= 1, Int(k) <= n else { throw .param("authority index \(k) is outside 1..\(n)") }
        return publicShares[Int(k) - 1]
    }

    /// fp = SHA-256("EHRSHARE-V1-MPK" ‖ enc(y)).
    public var fingerprint: [UInt8] { SHA256.hash(parts: [DomainTags.mpkFingerprint, masterPublicKey.compressed]) }

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
