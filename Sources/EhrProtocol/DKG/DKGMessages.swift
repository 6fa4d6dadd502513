// SPDX-License-Identifier: Apache-2.0

import EhrCurve
import EhrField

// The DKG bodies of PROTOCOL.md §10 (types 0x02–0x07). Each decoder follows §11:
// (1) header and exact length, (2) session id, indices and t against the session,
// (3) scalars < r, (4) points (encoding, curve, subgroup, identity), (6) no trailing bytes
// (checked with the length in step 1, since every size is fixed once t is read).

/// DKG_COMMIT (0x02, Pedersen C_0..C_{t−1}) or DKG_FELDMAN (0x06, A_0..A_{t−1}):
/// `sid(32) dealer(u16) t(u16) P_0..P_{t−1}`, 42 + 96t bytes.
public struct DKGCommitMessage: Sendable, Equatable {
    /// `.dkgCommit` or `.dkgFeldman`.
    public let type: WireType
    public let sid: [UInt8]
    public let dealer: UInt16
    /// The t commitment points, constant term first.
    public let points: [G2Affine]

    public init(type: WireType, sid: [UInt8], dealer: UInt16, points: [G2Affine]) {
        self.type = type
        self.sid = sid
        self.dealer = dealer
        self.points = points
    }

    /// The wire bytes.
    public var encoded: [UInt8] {
        var w = WireWriter(type: type)
        w.raw(sid)
        w.u16(dealer)
        w.u16(UInt16(truncatingIfNeeded: points.count))
        for p in points { w.raw(p.compressed) }
        return w.bytes
    }

    /// Decodes and validates a commitment message for `session`.
    /// - Throws: `ProtocolError` (length, header, session, index, t) or `CurveError` (points).
    public init(decoding bytes: [UInt8], type: WireType, session: DKGSession) throws {
        guard type == .dkgCommit || type == .dkgFeldman else {
            throw ProtocolError.param("not a commitment message type")
        }
        var r = try WireReader(bytes, type: type)
        let sid = try r.raw(32, "sid")
        let dealer = try r.u16("dealer")
        let t = Int(try r.u16("t"))
        var raw: [[UInt8]] = []
        for k in 0..<t { raw.append(try r.raw(96, "commitment \(k)")) }
        try r.finish()
        try session.check(sid: sid)
        try session.check(index: dealer, "dealer")
        guard t == session.t else { throw ProtocolError.param("commitment has t = \(t), session has \(session.t)") }
        var points: [G2Affine] = []
        for b in raw { points.append(try G2Affine(compressed: b)) }
        self.init(type: type, sid: sid, dealer: dealer, points: points)
    }
}

/// DKG_SHARE (0x03, dealer → recipient, sent only sealed), DKG_REVEAL (0x05) and
/// DKG_FCOMPLAINT (0x07): `sid(32) a(u16) b(u16) s(32) s'(32)`, 106 bytes.
///
/// | type | a | b |
/// |---|---|---|
/// | SHARE | dealer | recipient |
/// | REVEAL | dealer | holder (whose share (s, s') = (f_a(b), f'_a(b)) is made public) |
/// | FCOMPLAINT | complainer | accused (and (s, s') is the complainer's share from the accused) |
public struct DKGScalarPairMessage: Sendable, Equatable {
    public static let byteCount = 106
    public let type: WireType
    public let sid: [UInt8]
    public let first: UInt16
    public let second: UInt16
    public let s: Fr
    public let sPrime: Fr

    public init(type: WireType, sid: [UInt8], first: UInt16, second: UInt16, s: Fr, sPrime: Fr) {
        self.type = type
        self.sid = sid
        self.first = first
        self.second = second
        self.s = s
        self.sPrime = sPrime
    }

    /// The wire bytes (the caller wipes them if they hold a private share).
    public var encoded: [UInt8] {
        var w = WireWriter(type: type)
        w.raw(sid)
        w.u16(first)
        w.u16(second)
        w.raw(s.bigEndianBytes)
        w.raw(sPrime.bigEndianBytes)
        return w.bytes
    }

    /// Decodes and validates a share, reveal or Feldman complaint for `session`.
    /// - Throws: `ProtocolError` (length, header, session, indices) or `FieldError` (scalars).
    public init(decoding bytes: [UInt8], type: WireType, session: DKGSession) throws {
        guard type == .dkgShare || type == .dkgReveal || type == .dkgFComplaint else {
            throw ProtocolError.param("not a scalar-pair message type")
        }
        var r = try WireReader(bytes, type: type)
        guard bytes.count == DKGScalarPairMessage.byteCount else {
            throw ProtocolError.length("\(type) must be \(DKGScalarPairMessage.byteCount) bytes, got \(bytes.count)")
        }
        let sid = try r.raw(32, "sid")
        let a = try r.u16("index")
        let b = try r.u16("index")
        var sBytes = try r.raw(32, "s")
        var spBytes = try r.raw(32, "s'")
        defer {
            wipeSecret(&sBytes)
            wipeSecret(&spBytes)
        }
        try r.finish()
        try session.check(sid: sid)
        try session.check(index: a, "first")
        try session.check(index: b, "second")
        guard a != b else { throw ProtocolError.param("\(type) names authority \(a) twice") }
        let s = try Fr(bigEndianBytes: sBytes)
        let sp = try Fr(bigEndianBytes: spBytes)
        self.init(type: type, sid: sid, first: a, second: b, s: s, sPrime: sp)
    }
}

/// DKG_COMPLAINT (0x04): `sid(32) complainer(u16) accused(u16)`, 42 bytes.
public struct DKGComplaintMessage: Sendable, Equatable {
    public static let byteCount = 42
    public let sid: [UInt8]
    public let complainer: UInt16
    public let accused: UInt16

    public init(sid: [UInt8], complainer: UInt16, accused: UInt16) {
        self.sid = sid
        self.complainer = complainer
        self.accused = accused
    }

    public var encoded: [UInt8] {
        var w = WireWriter(type: .dkgComplaint)
        w.raw(sid)
        w.u16(complainer)
        w.u16(accused)
        return w.bytes
    }

    /// - Throws: `ProtocolError` (length, header, session, indices).
    public init(decoding bytes: [UInt8], session: DKGSession) throws(ProtocolError) {
        var r = try WireReader(bytes, type: .dkgComplaint)
        let sid = try r.raw(32, "sid")
        let c = try r.u16("complainer")
        let a = try r.u16("accused")
        try r.finish()
        try session.check(sid: sid)
        try session.check(index: c, "complainer")
        try session.check(index: a, "accused")
        guard c != a else { throw .param("an authority cannot complain about itself") }
        self.init(sid: sid, complainer: c, accused: a)
    }
}
