// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrLedger

// MARK: - Sizes (include/ehrshare.h, "Ledger and record store")

@_cdecl("ehr_hash_bytes")
public func ehr_hash_bytes() -> Int { Int(EHR_HASH_BYTES) }

@_cdecl("ehr_tx_nonce_bytes")
public func ehr_tx_nonce_bytes() -> Int { Int(EHR_TX_NONCE_BYTES) }

@_cdecl("ehr_node_seed_bytes")
public func ehr_node_seed_bytes() -> Int { NodeSigningKey.seedBytes }

@_cdecl("ehr_node_public_key_bytes")
public func ehr_node_public_key_bytes() -> Int { NodeSigningKey.publicKeyBytes }

@_cdecl("ehr_node_signature_bytes")
public func ehr_node_signature_bytes() -> Int { NodeSigningKey.signatureBytes }

// MARK: - Node keys (Ed25519)

@_cdecl("ehr_node_key_generate")
public func ehr_node_key_generate(_ out: UnsafeMutablePointer<OpaquePointer?>?) -> ehr_status {
    cabiCall {
        try Handles.prepare(out, "out")
        let key: NodeSigningKey
        do { key = try NodeSigningKey.generate() } catch LedgerError.storage(let m) {
            // generate() reports a failed RAND_bytes as storage; to a host it is the generator.
            throw CABIFailure(EHR_ERR_RANDOM, m)
        }
        try Handles.make(NodeKeyHandle(key), out, "out")
    }
}

@_cdecl("ehr_node_key_from_seed")
public func ehr_node_key_from_seed(
    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ seed: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        try Handles.prepare(out, "out")
        var bytes = try Buffers.read(seed, NodeSigningKey.seedBytes, "seed")
        // The key keeps its own copy; this one must not linger in freed memory.
        defer { for i in bytes.indices { bytes[i] = 0 } }
        let key: NodeSigningKey
        do { key = try NodeSigningKey(seed: bytes) } catch LedgerError.rejected(let r) {
            throw CABIFailure(EHR_ERR_PARAM, r.reason)
        }
        try Handles.make(NodeKeyHandle(key), out, "out")
    }
}

@_cdecl("ehr_node_key_free")
public func ehr_node_key_free(_ key: OpaquePointer?) {
    Handles.release(key, as: NodeKeyHandle.self)
}

@_cdecl("ehr_node_key_get_public")
public func ehr_node_key_get_public(_ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall {
        let k = try Handles.borrow(key, as: NodeKeyHandle.self, "key")
        let out = try Buffers.requireOutput(out, "out")
        Buffers.write(k.key.publicKey, to: out)
    }
}

@_cdecl("ehr_node_key_sign")
public func ehr_node_key_sign(
    _ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ msg: UnsafePointer<UInt8>?, _ msgLen: Int
) -> ehr_status {
    cabiCall {
        let k = try Handles.borrow(key, as: NodeKeyHandle.self, "key")
        let out = try Buffers.requireOutput(out, "out")
        let message = try Arguments.bytes(msg, msgLen, "msg")
        Buffers.write(try k.key.sign(message), to: out)
    }
}

@_cdecl("ehr_node_signature_verify")
public func ehr_node_signature_verify(
    _ publicKey: UnsafePointer<UInt8>?, _ msg: UnsafePointer<UInt8>?, _ msgLen: Int,
    _ signature: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let pk = try Buffers.read(publicKey, NodeSigningKey.publicKeyBytes, "public_key")
        let message = try Arguments.bytes(msg, msgLen, "msg")
        let sig = try Buffers.read(signature, NodeSigningKey.signatureBytes, "signature")
        guard Ed25519.verify(publicKey: pk, message: message, signature: sig) else {
            throw CABIFailure(EHR_ERR_VERIFY, "the Ed25519 signature does not verify")
        }
    }
}
