// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrStore

// MARK: - Record store (include/ehrshare.h, "Ledger and record store")

@_cdecl("ehr_store_open")
public func ehr_store_open(
    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ path: UnsafePointer<CChar>?, _ name: UnsafePointer<CChar>?
) -> ehr_status {
    cabiCall {
        try Handles.prepare(out, "out")
        let file = try Arguments.string(path, "path")
        let storeName = try Arguments.string(name, "name")
        try Handles.make(StoreHandle(try SQLiteRecordStore(path: file, name: storeName)), out, "out")
    }
}

@_cdecl("ehr_store_free")
public func ehr_store_free(_ store: OpaquePointer?) {
    Handles.release(store, as: StoreHandle.self)
}

@_cdecl("ehr_store_put")
public func ehr_store_put(
    _ store: OpaquePointer?, _ uri: UnsafeMutablePointer<UInt8>?, _ uriCap: Int, _ uriLen: UnsafeMutablePointer<Int>?,
    _ sha256: UnsafeMutablePointer<UInt8>?, _ bytes: UnsafePointer<UInt8>?, _ len: Int
) -> ehr_status {
    cabiCall {
        let s = try Handles.borrow(store, as: StoreHandle.self, "store").store
        guard let uriLen else { throw CABIFailure(EHR_ERR_NULL_POINTER, "uri_len is NULL") }
        let digestOut = try Buffers.requireOutput(sha256, "sha256")
        let envelope = try Arguments.bytes(bytes, len, "bytes")
        // The URI's length depends only on the store name, so a short buffer is reported
        // before anything is written: the size query stores nothing.
        let needed = RecordAddress.scheme.utf8.count + s.name.utf8.count + 1 + 2 * Int(EHR_HASH_BYTES)
        guard uri != nil, uriCap >= needed else {
            uriLen.pointee = needed
            throw CABIFailure(EHR_ERR_BUFFER_TOO_SMALL, "output needs \(needed) bytes, capacity is \(uriCap)")
        }
        let address = try s.put(envelope)
        try Buffers.writeVariable(Array(address.uri.utf8), to: uri, capacity: uriCap, length: uriLen)
        Buffers.write(address.sha256, to: digestOut)
    }
}

@_cdecl("ehr_store_get")
public func ehr_store_get(
    _ store: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ uri: UnsafePointer<UInt8>?, _ uriLen: Int, _ expectedSHA256: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let s = try Handles.borrow(store, as: StoreHandle.self, "store").store
        guard outLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        guard uri != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "uri is NULL") }
        let address = try Arguments.bytes(uri, uriLen, "uri", max: 1024)
        let digest = try Buffers.read(expectedSHA256, Int(EHR_HASH_BYTES), "expected_sha256")
        guard let text = String(validating: address, as: UTF8.self) else {
            throw CABIFailure(EHR_ERR_PARAM, "uri is not valid UTF-8")
        }
        let envelope = try s.get(uri: text, expectedSHA256: digest)
        try Buffers.writeVariable(envelope, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_store_verify")
public func ehr_store_verify(_ store: OpaquePointer?, _ bad: UnsafeMutablePointer<Int>?) -> ehr_status {
    cabiCall {
        let s = try Handles.borrow(store, as: StoreHandle.self, "store").store
        let badOut = try Arguments.output(bad, "bad")
        let failed = try s.verifyAll()
        badOut.pointee = failed.count
        if let first = failed.first {
            throw CABIFailure(
                EHR_ERR_CORRUPT, "record store corrupt: \(failed.count) envelope(s) do not hash to their address, first \(first)")
        }
    }
}
