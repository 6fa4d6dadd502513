// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

/// The one buffer helper of the C ABI: raw copies of caller memory, output pointer checks
/// and the `(out, out_cap, &out_len)` convention for every variable-size result. Inputs are
/// copied out before any output is written, so outputs may alias inputs.
///
/// A zero-length result is a success whatever `out` is (NULL included): `out_len` is set
/// to 0 and nothing is written. Only a non-empty result needs a buffer.
enum Buffers {
    /// Copies `count` bytes from a caller pointer that must not be NULL.
    static func read(_ pointer: UnsafePointer<UInt8>?, _ count: Int, _ name: String) throws -> [UInt8] {
        guard let pointer else {
            throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL")
        }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// Copies an optional byte string: NULL is allowed only with length 0.
    /// A negative length (a `size_t` above `Int.max`) is refused before it could reach
    /// `UnsafeBufferPointer` and trap.
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

    /// Sets `out_len` to `size` and checks the buffer: a non-empty result needs a non-NULL
    /// `out` of at least `size` bytes (else EHR_ERR_BUFFER_TOO_SMALL); an empty one needs
    /// nothing. Returns the buffer, or nil for an empty result.
    static func reserve(
        _ size: Int, _ out: UnsafeMutablePointer<UInt8>?, capacity: Int, length: UnsafeMutablePointer<Int>?,
        unit: String = "bytes"
    ) throws -> UnsafeMutablePointer<UInt8>? {
        guard let length else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        length.pointee = size
        if size == 0 { return nil }
        guard let out, capacity >= size else {
            throw CABIFailure(EHR_ERR_BUFFER_TOO_SMALL, "output needs \(size) \(unit), capacity is \(capacity)")
        }
        return out
    }

    /// Writes a variable-size result under the `(out, out_cap, &out_len)` convention:
    /// `out_len` always receives the size; a NULL or short `out` for a non-empty result
    /// yields EHR_ERR_BUFFER_TOO_SMALL.
    static func writeVariable(
        _ bytes: [UInt8], to out: UnsafeMutablePointer<UInt8>?, capacity: Int,
        length: UnsafeMutablePointer<Int>?
    ) throws {
        if let out = try reserve(bytes.count, out, capacity: capacity, length: length) {
            write(bytes, to: out)
        }
    }

    /// The convention for results whose size is known up front: `out_len` is set and a
    /// short buffer refused *before* `make` runs. Randomised or costly results (a seal, a
    /// key, a signature, a pairing) are then computed once, not once per size query, and a
    /// query never has side effects. `make` must return `size` bytes; its result is wiped
    /// after the copy (it may be plaintext or a secret). A zero-size result is no size
    /// query: `make` runs (e.g. to authenticate an empty plaintext) and nothing is written.
    static func writeSized(
        _ size: Int, to out: UnsafeMutablePointer<UInt8>?, capacity: Int, length: UnsafeMutablePointer<Int>?,
        _ make: () throws -> [UInt8]
    ) throws {
        let buffer = try reserve(size, out, capacity: capacity, length: length)
        var result = try make()
        defer { wipeSecret(&result) }
        guard result.count == size else {
            throw CABIFailure(EHR_ERR_INTERNAL, "result of \(result.count) bytes, \(size) announced")
        }
        if let buffer { write(result, to: buffer) }
    }

    /// Writes an array result under the `(out, out_cap, &out_len)` convention, counting
    /// entries rather than bytes (node indices, QUAL, DKG faults).
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
}
