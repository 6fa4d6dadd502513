// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

// MARK: - Cha–Cheon signatures on SIGNED envelopes and access requests (PROTOCOL.md §9)

private func purposeArgument(_ purpose: UInt8) throws -> SignedPurpose {
    guard let p = SignedPurpose(rawValue: purpose) else {
        throw CABIFailure(EHR_ERR_PARAM, "unknown SIGNED purpose \(purpose)")
    }
    return p
}

@_cdecl("ehr_signature_sign")
public func ehr_signature_sign(
    _ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ purpose: UInt8, _ timestampMs: UInt64, _ payload: UnsafePointer<UInt8>?, _ payloadLen: Int
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(key, as: IdentityKeyHandle.self, "key")
        let sks = try handle.signingKey()
        let p = try purposeArgument(purpose)
        guard payloadLen >= 0, payloadLen <= SignedMessage.maxPayloadBytes else {
            throw CABIFailure(
                EHR_ERR_PARAM, "payload of \(payloadLen) bytes (at most \(SignedMessage.maxPayloadBytes))")
        }
        try Buffers.writeSized(WireLengths.signed(signer: sks.identity, payload: payloadLen), to: out, capacity: outCap, length: outLen) {
            let data = try Arguments.bytes(payload, payloadLen, "payload")
            return try SignedMessage.sign(purpose: p, payload: data, key: sks, context: handle.context,
                                          timestamp: timestampMs).encoded
        }
    }
}

@_cdecl("ehr_signature_verify")
public func ehr_signature_verify(
    _ ctx: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ guardHandle: OpaquePointer?, _ signer: UnsafePointer<UInt8>?, _ signerLen: Int, _ purpose: UInt8,
    _ signedMsg: UnsafePointer<UInt8>?, _ signedLen: Int, _ nowMs: UInt64
) -> ehr_status {
    cabiCall {
        let context = try Handles.borrow(ctx, as: PREContext.self, "ctx")
        guard outLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        let replayGuard = try guardHandle.map { try Handles.borrow($0, as: ReplayGuard.self, "guard") }
        let expectedSigner = try Arguments.identity(signer, signerLen, "signer")
        let p = try purposeArgument(purpose)
        guard signedMsg != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "signed_msg is NULL") }
        // Decoding verifies the signature under the signer the envelope names.
        let message = try SignedMessage(encoded: try Arguments.bytes(signedMsg, signedLen, "signed_msg"),
                                        context: context)
        // A valid signature of someone else is, to this caller, no signature of
        // `signer` at all.
        guard message.signer == expectedSigner else {
            throw CABIFailure(EHR_ERR_VERIFY, "envelope is signed by \(message.signer), not \(expectedSigner)")
        }
        guard message.purpose == p else {
            throw CABIFailure(EHR_ERR_PARAM, "envelope purpose \(message.purpose.rawValue), expected \(purpose)")
        }
        // Refuse a short buffer before the guard records the nonce: a size
        // query must not make the real call a replay.
        // An empty payload needs no buffer, so a call with out = NULL is then the real call.
        let buffer = try Buffers.reserve(message.payload.count, out, capacity: outCap, length: outLen)
        try replayGuard?.accept(signer: message.signer, nonce: message.nonce, timestamp: message.timestamp, now: nowMs)
        if let buffer { Buffers.write(message.payload, to: buffer) }
    }
}

@_cdecl("ehr_request_create")
public func ehr_request_create(
    _ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ recordId: UnsafePointer<UInt8>?, _ recordIdLen: Int, _ timestampMs: UInt64
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(key, as: IdentityKeyHandle.self, "key")
        let sks = try handle.signingKey()
        guard recordId != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "record_id is NULL") }
        let request = try AccessRequest(recordId: try Arguments.bytes(recordId, recordIdLen, "record_id"),
                                        requester: sks.identity)
        let expected = WireLengths.signed(signer: sks.identity, payload: request.payload.count)
        try Buffers.writeSized(expected, to: out, capacity: outCap, length: outLen) {
            try request.sign(with: sks, context: handle.context, timestamp: timestampMs).encoded
        }
    }
}

@_cdecl("ehr_request_verify")
public func ehr_request_verify(
    _ ownerKey: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int,
    _ outLen: UnsafeMutablePointer<Int>?, _ guardHandle: OpaquePointer?, _ policy: OpaquePointer?,
    _ request: UnsafePointer<UInt8>?, _ requestLen: Int, _ nowMs: UInt64
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(ownerKey, as: IdentityKeyHandle.self, "owner_key")
        guard let outLen else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        let replayGuard = try Handles.borrow(guardHandle, as: ReplayGuard.self, "guard")
        let policyHandle = try Handles.borrow(policy, as: AccessPolicyHandle.self, "policy")
        let ske = try handle.decryptionKey()
        guard request != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "request is NULL") }
        let bytes = try Arguments.bytes(request, requestLen, "request")
        // The REKEY's size depends on the requester, i.e. the envelope's signer.
        // Learning it means decoding (and so verifying) the envelope once here;
        // AccessGate verifies again. The cost (one multi-pairing) buys a size
        // query without side effects: no nonce recorded, no key issued.
        let signer = try SignedMessage(encoded: bytes, context: handle.context).signer
        let expected = WireLengths.reEncryptionKey(delegator: ske.identity, delegatee: signer)
        outLen.pointee = expected
        guard let out, outCap >= expected else {
            throw CABIFailure(EHR_ERR_BUFFER_TOO_SMALL, "output needs \(expected) bytes, capacity is \(outCap)")
        }
        let gate = AccessGate(ownerKey: ske, context: handle.context, replayGuard: replayGuard)
        let (_, rk) = try gate.authorize(bytes, policy: policyHandle.snapshot, now: nowMs)
        let encoded = rk.encoded
        guard encoded.count == expected else {
            throw CABIFailure(EHR_ERR_INTERNAL, "REKEY of \(encoded.count) bytes, \(expected) announced")
        }
        Buffers.write(encoded, to: out)
    }
}
