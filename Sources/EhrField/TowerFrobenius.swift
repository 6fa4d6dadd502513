// SPDX-License-Identifier: Apache-2.0

// MARK: - Frobenius coefficients of the tower
//
// With ξ = 1 + u, v³ = ξ and w² = v (so w⁶ = ξ), the p^k-power Frobenius map sends
//   v ↦ v·ξ^((p^k−1)/3),  v² ↦ v²·ξ^(2(p^k−1)/3),  w ↦ w·ξ^((p^k−1)/6),
// and acts on Fp2 coefficients as conjugation when k is odd. The constants below are these powers of
// ξ for k = 1, 2, 3 in Montgomery form, computed with Python big integers; the tests check every
// Frobenius map against exponentiation by p^k.

@usableFromInline
internal enum TowerFrobenius {
    /// ξ^((p^1−1)/3), the factor of the v coefficient in Fp6.
    @inlinable
    static var fp6C1Power1: Fp2 {
        Fp2(
            c0: Fp(
                l0: 0x0000000000000000,
                l1: 0x0000000000000000,
                l2: 0x0000000000000000,
                l3: 0x0000000000000000,
                l4: 0x0000000000000000,
                l5: 0x0000000000000000
            ),
            c1: Fp(
                l0: 0xcd03c9e48671f071,
                l1: 0x5dab22461fcda5d2,
                l2: 0x587042afd3851b95,
                l3: 0x8eb60ebe01bacb9e,
                l4: 0x03f97d6e83d050d2,
                l5: 0x18f0206554638741
            )
        )
    }

    /// ξ^((p^2−1)/3), the factor of the v coefficient in Fp6.
    @inlinable
    static var fp6C1Power2: Fp2 {
        Fp2(
            c0: Fp(
                l0: 0x30f1361b798a64e8,
                l1: 0xf3b8ddab7ece5a2a,
                l2: 0x16a8ca3ac61577f7,
                l3: 0xc26a2ff874fd029b,
                l4: 0x3636b76660701c6e,
                l5: 0x051ba4ab241b6160
            ),
            c1: Fp(
                l0: 0x0000000000000000,
                l1: 0x0000000000000000,
                l2: 0x0000000000000000,
                l3: 0x0000000000000000,
                l4: 0x0000000000000000,
                l5: 0x0000000000000000
            )
        )
    }

    /// ξ^((p^3−1)/3), the factor of the v coefficient in Fp6.
    @inlinable
    static var fp6C1Power3: Fp2 {
        Fp2(
            c0: Fp(
                l0: 0x0000000000000000,
                l1: 0x0000000000000000,
                l2: 0x0000000000000000,
                l3: 0x0000000000000000,
                l4: 0x0000000000000000,
                l5: 0x0000000000000000
            ),
            c1: Fp(
                l0: 0x760900000002fffd,
                l1: 0xebf4000bc40c0002,
                l2: 0x5f48985753c758ba,
                l3: 0x77ce585370525745,
                l4: 0x5c071a97a256ec6d,
                l5: 0x15f65ec3fa80e493
            )
        )
    }

    /// ξ^(2(p^1−1)/3), the factor of the v² coefficient in Fp6.
    @inlinable
    static var fp6C2Power1: Fp2 {
        Fp2(
            c0: Fp(
                l0: 0x890dc9e4867545c3,
                l1: 0x2af322533285a5d5,
                l2: 0x50880866309b7e2c,
                l3: 0xa20d1b8c7e881024,
                l4: 0x14e4f04fe2db9068,
                l5: 0x14e56d3f1564853a
            ),
            c1: Fp(
                l0: 0x0000000000000000,
                l1: 0x0000000000000000,
                l2: 0x0000000000000000,
                l3: 0x0000000000000000,
                l4: 0x0000000000000000,
                l5: 0x0000000000000000
            )
        )
    }

