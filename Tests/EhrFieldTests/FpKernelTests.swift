// SPDX-License-Identifier: Apache-2.0

import CGMP
import XCTest

@testable import EhrField

/// The MULX/ADX kernel against the portable Swift kernel and against GMP (issue #14): both paths are
/// called directly in every test, whichever one the dispatcher chose, plus a test through the dispatcher
/// with each kernel forced.
final class FpKernelTests: XCTestCase {
    /// R⁻¹ mod p, the factor a Montgomery product applies to the integer product of its limbs.
    private let rInv = Big.pow2(384).invMod(pBig)

    private func limbs(_ a: Fp) -> [UInt64] { [a.l0, a.l1, a.l2, a.l3, a.l4, a.l5] }
    private func fp(_ big: Big) -> Fp {
        let l = big.limbs(6)
        return Fp(l0: l[0], l1: l[1], l2: l[2], l3: l[3], l4: l[4], l5: l[5])
    }

    /// GMP's a·b·R⁻¹ mod p of the raw limbs.
    private func reference(_ a: Fp, _ b: Fp) -> [UInt64] {
        ((Big(limbsLE: limbs(a)) * Big(limbsLE: limbs(b)) * rInv) % pBig).limbs(6)
    }

    /// Raw limb values < p at the edges: 0, 1, 2, p−1, p−2, 2³⁸⁰ ± 1 (near the top of the 381-bit
    /// range below p), 2³⁸⁴ mod p = R, R² mod p, all-ones low limbs, and the largest values of each limb.
    private func edgeCases() -> [Fp] {
        let pm1 = pBig - Big("1")
        var out: [Big] = [
            Big("0"), Big("1"), Big("2"), pm1, pBig - Big("2"),
            Big.pow2(380), Big.pow2(380) - Big("1"), Big.pow2(380) + Big("1"), Big.pow2(379),
            Big.pow2(384) % pBig, (Big.pow2(384) * Big.pow2(384)) % pBig,
            Big.pow2(320) - Big("1"), Big.pow2(64) - Big("1"), Big.pow2(192),
        ]
        for k in 1...8 { out.append(pBig - Big.pow2(k * 40)) }
        return out.map(fp)
    }

    private func requireADX() throws {
        try XCTSkipUnless(FpKernel.mulxAdxAvailable, "CPU lacks BMI2/ADX: only the portable kernel can run here")
    }

    func testEdgeCasesAgainstPortableAndGMP() throws {
        try requireADX()
        let edges = edgeCases()
        for a in edges {
            for b in edges {
                let want = reference(a, b)
                XCTAssertEqual(limbs(Fp.portableProduct(a, b)), want, "portable \(limbs(a)) \(limbs(b))")
                XCTAssertEqual(limbs(Fp.mulxAdxProduct(a, b)), want, "mulx \(limbs(a)) \(limbs(b))")
            }
            let sq = reference(a, a)
            XCTAssertEqual(limbs(a.portableSquared()), sq)
            XCTAssertEqual(limbs(a.mulxAdxSquared()), sq)
        }
    }

    func testRandomAgainstPortableAndGMP() throws {
        try requireADX()
        var g = SplitMix64(seed: 0x14_ad_c0de)
        for i in 0..<30_000 {
            let a = Fp.random(&g), b = Fp.random(&g)
            let k = Fp.mulxAdxProduct(a, b)
            XCTAssertEqual(k, Fp.portableProduct(a, b), "case \(i)")
            XCTAssertEqual(a.mulxAdxSquared(), a.portableSquared(), "case \(i)")
            if i % 10 == 0 { XCTAssertEqual(limbs(k), reference(a, b), "case \(i)") }
        }
    }

    /// Values with long runs of all-ones or zero limbs (just below p, which has no all-ones top limb),
    /// where a dropped carry in either ADCX/ADOX chain would show.
    func testCarryHeavyOperands() throws {
        try requireADX()
        var g = SplitMix64(seed: 99)
        for _ in 0..<20_000 {
            var l = (0..<6).map { _ -> UInt64 in
                switch g.next() & 3 { case 0: return 0; case 1: return ~0; default: return g.next() }
            }
            l[5] &= 0x1a01_11ea_397f_e699  // top limb below p's: the value stays below p
            let a = Fp(l0: l[0], l1: l[1], l2: l[2], l3: l[3], l4: l[4], l5: l[5])
            let b = Fp.random(&g)
            XCTAssertEqual(Fp.mulxAdxProduct(a, b), Fp.portableProduct(a, b))
            XCTAssertEqual(Fp.mulxAdxProduct(a, a), Fp.portableProduct(a, a))
            XCTAssertEqual(a.mulxAdxSquared(), a.portableSquared())
        }
        XCTAssertEqual(limbs(Fp.mulxAdxProduct(fp(pBig - Big("1")), fp(pBig - Big("1")))),
                       reference(fp(pBig - Big("1")), fp(pBig - Big("1"))))
    }

    /// The dispatcher with each kernel forced: `*`, `squared()` and an inversion agree, and the selection
    /// reports what it did. The previous kernel is restored afterwards.
    func testDispatcherWithEachKernelForced() {
        let before = FpKernel.active
        defer { FpKernel.select(before) }
        var g = SplitMix64(seed: 7)
        let xs = (0..<200).map { _ in Fp.random(&g) }
        XCTAssertEqual(FpKernel.select(.portable), .portable)
        XCTAssertEqual(FpKernel.active, .portable)
        let viaPortable = xs.map { ($0 * $0.squared(), $0.inverse()) }
        let got = FpKernel.select(.mulxAdx)
        XCTAssertEqual(got, FpKernel.mulxAdxAvailable ? .mulxAdx : .portable)
        for (x, (p, inv)) in zip(xs, viaPortable) {
            XCTAssertEqual(x * x.squared(), p)
            XCTAssertEqual(x.inverse(), inv)
            XCTAssertEqual(limbs(p), reference(x, x.portableSquared()))
        }
    }
}
