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
        try Buffers.writeSized(total, to: out, capacity: outCap, length: outLen) {
            var p = try Arguments.bytes(plaintext, plaintextLen, "plaintext")
            defer { wipeSecret(&p) }
            return try Envelope.seal(p, to: ownerId, recordContext: record, context: context)
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
        let bytes = try Arguments.bytes(sealed, sealedLen, "sealed")
        // The header gives the plaintext length, so a size query (or a short
        // buffer) is answered before any decryption; the header decoded here
        // is then used as is (its points are not decoded twice).
        let input = try SealedInput(bytes)
        guard input.hasBody else {
            throw CABIFailure(EHR_ERR_LENGTH, "sealed holds a header without its body")
        }
        let plain = try ChunkedAead.plaintextLength(sealedLength: input.header.bodyLength)
        try Buffers.writeSized(Int(plain), to: out, capacity: outCap, length: outLen) {
            try Envelope.openBody(header: input.header, body: Array(input.body),
                                  with: try handle.openingKey())
        }
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
        let input = try SealedInput(try Arguments.bytes(sealed, sealedLen, "sealed"))
        let converted = try Envelope.reencryptHeader(try input.level1, with: rk)
        try Buffers.writeVariable(input.mirrored(converted), to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_envelope_get_header_length")
public func ehr_envelope_get_header_length(
    _ outLen: UnsafeMutablePointer<Int>?, _ sealed: UnsafePointer<UInt8>?, _ sealedLen: Int
) -> ehr_status {
    cabiCall {
        guard let outLen else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        guard sealed != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "sealed is NULL") }
        outLen.pointee = try SealedInput(try Arguments.bytes(sealed, sealedLen, "sealed")).headerLength
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
        let plain = try ChunkedAead.plaintextLength(sealedLength: h.bodyLength)
        try Buffers.writeSized(Int(plain), to: out, capacity: outCap, length: outLen) {
            try Envelope.openBody(header: h, body: try Arguments.bytes(body, bodyLen, "body"),
                                  with: try handle.openingKey())
        }
    }
}
