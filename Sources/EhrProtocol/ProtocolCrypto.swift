// SPDX-License-Identifier: Apache-2.0

/// How EhrWire's libcrypto failures surface in this layer: a failed generator is `.random`
/// (EHR_ERR_RANDOM), everything else is a parameter error, as it was before the wrapper moved
/// down (no input's contents can cause one).
extension ProtocolError {
    public init(_ error: CryptoError) {
        switch error {
        case .random: self = .random
        case let .parameter(s): self = .param(s)
        case let .library(s): self = .param("libcrypto: \(s)")
        }
    }

    /// Runs `body` and reports a `CryptoError` as this layer's error.
    @inline(__always)
    static func lifting<T>(_ body: () throws(CryptoError) -> T) throws(ProtocolError) -> T {
        do { return try body() } catch { throw ProtocolError(error) }
    }
}
