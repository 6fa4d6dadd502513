// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

/// A SEALED1/SEALED2 object or its header alone, as the envelope calls take
/// them ("SEALED1 input" in the header): a proxy or a store that keeps one
/// body per record passes only the header and reuses the body bytes.
///
/// The header is found with the Swift layer's streaming reader, which
/// consumes exactly the header's bytes; what follows must be nothing (a
/// header) or exactly the announced body (a whole object). The body length
/// is never 0 (an empty record still has one 16-byte tag), so the two cases
/// cannot be confused.
struct SealedInput {
    let header: SealedHeader
    let headerLength: Int
    /// The bytes after the header (empty for a header alone).
    let body: ArraySlice<UInt8>

    var hasBody: Bool { !body.isEmpty }

    init(_ bytes: [UInt8]) throws {
        var source = ByteArraySource(bytes)
        header = try Envelope.readHeader(from: &source)
        headerLength = source.offset
        let rest = bytes.count - headerLength
        guard rest == 0 || UInt64(rest) == header.bodyLength else {
            throw CABIFailure(
                EHR_ERR_LENGTH, "\(rest) bytes follow the header, which announces a body of \(header.bodyLength)")
        }
        body = bytes[headerLength...]
    }

    /// The level-1 header, or EHR_ERR_TYPE for a SEALED2 (v1 is single-hop).
    var level1: SealedHeader1 {
        get throws {
            guard case let .level1(h) = header else {
                throw ProtocolError.type(expected: WireType.sealed1.rawValue, actual: WireType.sealed2.rawValue)
            }
            return h
        }
    }

    /// A header passed alone (no body bytes after it), as the detached opens take it.
    static func detachedHeader(_ pointer: UnsafePointer<UInt8>?, _ length: Int) throws -> SealedHeader {
        guard pointer != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "header is NULL") }
        let input = try SealedInput(try Arguments.bytes(pointer, length, "header"))
        guard !input.hasBody else {
            throw CABIFailure(EHR_ERR_LENGTH, "header holds \(input.body.count) bytes after the header")
        }
        return input.header
    }

    /// A converted header followed by this input's body, if it had one.
    func mirrored(_ converted: SealedHeader2) -> [UInt8] {
        hasBody ? converted.encoded + body : converted.encoded
    }
}
