// SPDX-License-Identifier: Apache-2.0

/// Errors raised when decoding G1/G2 points or hashing to the curve.
///
/// The cases follow PROTOCOL.md §11 rule 4 in order: the encoding is checked
/// first, then the curve equation, then the subgroup, then (if the field
/// forbids it) the identity.
public enum CurveError: Error, Sendable, Equatable {
    /// Wrong number of bytes for the point encoding.
    case wrongLength(expected: Int, actual: Int)
    /// Flag bits are inconsistent (compression bit missing, infinity with
    /// other bits or non-zero coordinates, sign bit on infinity).
    case badFlags
    /// A coordinate is not below p.
    case nonCanonicalCoordinate
    /// The x coordinate has no point on the curve, or (x, y) is not on it.
    case notOnCurve
    /// The point is on the curve but outside the prime-order subgroup.
    case notInSubgroup
    /// The point at infinity where a non-identity point is required.
    case identity
    /// A domain separation tag that RFC 9380 §5.3.1 does not allow (empty or
    /// longer than 255 bytes), or a requested output that is too long.
    case invalidHashParameters
}
