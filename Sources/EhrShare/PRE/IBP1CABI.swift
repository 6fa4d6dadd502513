// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrPairing
import EhrProtocol

// MARK: - IBP1 on GT messages (PROTOCOL.md §6): Enc1, Dec1/Dec2, ReKeyGen, ReEnc.

/// CT1 = header (6) ‖ id ‖ c1 (96) ‖ c2 (576).
private func ct1Length(_ owner: Identity) -> Int { 6 + PREArguments.idField(owner) + 96 + 576 }


@_cdecl("ehr_encrypt")
public func ehr_encrypt(
    _ ctx: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ m: UnsafePointer<UInt8>?, _ id: UnsafePointer<UInt8>?, _ idLen: Int
) -> ehr_status {
    cabiCall {
        let context = try PREHandles.object(ctx, as: PREContext.self, "ctx")
        let message = try Wire.gt(m, "m")
        let owner = try PREArguments.identity(id, idLen, "id")
        try PREArguments.produce(expected: ct1Length(owner), out, outCap, outLen) {
            try IBP1.encrypt(message, to: owner, context: context).encoded
        }
    }
}

@_cdecl("ehr_decrypt")
public func ehr_decrypt(
    _ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ ct: UnsafePointer<UInt8>?, _ ctLen: Int
) -> ehr_status {
    cabiCall {
        let handle = try PREHandles.object(key, as: IdentityKeyHandle.self, "key")
        let out = try Buffers.requireOutput(out, "out")
        guard ct != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "ct is NULL") }
        let bytes = try PREArguments.bytes(ct, ctLen, "ct")
        // Decode first, so a malformed object gets its decoding status whatever
        // the key; then every failure of the key itself is EHR_ERR_DECRYPT.
        let m: GT
        if bytes.count > 5, bytes[5] == WireType.ct2.rawValue {
            let c = try Ciphertext2(encoded: bytes)
            m = try IBP1.decrypt(c, with: try handle.openingKey())
        } else {
            let c = try Ciphertext1(encoded: bytes)
            m = try IBP1.decrypt(c, with: try handle.openingKey())
        }
        Buffers.write(m.bytes, to: out)
    }
}

@_cdecl("ehr_rekey")
public func ehr_rekey(
    _ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ delegatee: UnsafePointer<UInt8>?, _ delegateeLen: Int
) -> ehr_status {
    cabiCall {
        let handle = try PREHandles.object(key, as: IdentityKeyHandle.self, "key")
        let ske = try handle.decryptionKey()
        let to = try PREArguments.identity(delegatee, delegateeLen, "delegatee")
        guard to != ske.identity else {
            throw CABIFailure(EHR_ERR_PARAM, "a re-encryption key to oneself is pointless")
        }
        try PREArguments.produce(expected: PREArguments.rekeyLength(ske.identity, to), out, outCap, outLen) {
            try IBP1.rekey(from: ske, to: to, context: handle.context).encoded
        }
    }
}

@_cdecl("ehr_reencrypt")
public func ehr_reencrypt(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ rekey: UnsafePointer<UInt8>?, _ rekeyLen: Int, _ ct: UnsafePointer<UInt8>?, _ ctLen: Int
) -> ehr_status {
    cabiCall {
        guard outLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        let rk = try ReEncryptionKey(encoded: try PREArguments.bytes(rekey, rekeyLen, "rekey"))
        let c = try Ciphertext1(encoded: try PREArguments.bytes(ct, ctLen, "ct"))
        try Buffers.writeVariable(try IBP1.reencrypt(c, with: rk).encoded, to: out, capacity: outCap, length: outLen)
    }
}
