// SPDX-License-Identifier: Apache-2.0

import EhrField

// MARK: - hash_to_curve (RFC 9380 §3, suites of §8.8.1 and §8.8.2)

/// RFC 9380 `BLS12381G1_XMD:SHA-256_SSWU_RO_`: hash_to_field (two elements of Fp, L = 64),
/// two simplified SWU maps through the 11-isogeny, their sum, and cofactor clearing by h_eff.
///
/// - Parameters:
///   - msg: the message (any bytes).
///   - dst: the domain separation tag, 1–255 bytes (PROTOCOL.md §3 lists the protocol's tags).
/// - Returns: a point of G1, projective (call `toAffine()` to encode it).
/// - Throws: ``CurveError/invalidHashParameters`` for an empty or oversize `dst`.
@inlinable
public func hashToG1(msg: [UInt8], dst: [UInt8]) throws(CurveError) -> G1Projective {
    let u = try hashToFieldFp(msg: msg, dst: dst, count: 2)
    let q0 = mapToCurveG1(u[0])
    let q1 = mapToCurveG1(u[1])
    return (q0 + q1).clearCofactor()
}

/// RFC 9380 `BLS12381G2_XMD:SHA-256_SSWU_RO_`: hash_to_field (two elements of Fp2, L = 64),
/// two simplified SWU maps through the 3-isogeny, their sum, and ψ-based cofactor clearing
/// (Appendix G.3).
///
/// - Parameters:
///   - msg: the message (any bytes).
///   - dst: the domain separation tag, 1–255 bytes.
/// - Returns: a point of G2, projective.
/// - Throws: ``CurveError/invalidHashParameters`` for an empty or oversize `dst`.
@inlinable
public func hashToG2(msg: [UInt8], dst: [UInt8]) throws(CurveError) -> G2Projective {
    let u = try hashToFieldFp2(msg: msg, dst: dst, count: 2)
    let q0 = mapToCurveG2(u[0])
    let q1 = mapToCurveG2(u[1])
    return (q0 + q1).clearCofactor()
}
