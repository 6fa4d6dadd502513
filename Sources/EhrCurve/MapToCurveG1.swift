// SPDX-License-Identifier: Apache-2.0

import EhrField

// MARK: - Simplified SWU onto E1' and the 11-isogeny to E1 (RFC 9380 §6.6.2, §6.6.3, E.2)

/// `sqrt_ratio(u, v)` for q ≡ 3 (mod 4), RFC 9380 §F.2.1.2: returns (true, sqrt(u/v)) when u/v
/// is a square, else (false, sqrt(Z·u/v)), with a single exponentiation and no inversion.
/// Straight-line: the only data-dependent choice is a masked select.
@inlinable
func sqrtRatioFp(_ u: Fp, _ v: Fp) -> (isQR: Bool, root: Fp) {
    var tv1 = v.squared()  // 1. tv1 = v²
    let tv2 = u * v  // 2. tv2 = u·v
    tv1 = tv1 * tv2  // 3. tv1 = u·v³
    var y1 = tv1.pow(Iso11.sqrtRatioExponent)  // 4. y1 = tv1^c1, c1 = (p − 3)/4
    y1 = y1 * tv2  // 5.
    let y2 = y1 * Iso11.sqrtMinusZ  // 6. y2 = y1·c2, c2 = sqrt(−Z)
    var tv3 = y1.squared()  // 7.
    tv3 = tv3 * v  // 8.
    let isQR = tv3 == u  // 9.
    return (isQR, ctSelect(y2, y1, mask: ctMask(isQR)))  // 10.
}

/// `map_to_curve` for BLS12381G1 (RFC 9380 §6.6.3): the simplified SWU map onto
/// E1': y² = x³ + A'x + B' (straight-line version of §6.6.2), followed by the 11-isogeny to E1.
///
/// Step 25 (x = x / tv4) is not done here: x stays the fraction tv3/tv4 (or tv1·tv3/tv4) and the
/// isogeny is evaluated on homogenised polynomials, so the whole map needs no inversion.
@inlinable
func mapToCurveG1(_ u: Fp) -> G1Projective {
    let a = Iso11.a
    let b = Iso11.b
    let z = Iso11.z
    var tv1 = u.squared()  // 1.
    tv1 = z * tv1  // 2. tv1 = Z·u²
    var tv2 = tv1.squared()  // 3.
    tv2 = tv2 + tv1  // 4. tv2 = Z²u⁴ + Zu²
    var tv3 = tv2 + Fp.one  // 5.
    tv3 = b * tv3  // 6. tv3 = B·(tv2 + 1)
    var tv4 = ctSelect(z, -tv2, mask: ctMask(!tv2.isZero))  // 7. exceptional case tv2 = 0 → Z
    tv4 = a * tv4  // 8.
    tv2 = tv3.squared()  // 9.
    var tv6 = tv4.squared()  // 10.
    var tv5 = a * tv6  // 11.
    tv2 = tv2 + tv5  // 12.
    tv2 = tv2 * tv3  // 13.
    tv6 = tv6 * tv4  // 14.
    tv5 = b * tv6  // 15.
    tv2 = tv2 + tv5  // 16. tv2/tv6 = g(x1)
    var x = tv1 * tv3  // 17. numerator of x2 = Z·u²·x1
    let (isGx1Square, y1) = sqrtRatioFp(tv2, tv6)  // 18.
    var y = tv1 * u  // 19.
    y = y * y1  // 20.
    let square = ctMask(isGx1Square)
    x = ctSelect(x, tv3, mask: square)  // 21.
    y = ctSelect(y, y1, mask: square)  // 22.
    let e1 = u.sgn0 == y.sgn0  // 23.
    y = ctSelect(-y, y, mask: ctMask(e1))  // 24.
    return iso11Map(xNumerator: x, xDenominator: tv4, y: y)  // 25–26 folded into the isogeny
}

/// Σ k_i·n^i·d^(deg−i): the polynomial Σ k_i·x^i at x = n/d, multiplied by d^deg
/// (Horner on the homogenised polynomial; `dPowers[j]` = d^j).
@inlinable
func homogeneousHorner(_ k: [Fp], _ n: Fp, _ dPowers: [Fp]) -> Fp {
    let degree = k.count - 1
    var acc = k[degree]
    for i in stride(from: degree - 1, through: 0, by: -1) {
        acc = acc * n + k[i] * dPowers[degree - i]
    }
    return acc
}

/// The 11-isogeny E1' → E1 of RFC 9380 Appendix E.2 at the point (n/d, y), as a projective point:
/// x' = xNum/xDen, y' = y·yNum/yDen with xNum, yNum, yDen of degree 11, 15, 15 and xDen of
/// degree 10 give x' = Nx/(Dx·d) and y' = y·Ny/Dy for the homogenised values, hence
/// (X : Y : Z) = (Nx·Dy : y·Ny·Dx·d : Dx·d·Dy). A zero denominator (the isogeny's kernel)
/// yields the identity, as the RFC requires.
@inlinable
func iso11Map(xNumerator n: Fp, xDenominator d: Fp, y: Fp) -> G1Projective {
    var dPowers = [Fp](repeating: .one, count: 16)
    for j in 1..<16 {
        dPowers[j] = dPowers[j - 1] * d
    }
    let nx = homogeneousHorner(Iso11.xNum, n, dPowers)
    let dx = homogeneousHorner(Iso11.xDen, n, dPowers) * d
    let ny = homogeneousHorner(Iso11.yNum, n, dPowers)
    let dy = homogeneousHorner(Iso11.yDen, n, dPowers)
    var p = G1Projective(x: nx * dy, y: y * ny * dx, z: dx * dy)
    p.conditionalAssign(.identity, mask: ctMask(p.z.isZero))
    return p
}
