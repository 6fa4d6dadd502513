// SPDX-License-Identifier: Apache-2.0
import EhrCurve
import EhrField
import EhrPairing
import Foundation
import XCTest

/// Decoded form of Tests/Vectors/pairing.json (written by Tests/Vectors/gen_pairing_vectors.py).
struct PairingVectors: Decodable {
    struct Generator: Decodable {
        let gt: String
        let coefficients: [String]
        let sha256: String
    }
    struct Case: Decodable {
        let a: String
        let b: String
        let g1: String
        let g2: String
        let gt: String
    }
    let generator: Generator
    let cases: [Case]
    let product_of_cases_0_and_1: String
    let final_exponent: String

    static func load() throws -> PairingVectors {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Vectors")
            .appendingPathComponent("pairing.json")
        return try JSONDecoder().decode(PairingVectors.self, from: Data(contentsOf: url))
    }
}

enum TestSupport {
    static let g1 = G1Projective.generator.toAffine()
    static let g2 = G2Projective.generator.toAffine()

    /// The group order r, little-endian limbs.
    static let rLimbs: [UInt64] = [0xffff_ffff_0000_0001, 0x53bd_a402_fffe_5bfe, 0x3339_d808_09a1_d805, 0x73ed_a753_299d_7d48]

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func unhex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var i = s.startIndex
        while i < s.endIndex {
            let j = s.index(i, offsetBy: 2)
            out.append(UInt8(s[i..<j], radix: 16) ?? 0)
            i = j
        }
        return out
    }

    /// Big-endian hex of any length to little-endian 64-bit limbs.
    static func limbs(fromHex s: String) -> [UInt64] {
        var digits = Array(s)
        while digits.count % 16 != 0 {
            digits.insert("0", at: 0)
        }
        var out: [UInt64] = []
        var end = digits.count
        while end > 0 {
            out.append(UInt64(String(digits[(end - 16)..<end]), radix: 16) ?? 0)
            end -= 16
        }
        return out
    }

    static func scalar(_ hexString: String) throws -> Fr {
        try Fr(bigEndianBytes: unhex(hexString))
    }

    /// Plain square-and-multiply with generic F_p¹² arithmetic: an independent path for x^e.
    static func genericPow(_ x: Fp12, _ limbs: [UInt64]) -> Fp12 {
        var acc = Fp12.one
        for i in stride(from: limbs.count * 64 - 1, through: 0, by: -1) {
            acc = acc.squared()
            if (limbs[i / 64] >> UInt64(i % 64)) & 1 == 1 {
                acc = acc * x
            }
        }
        return acc
    }

    static func randomFp() -> Fp {
        var g = SystemRandomNumberGenerator()
        // Top limb below p's top limb (0x1a0111ea397fe69a), so the value is < p.
        return Fp(canonicalLimbs: [g.next(), g.next(), g.next(), g.next(), g.next(), g.next() & 0x0fff_ffff_ffff_ffff])
    }

    static func randomFp2() -> Fp2 {
        Fp2(c0: randomFp(), c1: randomFp())
    }

    static func randomFp12() -> Fp12 {
        Fp12(c0: Fp6(c0: randomFp2(), c1: randomFp2(), c2: randomFp2()),
             c1: Fp6(c0: randomFp2(), c1: randomFp2(), c2: randomFp2()))
    }

    /// A random element of the cyclotomic subgroup G_Φ12 that is (overwhelmingly likely) not
    /// in GT: the easy part of the final exponentiation, f^((p⁶−1)(p²+1)), of a random f.
    static func randomCyclotomic() -> Fp12 {
        let f = randomFp12()
        let f1 = f.conjugate() * f.inverse()
        return f1.frobenius(2) * f1
    }

    static func g1Mul(_ k: Fr) -> G1Affine { G1Projective.generator.mul(k).toAffine() }
    static func g2Mul(_ k: Fr) -> G2Affine { G2Projective.generator.mul(k).toAffine() }
    static func neg(_ p: G1Affine) -> G1Affine { (-G1Projective(p)).toAffine() }
    static func neg(_ q: G2Affine) -> G2Affine { (-G2Projective(q)).toAffine() }
}
