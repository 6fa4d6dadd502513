// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

/// Argument handling shared by the PRE section: identities, objects passed
/// as (pointer, length), and outputs whose size is known before the work.
enum PREArguments {
    /// Objects above this size are refused before they are copied: the
    /// largest in-memory input is a sealed record, and a length near
    /// `Int.max` is a caller bug, not a record.
    static let maxInputBytes = Int.max / 4

    /// Copies `length` bytes that must be present (NULL only with length 0,
    /// which the decoders then report as a length error).
    static func bytes(_ pointer: UnsafePointer<UInt8>?, _ length: Int, _ name: String) throws -> [UInt8] {
        guard length >= 0, length <= maxInputBytes else {
            throw CABIFailure(EHR_ERR_PARAM, "\(name)_len \(length) is not a valid length")
        }
        return try Buffers.readBytes(pointer, length, name)
    }

    /// A canonical identity: 1–1024 bytes of UTF-8 (PROTOCOL.md §3).
    static func identity(_ pointer: UnsafePointer<UInt8>?, _ length: Int, _ name: String) throws -> Identity {
        guard pointer != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        do {
            return try Identity(validating: try bytes(pointer, length, name))
        } catch let error as ProtocolError {
            throw CABIFailure(EHR_ERR_PARAM, "\(name): \(error)")
        }
    }

    /// A record context, at most EHR_RECORD_CONTEXT_MAX_BYTES (checked here so
    /// that a size query reports the bad argument, not a buffer size).
    static func recordContext(_ pointer: UnsafePointer<UInt8>?, _ length: Int) throws -> [UInt8] {
        guard length <= Int(EHR_RECORD_CONTEXT_MAX_BYTES) else {
            throw CABIFailure(
                EHR_ERR_PARAM, "record context of \(length) bytes exceeds \(EHR_RECORD_CONTEXT_MAX_BYTES)")
        }
        return try bytes(pointer, length, "record_ctx")
    }

    /// The `(out, out_cap, &out_len)` convention for results whose size is
    /// known up front: `out_len` is set and a short buffer refused *before*
    /// `make` runs. Randomised or costly results (a seal, a key, a
    /// signature) are then computed once, not once per size query, and a
    /// query never has side effects. `make` must return `expected` bytes;
    /// its result is wiped after the copy (it may be plaintext).
    static func produce(
        expected: Int, _ out: UnsafeMutablePointer<UInt8>?, _ capacity: Int,
        _ length: UnsafeMutablePointer<Int>?, _ make: () throws -> [UInt8]
    ) throws {
        guard let length else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        length.pointee = expected
        guard let out, capacity >= expected else {
            throw CABIFailure(
                EHR_ERR_BUFFER_TOO_SMALL, "output needs \(expected) bytes, capacity is \(capacity)")
        }
        var result = try make()
        defer { wipeSecret(&result) }
        guard result.count == expected else {
            throw CABIFailure(EHR_ERR_INTERNAL, "result of \(result.count) bytes, \(expected) announced")
        }
        Buffers.write(result, to: out)
    }

    /// Bytes of a `u16 length ‖ id` field.
    static func idField(_ id: Identity) -> Int { 2 + id.bytes.count }

    /// REKEY = header (6) ‖ id_i ‖ id_j ‖ R1 (96) ‖ R2 (576) ‖ R3 (48).
    static func rekeyLength(_ delegator: Identity, _ delegatee: Identity) -> Int {
        6 + idField(delegator) + idField(delegatee) + 96 + 576 + 48
    }
}
