// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

// MARK: - Node keys (include/ehrshare.h, "Distributed key generation and threshold keys")

/// The object behind `ehr_dkg_node_key`. `DKGNodeKey` keeps its secrets in a class
/// that wipes them when the last copy goes, so releasing this handle wipes
/// them unless a DKG still holds the key (it then wipes them when it goes).
final class DKGNodeKeyHandle {
    let key: DKGNodeKey

    init(_ key: DKGNodeKey) { self.key = key }

    /// Ed25519 public key ‖ X25519 public key, the roster form.
    var publicBytes: [UInt8] { key.publicKey.signing + key.publicKey.agreement }
}

@_cdecl("ehr_dkg_node_public_key_bytes") public func ehr_dkg_node_public_key_bytes() -> Int { Int(EHR_DKG_NODE_PUBLIC_KEY_BYTES) }
@_cdecl("ehr_dkg_node_secret_key_bytes") public func ehr_dkg_node_secret_key_bytes() -> Int { Int(EHR_DKG_NODE_SECRET_KEY_BYTES) }
@_cdecl("ehr_fingerprint_bytes") public func ehr_fingerprint_bytes() -> Int { Int(EHR_FINGERPRINT_BYTES) }
@_cdecl("ehr_session_id_bytes") public func ehr_session_id_bytes() -> Int { Int(EHR_SESSION_ID_BYTES) }
@_cdecl("ehr_dkg_message_max_bytes") public func ehr_dkg_message_max_bytes() -> Int { Int(EHR_DKG_MESSAGE_MAX_BYTES) }

@_cdecl("ehr_dkg_node_key_generate")
public func ehr_dkg_node_key_generate(_ out: UnsafeMutablePointer<OpaquePointer?>?) -> ehr_status {
    cabiCall {
        let out = try Handles.prepare(out, "out")
        Handles.publish(DKGNodeKeyHandle(try DKGNodeKey.generate()), to: out)
    }
}

@_cdecl("ehr_dkg_node_key_from_secret")
public func ehr_dkg_node_key_from_secret(
    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ secret: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let out = try Handles.prepare(out, "out")
        var bytes = try Buffers.read(secret, Int(EHR_DKG_NODE_SECRET_KEY_BYTES), "secret")
        var seed = Array(bytes[0..<32])
        var agreement = Array(bytes[32..<64])
        // Our copies only; DKGNodeKey keeps (and later wipes) its own.
        defer {
            wipeSecret(&bytes)
            wipeSecret(&seed)
            wipeSecret(&agreement)
        }
        Handles.publish(DKGNodeKeyHandle(try DKGNodeKey(signingSeed: seed, agreementKey: agreement)), to: out)
    }
}

@_cdecl("ehr_dkg_node_key_get_public")
public func ehr_dkg_node_key_get_public(_ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(key, as: DKGNodeKeyHandle.self, "key")
        Buffers.write(handle.publicBytes, to: try Buffers.requireOutput(out, "out"))
    }
}

@_cdecl("ehr_dkg_node_key_free")
public func ehr_dkg_node_key_free(_ key: OpaquePointer?) {
    Handles.release(key, as: DKGNodeKeyHandle.self)
}
