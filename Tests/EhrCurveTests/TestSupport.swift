// SPDX-License-Identifier: Apache-2.0

import EhrField
import Foundation
import XCTest

@testable import EhrCurve

/// Tests/Vectors, found from this file's path so the tests run from any working directory.
let vectorDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Vectors")

func loadVectors<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    let data = try Data(contentsOf: vectorDirectory.appendingPathComponent(name))
    return try JSONDecoder().decode(T.self, from: data)
}

/// Bytes of a hex string (tests only; the vector files are well-formed).
func hexBytes(_ hex: String) -> [UInt8] {
    var out = [UInt8]()
    var chars = Array(hex.utf8)
    if chars.count % 2 == 1 { chars.insert(UInt8(ascii: "0"), at: 0) }
    var i = 0
    while i < chars.count {
        out.append(UInt8(String(decoding: chars[i..<i + 2], as: UTF8.self), radix: 16) ?? 0)
        i += 2
    }
    return out
}

func hexString(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}

func fp(_ hex: String) throws -> Fp {
    try Fp(bigEndianBytes: hexBytes(hex))
}

struct HexFp2: Decodable {
    let c0: String
    let c1: String
    func value() throws -> Fp2 { Fp2(c0: try fp(c0), c1: try fp(c1)) }
}

func randomScalar() -> Fr {
    (try? Fr.random()) ?? Fr(7)
}

func randomBytes(_ n: Int) -> [UInt8] {
    (0..<n).map { _ in UInt8.random(in: 0...255) }
}

func randomG1() -> G1Projective {
    G1Projective.mulGenerator(randomScalar())
}

func randomG2() -> G2Projective {
    G2Projective.mulGenerator(randomScalar())
}

/// A point of E1 that is (with overwhelming probability) outside G1: SWU + isogeny on a random
/// field element, without cofactor clearing.
func randomG1OffSubgroup() -> G1Projective {
    mapToCurveG1(Fp(reducingBigEndian: randomBytes(64)))
}

func randomG2OffSubgroup() -> G2Projective {
    mapToCurveG2(Fp2(c0: Fp(reducingBigEndian: randomBytes(64)), c1: Fp(reducingBigEndian: randomBytes(64))))
}

/// The slow reference subgroup test r·P = O.
func slowInG1(_ p: G1Projective) -> Bool { p.mulBigVartime(Bls12381.rLimbs).isIdentity }
func slowInG2(_ p: G2Projective) -> Bool { p.mulBigVartime(Bls12381.rLimbs).isIdentity }

/// Double-and-add reference multiplication (most significant bit first), independent of the
/// windowed, GLV and Pippenger code paths.
func referenceMul<P: ProjectivePoint>(_ p: P, _ k: Fr) -> P {
    let limbs = k.canonicalLimbs
    var acc = P.identity
    for bit in stride(from: 255, through: 0, by: -1) {
        acc = acc.doubled()
        if (limbs[bit / 64] >> UInt64(bit % 64)) & 1 == 1 {
            acc = acc + p
        }
    }
    return acc
}
