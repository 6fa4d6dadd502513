// SPDX-License-Identifier: Apache-2.0

import EhrField

// MARK: - Simplified SWU onto E2' and the 3-isogeny to E2 (RFC 9380 §6.6.2, §6.6.3, E.3)

/// `map_to_curve` for BLS12381G2 (RFC 9380 §6.6.3): simplified SWU onto
/// E2': y² = x³ + 240u·x + 1012(1 + u), then the 3-isogeny to E2.
///
/// This follows the plain description of §6.6.2 (steps 1–9) rather than the straight-line one:
/// x1 needs one inversion, and the square test is the square root itself (`nil` for a
/// non-square, see `Fp2SqrtVartime`), which is cheaper here than the generic q ≡ 9 (mod 16)
/// `sqrt_ratio` of §F.2.1.1 with its 760-bit exponent. The branch depends only on u, which is a hash of public input.
@inlinable
func mapToCurveG2(_ u: Fp2) -> G2Projective {
    let a = Iso3.a
    let b = Iso3.b
    let z = Iso3.z
    let zu2 = z * u.squared()
    let tv = zu2.squared() + zu2  // Z²u⁴ + Zu²
    // 1–3. x1 = (−B/A)·(1 + 1/tv), or B/(Z·A) when tv = 0; written as one fraction n/d.
    let x1: Fp2
    if tv.isZero {
        x1 = b * (z * a).inverseVartime()
    } else {
        x1 = (-b) * (tv + Fp2.one) * (a * tv).inverseVartime()
    }
    let gx1 = (x1.squared() + a) * x1 + b  // 4.
    var x = x1
    var y: Fp2
    if let root = Fp2SqrtVartime.sqrt(gx1) {  // 7.
        y = root
    } else {
        x = zu2 * x1  // 5. x2 = Z·u²·x1
        let gx2 = (x.squared() + a) * x + b  // 6.
        y = Fp2SqrtVartime.sqrt(gx2) ?? Fp2.zero  // 8. a square whenever g(x1) is not (§6.6.2)
    }
    if u.sgn0 != y.sgn0 {  // 9.
        y = -y
    }
    return iso3Map(x: x, y: y)
}

/// Σ k_i·x^i by Horner's rule in Fp2.
@inlinable
func horner(_ k: [Fp2], _ x: Fp2) -> Fp2 {
    var acc = k[k.count - 1]
    for i in stride(from: k.count - 2, through: 0, by: -1) {
        acc = acc * x + k[i]
    }
    return acc
}

/// The 3-isogeny E2' → E2 of RFC 9380 Appendix E.3 as a projective point:
/// (X : Y : Z) = (xNum·yDen : y·yNum·xDen : xDen·yDen), so no inversion is needed; a zero
/// denominator gives the identity.
@inlinable
func iso3Map(x: Fp2, y: Fp2) -> G2Projective {
    let nx = horner(Iso3.xNum, x)
    let dx = horner(Iso3.xDen, x)
    let ny = horner(Iso3.yNum, x)
    let dy = horner(Iso3.yDen, x)
    var p = G2Projective(x: nx * dy, y: y * ny * dx, z: dx * dy)
    p.conditionalAssign(.identity, mask: ctMask(p.z.isZero))
    return p
}
