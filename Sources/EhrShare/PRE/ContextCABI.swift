// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrCurve
import EhrProtocol

// MARK: - Handles of the PRE section (include/ehrshare.h, "Proxy re-encryption,
// envelopes and signatures"): contexts, identity keys, replay guards, policies.
//
// `*_free` cannot fail and returns nothing, so like the size functions it
// leaves the thread's last error message alone instead of going through
// `cabiCall` (which clears it).

@_cdecl("ehr_record_context_max_bytes")
public func ehr_record_context_max_bytes() -> Int { Int(EHR_RECORD_CONTEXT_MAX_BYTES) }

@_cdecl("ehr_pre_context_new")
public func ehr_pre_context_new(_ out: UnsafeMutablePointer<OpaquePointer?>?, _ y: UnsafePointer<UInt8>?)
    -> ehr_status
{
    cabiCall {
        let out = try Handles.prepare(out, "out")
        // PREContext checks membership again; decoding here gives the §11 statuses.
        let context = try PREContext(masterPublicKey: try Wire.g2(y, "y"))
        Handles.publish(context, to: out)
    }
}

@_cdecl("ehr_pre_context_free")
public func ehr_pre_context_free(_ ctx: OpaquePointer?) {
    Handles.release(ctx, as: PREContext.self)
}

@_cdecl("ehr_pre_context_get_fingerprint")
public func ehr_pre_context_get_fingerprint(_ ctx: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall {
        let context = try Handles.borrow(ctx, as: PREContext.self, "ctx")
        Buffers.write(context.fingerprint, to: try Buffers.requireOutput(out, "out"))
    }
}

@_cdecl("ehr_identity_key_new")
public func ehr_identity_key_new(
    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ ctx: OpaquePointer?, _ id: UnsafePointer<UInt8>?, _ idLen: Int,
    _ ske: UnsafePointer<UInt8>?, _ sks: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let context = try Handles.borrow(ctx, as: PREContext.self, "ctx")
        let out = try Handles.prepare(out, "out")
        let identity = try Arguments.identity(id, idLen, "id")
        guard ske != nil || sks != nil else {
            throw CABIFailure(EHR_ERR_PARAM, "ske and sks are both NULL: nothing to import")
        }
        // Both checks are e(key, −g2)·e(H(id), y) = 1 (PROTOCOL.md §5); a key of
        // another identity, a swapped ske/sks or a key of another deployment
        // fails with ProtocolError.verify → EHR_ERR_VERIFY.
        let decryption = try ske.map {
            try PREIdentityKey(identity: identity, key: try secretPoint($0, "ske"), context: context)
        }
        let signing = try sks.map {
            try IdentitySigningKey(identity: identity, key: try secretPoint($0, "sks"), context: context)
        }
        Handles.publish(
            IdentityKeyHandle(identity: identity, context: context, decryption: decryption, signing: signing), to: out)
    }
}

/// Decodes a secret G1 point, wiping the copy of the caller's bytes.
private func secretPoint(_ pointer: UnsafePointer<UInt8>, _ name: String) throws -> G1Affine {
    var bytes = try Buffers.read(pointer, Int(EHR_G1_BYTES), name)
    defer { wipeSecret(&bytes) }
    return try G1Affine(compressed: bytes)
}

@_cdecl("ehr_identity_key_free")
public func ehr_identity_key_free(_ key: OpaquePointer?) {
    Handles.release(key, as: IdentityKeyHandle.self) { $0.wipe() }
}

@_cdecl("ehr_replay_guard_new")
public func ehr_replay_guard_new(_ out: UnsafeMutablePointer<OpaquePointer?>?, _ windowMs: UInt64, _ capacity: Int)
    -> ehr_status
{
    cabiCall {
        let out = try Handles.prepare(out, "out")
        guard windowMs > 0 else { throw CABIFailure(EHR_ERR_PARAM, "window_ms must be at least 1") }
        guard capacity > 0 else { throw CABIFailure(EHR_ERR_PARAM, "capacity must be at least 1") }
        Handles.publish(ReplayGuard(windowMs: windowMs, capacity: capacity), to: out)
    }
}

@_cdecl("ehr_replay_guard_free")
public func ehr_replay_guard_free(_ guardHandle: OpaquePointer?) {
    Handles.release(guardHandle, as: ReplayGuard.self)
}

@_cdecl("ehr_access_policy_new")
public func ehr_access_policy_new(
    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ recordId: UnsafePointer<UInt8>?, _ recordIdLen: Int,
    _ owner: UnsafePointer<UInt8>?, _ ownerLen: Int
) -> ehr_status {
    cabiCall {
        let out = try Handles.prepare(out, "out")
        guard recordId != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "record_id is NULL") }
        guard recordIdLen >= 1, recordIdLen <= AccessRequest.maxRecordIdBytes else {
            throw CABIFailure(EHR_ERR_PARAM, "record_id must be 1 to \(AccessRequest.maxRecordIdBytes) bytes")
        }
        let record = try Arguments.bytes(recordId, recordIdLen, "record_id")
        let ownerId = try Arguments.identity(owner, ownerLen, "owner")
        Handles.publish(AccessPolicyHandle(AccessPolicy(recordId: record, owner: ownerId)), to: out)
    }
}

@_cdecl("ehr_access_policy_grant")
public func ehr_access_policy_grant(
    _ policy: OpaquePointer?, _ id: UnsafePointer<UInt8>?, _ idLen: Int, _ expiryMs: UInt64
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(policy, as: AccessPolicyHandle.self, "policy")
        handle.grant(try Arguments.identity(id, idLen, "id"), until: expiryMs == 0 ? nil : expiryMs)
    }
}

@_cdecl("ehr_access_policy_revoke")
public func ehr_access_policy_revoke(_ policy: OpaquePointer?, _ id: UnsafePointer<UInt8>?, _ idLen: Int)
    -> ehr_status
{
    cabiCall {
        let handle = try Handles.borrow(policy, as: AccessPolicyHandle.self, "policy")
        handle.revoke(try Arguments.identity(id, idLen, "id"))
    }
}

@_cdecl("ehr_access_policy_free")
public func ehr_access_policy_free(_ policy: OpaquePointer?) {
    Handles.release(policy, as: AccessPolicyHandle.self)
}
