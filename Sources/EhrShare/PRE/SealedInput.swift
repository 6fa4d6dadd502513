// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

/// A SEALED1/SEALED2 object or its header alone, as the envelope calls take
/// them ("SEALED1 input" in the header): a proxy or a store that keeps one
/// body per record passes only the header and reuses the body bytes.
///
/// The input is borrowed from the caller for the duration of the call, not
/// copied: the header is decoded from the caller's memory with the Swift
/// layer's streaming reader, which consumes exactly the header's bytes, and a
/// converted object is written as the new header plus one copy of the body
/// straight into the caller's buffer. What follows the header must be nothing
/// (a header) or exactly the announced body (a whole object). The body length
/// is never 0 (an empty record still has one 16-byte tag), so the two cases
/// cannot be confused.
struct SealedInput {
    let header: SealedHeader
    let headerLength: Int
    /// The bytes after the header (empty for a header alone), in the caller's memory.
    let body: UnsafeRawBufferPointer

    var hasBody: Bool { body.count > 0 }

    /// Decodes the header of the caller's `length` bytes at `pointer`.
    init(borrowing pointer: UnsafePointer<UInt8>?, _ length: Int, _ name: String) throws {
        guard pointer != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        try self.init(borrowing: try Arguments.borrowed(pointer, length, name))
    }

    init(borrowing bytes: UnsafeRawBufferPointer) throws {
        var source = BorrowedBytesSource(bytes)
        header = try Envelope.readHeader(from: &source)
        headerLength = source.offset
        let rest = bytes.count - headerLength
        guard rest == 0 || UInt64(rest) == header.bodyLength else {
            throw CABIFailure(
                EHR_ERR_LENGTH, "\(rest) bytes follow the header, which announces a body of \(header.bodyLength)")
        }
        body = UnsafeRawBufferPointer(rebasing: bytes[headerLength...])
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
        let input = try SealedInput(borrowing: pointer, length, "header")
        guard !input.hasBody else {
            throw CABIFailure(EHR_ERR_LENGTH, "header holds \(input.body.count) bytes after the header")
        }
        return input.header
    }

    /// Writes `converted` (a new header) followed by this input's body, if it had one, under
    /// the `(out, out_cap, &out_len)` convention: the body is copied once, from the caller's
    /// input into the caller's output, never through a Swift array.
    func writeMirrored(_ converted: [UInt8], to out: UnsafeMutablePointer<UInt8>?, capacity: Int,
                       length: UnsafeMutablePointer<Int>?) throws {
        let (total, overflow) = converted.count.addingReportingOverflow(body.count)
        guard !overflow else { throw CABIFailure(EHR_ERR_PARAM, "sealed input is too large") }
        guard let buffer = try Buffers.reserve(total, out, capacity: capacity, length: length) else { return }
        Buffers.write(converted, to: buffer)
        if let base = body.baseAddress {
            UnsafeMutableRawPointer(buffer + converted.count).copyMemory(from: base, byteCount: body.count)
        }
    }
}
