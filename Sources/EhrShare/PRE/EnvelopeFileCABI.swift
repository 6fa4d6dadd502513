// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

// MARK: - The envelope on files (records of any size; memory stays at a few 64 KiB buffers)

@_cdecl("ehr_envelope_seal_file")
public func ehr_envelope_seal_file(
    _ ctx: OpaquePointer?, _ outPath: UnsafePointer<CChar>?, _ inPath: UnsafePointer<CChar>?,
    _ owner: UnsafePointer<UInt8>?, _ ownerLen: Int, _ recordCtx: UnsafePointer<UInt8>?, _ recordCtxLen: Int
) -> ehr_status {
    cabiCall {
        let context = try Handles.borrow(ctx, as: PREContext.self, "ctx")
        let ownerId = try Arguments.identity(owner, ownerLen, "owner")
        let record = try Arguments.recordContext(recordCtx, recordCtxLen)
        try EnvelopeFiles.run(outPath: outPath, inPath: inPath) { source, sink, size in
            // The file's size at open time is the announced length; a file that
            // grows or shrinks meanwhile is a length error (and no output).
            _ = try Envelope.seal(plaintextLength: size, from: &source, to: &sink, owner: ownerId,
                                  recordContext: record, context: context)
        }
    }
}

@_cdecl("ehr_envelope_open_file")
public func ehr_envelope_open_file(
    _ key: OpaquePointer?, _ outPath: UnsafePointer<CChar>?, _ inPath: UnsafePointer<CChar>?
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(key, as: IdentityKeyHandle.self, "key")
        try EnvelopeFiles.run(outPath: outPath, inPath: inPath) { source, sink, _ in
            try Envelope.open(from: &source, to: &sink, with: try handle.openingKey())
        }
    }
}

@_cdecl("ehr_envelope_reencrypt_file")
public func ehr_envelope_reencrypt_file(
    _ outPath: UnsafePointer<CChar>?, _ rekey: UnsafePointer<UInt8>?, _ rekeyLen: Int, _ inPath: UnsafePointer<CChar>?
) -> ehr_status {
    cabiCall {
        let rk = try ReEncryptionKey(encoded: try Arguments.bytes(rekey, rekeyLen, "rekey"))
        try EnvelopeFiles.run(outPath: outPath, inPath: inPath) { source, sink, _ in
            _ = try Envelope.reencrypt(from: &source, to: &sink, with: rk)
        }
    }
}

@_cdecl("ehr_envelope_open_detached_file")
public func ehr_envelope_open_detached_file(
    _ key: OpaquePointer?, _ outPath: UnsafePointer<CChar>?, _ header: UnsafePointer<UInt8>?, _ headerLen: Int,
    _ bodyPath: UnsafePointer<CChar>?
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(key, as: IdentityKeyHandle.self, "key")
        let h = try SealedInput.detachedHeader(header, headerLen)
        try EnvelopeFiles.run(outPath: outPath, inPath: bodyPath) { source, sink, _ in
            try Envelope.openBody(header: h, from: &source, to: &sink, with: try handle.openingKey())
        }
    }
}
