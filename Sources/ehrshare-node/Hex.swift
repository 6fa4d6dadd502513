// SPDX-License-Identifier: Apache-2.0
import EhrStore

/// The node's hex helpers, on the record store's one hex codec.
extension Hex {
    /// Hex of any byte collection (prefixes for logs, certificate fingerprints).
    static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 { encode(Array(bytes)) }

    /// The first 6 bytes, for log lines.
    static func short(_ bytes: [UInt8]) -> String { encode(Array(bytes.prefix(6))) }
}
