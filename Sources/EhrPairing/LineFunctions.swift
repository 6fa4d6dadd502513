// SPDX-License-Identifier: Apache-2.0
import EhrField

// MARK: - Doubling and addition steps on the twist, with their tangent / chord lines

// T runs over the M-type twist E': y² = x³ + b', b' = 4ξ, in homogeneous projective
// coordinates (x, y) = (X/Z, Y/Z). Both steps return the line through the points they combine,
// untwisted and scaled as explained in SparseLineMultiplication.swift: with P = (xP, yP),
//
//     ℓ(P) = l0 + (l2·xP)·w² + (l3·yP)·w³,
//
// so the coefficients (l0, l2, l3) depend on Q only and can be precomputed (G2Prepared).
//
// Doubling (Costello–Lange–Naehrig 2010, §5; as written for homogeneous coordinates in
// Aranha–Barreto–Longa–Ricardini 2013, "The realm of the pairings", eprint 2013/722, eq. (10)):
//
//     X₃ = XY/2·(Y² − 9b'Z²),  Y₃ = ((Y² + 9b'Z²)/2)² − 27b'²Z⁴,  Z₃ = 2Y³Z,
//
// which we scale by 4 (same projective point) to avoid halving:
//
//     X₃ = 2XY·(B − 3E),  Y₃ = (B + 3E)² − 12E²,  Z₃ = 4B·H,
//     B = Y², E = 3b'Z², H = 2YZ.
//
// The tangent at T, λ = 3x²/(2y), gives w³·ℓ = (λx − y) − λ·xP·w² + yP·w³; multiplying by
// 2YZ and using X³ = Y²Z − b'Z³:   l0 = Y² − 3b'Z² = B − E,  l2 = −3X²,  l3 = H.
//
// Mixed addition T + Q with Q = (xQ, yQ) affine (ABLR 2013, eq. (12)):
//
//     θ = Y − yQ·Z,  λ = X − xQ·Z,  C = θ², D = λ², E = λ³, F = Z·C, G = X·D, H = E + F − 2G,
//     X₃ = λ·H,  Y₃ = θ·(G − H) − Y·E,  Z₃ = Z·E.
//
// The chord has slope θ/λ; multiplying w³·ℓ by λ:   l0 = θ·xQ − λ·yQ,  l2 = −θ,  l3 = λ.

/// A point of the twist in homogeneous projective coordinates, used only inside the Miller loop.
@usableFromInline
struct TwistPoint: Sendable {
    @usableFromInline var x: Fp2
    @usableFromInline var y: Fp2
    @usableFromInline var z: Fp2

    @inlinable
    init(x: Fp2, y: Fp2, z: Fp2) {
        self.x = x
        self.y = y
        self.z = z
    }
}

/// Line coefficients (l0, l2, l3) as defined above; ℓ(P) = l0 + l2·xP·w² + l3·yP·w³.
@usableFromInline
struct LineCoefficients: Sendable {
    @usableFromInline var l0: Fp2
    @usableFromInline var l2: Fp2
    @usableFromInline var l3: Fp2

    @inlinable
    init(l0: Fp2, l2: Fp2, l3: Fp2) {
        self.l0 = l0
        self.l2 = l2
        self.l3 = l3
    }
}

extension TwistPoint {
    /// T ← 2T; returns the tangent line at the old T. 3 multiplications, 6 squarings in F_p².
    @inlinable @inline(__always)
    mutating func doubleWithLine() -> LineCoefficients {
        let xx = x.squared()
        let b = y.squared()
        let zz = z.squared()
        // E = 3b'·Z² = 12ξ·Z².
        let zx = zz.mulByNonresidue()
        let e3 = zx.doubled() + zx
        let e = e3.doubled().doubled()
        let f = e.doubled() + e
        let h = (y + z).squared() - b - zz  // 2YZ
        let a2 = (x * y).doubled()  // 2XY
        let bPlusF = b + f
        let ee = e.squared()
        x = a2 * (b - f)
        y = bPlusF.squared() - (ee.doubled() + ee).doubled().doubled()
        z = (b * h).doubled().doubled()
        return LineCoefficients(l0: b - e, l2: -(xx.doubled() + xx), l3: h)
    }

    /// T ← T + Q for affine Q ≠ ±T; returns the chord through T and Q. 11 multiplications,
    /// 2 squarings in F_p².
    @inlinable @inline(__always)
    mutating func addWithLine(_ qx: Fp2, _ qy: Fp2) -> LineCoefficients {
        let theta = y - qy * z
        let lambda = x - qx * z
        let c = theta.squared()
        let d = lambda.squared()
        let e = lambda * d
        let f = z * c
        let g = x * d
        let h = e + f - g.doubled()
        let line = LineCoefficients(l0: theta * qx - lambda * qy, l2: -theta, l3: lambda)
        x = lambda * h
        y = theta * (g - h) - y * e
        z = z * e
        return line
    }
}
