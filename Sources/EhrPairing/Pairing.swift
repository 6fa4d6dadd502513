// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField

// MARK: - Pairing entry points

/// The optimal ate pairing e: G1 × G2 → GT on BLS12-381, normalised as blst (PROTOCOL.md §1).
///
/// - Parameters:
///   - p: a point of G1 (subgroup-checked by its decoder).
///   - q: a point of G2 (subgroup-checked by its decoder).
/// - Returns: `e(p, q)`; 1 if either point is the identity.
@inlinable
public func pairing(_ p: G1Affine, _ q: G2Affine) -> GT {
    finalExponentiation(millerLoopSingle(p, q))
}

/// The pairing with a G2 argument whose lines were precomputed (see ``G2Prepared``).
///
/// - Returns: the same value as `pairing(p, q.point)`.
public func pairing(_ p: G1Affine, _ q: G2Prepared) -> GT {
    finalExponentiation(millerLoop([(p, q)]))
}

/// `∏ e(Pᵢ, Qᵢ)` with one shared Miller accumulator and a single final exponentiation.
///
/// Pairs with an identity point contribute 1; the empty product is 1.
public func multiPairing(_ pairs: [(G1Affine, G2Affine)]) -> GT {
    finalExponentiation(millerLoop(pairs.map { ($0.0, G2Prepared($0.1)) }))
}

/// `∏ e(Pᵢ, Qᵢ)` for prepared G2 arguments (one shared final exponentiation).
public func multiPairing(_ pairs: [(G1Affine, G2Prepared)]) -> GT {
    finalExponentiation(millerLoop(pairs))
}
