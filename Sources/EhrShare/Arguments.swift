// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

/// The one argument helper of the C ABI: every input pointer, length, identity, string and
/// index list of every section goes through here, so a NULL argument, an empty identity or
/// a non-UTF-8 identity is reported the same way (status and message) whichever section
/// the call belongs to.
///
/// A `size_t` arrives in Swift as `Int`, so a length above `Int.max` (a caller passing -1,
/// say) shows up negative; every length is range-checked here before a buffer is formed,
/// so a bad length is `EHR_ERR_PARAM`, never a trap.
enum Arguments {
    /// Objects above this size are refused before they are copied: the largest in-memory
    /// input is a sealed record, and a length near `Int.max` is a caller bug, not a record.
    static let maxInput = Int.max / 4
    /// Upper bound for a single ledger input (block, transaction, genesis, message): 1 GiB.
    static let maxLedgerInput = 1 << 30
    /// PROTOCOL.md §3: identities are 1–1024 bytes of UTF-8.
    static let maxIdentity = 1024

    /// Copies `length` bytes (NULL allowed only with length 0), with `length` in `0...max`.
    static func bytes(
        _ pointer: UnsafePointer<UInt8>?, _ length: Int, _ name: String, max: Int = maxInput
    ) throws -> [UInt8] {
        guard length >= 0, length <= max else {
            throw CABIFailure(EHR_ERR_PARAM, "\(name)_len \(UInt(bitPattern: length)) is outside 0...\(max)")
        }
        return try Buffers.readBytes(pointer, length, name)
    }

    /// The caller's bytes without a copy, for inputs as large as a whole record; valid only
    /// for the duration of the call. The same checks as `bytes`: a length in 0...max, NULL
    /// only with length 0.
    static func borrowed(
        _ pointer: UnsafePointer<UInt8>?, _ length: Int, _ name: String, max: Int = maxInput
    ) throws -> UnsafeRawBufferPointer {
        guard length >= 0, length <= max else {
            throw CABIFailure(EHR_ERR_PARAM, "\(name)_len \(UInt(bitPattern: length)) is outside 0...\(max)")
        }
        if length == 0 { return UnsafeRawBufferPointer(start: nil, count: 0) }
        guard let pointer else {
            throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL but its length is \(length)")
        }
        return UnsafeRawBufferPointer(start: pointer, count: length)
    }

    /// Like `bytes`, but the input must not be empty.
    static func nonEmpty(
        _ pointer: UnsafePointer<UInt8>?, _ length: Int, _ name: String, max: Int = maxInput
    ) throws -> [UInt8] {
        guard length != 0 else { throw CABIFailure(EHR_ERR_PARAM, "\(name) must not be empty") }
        return try bytes(pointer, length, name, max: max)
    }

    /// A bounded input of a decoder whose length rule is part of the wire format: a length
    /// above `limit` is EHR_ERR_LENGTH (PROTOCOL.md §11), checked before memory is touched.
    static func bounded(_ pointer: UnsafePointer<UInt8>?, _ length: Int, limit: Int, _ name: String) throws
        -> [UInt8]
    {
        guard length >= 0, length <= limit else {
            throw CABIFailure(EHR_ERR_LENGTH, "\(name) has \(UInt(bitPattern: length)) bytes, at most \(limit) are allowed")
        }
        guard let pointer else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        return Array(UnsafeBufferPointer(start: pointer, count: length))
    }

    /// An identity argument (PROTOCOL.md §3): 1–1024 bytes of strict UTF-8. NULL is
    /// EHR_ERR_NULL_POINTER; a bad length or bad UTF-8 is EHR_ERR_PARAM, in every section.
    static func identity(_ pointer: UnsafePointer<UInt8>?, _ length: Int, _ name: String) throws -> Identity {
        guard let pointer else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        guard length >= 1, length <= maxIdentity else {
            throw CABIFailure(
                EHR_ERR_PARAM,
                "\(name): an identity is 1 to \(maxIdentity) bytes of UTF-8, \(name)_len is \(UInt(bitPattern: length))")
        }
        let bytes = Array(UnsafeBufferPointer(start: pointer, count: length))
        do {
            return try Identity(validating: bytes)
        } catch {
            // The length is already checked: what is left is the encoding.
            throw CABIFailure(EHR_ERR_PARAM, "\(name): an identity must be valid UTF-8")
        }
    }

    /// A NUL-terminated UTF-8 string such as a file path.
    static func string(_ pointer: UnsafePointer<CChar>?, _ name: String) throws -> String {
        guard let pointer else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        guard let s = String(validatingCString: pointer) else {
            throw CABIFailure(EHR_ERR_PARAM, "\(name) is not valid UTF-8")
        }
        return s
    }

    /// `count` 16-bit node indices.
    static func indices(_ pointer: UnsafePointer<UInt16>?, _ count: Int, _ name: String, max: Int) throws -> [UInt16] {
        guard count >= 0, count <= max else {
            throw CABIFailure(EHR_ERR_PARAM, "\(name) count \(UInt(bitPattern: count)) is outside 0...\(max)")
        }
        if count == 0 { return [] }
        guard let pointer else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// A scalar output that must not be NULL.
    static func output<T>(_ pointer: UnsafeMutablePointer<T>?, _ name: String) throws -> UnsafeMutablePointer<T> {
        guard let pointer else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        return pointer
    }

    /// A record context, at most EHR_RECORD_CONTEXT_MAX_BYTES (checked here so that a size
    /// query reports the bad argument, not a buffer size).
    static func recordContext(_ pointer: UnsafePointer<UInt8>?, _ length: Int) throws -> [UInt8] {
        guard length >= 0, length <= Int(EHR_RECORD_CONTEXT_MAX_BYTES) else {
            throw CABIFailure(
                EHR_ERR_PARAM,
                "record context of \(UInt(bitPattern: length)) bytes exceeds \(EHR_RECORD_CONTEXT_MAX_BYTES)")
        }
        return try bytes(pointer, length, "record_ctx")
    }
}
