// SPDX-License-Identifier: Apache-2.0
import CEhrShare

/// Pointer handling shared by every C-ABI function: NULL checks with the
/// argument's name in the message, copying inputs out before any output is
/// written (so outputs may alias inputs), and size-checked writes.
enum Buffers {
    /// Copies `count` bytes from a caller pointer that must not be NULL.
    static func read(_ pointer: UnsafePointer<UInt8>?, _ count: Int, _ name: String) throws -> [UInt8] {
        guard let pointer else {
            throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL")
        }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// Copies an optional byte string: NULL is allowed only with length 0.
    /// A `size_t` above `Int.max` (e.g. a caller's -1) arrives negative: it is refused
    /// here, before it could reach `UnsafeBufferPointer` and trap.
    static func readBytes(_ pointer: UnsafePointer<UInt8>?, _ length: Int, _ name: String) throws -> [UInt8] {
        guard length >= 0 else {
            throw CABIFailure(EHR_ERR_PARAM, "\(name) length \(UInt(bitPattern: length)) is too large")
        }
        if length == 0 { return [] }
        guard let pointer else {
            throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL but its length is \(length)")
        }
        return Array(UnsafeBufferPointer(start: pointer, count: length))
    }

    /// Checks an output pointer before any work is done.
    static func requireOutput(_ pointer: UnsafeMutablePointer<UInt8>?, _ name: String) throws
        -> UnsafeMutablePointer<UInt8>
    {
        guard let pointer else {
            throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL")
        }
        return pointer
    }

    /// Writes a fixed-size result; `bytes.count` is the documented size.
    static func write(_ bytes: [UInt8], to out: UnsafeMutablePointer<UInt8>) {
        bytes.withUnsafeBufferPointer { src in
            if let base = src.baseAddress {
                out.update(from: base, count: src.count)
            }
        }
    }

    /// Writes a variable-size result under the `(out, out_cap, &out_len)`
    /// convention: `out_len` always receives the size; a NULL or short `out`
    /// yields EHR_ERR_BUFFER_TOO_SMALL.
    static func writeVariable(
        _ bytes: [UInt8], to out: UnsafeMutablePointer<UInt8>?, capacity: Int,
        length: UnsafeMutablePointer<Int>?
    ) throws {
        guard let length else {
            throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL")
        }
        length.pointee = bytes.count
        guard let out, capacity >= bytes.count else {
            throw CABIFailure(
                EHR_ERR_BUFFER_TOO_SMALL, "output needs \(bytes.count) bytes, capacity is \(capacity)")
        }
        write(bytes, to: out)
    }
}
