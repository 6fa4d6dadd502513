// SPDX-License-Identifier: Apache-2.0

/// Failures of EhrWire's libcrypto wrapper. None is caused by an input's contents: a wrong
/// length is a caller error, and the rest mean a broken or exhausted libcrypto. Each layer maps
/// these onto its own errors (ProtocolError, LedgerError, the C ABI's statuses).
public enum CryptoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The system random generator failed.
    case random
    /// An argument of the wrong length or outside its range (a key, a nonce, an output size).
    case parameter(String)
    /// libcrypto refused an operation it should perform (allocation, an unavailable algorithm).
    case library(String)

    public var description: String {
        switch self {
        case .random: return "the system random generator failed"
        case let .parameter(s): return s
        case let .library(s): return "libcrypto: \(s)"
        }
    }
}
