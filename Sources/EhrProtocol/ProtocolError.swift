// SPDX-License-Identifier: Apache-2.0

/// Errors of the v1 protocol layer (PROTOCOL.md §11), one case per status the
/// C ABI reports. Lower layers' decoding errors (FieldError, CurveError,
/// PairingError) pass through unchanged; the C ABI maps all of them.
public enum ProtocolError: Error, Sendable, Equatable {
    /// Wrong length, truncated input or trailing bytes.
    case length(String)
    /// The object does not start with "EHRS".
    case magic
    /// Unsupported version byte.
    case version(UInt8)
    /// A type byte other than the one expected.
    case type(expected: UInt8, actual: UInt8)
    /// An argument or field out of range: index, threshold, session id,
    /// fingerprint, identity bytes, too few or duplicate shares.
    case param(String)
    /// A scalar is zero where that is not allowed (non-canonical scalars
    /// surface as FieldError.notCanonical).
    case scalar(String)
    /// A signature, partial key or proof does not verify; the message names
    /// what failed (and, for partial keys, which authority).
    case verify(String)
    /// Any decryption failure, deliberately undistinguished (PROTOCOL.md §7).
    case decrypt
    /// A ciphertext fails its validity check.
    case invalidCiphertext(String)
    /// A timestamp outside the replay window.
    case stale(String)
    /// A nonce already seen.
    case replay(String)
    /// An access policy does not allow the operation.
    case policy(String)
    /// A call that is not valid in the current state of a state machine.
    case state(String)
    /// The system random generator failed.
    case random
}

extension ProtocolError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .length(s): return "length: \(s)"
        case .magic: return "object does not start with \"EHRS\""
        case let .version(v): return "unsupported version byte \(v)"
        case let .type(e, a): return "expected type byte 0x\(String(e, radix: 16)), got 0x\(String(a, radix: 16))"
        case let .param(s): return s
        case let .scalar(s): return s
        case let .verify(s): return s
        case .decrypt: return "decryption failed"
        case let .invalidCiphertext(s): return "invalid ciphertext: \(s)"
        case let .stale(s): return s
        case let .replay(s): return s
        case let .policy(s): return s
        case let .state(s): return s
        case .random: return "the system random generator failed"
        }
    }
}
