// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrPairing
import EhrProtocol

// MARK: - IBP1 on GT messages (PROTOCOL.md §6): Enc1, Dec1/Dec2, ReKeyGen, ReEnc.

@_cdecl("ehr_ibp1_encrypt")
public func ehr_ibp1_encrypt(
    _ ctx: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ m: UnsafePointer<UInt8>?, _ id: UnsafePointer<UInt8>?, _ idLen: Int
) -> ehr_status {
    cabiCall {
        let context = try Handles.borrow(ctx, as: PREContext.self, "ctx")
        let message = try Wire.gt(m, "m")
        let owner = try Arguments.identity(id, idLen, "id")
        try Buffers.writeSized(WireLengths.ciphertext1(owner: owner), to: out, capacity: outCap, length: outLen) {
            try IBP1.encrypt(message, to: owner, context: context).encoded
        }
    }
}

@_cdecl("ehr_ibp1_decrypt")
public func ehr_ibp1_decrypt(
    _ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ ct: UnsafePointer<UInt8>?, _ ctLen: Int
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(key, as: IdentityKeyHandle.self, "key")
        let out = try Buffers.requireOutput(out, "out")
        guard ct != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "ct is NULL") }
        let bytes = try Arguments.bytes(ct, ctLen, "ct")
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

@_cdecl("ehr_rekey_create")
public func ehr_rekey_create(
    _ key: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ delegatee: UnsafePointer<UInt8>?, _ delegateeLen: Int
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(key, as: IdentityKeyHandle.self, "key")
        let ske = try handle.decryptionKey()
        let to = try Arguments.identity(delegatee, delegateeLen, "delegatee")
        guard to != ske.identity else {
            throw CABIFailure(EHR_ERR_PARAM, "a re-encryption key to oneself is pointless")
        }
        try Buffers.writeSized(WireLengths.reEncryptionKey(delegator: ske.identity, delegatee: to), to: out, capacity: outCap, length: outLen) {
            try IBP1.rekey(from: ske, to: to, context: handle.context).encoded
        }
    }
}

@_cdecl("ehr_ibp1_reencrypt")
public func ehr_ibp1_reencrypt(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ rekey: UnsafePointer<UInt8>?, _ rekeyLen: Int, _ ct: UnsafePointer<UInt8>?, _ ctLen: Int
) -> ehr_status {
    cabiCall {
        guard outLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        let rk = try ReEncryptionKey(encoded: try Arguments.bytes(rekey, rekeyLen, "rekey"))
        let c = try Ciphertext1(encoded: try Arguments.bytes(ct, ctLen, "ct"))
        try Buffers.writeVariable(try IBP1.reencrypt(c, with: rk).encoded, to: out, capacity: outCap, length: outLen)
    }
}
