// SPDX-License-Identifier: Apache-2.0
import EhrField

/// An element of GT, the order-r subgroup of F_p¹²* that the pairing maps into.
///
/// Written multiplicatively. Values built by this module (pairings, products, powers, the
/// checked decoder) are always in GT; `value` is public for interoperability, and whoever sets
/// it directly must keep it in GT (the arithmetic below relies on it: inversion is conjugation
/// and squaring uses the cyclotomic formula).
public struct GT: Sendable, Hashable {
    /// The underlying F_p¹² element (blst tower).
    public var value: Fp12

    /// Wraps an F_p¹² element already known to lie in GT.
    @inlinable
    public init(unchecked value: Fp12) {
        self.value = value
    }

    /// The identity of GT.
    public static let one = GT(unchecked: Fp12.one)

    /// `e(g1, g2)` for the standard generators, as blst computes it (PROTOCOL.md §11 KAT).
    ///
    /// Built from its known canonical coefficients rather than computed, so that it is
    /// available without a pairing; the tests check it against `pairing(g1, g2)`.
    public static let generator: GT = {
        var coefficients: [Fp2] = []
        for e in 0..<6 {
            coefficients.append(
                Fp2(c0: Fp(canonicalLimbs: GTGeneratorConstant.limbs[2 * e]),
                    c1: Fp(canonicalLimbs: GTGeneratorConstant.limbs[2 * e + 1])))
        }
        return GT(unchecked: Fp12(coefficientsOfW: coefficients))
    }()

    /// `true` for the identity.
    @inlinable
    public var isOne: Bool { value.isOne }

    /// The group operation.
    @inlinable
    public static func * (a: GT, b: GT) -> GT {
        GT(unchecked: a.value * b.value)
    }

    /// `a · b⁻¹`.
    @inlinable
    public static func / (a: GT, b: GT) -> GT {
        GT(unchecked: a.value * b.value.conjugate())
    }

    /// In-place group operation.
    @inlinable
    public static func *= (a: inout GT, b: GT) {
        a = a * b
    }

    /// The inverse: the conjugate x^(p⁶), since x^(p⁶+1) = 1 on the cyclotomic subgroup.
    @inlinable
    public func inverse() -> GT {
        GT(unchecked: value.conjugate())
    }

    /// The square, with the Granger–Scott cyclotomic formula.
    @inlinable
    public func squared() -> GT {
        GT(unchecked: value.cyclotomicSquared())
    }

    /// A uniformly random element of GT: the generator raised to a uniform secret exponent
    /// (constant-time exponentiation, since the result may serve as a secret message key).
    ///
    /// - Throws: ``FieldError/randomFailure`` if the system random generator fails.
    public static func random() throws(FieldError) -> GT {
        generator.pow(try Fr.random())
    }
}

extension Fp12 {
    /// Builds an element from its six F_p² coefficients of w⁰…w⁵ (F_p¹² = F_p²[w]/(w⁶ − ξ));
    /// the coefficient of w^e sits at `c(e % 2).c(e / 2)` in the tower.
    @inlinable
    init(coefficientsOfW a: [Fp2]) {
        self.init(c0: Fp6(c0: a[0], c1: a[2], c2: a[4]), c1: Fp6(c0: a[1], c1: a[3], c2: a[5]))
    }

    /// The six F_p² coefficients of w⁰…w⁵ (inverse of ``init(coefficientsOfW:)``).
    @inlinable
    var coefficientsOfW: [Fp2] {
        [c0.c0, c1.c0, c0.c1, c1.c1, c0.c2, c1.c2]
    }
}

/// The canonical coefficients of e(g1, g2) (PROTOCOL.md §11; proto_ibpre.py GT_GEN_KAT),
/// as little-endian 64-bit limbs, in the order w⁰.c0, w⁰.c1, w¹.c0, …, w⁵.c1.
@usableFromInline
enum GTGeneratorConstant {
    static let limbs: [[UInt64]] = [
        [0xa843_05aa_ca17_89b6, 0xb6d1_94f6_0839_c508, 0x3dd8_e90c_e98d_b3e7, 0x272d_441b_efa1_5c50, 0xa7b2_d831_68d0_d727, 0x1250_ebd8_71fc_0a92],
        [0x5988_2a98_eaa0_170f, 0xf1a8_943e_5043_9f1d, 0xaf5a_f689_452e_afab, 0x68a8_4045_483c_92b7, 0x8675_0ec6_a532_3488, 0x089a_1c5b_46e5_110b],
        [0x0f94_8226_e47e_e89d, 0xbb12_d583_86a8_703e, 0xdea5_4d43_b2b7_3f2c, 0xc887_84fb_b3d0_b2db, 0x9cd6_bd15_c3d5_a04d, 0x19f2_6337_d205_fb46],
        [0x102a_e1c2_d5d5_ab1a, 0x1bfd_1b68_ff02_f0b8, 0xa7d2_809d_61bf_e02e, 0xd585_7baa_f222_eb95, 0x9f80_940c_a771_b6ff, 0x06fb_a23e_b7c5_af0d],
        [0x881c_4c84_9ec2_3e87, 0xddff_5730_9396_b38c, 0x16da_0e22_a503_1b54, 0x0378_a68e_72a6_b3b2, 0x9703_f239_689c_e34c, 0x1368_bb44_5c7c_2d20],
        [0x3150_21ec_3c19_934f, 0xffe5_1d7a_5799_73b1, 0x7c90_d8bd_6606_5b1f, 0x37e0_794e_1e65_a761, 0xc273_fa07_5a50_5129, 0x1935_02b8_6edb_8857],
        [0x1b93_b473_33e2_ba57, 0x78ef_4888_1e32_fac9, 0x7d0d_15ff_7b98_4e89, 0xc81a_93b3_30ee_1a67, 0xfcef_6808_3b0b_0ec5, 0x11b8_b424_cd48_bf38],
        [0xbe22_91a0_c25a_99a2, 0x7ba8_10c5_a09f_fdd9, 0x20c8_06ad_3608_2910, 0xc6a0_e978_6ab5_9733, 0xc31b_4fcb_6ce5_771c, 0x0335_0f55_a7ae_fcd3],
        [0x1dad_1c1f_b597_aaa5, 0x19c3_4dff_bbaa_d843, 0x1852_03fc_ca58_9ac7, 0xfbf2_f8da_752f_7c74, 0x9112_5ba8_4dc4_007c, 0x01b2_f522_473d_1713],
        [0x8bea_e962_4045_b4b6, 0x23f7_daca_a35c_8ca7, 0x8061_e55c_ceba_478b, 0x46da_634b_8f6b_e14a, 0xbd3c_7993_7a45_b845, 0x0181_0715_4f25_a764],
        [0x9108_f024_2d0f_e3ef, 0xa4fa_fc05_0662_45cb, 0x1c7c_dba7_b387_2629, 0xa189_e879_35a9_5405, 0x0224_9b64_728f_fd21, 0x04c5_8123_4d08_6a99],
        [0xfde4_4938_3b67_6631, 0xd48e_aa24_afe4_7e1e, 0xdeff_686b_fd6d_f543, 0x3bac_a4d7_2ca9_3544, 0x0686_72cb_d01a_7ec7, 0x0f41_e586_63bf_08cf],
    ]
}
