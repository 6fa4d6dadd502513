// SPDX-License-Identifier: Apache-2.0
import EhrField

// MARK: - Arithmetic in the cyclotomic subgroup G_Φ6(p²) ⊂ F_p¹²*

// After the easy part of the final exponentiation every value f satisfies f^(p⁶+1) = 1 and
// f^(p⁴−p²+1) = 1, which makes squaring cheaper (Granger–Scott 2010, "Faster squaring in the
// cyclotomic subgroup of sixth degree extensions", PKC 2010, §3.1).
//
// View F_p¹² = F_p⁴[w]/(w³ − s) with F_p⁴ = F_p²[s]/(s² − ξ), s = w³, and write
// f = A + B·w + C·w² with A = a0 + a3·s, B = a1 + a4·s, C = a2 + a5·s, where a_e is the F_p²
// coefficient of w^e (a_e = f.c(e % 2).c(e / 2) in the tower). Then for unitary f
//
//     f² = (3A² − 2Ā) + (3s·C² + 2B̄)·w + (3B² − 2C̄)·w²,      Ā = a0 − a3·s,
//
// i.e. three F_p⁴ squarings (nine F_p² squarings) instead of a full F_p¹² squaring.

/// `(x + y·s)²` in F_p⁴ = F_p²[s]/(s² − ξ): returns `(x² + ξ·y², 2xy)` with three squarings.
@inlinable @inline(__always)
func fp4Square(_ x: Fp2, _ y: Fp2) -> (Fp2, Fp2) {
    let t0 = x.squared()
    let t1 = y.squared()
    let c0 = t1.mulByNonresidue() + t0
    let c1 = (x + y).squared() - t0 - t1
    return (c0, c1)
}

extension Fp12 {
    /// Granger–Scott squaring; correct only for elements of the cyclotomic subgroup
    /// (every GT element, and every value after the easy part of the final exponentiation).
    @inlinable
    func cyclotomicSquared() -> Fp12 {
        let a0 = c0.c0, a1 = c1.c0, a2 = c0.c1, a3 = c1.c1, a4 = c0.c2, a5 = c1.c2
        let (x0, x3) = fp4Square(a0, a3)  // A²
        let (y0, y5) = fp4Square(a2, a5)  // C²  → s·C² = ξ·y5 + y0·s
        let (z1, z4) = fp4Square(a1, a4)  // B²
        // 3t − 2a and 3t + 2a as (t − a)·2 + t and (t + a)·2 + t.
        let n0 = (x0 - a0).doubled() + x0
        let n3 = (x3 + a3).doubled() + x3
        let y5x = y5.mulByNonresidue()
        let n1 = (y5x + a1).doubled() + y5x
        let n4 = (y0 - a4).doubled() + y0
        let n2 = (z1 - a2).doubled() + z1
        let n5 = (z4 + a5).doubled() + z4
        return Fp12(c0: Fp6(c0: n0, c1: n2, c2: n4), c1: Fp6(c0: n1, c1: n3, c2: n5))
    }

    /// `self^|z|` by square-and-multiply over the fixed public bits of |z| = 0xd201000000010000
    /// (63 cyclotomic squarings, 5 multiplications). Cyclotomic elements only.
    @inlinable
    func cyclotomicPowAbsZ() -> Fp12 {
        var acc = self
        var i = BLS12.zTopBit - 1
        while i >= 0 {
            acc = acc.cyclotomicSquared()
            if (BLS12.zAbs >> UInt64(i)) & 1 == 1 {
                acc = acc * self
            }
            i -= 1
        }
        return acc
    }

    /// `self^z` with z = −|z|: on the cyclotomic subgroup the inverse is the conjugate
    /// (f^(p⁶) = f⁻¹), so the sign costs nothing.
    @inlinable
    func cyclotomicPowZ() -> Fp12 {
        cyclotomicPowAbsZ().conjugate()
    }
}
