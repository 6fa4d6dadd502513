// SPDX-License-Identifier: Apache-2.0

/// Errors raised when decoding target-group (GT) elements.
///
/// PROTOCOL.md §11 rule 5: coefficients must be canonical (< p) and the value
/// non-zero (encoding), in the order-r subgroup of Fp12* (subgroup), and not
/// the identity where the protocol forbids it.
public enum PairingError: Error, Sendable, Equatable {
    /// Not 576 bytes.
    case wrongLength(expected: Int, actual: Int)
    /// A coefficient is not below p, or the element is zero.
    case nonCanonical
    /// A non-zero Fp12 element outside the order-r subgroup GT.
    case notInSubgroup
    /// The identity of GT where a non-identity element is required.
    case identity
}
