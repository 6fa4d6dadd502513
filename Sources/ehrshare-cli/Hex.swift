// SPDX-License-Identifier: Apache-2.0
import EhrStore

/// The command line's hex helpers, on the record store's one hex codec.
extension Hex {
    /// Hex of any byte sequence (slices of digests, prefixes for display).
    static func encode(_ bytes: some Sequence<UInt8>) -> String { encode(Array(bytes)) }

    /// A 32-byte id given on the command line.
    static func id(_ text: String, what: String) throws(CLIError) -> [UInt8] {
        guard let b = decode(text), b.count == 32 else { throw .usage("\(what) must be 64 hex digits, got '\(text)'") }
        return b
    }
}
