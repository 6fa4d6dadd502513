// SPDX-License-Identifier: Apache-2.0
import EhrField

// MARK: - Membership test for GT

// GT is the order-r subgroup of the cyclotomic subgroup G_Φ12 = {x : x^(p⁴−p²+1) = 1}.
// Instead of x^r = 1 (a 255-bit exponentiation) we use Scott 2021, "A note on group
// membership tests for G1, G2 and GT on BLS pairing-friendly curves" (eprint 2021/1130, §6):
// for BLS12 curves, x ∈ GT iff
//
//   (1) x ∈ G_Φ12, checked as x^(p⁴) · x = x^(p²) (three Frobenius maps, one multiplication), and
//   (2) x^p = x^z, i.e. the Frobenius acts on x as the eigenvalue p ≡ z (mod r).
//
// (1) makes cyclotomic squaring valid for the exponentiation by z in (2). Total cost: about
// one exponentiation by z, ~4× cheaper than x^r. The tests check it against x^r = 1 on
// elements inside and outside GT.

extension GT {
    /// Whether `value` is in the order-r subgroup GT (Scott 2021/1130). Zero is not.
    ///
    /// Variable time: it is applied to public, received values (the GT decoder).
    @inlinable
    public var isInGroup: Bool {
        GT.isInGroup(value)
    }

    /// Membership test on a raw F_p¹² element.
    @inlinable
    static func isInGroup(_ x: Fp12) -> Bool {
        if x.isZero {
            return false
        }
        let x2 = x.frobenius(2)
        guard x2.frobenius(2) * x == x2 else {
            return false
        }
        return x.frobenius(1) == x.cyclotomicPowZ()
    }
}
