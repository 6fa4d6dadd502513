// SPDX-License-Identifier: Apache-2.0

import EhrField

/// Parameters of BLS12-381 that the curve code needs, in one place.
///
/// Field elements are given as canonical little-endian limbs and converted to
/// Montgomery form once, on first use.
@usableFromInline
enum Bls12381 {
    /// |z| for the BLS parameter z = −0xd201000000010000. Its set bits are 63, 62, 60, 57, 48, 16,
    /// which `mulByX` uses as a fixed addition chain.
    @usableFromInline static let xAbs: UInt64 = 0xd201_0000_0001_0000

    /// The group order r, little-endian limbs.
    @usableFromInline static let rLimbs: [UInt64] = [
        0xffff_ffff_0000_0001, 0x53bd_a402_fffe_5bfe, 0x3339_d808_09a1_d805, 0x73ed_a753_299d_7d48,
    ]

    /// x² = z², the 128-bit modulus of the GLV split on G1 (σ acts as −z² on G1), little-endian.
    @usableFromInline static let xSquared: [UInt64] = [0x0000_0001_0000_0000, 0xac45_a401_0001_a402]

    // MARK: E1: y² = x³ + 4

    /// The standard G1 generator (compressed 97f1d3a7…).
    @usableFromInline static let g1x = Fp(canonicalLimbs: [
        0xfb3af00adb22c6bb, 0x6c55e83ff97a1aef, 0xa14e3a3f171bac58,
        0xc3688c4f9774b905, 0x2695638c4fa9ac0f, 0x17f1d3a73197d794])
    @usableFromInline static let g1y = Fp(canonicalLimbs: [
        0x0caa232946c5e7e1, 0xd03cc744a2888ae4, 0x00db18cb2c04b3ed,
        0xfcf5e095d5d00af6, 0xa09e30ed741d8ae4, 0x08b3f481e3aaa0f1])

    /// b = 4 of E1.
    @usableFromInline static let b1 = Fp(4)

    /// β, a primitive cube root of unity in Fp, chosen so that σ(x, y) = (β·x, y) acts on G1 as
    /// multiplication by −z² (Scott 2021, eprint 2021/1130, §3; checked against py_ecc).
    @usableFromInline static let beta = Fp(canonicalLimbs: [
        0x2e01fffffffefffe, 0xde17d813620a0002, 0xddb3a93be6f89688,
        0xba69c6076a0f77ea, 0x5f19672fdf76ce51, 0x0000000000000000])

    // MARK: E2: y² = x³ + 4·(1 + u) (M-type twist)

    /// The standard G2 generator (compressed 93e02b60…).
    @usableFromInline static let g2x = Fp2(
        c0: Fp(canonicalLimbs: [
            0xd48056c8c121bdb8, 0x0bac0326a805bbef, 0xb4510b647ae3d177,
            0xc6e47ad4fa403b02, 0x260805272dc51051, 0x024aa2b2f08f0a91]),
        c1: Fp(canonicalLimbs: [
            0xe5ac7d055d042b7e, 0x334cf11213945d57, 0xb5da61bbdc7f5049,
            0x596bd0d09920b61a, 0x7dacd3a088274f65, 0x13e02b6052719f60]))
    @usableFromInline static let g2y = Fp2(
        c0: Fp(canonicalLimbs: [
            0xe193548608b82801, 0x923ac9cc3baca289, 0x6d429a695160d12c,
            0xadfd9baa8cbdd3a7, 0x8cc9cdc6da2e351a, 0x0ce5d527727d6e11]),
        c1: Fp(canonicalLimbs: [
            0xaaa9075ff05f79be, 0x3f370d275cec1da1, 0x267492ab572e99ab,
            0xcb3e287e85a763af, 0x32acd2b02bc28b99, 0x0606c4a02ea734cc]))

    /// b = 4·(1 + u) of E2.
    @usableFromInline static let b2 = Fp2(c0: Fp(4), c1: Fp(4))

    /// ψ(x, y) = (conj(x)·ψx, conj(y)·ψy) is the untwist–Frobenius–twist endomorphism of E2
    /// (Galbraith–Scott 2008; RFC 9380 Appendix G.3): ψx = 1/(1 + u)^((p−1)/3),
    /// ψy = 1/(1 + u)^((p−1)/2). On G2 it acts as multiplication by z (= p mod r).
    @usableFromInline static let psiX = Fp2(c0: Fp.zero, c1: Fp(canonicalLimbs: [
        0x8bfd00000000aaad, 0x409427eb4f49fffd, 0x897d29650fb85f9b,
        0xaa0d857d89759ad4, 0xec02408663d4de85, 0x1a0111ea397fe699]))
    @usableFromInline static let psiY = Fp2(
        c0: Fp(canonicalLimbs: [
            0xf1ee7b04121bdea2, 0x304466cf3e67fa0a, 0xef396489f61eb45e,
            0x1c3dedd930b1cf60, 0xe2e9c448d77a2cd9, 0x135203e60180a68e]),
        c1: Fp(canonicalLimbs: [
            0xc81084fbede3cc09, 0xee67992f72ec05f4, 0x77f76e17009241c5,
            0x48395dabc2d3435e, 0x6831e36d6bd17ffe, 0x06af0e0437ff400b]))
}
