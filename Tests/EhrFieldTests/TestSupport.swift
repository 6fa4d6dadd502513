// SPDX-License-Identifier: Apache-2.0

import CGMP
import XCTest

@testable import EhrField

// MARK: - Deterministic randomness

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator so that failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
    mutating func bytes(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8(truncatingIfNeeded: next()) } }
}

// MARK: - GMP integers (the independent reference path)

/// A GMP integer owned by a class so that `deinit` clears it (STYLE.md K). Only `__gmpz_*` names are
/// visible from Swift, so those are called directly.
final class Big: @unchecked Sendable {
    let p: UnsafeMutablePointer<__mpz_struct>

    init() {
        p = .allocate(capacity: 1)
        __gmpz_init(p)
    }

    convenience init(_ hex: String) {
        self.init()
        _ = __gmpz_set_str(p, hex, 16)
    }

    convenience init(bigEndian bytes: [UInt8]) {
        self.init()
        if !bytes.isEmpty {
            bytes.withUnsafeBufferPointer { __gmpz_import(p, bytes.count, 1, 1, 1, 0, $0.baseAddress) }
        }
    }

    convenience init(limbsLE: [UInt64]) {
        self.init()
        limbsLE.withUnsafeBufferPointer { __gmpz_import(p, limbsLE.count, -1, 8, 0, 0, $0.baseAddress) }
    }

    deinit {
        __gmpz_clear(p)
        p.deallocate()
    }

    /// Big-endian bytes left-padded to `width`.
    func bytes(_ width: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: width + 8)
        var count = 0
        out.withUnsafeMutableBufferPointer { _ = __gmpz_export($0.baseAddress, &count, 1, 1, 1, 0, p) }
        let digits = Array(out[0..<count])
        return [UInt8](repeating: 0, count: max(0, width - count)) + digits
    }

    func limbs(_ n: Int) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: n + 2)
        var count = 0
        out.withUnsafeMutableBufferPointer { _ = __gmpz_export($0.baseAddress, &count, -1, 8, 0, 0, p) }
        return Array(out[0..<n])
    }

    static func * (a: Big, b: Big) -> Big { let r = Big(); __gmpz_mul(r.p, a.p, b.p); return r }
    static func + (a: Big, b: Big) -> Big { let r = Big(); __gmpz_add(r.p, a.p, b.p); return r }
    static func - (a: Big, b: Big) -> Big { let r = Big(); __gmpz_sub(r.p, a.p, b.p); return r }
    static func % (a: Big, m: Big) -> Big { let r = Big(); __gmpz_fdiv_r(r.p, a.p, m.p); return r }
    static func == (a: Big, b: Big) -> Bool { __gmpz_cmp(a.p, b.p) == 0 }
    func powMod(_ e: Big, _ m: Big) -> Big { let r = Big(); __gmpz_powm(r.p, p, e.p, m.p); return r }
    func invMod(_ m: Big) -> Big { let r = Big(); _ = __gmpz_invert(r.p, p, m.p); return r }
    func shiftedLeft(_ bits: Int) -> Big { let r = Big(); __gmpz_mul_2exp(r.p, p, UInt(bits)); return r }
    static func pow2(_ bits: Int) -> Big { Big("1").shiftedLeft(bits) }
}

let pBig = Big("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab")
let rBig = Big("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001")

// MARK: - Random elements

extension Fp {
    /// Uniform element built from canonical bytes by rejection, independent of the reducing decoder.
    static func random(_ g: inout SplitMix64) -> Fp {
        while true {
            var b = g.bytes(48)
            b[0] &= 0x1f
            if let x = try? Fp(bigEndianBytes: b) { return x }
        }
    }
}

extension Fr {
    static func random(_ g: inout SplitMix64) -> Fr {
        while true {
            var b = g.bytes(32)
            b[0] &= 0x7f
            if let x = try? Fr(bigEndianBytes: b) { return x }
        }
    }
}

extension Fp2 {
    static func random(_ g: inout SplitMix64) -> Fp2 { Fp2(c0: .random(&g), c1: .random(&g)) }
}

// MARK: - Field axioms, written once

/// The operations every field type in EhrField shares; the law checker is generic over it.
protocol TestField: Equatable {
    static var zero: Self { get }
    static var one: Self { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    func squared() -> Self
    func doubled() -> Self
    func inverse() -> Self
    var isZero: Bool { get }
    static func random(_ g: inout SplitMix64) -> Self
}

extension Fp: TestField {}
extension Fr: TestField {}
extension Fp2: TestField {}

/// Checks the field axioms on `rounds` random triples, plus identities and edge cases.
func checkFieldAxioms<F: TestField>(_ type: F.Type, rounds: Int, seed: UInt64, file: StaticString = #filePath,
                                    line: UInt = #line) {
    var g = SplitMix64(seed: seed)
    XCTAssertTrue(F.zero.isZero, file: file, line: line)
    XCTAssertNotEqual(F.zero, F.one, file: file, line: line)
    XCTAssertEqual(F.zero.inverse(), F.zero, "inverse(0) = 0", file: file, line: line)
    XCTAssertEqual(F.one.inverse(), F.one, file: file, line: line)
    XCTAssertEqual(-F.zero, F.zero, file: file, line: line)
    for _ in 0..<rounds {
        let a = F.random(&g), b = F.random(&g), c = F.random(&g)
        XCTAssertEqual(a + b, b + a, "commutative +", file: file, line: line)
        XCTAssertEqual(a * b, b * a, "commutative ·", file: file, line: line)
        XCTAssertEqual((a + b) + c, a + (b + c), "associative +", file: file, line: line)
        XCTAssertEqual((a * b) * c, a * (b * c), "associative ·", file: file, line: line)
        XCTAssertEqual(a * (b + c), a * b + a * c, "distributive", file: file, line: line)
        XCTAssertEqual(a + F.zero, a, file: file, line: line)
        XCTAssertEqual(a * F.one, a, file: file, line: line)
        XCTAssertEqual(a * F.zero, F.zero, file: file, line: line)
        XCTAssertEqual(a - a, F.zero, file: file, line: line)
        XCTAssertEqual(a + (-a), F.zero, file: file, line: line)
        XCTAssertEqual(a - b, a + (-b), file: file, line: line)
        XCTAssertEqual(-(-a), a, file: file, line: line)
        XCTAssertEqual(a.squared(), a * a, "square = self-multiplication", file: file, line: line)
        XCTAssertEqual(a.doubled(), a + a, file: file, line: line)
        if !a.isZero {
            XCTAssertEqual(a * a.inverse(), F.one, "a·a⁻¹ = 1", file: file, line: line)
            XCTAssertEqual(a.inverse().inverse(), a, file: file, line: line)
        }
    }
}
