// SPDX-License-Identifier: Apache-2.0
import EhrField

// MARK: - Canonical 576-byte encoding of GT (PROTOCOL.md §3)

extension GT {
    /// Size of the canonical encoding.
    public static let byteCount = 576

    /// The canonical encoding (PROTOCOL.md §3): F_p¹² viewed as F_p²[w]/(w⁶ − ξ); for e = 0…5 the
    /// F_p² coefficient of w^e as `c0 ‖ c1`, each 48-byte big-endian. Identical to
    /// `blst_bendian_from_fp12`.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(GT.byteCount)
        for c in value.coefficientsOfW {
            out.append(contentsOf: c.c0.bigEndianBytes)
            out.append(contentsOf: c.c1.bigEndianBytes)
        }
        return out
    }

    /// Decodes and validates a GT element with the checks of PROTOCOL.md §11 rule 5, in order.
    ///
    /// - Parameters:
    ///   - bytes: exactly 576 bytes.
    ///   - allowIdentity: accept the identity (v1 wire fields reject it; default `false`).
    /// - Throws: ``PairingError/wrongLength(expected:actual:)`` for a wrong length;
    ///   ``PairingError/nonCanonical`` if a coefficient is ≥ p or the element is zero;
    ///   ``PairingError/notInSubgroup`` if the element is not in GT;
    ///   ``PairingError/identity`` for the identity when `allowIdentity` is `false`.
    public init(bytes: some Collection<UInt8>, allowIdentity: Bool = false) throws(PairingError) {
        let b = Array(bytes)
        guard b.count == GT.byteCount else {
            throw .wrongLength(expected: GT.byteCount, actual: b.count)
        }
        var coefficients: [Fp2] = []
        coefficients.reserveCapacity(6)
        for e in 0..<6 {
            let base = 96 * e
            let c0: Fp
            let c1: Fp
            do {
                c0 = try Fp(bigEndianBytes: b[base..<(base + 48)])
                c1 = try Fp(bigEndianBytes: b[(base + 48)..<(base + 96)])
            } catch {
                throw .nonCanonical
            }
            coefficients.append(Fp2(c0: c0, c1: c1))
        }
        let x = Fp12(coefficientsOfW: coefficients)
        if x.isZero {
            throw .nonCanonical
        }
        if !GT.isInGroup(x) {
            throw .notInSubgroup
        }
        if x.isOne && !allowIdentity {
            throw .identity
        }
        self.init(unchecked: x)
    }
}
