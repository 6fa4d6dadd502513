// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrCurve
import EhrField
import EhrPairing

// MARK: - Group operations (include/ehrshare.h, "BLS12-381 primitives")

@_cdecl("ehr_g1_add")
public func ehr_g1_add(
    _ out: UnsafeMutablePointer<UInt8>?, _ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let out = try Buffers.requireOutput(out, "out")
        let pa = try Wire.g1(a, "a"), pb = try Wire.g1(b, "b")
        try Wire.put(G1Projective(pa) + G1Projective(pb), out)
    }
}

@_cdecl("ehr_g2_add")
public func ehr_g2_add(
    _ out: UnsafeMutablePointer<UInt8>?, _ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let out = try Buffers.requireOutput(out, "out")
        let qa = try Wire.g2(a, "a"), qb = try Wire.g2(b, "b")
        try Wire.put(G2Projective(qa) + G2Projective(qb), out)
    }
}

@_cdecl("ehr_g1_mul")
public func ehr_g1_mul(
    _ out: UnsafeMutablePointer<UInt8>?, _ point: UnsafePointer<UInt8>?, _ scalar: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let out = try Buffers.requireOutput(out, "out")
        let p = try Wire.g1(point, "point"), k = try Wire.scalar(scalar, "scalar")
        try Wire.put(G1Projective(p).mul(k), out)
    }
}

@_cdecl("ehr_g2_mul")
public func ehr_g2_mul(
    _ out: UnsafeMutablePointer<UInt8>?, _ point: UnsafePointer<UInt8>?, _ scalar: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let out = try Buffers.requireOutput(out, "out")
        let q = try Wire.g2(point, "point"), k = try Wire.scalar(scalar, "scalar")
        try Wire.put(G2Projective(q).mul(k), out)
    }
}

// MARK: - Hashing (RFC 9380; PROTOCOL.md §3 Hs)

/// One C-ABI hash call: checks `out`, the RFC 9380 §5.3.1 tag length and the
/// message pointer, then hands the copied inputs to `body`.
private func hashCall(
    _ out: UnsafeMutablePointer<UInt8>?, _ msg: UnsafePointer<UInt8>?, _ msgLen: Int,
    _ dst: UnsafePointer<UInt8>?, _ dstLen: Int,
    _ body: (UnsafeMutablePointer<UInt8>, [UInt8], [UInt8]) throws -> Void
) -> ehr_status {
    cabiCall {
        let out = try Buffers.requireOutput(out, "out")
        guard dstLen >= 1, dstLen <= 255 else {
            throw CABIFailure(EHR_ERR_PARAM, "dst_len must be 1 to 255 (RFC 9380 §5.3.1), got \(dstLen)")
        }
        try body(out, try Buffers.readBytes(msg, msgLen, "msg"), try Buffers.readBytes(dst, dstLen, "dst"))
    }
}

@_cdecl("ehr_g1_hash")
public func ehr_g1_hash(
    _ out: UnsafeMutablePointer<UInt8>?, _ msg: UnsafePointer<UInt8>?, _ msgLen: Int,
    _ dst: UnsafePointer<UInt8>?, _ dstLen: Int
) -> ehr_status {
    hashCall(out, msg, msgLen, dst, dstLen) { out, m, d in try Wire.put(try hashToG1(msg: m, dst: d), out) }
}

@_cdecl("ehr_g2_hash")
public func ehr_g2_hash(
    _ out: UnsafeMutablePointer<UInt8>?, _ msg: UnsafePointer<UInt8>?, _ msgLen: Int,
    _ dst: UnsafePointer<UInt8>?, _ dstLen: Int
) -> ehr_status {
    hashCall(out, msg, msgLen, dst, dstLen) { out, m, d in try Wire.put(try hashToG2(msg: m, dst: d), out) }
}

@_cdecl("ehr_scalar_hash")
public func ehr_scalar_hash(
    _ out: UnsafeMutablePointer<UInt8>?, _ msg: UnsafePointer<UInt8>?, _ msgLen: Int,
    _ dst: UnsafePointer<UInt8>?, _ dstLen: Int
) -> ehr_status {
    hashCall(out, msg, msgLen, dst, dstLen) { out, m, d in
        let k = try hashToFr(msg: m, dst: d)
        guard !k.isZero else { throw CABIFailure(EHR_ERR_IDENTITY, "the hash is zero") }
        Buffers.write(k.bigEndianBytes, to: out)
    }
}

// MARK: - Pairing and GT

@_cdecl("ehr_pairing_compute")
public func ehr_pairing_compute(
    _ out: UnsafeMutablePointer<UInt8>?, _ p: UnsafePointer<UInt8>?, _ q: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let out = try Buffers.requireOutput(out, "out")
        let a = try Wire.g1(p, "p"), b = try Wire.g2(q, "q")
        try Wire.put(pairing(a, b), out)
    }
}

@_cdecl("ehr_pairing_product")
public func ehr_pairing_product(
    _ out: UnsafeMutablePointer<UInt8>?, _ ps: UnsafePointer<UInt8>?, _ qs: UnsafePointer<UInt8>?,
    _ count: Int
) -> ehr_status {
    cabiCall {
        let out = try Buffers.requireOutput(out, "out")
        try Wire.put(multiPairing(try Wire.pairs(ps, qs, count)), out)
    }
}

@_cdecl("ehr_pairing_check")
public func ehr_pairing_check(
    _ ps: UnsafePointer<UInt8>?, _ qs: UnsafePointer<UInt8>?, _ count: Int
) -> ehr_status {
    cabiCall {
        guard multiPairing(try Wire.pairs(ps, qs, count)).isOne else {
            throw CABIFailure(EHR_ERR_VERIFY, "the pairing product is not 1")
        }
    }
}

@_cdecl("ehr_gt_mul")
public func ehr_gt_mul(
    _ out: UnsafeMutablePointer<UInt8>?, _ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let out = try Buffers.requireOutput(out, "out")
        let x = try Wire.gt(a, "a"), y = try Wire.gt(b, "b")
        try Wire.put(x * y, out)
    }
}

@_cdecl("ehr_gt_div")
public func ehr_gt_div(
    _ out: UnsafeMutablePointer<UInt8>?, _ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let out = try Buffers.requireOutput(out, "out")
        let x = try Wire.gt(a, "a"), y = try Wire.gt(b, "b")
        try Wire.put(x * y.inverse(), out)
    }
}

@_cdecl("ehr_gt_pow")
public func ehr_gt_pow(
    _ out: UnsafeMutablePointer<UInt8>?, _ a: UnsafePointer<UInt8>?, _ scalar: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let out = try Buffers.requireOutput(out, "out")
        let x = try Wire.gt(a, "a"), k = try Wire.scalar(scalar, "scalar")
        try Wire.put(x.pow(k), out)
    }
}
