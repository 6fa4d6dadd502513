// SPDX-License-Identifier: Apache-2.0

/// A scalar modulo the BLS12-381 group order
/// r = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001.
///
/// Stored in Montgomery form, a·R mod r with R = 2²⁵⁶, as four 64-bit limbs, least significant first,
/// always fully reduced. Arithmetic is branch-free and allocation-free (kernels in `FrArithmetic.swift`).
public struct Fr: Sendable, Hashable {
    /// Montgomery limbs (a·R mod r), little-endian.
    public var l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64

    /// Creates a scalar from its raw Montgomery limbs (which must already be below r).
    @inlinable @inline(__always)
    public init(l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64) {
        self.l0 = l0
        self.l1 = l1
        self.l2 = l2
        self.l3 = l3
    }

    /// The additive identity.
    @inlinable
    public static var zero: Fr { Fr(l0: 0, l1: 0, l2: 0, l3: 0) }

    /// The multiplicative identity, R mod r.
    @inlinable
    public static var one: Fr {
        Fr(l0: 0x00000001fffffffe, l1: 0x5884b7fa00034802, l2: 0x998c4fefecbc4ff5, l3: 0x1824b159acc5056f)
    }

    /// R² mod r, the factor that converts a canonical integer into Montgomery form.
    @inlinable
    internal static var montgomeryR2: Fr {
        Fr(l0: 0xc999e990f3f29c6d, l1: 0x2b6cedcb87925c23, l2: 0x05d314967254398f, l3: 0x0748d9d99f59ff11)
    }

    /// 2²⁴⁸ in Montgomery form, the weight of one 31-byte chunk in `init(reducingBigEndian:)`.
    @usableFromInline
    internal static var twoTo248: Fr {
        Fr(l0: 0x90c999e8fdf3f29d, l1: 0x9e41521b8486a12f, l2: 0x86700a2133fa4344, l3: 0x4298bfee9a84c8ef)
    }

    /// r − 2, the Fermat inversion exponent (little-endian limbs).
    public static let rMinus2: [UInt64] = [
        0xfffffffeffffffff, 0x53bda402fffe5bfe, 0x3339d80809a1d805, 0x73eda753299d7d48,
    ]

    /// The little-endian limbs of r.
    public static let modulusLimbs: [UInt64] = [
        0xffffffff00000001, 0x53bda402fffe5bfe, 0x3339d80809a1d805, 0x73eda753299d7d48,
    ]

    /// The small integer `v` as a scalar (v < 2⁶⁴ < r).
    @inlinable
    public init(_ v: UInt64) {
        self = Fr(l0: v, l1: 0, l2: 0, l3: 0) * Fr.montgomeryR2
    }

    /// Creates a scalar from four canonical little-endian limbs (the integer must be below r; not checked).
    /// Missing limbs count as zero, so a short array cannot trap.
    public init(canonicalLimbs: [UInt64]) {
        func limb(_ i: Int) -> UInt64 { i < canonicalLimbs.count ? canonicalLimbs[i] : 0 }
        self = Fr(l0: limb(0), l1: limb(1), l2: limb(2), l3: limb(3)) * Fr.montgomeryR2
    }

    /// The canonical integer value as four little-endian limbs (for scalar multiplication).
    public var canonicalLimbs: [UInt64] {
        let c = montgomeryReduced()
        return [c.l0, c.l1, c.l2, c.l3]
    }

    /// The canonical integer's limbs, held in an `Fr` as a plain container (Montgomery product with 1).
    @inlinable
    internal func montgomeryReduced() -> Fr {
        self * Fr(l0: 1, l1: 0, l2: 0, l3: 0)
    }

    // MARK: - Predicates and constant-time helpers

    /// True for zero, without data-dependent branches.
    @inlinable
    public var isZero: Bool { (l0 | l1 | l2 | l3) == 0 }

    /// True for one, without data-dependent branches.
    @inlinable
    public var isOne: Bool { self == Fr.one }

    /// Constant-time equality.
    @inlinable
    public static func == (a: Fr, b: Fr) -> Bool {
        ((a.l0 ^ b.l0) | (a.l1 ^ b.l1) | (a.l2 ^ b.l2) | (a.l3 ^ b.l3)) == 0
    }

    /// Returns `choice ? b : a` through a mask, without a branch.
    @inlinable
    public static func select(_ a: Fr, _ b: Fr, _ choice: Bool) -> Fr {
        let m = boolMask(choice)
        return Fr(
            l0: a.l0 ^ ((a.l0 ^ b.l0) & m),
            l1: a.l1 ^ ((a.l1 ^ b.l1) & m),
            l2: a.l2 ^ ((a.l2 ^ b.l2) & m),
            l3: a.l3 ^ ((a.l3 ^ b.l3) & m)
        )
    }

    /// 2·a mod r.
    @inlinable
    public func doubled() -> Fr { self + self }

    /// In-place addition.
    @inlinable
    public static func += (a: inout Fr, b: Fr) { a = a + b }

    /// In-place subtraction.
    @inlinable
    public static func -= (a: inout Fr, b: Fr) { a = a - b }

    /// In-place multiplication.
    @inlinable
    public static func *= (a: inout Fr, b: Fr) { a = a * b }

    // MARK: - Exponentiation and inversion

    /// Raises the scalar to a **public** exponent (sliding 5-bit windows as in `Fp.pow`; constant-time in
    /// the base only: the operation sequence and table indices follow the exponent, so never pass a secret
    /// exponent).
    ///
    /// - Parameter exponentLE: the exponent as little-endian 64-bit limbs (any length).
    public func pow(_ exponentLE: [UInt64]) -> Fr {
        let base = self
        return withUnsafeTemporaryAllocation(of: Fr.self, capacity: 16) { odd -> Fr in
            // odd[k] = base^(2k+1), k < 16.
            let square = base.squared()
            odd.initialize(repeating: base)
            for k in 1..<16 { odd[k] = odd[k - 1] * square }
            var acc = Fr.one
            var started = false
            var i = exponentLE.count * 64 - 1
            while i >= 0 {
                if (exponentLE[i >> 6] >> UInt64(i & 63)) & 1 == 0 {
                    if started { acc = acc.squared() }
                    i -= 1
                    continue
                }
                // The window [j, i] spans at most five bits and ends in a set bit, so its value is odd.
                var j = Swift.max(i - 4, 0)
                while (exponentLE[j >> 6] >> UInt64(j & 63)) & 1 == 0 { j += 1 }
                var value = 0
                var k = i
                while k >= j {
                    value = value << 1 | Int(truncatingIfNeeded: (exponentLE[k >> 6] >> UInt64(k & 63)) & 1)
                    k -= 1
                }
                if started {
                    for _ in j...i { acc = acc.squared() }
                    acc = acc * odd[value >> 1]
                } else {
                    acc = odd[value >> 1]
                    started = true
                }
                i = j - 1
            }
            return acc
        }
    }

    /// Multiplicative inverse in constant time by Fermat, a^(r−2); the inverse of 0 is 0. `inverse()`
    /// uses the faster safegcd (`SafeGCDInverse.swift`); this stays as an independent cross-check.
    public func inverseFermat() -> Fr {
        pow(Fr.rMinus2)
    }
}

extension Fr: CustomStringConvertible {
    /// Hexadecimal canonical value (big-endian), for debugging and test messages.
    public var description: String {
        let hexDigits: [Character] = Array("0123456789abcdef")
        var s = "0x"
        for b in bigEndianBytes {
            s.append(hexDigits[Int(b >> 4)])
            s.append(hexDigits[Int(b & 15)])
        }
        return s
    }
}
