// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

// MARK: - The hybrid envelope in memory (PROTOCOL.md §7, docs/ENVELOPE.md)

@_cdecl("ehr_envelope_seal")
public func ehr_envelope_seal(
    _ ctx: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ owner: UnsafePointer<UInt8>?, _ ownerLen: Int, _ recordCtx: UnsafePointer<UInt8>?, _ recordCtxLen: Int,
    _ plaintext: UnsafePointer<UInt8>?, _ plaintextLen: Int
) -> ehr_status {
    cabiCall {
        let context = try Handles.borrow(ctx, as: PREContext.self, "ctx")
        let ownerId = try Arguments.identity(owner, ownerLen, "owner")
        let record = try Arguments.recordContext(recordCtx, recordCtxLen)
        guard plaintextLen >= 0 else { throw CABIFailure(EHR_ERR_PARAM, "plaintext_len is negative") }
        guard plaintext != nil || plaintextLen == 0 else {
            throw CABIFailure(EHR_ERR_NULL_POINTER, "plaintext is NULL but its length is \(plaintextLen)")
        }
        // Size the output from the lengths alone (no copy, no sealing), so the
        // size query of a large record costs nothing. sealedLength refuses
        // bodies above 2^60 bytes, so the conversion to Int cannot trap.
        let body = try ChunkedAead.sealedLength(plaintextLength: UInt64(plaintextLen))
        let (total, overflow) = WireLengths.sealed1Header(owner: ownerId, recordContext: record.count).addingReportingOverflow(Int(body))
        guard !overflow else {
            throw CABIFailure(EHR_ERR_PARAM, "plaintext of \(plaintextLen) bytes is too large to seal in memory")
        }
        guard let buffer = try Buffers.reserve(total, out, capacity: outCap, length: outLen) else {
            throw CABIFailure(EHR_ERR_INTERNAL, "a SEALED1 object is never empty")
        }
        // Sealed straight from the caller's plaintext into the caller's buffer
        // (the streaming path): no copy of the record in Swift memory.
        var source = BorrowedBytesSource(UnsafeRawBufferPointer(start: plaintext, count: plaintextLen))
        var sink = BorrowedBufferSink(UnsafeMutableRawBufferPointer(start: buffer, count: total))
        do {
            try Envelope.seal(plaintextLength: UInt64(plaintextLen), from: &source, to: &sink, owner: ownerId,
                              recordContext: record, context: context)
        } catch {
            sink.wipe()
            throw error
        }
        guard sink.written == total else {
            sink.wipe()
            throw CABIFailure(EHR_ERR_INTERNAL, "sealed \(sink.written) bytes, \(total) announced")
        }
    }
}

@_cdecl("ehr_envelope_open")
public func ehr_envelope_open(
    _ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ sealed: UnsafePointer<UInt8>?, _ sealedLen: Int
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(key, as: IdentityKeyHandle.self, "key")
        guard sealed != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "sealed is NULL") }
        guard sealedLen >= 0 else { throw CABIFailure(EHR_ERR_PARAM, "sealed_len is negative") }
        // The header gives the plaintext length, so a size query (or a short
        // buffer) is answered before any decryption. The header is decoded
        // from the caller's memory and the body then opened from it into the
        // caller's buffer, chunk by chunk (no copy of the record).
        var source = BorrowedBytesSource(UnsafeRawBufferPointer(start: sealed, count: sealedLen))
        let header = try Envelope.readHeader(from: &source)
        guard source.offset < sealedLen else {
            throw CABIFailure(EHR_ERR_LENGTH, "sealed holds a header without its body")
        }
        guard UInt64(sealedLen - source.offset) == header.bodyLength else {
            throw CABIFailure(EHR_ERR_LENGTH,
                              "\(sealedLen - source.offset) bytes follow the header, which announces a body of \(header.bodyLength)")
        }
        try openInto(header: header, from: &source, key: handle, out: out, outCap: outCap, outLen: outLen)
    }
}

@_cdecl("ehr_envelope_reencrypt")
public func ehr_envelope_reencrypt(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ rekey: UnsafePointer<UInt8>?, _ rekeyLen: Int, _ sealed: UnsafePointer<UInt8>?, _ sealedLen: Int
) -> ehr_status {
    cabiCall {
        guard outLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        let rk = try ReEncryptionKey(encoded: try Arguments.bytes(rekey, rekeyLen, "rekey"))
        guard sealed != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "sealed is NULL") }
        let input = try SealedInput(borrowing: sealed, sealedLen, "sealed")
        let converted = try Envelope.reencryptHeader(try input.level1, with: rk).encoded
        // The new header, then the body copied once from the caller's input into the
        // caller's buffer.
        try input.writeMirrored(converted, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_envelope_get_header_length")
public func ehr_envelope_get_header_length(
    _ outLen: UnsafeMutablePointer<Int>?, _ sealed: UnsafePointer<UInt8>?, _ sealedLen: Int
) -> ehr_status {
    cabiCall {
        guard let outLen else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        guard sealed != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "sealed is NULL") }
        outLen.pointee = try SealedInput(borrowing: sealed, sealedLen, "sealed").headerLength
    }
}

// MARK: - One stored body, one header per reader (PROTOCOL.md §6.2)

@_cdecl("ehr_envelope_open_detached")
public func ehr_envelope_open_detached(
    _ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ header: UnsafePointer<UInt8>?, _ headerLen: Int, _ body: UnsafePointer<UInt8>?, _ bodyLen: Int
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(key, as: IdentityKeyHandle.self, "key")
        let h = try SealedInput.detachedHeader(header, headerLen)
        guard body != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "body is NULL") }
        guard UInt64(max(bodyLen, 0)) == h.bodyLength else {
            throw CABIFailure(EHR_ERR_LENGTH, "body of \(bodyLen) bytes, header announces \(h.bodyLength)")
        }
        var source = BorrowedBytesSource(UnsafeRawBufferPointer(start: body, count: bodyLen))
        try openInto(header: h, from: &source, key: handle, out: out, outCap: outCap, outLen: outLen)
    }
}

/// Opens the body in `source` under `header` straight into the caller's
/// `(out, out_cap, &out_len)` buffer: `out_len` and the capacity are settled
/// from the header before any decryption; on failure the bytes written so far
/// (verified chunks before a failing one) are zeroed.
private func openInto(
    header: SealedHeader, from source: inout BorrowedBytesSource, key handle: IdentityKeyHandle,
    out: UnsafeMutablePointer<UInt8>?, outCap: Int, outLen: UnsafeMutablePointer<Int>?
) throws {
    let plain = try ChunkedAead.plaintextLength(sealedLength: header.bodyLength)
    let size = Int(plain)
    let buffer = try Buffers.reserve(size, out, capacity: outCap, length: outLen)
    var sink = BorrowedBufferSink(UnsafeMutableRawBufferPointer(start: buffer, count: buffer == nil ? 0 : size))
    do {
        try Envelope.openBody(header: header, from: &source, to: &sink, with: try handle.openingKey())
    } catch {
        sink.wipe()
        throw error
    }
    guard sink.written == size else {
        sink.wipe()
        throw CABIFailure(EHR_ERR_INTERNAL, "opened \(sink.written) bytes, \(size) announced")
    }
}
