// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol

// MARK: - Threshold proxies (PROTOCOL.md §6.1; wire objects in docs/ENVELOPE.md §6)

@_cdecl("ehr_rekey_split")
public func ehr_rekey_split(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ rekey: UnsafePointer<UInt8>?, _ rekeyLen: Int, _ threshold: UInt32, _ proxies: UInt32
) -> ehr_status {
    cabiCall {
        let rk = try ReEncryptionKey(encoded: try Arguments.bytes(rekey, rekeyLen, "rekey"))
        let (t, n) = (Int(threshold), Int(proxies))
        guard n >= 1, n <= ThresholdReEncryption.maxProxies, t >= 1, t <= n else {
            throw CABIFailure(
                EHR_ERR_PARAM,
                "threshold \(t) of \(n) proxies is not valid"
                    + " (need 1 <= t' <= n' <= \(ThresholdReEncryption.maxProxies))")
        }
        // REKEY_SHARE = header ‖ id_i ‖ id_j ‖ index, t', n' (2 each) ‖ R1 ‖ R2 ‖ F(k):
        // every share has the same length, so shares sit back to back.
        let shareLength = WireLengths.reEncryptionKeyShare(delegator: rk.delegator, delegatee: rk.delegatee)
        try Buffers.writeSized(n * shareLength, to: out, capacity: outCap, length: outLen) {
            try ThresholdReEncryption.split(rk, threshold: t, proxies: n).flatMap(\.encoded)
        }
    }
}

@_cdecl("ehr_fragment_create")
public func ehr_fragment_create(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ share: UnsafePointer<UInt8>?, _ shareLen: Int, _ ct: UnsafePointer<UInt8>?, _ ctLen: Int
) -> ehr_status {
    cabiCall {
        guard outLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        let s = try ReEncryptionKeyShare(encoded: try Arguments.bytes(share, shareLen, "share"))
        guard ct != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "ct is NULL") }
        let input = try LevelOneInput(ct, ctLen, "ct")
        let fragment = try ThresholdReEncryption.fragment(input.ciphertext, with: s)
        try Buffers.writeVariable(fragment.encoded, to: out, capacity: outCap, length: outLen)
    }
}

/// Decodes `count` fragments passed as an array of pointers and an array of
/// lengths, naming the bad index in the message.
private func decodeFragments(
    _ fragments: UnsafePointer<UnsafePointer<UInt8>?>?, _ fragmentLens: UnsafePointer<Int>?, _ count: Int
) throws -> [ReEncryptionFragment] {
    guard let fragments else { throw CABIFailure(EHR_ERR_NULL_POINTER, "fragments is NULL") }
    guard let fragmentLens else { throw CABIFailure(EHR_ERR_NULL_POINTER, "fragment_lens is NULL") }
    guard count >= 1, count <= ThresholdReEncryption.maxProxies else {
        throw CABIFailure(EHR_ERR_PARAM, "count must be 1 to \(ThresholdReEncryption.maxProxies), got \(count)")
    }
    var decoded: [ReEncryptionFragment] = []
    for i in 0..<count {
        do {
            guard fragments[i] != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "is NULL") }
            let bytes = try Arguments.bytes(fragments[i], fragmentLens[i], "fragment")
            decoded.append(try ReEncryptionFragment(encoded: bytes))
        } catch {
            let f = cabiFailure(for: error)
            throw CABIFailure(f.status, "fragments[\(i)]: \(f.message)")
        }
    }
    return decoded
}

@_cdecl("ehr_fragments_combine")
public func ehr_fragments_combine(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ ct: UnsafePointer<UInt8>?, _ ctLen: Int, _ fragments: UnsafePointer<UnsafePointer<UInt8>?>?,
    _ fragmentLens: UnsafePointer<Int>?, _ count: Int, _ proxies: UInt32
) -> ehr_status {
    cabiCall {
        guard outLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        let n = try proxyCount(proxies)
        let decoded = try decodeFragments(fragments, fragmentLens, count)
        guard ct != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "ct is NULL") }
        switch try LevelOneInput(ct, ctLen, "ct") {
        case let .capsule(c):
            let result = try ThresholdReEncryption.combine(c, fragments: decoded, proxies: n).encoded
            try Buffers.writeVariable(result, to: out, capacity: outCap, length: outLen)
        case let .sealed(h, sealed):
            // The combined header, then the record's body copied once into the caller's buffer.
            let converted = try ThresholdReEncryption.combine(h, fragments: decoded, proxies: n).encoded
            try sealed.writeMirrored(converted, to: out, capacity: outCap, length: outLen)
        }
    }
}

@_cdecl("ehr_fragments_combine_verified")
public func ehr_fragments_combine_verified(
    _ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ header: UnsafePointer<UInt8>?, _ headerLen: Int, _ firstChunk: UnsafePointer<UInt8>?, _ firstChunkLen: Int,
    _ fragments: UnsafePointer<UnsafePointer<UInt8>?>?, _ fragmentLens: UnsafePointer<Int>?, _ count: Int,
    _ proxies: UInt32
) -> ehr_status {
    cabiCall {
        let n = try proxyCount(proxies)
        let handle = try Handles.borrow(key, as: IdentityKeyHandle.self, "key")
        guard outLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        guard case let .level1(h) = try SealedInput.detachedHeader(header, headerLen) else {
            throw ProtocolError.type(expected: WireType.sealed1.rawValue, actual: WireType.sealed2.rawValue)
        }
        guard firstChunk != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "first_chunk is NULL") }
        let chunk = try Arguments.bytes(firstChunk, firstChunkLen, "first_chunk")
        let decoded = try decodeFragments(fragments, fragmentLens, count)
        let converted = try ThresholdReEncryption.combineVerified(h, fragments: decoded, firstChunk: chunk,
                                                                  key: try handle.openingKey(), proxies: n)
        try Buffers.writeVariable(converted.encoded, to: out, capacity: outCap, length: outLen)
    }
}

/// n' as the caller passes it: 1…``ThresholdReEncryption/maxProxies`` (a FRAGMENT does not carry
/// it, so the C ABI asks for it to refuse indices of proxies that do not exist).
private func proxyCount(_ proxies: UInt32) throws(CABIFailure) -> Int {
    guard proxies >= 1, proxies <= UInt32(ThresholdReEncryption.maxProxies) else {
        throw CABIFailure(EHR_ERR_PARAM, "proxies \(proxies) outside 1…\(ThresholdReEncryption.maxProxies)")
    }
    return Int(proxies)
}
