// SPDX-License-Identifier: Apache-2.0

/// A canonical identity string as the protocol hashes it: 1–1024 bytes of
/// valid UTF-8 (PROTOCOL.md §3). The caller canonicalises (NFC, role prefix
/// such as `patient:` or `doctor:`, optional key epoch `|2019`); the library
/// only validates and hashes the bytes as given, so two spellings of one
/// name are two identities.
public struct Identity: Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// - Throws: `ProtocolError.param` if empty, longer than 1024 bytes, or not UTF-8.
    public init(validating bytes: [UInt8]) throws(ProtocolError) {
        guard !bytes.isEmpty else { throw .param("identity is empty") }
        guard bytes.count <= Wire.maxIdentityBytes else {
            throw .param("identity of \(bytes.count) bytes exceeds \(Wire.maxIdentityBytes)")
        }
        guard Identity.isValidUTF8(bytes) else { throw .param("identity is not valid UTF-8") }
        self.bytes = bytes
    }

    public init(_ string: String) throws(ProtocolError) {
        try self.init(validating: Array(string.utf8))
    }

    public var description: String { String(decoding: bytes, as: UTF8.self) }

    /// Strict UTF-8 check (no overlongs, surrogates or values above U+10FFFF).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
