// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

/// Typed-array outputs and bounded inputs for the key and DKG calls.
extension Buffers {
    /// Writes an array result under the `(out, out_cap, &out_len)` convention,
    /// counting entries rather than bytes (QUAL indices, DKG faults).
    static func writeArray<T>(
        _ values: [T], to out: UnsafeMutablePointer<T>?, capacity: Int, length: UnsafeMutablePointer<Int>?
    ) throws {
        guard let length else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        length.pointee = values.count
        if values.isEmpty { return }
        guard let out, capacity >= values.count else {
            throw CABIFailure(
                EHR_ERR_BUFFER_TOO_SMALL, "output needs \(values.count) entries, capacity is \(capacity)")
        }
        values.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { out.update(from: base, count: src.count) }
        }
    }

    /// Copies an input of `length` bytes after checking the length against
    /// `limit`, so that an absurd length is refused before memory is touched.
    static func readBounded(_ pointer: UnsafePointer<UInt8>?, _ length: Int, limit: Int, _ name: String) throws
        -> [UInt8]
    {
        guard length >= 0, length <= limit else {
            throw CABIFailure(EHR_ERR_LENGTH, "\(name) has \(length) bytes, at most \(limit) are allowed")
        }
        guard let pointer else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        return Array(UnsafeBufferPointer(start: pointer, count: length))
    }

    /// An identity argument (PROTOCOL.md §3): 1–1024 bytes of UTF-8. The
    /// length is checked first for the same reason as in `readBounded`.
    static func identity(_ pointer: UnsafePointer<UInt8>?, _ length: Int) throws -> Identity {
        guard length >= 1, length <= 1024 else {
            throw CABIFailure(EHR_ERR_PARAM, "identity must be 1 to 1024 bytes, id_len is \(length)")
        }
        guard let pointer else { throw CABIFailure(EHR_ERR_NULL_POINTER, "id is NULL") }
        return try Identity(validating: Array(UnsafeBufferPointer(start: pointer, count: length)))
    }

    /// Writes a result whose size is known up front, computing it only when the
    /// buffer is large enough: a size query then costs no scalar multiplication
    /// or pairing (Python's query-then-fill pattern would otherwise compute twice).
    static func writeSized(
        _ size: Int, to out: UnsafeMutablePointer<UInt8>?, capacity: Int, length: UnsafeMutablePointer<Int>?,
        _ compute: () throws -> [UInt8]
    ) throws {
        guard let length else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        guard out != nil, capacity >= size else {
            length.pointee = size
            throw CABIFailure(EHR_ERR_BUFFER_TOO_SMALL, "output needs \(size) bytes, capacity is \(capacity)")
        }
        try Buffers.writeVariable(try compute(), to: out, capacity: capacity, length: length)
    }
}
