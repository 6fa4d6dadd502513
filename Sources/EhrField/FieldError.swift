// SPDX-License-Identifier: Apache-2.0

/// Errors raised when bytes are turned into field elements or scalars.
///
/// Decoders never reduce silently: a value that is not the canonical
/// encoding of an element is rejected (PROTOCOL.md §11, rule 3 and 4).
public enum FieldError: Error, Sendable, Equatable {
    /// The input has the wrong number of bytes for this element.
    case wrongLength(expected: Int, actual: Int)
    /// The integer is not below the modulus (p for Fp, r for Fr).
    case notCanonical
    /// Zero was given where a non-zero element is required.
    case zero
    /// The operating system's random generator (OpenSSL `RAND_bytes`) failed; no value was produced.
    case randomFailure
}