    /// ξ^(2(p^2−1)/3), the factor of the v² coefficient in Fp6.
    @inlinable
    static var fp6C2Power2: Fp2 {
        Fp2(
            c0: Fp(
                l0: 0xcd03c9e48671f071,
                l1: 0x5dab22461fcda5d2,
                l2: 0x587042afd3851b95,
                l3: 0x8eb60ebe01bacb9e,
                l4: 0x03f97d6e83d050d2,
                l5: 0x18f0206554638741
            ),
            c1: Fp(
                l0: 0x0000000000000000,
                l1: 0x0000000000000000,
                l2: 0x0000000000000000,
                l3: 0x0000000000000000,
                l4: 0x0000000000000000,
                l5: 0x0000000000000000
            )
        )
    }

    /// ξ^(2(p^3−1)/3), the factor of the v² coefficient in Fp6.
    @inlinable
    static var fp6C2Power3: Fp2 {
        Fp2(
            c0: Fp(
                l0: 0x43f5fffffffcaaae,
                l1: 0x32b7fff2ed47fffd,
                l2: 0x07e83a49a2e99d69,
                l3: 0xeca8f3318332bb7a,
                l4: 0xef148d1ea0f4c069,
                l5: 0x040ab3263eff0206
            ),
            c1: Fp(
                l0: 0x0000000000000000,
                l1: 0x0000000000000000,
                l2: 0x0000000000000000,
                l3: 0x0000000000000000,
                l4: 0x0000000000000000,
                l5: 0x0000000000000000
            )
        )
    }

    /// ξ^((p^1−1)/6), the factor of the w coefficient in Fp12.
    @inlinable
    static var fp12C1Power1: Fp2 {
        Fp2(
            c0: Fp(
                l0: 0x07089552b319d465,
                l1: 0xc6695f92b50a8313,
                l2: 0x97e83cccd117228f,
                l3: 0xa35baecab2dc29ee,
                l4: 0x1ce393ea5daace4d,
                l5: 0x08f2220fb0fb66eb
            ),
            c1: Fp(
                l0: 0xb2f66aad4ce5d646,
                l1: 0x5842a06bfc497cec,
                l2: 0xcf4895d42599d394,
                l3: 0xc11b9cba40a8e8d0,
                l4: 0x2e3813cbe5a0de89,
                l5: 0x110eefda88847faf
            )
        )
    }

    /// ξ^((p^2−1)/6), the factor of the w coefficient in Fp12.
    @inlinable
    static var fp12C1Power2: Fp2 {
        Fp2(
            c0: Fp(
                l0: 0xecfb361b798dba3a,
                l1: 0xc100ddb891865a2c,
                l2: 0x0ec08ff1232bda8e,
                l3: 0xd5c13cc6f1ca4721,
                l4: 0x47222a47bf7b5c04,
                l5: 0x0110f184e51c5f59
            ),
            c1: Fp(
                l0: 0x0000000000000000,
                l1: 0x0000000000000000,
                l2: 0x0000000000000000,
                l3: 0x0000000000000000,
                l4: 0x0000000000000000,
                l5: 0x0000000000000000
            )
        )
    }

    /// ξ^((p^3−1)/6), the factor of the w coefficient in Fp12.
    @inlinable
    static var fp12C1Power3: Fp2 {
        Fp2(
            c0: Fp(
                l0: 0x3e2f585da55c9ad1,
                l1: 0x4294213d86c18183,
                l2: 0x382844c88b623732,
                l3: 0x92ad2afd19103e18,
                l4: 0x1d794e4fac7cf0b9,
                l5: 0x0bd592fc7d825ec8
            ),
            c1: Fp(
                l0: 0x7bcfa7a25aa30fda,
                l1: 0xdc17dec12a927e7c,
                l2: 0x2f088dd86b4ebef1,
                l3: 0xd1ca2087da74d4a7,
                l4: 0x2da2596696cebc1d,
                l5: 0x0e2b7eedbbfd87d2
            )
        )
    }

}
