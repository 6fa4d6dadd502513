// SPDX-License-Identifier: Apache-2.0

import EhrField

// MARK: - hash_to_field (RFC 9380 §5.2)

/// L = ceil((ceil(log2(p)) + k) / 8) = ceil((381 + 128) / 8) = 64 for the BLS12-381 suites
/// (RFC 9380 §8.8): each element is reduced from 64 bytes, so its bias is below 2^−128.
@usableFromInline
let hashToFieldL = 64

/// RFC 9380 §5.2 `hash_to_field` into Fp (m = 1, L = 64) with `expand_message_xmd`/SHA-256.
///
/// - Parameters:
///   - msg: the message.
///   - dst: the domain separation tag (1–255 bytes).
///   - count: how many field elements to produce.
/// - Returns: `count` elements of Fp.
/// - Throws: ``CurveError/invalidHashParameters`` for a bad `dst` or `count` outside 1…127.
public func hashToFieldFp(msg: [UInt8], dst: [UInt8], count: Int) throws(CurveError) -> [Fp] {
    guard count > 0, count <= 127 else { throw .invalidHashParameters }  // 64·count ≤ 8160
    let bytes = try expandMessageXMD(msg: msg, dst: dst, length: count * hashToFieldL)
    var out = [Fp]()
    out.reserveCapacity(count)
    for i in 0..<count {
        let offset = i * hashToFieldL
        out.append(Fp(reducingBigEndian: bytes[offset..<offset + hashToFieldL]))
    }
    return out
}

/// RFC 9380 §5.2 `hash_to_field` into Fp2 (m = 2, L = 64): element i uses the 64-byte chunks
/// 2i (for c0) and 2i + 1 (for c1).
///
/// - Parameters:
///   - msg: the message.
///   - dst: the domain separation tag (1–255 bytes).
///   - count: how many field elements to produce.
/// - Returns: `count` elements of Fp2.
/// - Throws: ``CurveError/invalidHashParameters`` for a bad `dst` or `count` outside 1…63.
public func hashToFieldFp2(msg: [UInt8], dst: [UInt8], count: Int) throws(CurveError) -> [Fp2] {
    guard count > 0, count <= 63 else { throw .invalidHashParameters }  // 128·count ≤ 8160
    let bytes = try expandMessageXMD(msg: msg, dst: dst, length: count * 2 * hashToFieldL)
    var out = [Fp2]()
    out.reserveCapacity(count)
    for i in 0..<count {
        let offset = 2 * i * hashToFieldL
        let c0 = Fp(reducingBigEndian: bytes[offset..<offset + hashToFieldL])
        let c1 = Fp(reducingBigEndian: bytes[offset + hashToFieldL..<offset + 2 * hashToFieldL])
        out.append(Fp2(c0: c0, c1: c1))
    }
    return out
}

/// `Hs(msg, DST)` of PROTOCOL.md §3: RFC 9380 `hash_to_field` with modulus r, m = 1, count = 1,
/// L = 48, i.e. OS2IP(expand_message_xmd_SHA256(msg, DST, 48)) mod r.
///
/// - Parameters:
///   - msg: the message.
///   - dst: the domain separation tag (1–255 bytes).
/// - Returns: the scalar.
/// - Throws: ``CurveError/invalidHashParameters`` for a bad `dst`.
public func hashToFr(msg: [UInt8], dst: [UInt8]) throws(CurveError) -> Fr {
    let bytes = try expandMessageXMD(msg: msg, dst: dst, length: 48)
    return Fr(reducingBigEndian: bytes)
}
