// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

// MARK: - Blinded issuance (include/ehrshare.h, "Distributed key generation and threshold keys")

/// The object behind `ehr_blinding`: the user's blinding factor β and its
/// BLIND_REQUEST, with the PARAMS they are for. `BlindIssuance.Blinding`
/// keeps β in an immutable field, so this layer cannot overwrite it; it goes
/// when the handle goes.
final class BlindingHandle {
    let blinding: BlindIssuance.Blinding
    let params: PublicParams

    init(_ blinding: BlindIssuance.Blinding, params: PublicParams) {
        self.blinding = blinding
        self.params = params
    }

    /// Largest BLIND_REQUEST and BLIND_PARTIAL (1024-byte identity).
    static let maxRequestBytes = 200 + 1024
    static let maxAnswerBytes = WireLengths.partialKey(identityBytes: Arguments.maxIdentity)
}

@_cdecl("ehr_blinding_new")
public func ehr_blinding_new(
    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ params: OpaquePointer?, _ id: UnsafePointer<UInt8>?,
    _ idLen: Int
) -> ehr_status {
    cabiCall {
        let out = try Handles.prepare(out, "out")
        let p = try Handles.borrow(params, as: ParamsHandle.self, "params").params
        let identity = try Arguments.identity(id, idLen, "id")
        Handles.publish(BlindingHandle(try BlindIssuance.request(for: identity, params: p), params: p), to: out)
    }
}

@_cdecl("ehr_blinding_get_request")
public func ehr_blinding_get_request(
    _ blinding: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int,
    _ outLen: UnsafeMutablePointer<Int>?
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(blinding, as: BlindingHandle.self, "blinding")
        try Buffers.writeVariable(handle.blinding.request.encoded, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_key_share_answer_blind")
public func ehr_key_share_answer_blind(
    _ share: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ request: UnsafePointer<UInt8>?, _ requestLen: Int, _ id: UnsafePointer<UInt8>?, _ idLen: Int
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(share, as: KeyShareHandle.self, "share")
        let identity = try Arguments.identity(id, idLen, "id")
        let bytes = try Arguments.bounded(request, requestLen, limit: BlindingHandle.maxRequestBytes, "request")
        try Buffers.writeSized(WireLengths.partialKey(identityBytes: identity.bytes.count), to: out, capacity: outCap, length: outLen) {
            let req = try BlindRequest(decoding: bytes, params: handle.params)
            return try BlindIssuance.answer(req, authenticated: identity, share: try handle.share(),
                                            index: handle.index, params: handle.params).encoded
        }
    }
}

@_cdecl("ehr_blinding_unblind")
public func ehr_blinding_unblind(
    _ blinding: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int,
    _ outLen: UnsafeMutablePointer<Int>?, _ answer: UnsafePointer<UInt8>?, _ answerLen: Int
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(blinding, as: BlindingHandle.self, "blinding")
        let bytes = try Arguments.bounded(answer, answerLen, limit: BlindingHandle.maxAnswerBytes, "answer")
        let size = WireLengths.partialKey(identityBytes: handle.blinding.request.identity.bytes.count)
        try Buffers.writeSized(size, to: out, capacity: outCap, length: outLen) {
            let reply = try BlindPartialKey(decoding: bytes, params: handle.params)
            return try BlindIssuance.unblind(reply, with: handle.blinding, params: handle.params).encoded
        }
    }
}

@_cdecl("ehr_blinding_free")
public func ehr_blinding_free(_ blinding: OpaquePointer?) {
    Handles.release(blinding, as: BlindingHandle.self)
}
