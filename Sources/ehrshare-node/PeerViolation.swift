// SPDX-License-Identifier: Apache-2.0

/// Why a peer's bytes were refused; the connection is closed and the peer backed off.
struct PeerViolation: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
