// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrCurve
import EhrProtocol

// MARK: - Partial keys and identity keys (include/ehrshare.h, "Distributed key generation and threshold keys")

/// Bounds on the partial-key arguments of `ehr_identity_key_combine`.
enum PartialKeyLimits {
    /// Largest PARTIAL_KEY: 138 bytes and a 1024-byte identity.
    static let maxBytes = WireLengths.partialKey(identityBytes: Arguments.maxIdentity)
    /// More partial keys than any consortium has authorities cannot be honest input.
    static let maxCount = DKGSession.maxAuthorities
}

/// Decodes one PARTIAL_KEY argument for `params`, naming its position when it
/// does not decode (the index inside is not known yet).
private func decodePartialKey(_ pointer: UnsafePointer<UInt8>?, _ length: Int, params: PublicParams,
                              _ name: String) throws -> PartialKey {
    // Its own messages already name the argument.
    let bytes = try Arguments.bounded(pointer, length, limit: PartialKeyLimits.maxBytes, name)
    do {
        return try PartialKey(decoding: bytes, params: params)
    } catch {
        let failure = cabiFailure(for: error)
        throw CABIFailure(failure.status, "\(name): \(failure.message)")
    }
}

@_cdecl("ehr_partial_key_verify")
public func ehr_partial_key_verify(
    _ params: OpaquePointer?, _ index: UnsafeMutablePointer<UInt16>?, _ partialKey: UnsafePointer<UInt8>?,
    _ len: Int, _ id: UnsafePointer<UInt8>?, _ idLen: Int
) -> ehr_status {
    cabiCall {
        let p = try Handles.borrow(params, as: ParamsHandle.self, "params").params
        let identity = try Arguments.identity(id, idLen, "id")
        let partial = try decodePartialKey(partialKey, len, params: p, "partial_key")
        index?.pointee = partial.index
        try ThresholdKeys.verify(partial, for: identity, params: p)
    }
}

@_cdecl("ehr_identity_key_combine")
public func ehr_identity_key_combine(
    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ params: OpaquePointer?,
    _ partialKeys: UnsafePointer<UnsafePointer<UInt8>?>?, _ partialKeyLens: UnsafePointer<Int>?, _ count: Int,
    _ id: UnsafePointer<UInt8>?, _ idLen: Int
) -> ehr_status {
    cabiCall {
        let out = try Handles.prepare(out, "out")
        let p = try Handles.borrow(params, as: ParamsHandle.self, "params").params
        guard let partialKeys else { throw CABIFailure(EHR_ERR_NULL_POINTER, "partial_keys is NULL") }
        guard let partialKeyLens else { throw CABIFailure(EHR_ERR_NULL_POINTER, "partial_key_lens is NULL") }
        guard count >= 0, count <= PartialKeyLimits.maxCount else {
            throw CABIFailure(EHR_ERR_PARAM, "count \(count) is more than the \(PartialKeyLimits.maxCount) authorities a consortium can have")
        }
        let identity = try Arguments.identity(id, idLen, "id")
        var partials: [PartialKey] = []
        for k in 0..<count {
            partials.append(try decodePartialKey(partialKeys[k], partialKeyLens[k], params: p, "partial_keys[\(k)]"))
        }
        // Counts, duplicates, identities and every pairing check are
        // ThresholdKeys.combine's (PROTOCOL.md §5); its messages name the authority.
        let keys = try ThresholdKeys.combine(partials, for: identity, params: p)
        // The result is the same `ehr_identity_key` the re-encryption and
        // signature calls take; combine has already checked both keys against y.
        let context = try PREContext(masterPublicKey: p.masterPublicKey)
        Handles.publish(
            IdentityKeyHandle(
                identity: identity, context: context,
                decryption: PREIdentityKey(uncheckedIdentity: identity, key: keys.decryptionKey),
                signing: IdentitySigningKey(uncheckedIdentity: identity, key: keys.signingKey)),
            to: out)
    }
}

@_cdecl("ehr_identity_key_get_decryption_key")
public func ehr_identity_key_get_decryption_key(
    _ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(key, as: IdentityKeyHandle.self, "key")
        Buffers.write(try handle.decryptionKey().secretBytes, to: try Buffers.requireOutput(out, "out"))
    }
}

@_cdecl("ehr_identity_key_get_signing_key")
public func ehr_identity_key_get_signing_key(_ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(key, as: IdentityKeyHandle.self, "key")
        Buffers.write(try handle.signingKey().point.compressed, to: try Buffers.requireOutput(out, "out"))
    }
}

@_cdecl("ehr_identity_key_get_identity")
public func ehr_identity_key_get_identity(
    _ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(key, as: IdentityKeyHandle.self, "key")
        try Buffers.writeVariable(handle.identity.bytes, to: out, capacity: outCap, length: outLen)
    }
}
