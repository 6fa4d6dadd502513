// SPDX-License-Identifier: Apache-2.0
import CEhrShare

/// Argument checks for the ledger and store calls, on top of `Buffers`.
///
/// A `size_t` arrives in Swift as `Int`, so a length above `Int.max` (a caller passing -1,
/// say) shows up negative; every length is range-checked here before a buffer is formed,
/// so a bad length is `EHR_ERR_PARAM`, never a trap.
enum LedgerArguments {
    /// Upper bound for any single input (block, transaction, envelope): 1 GiB.
    static let maxInput = 1 << 30

    /// Copies `length` bytes (NULL allowed only with length 0), with `length` in `0...max`.
    static func bytes(
        _ pointer: UnsafePointer<UInt8>?, _ length: Int, _ name: String, max: Int = maxInput
    ) throws -> [UInt8] {
        guard length >= 0, length <= max else {
            throw CABIFailure(EHR_ERR_PARAM, "\(name)_len \(length) is outside 0...\(max)")
        }
        return try Buffers.readBytes(pointer, length, name)
    }

    /// Like `bytes`, but the input must not be empty.
    static func nonEmpty(
        _ pointer: UnsafePointer<UInt8>?, _ length: Int, _ name: String, max: Int = maxInput
    ) throws -> [UInt8] {
        guard length >= 1 else { throw CABIFailure(EHR_ERR_PARAM, "\(name) must not be empty") }
        return try bytes(pointer, length, name, max: max)
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
            throw CABIFailure(EHR_ERR_PARAM, "\(name) count \(count) is outside 0...\(max)")
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

    /// Node indices under the `(out, out_cap, &out_len)` convention, counted in entries.
    static func writeIndices(
        _ values: [UInt16], to out: UnsafeMutablePointer<UInt16>?, capacity: Int, length: UnsafeMutablePointer<Int>?
    ) throws {
        guard let length else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        length.pointee = values.count
        guard let out, capacity >= values.count else {
            throw CABIFailure(
                EHR_ERR_BUFFER_TOO_SMALL, "output needs \(values.count) entries, capacity is \(capacity)")
        }
        values.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { out.update(from: base, count: src.count) }
        }
    }
}
