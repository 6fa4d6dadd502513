// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrCurve
import EhrField
import EhrProtocol

// MARK: - Key shares (include/ehrshare.h, "Distributed key generation and threshold keys")

/// The object behind `ehr_key_share`: authority `index`'s secret share x_i of
/// the master key, with the PARAMS it belongs to.
///
/// The scalar is kept as its 32 bytes so that `wipeSecret` (OPENSSL_cleanse,
/// which the optimiser cannot drop) can clear it in deinit; an `Fr` is made
/// from them only for the duration of one issuance.
final class KeyShareHandle {
    let params: PublicParams
    let index: UInt16
    private var secret: [UInt8]

    init(params: PublicParams, index: UInt16, share: Fr) {
        self.params = params
        self.index = index
        self.secret = share.bigEndianBytes
    }

    deinit { wipeSecret(&secret) }

    /// x_i as a scalar.
    func share() throws -> Fr { try Fr(bigEndianBytes: secret) }

    /// x_i as bytes, for export.
    var secretBytes: [UInt8] { secret }
}

@_cdecl("ehr_key_share_new")
public func ehr_key_share_new(
    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ params: OpaquePointer?, _ index: UInt16,
    _ secret: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let out = try Handles.prepare(out, "out")
        let p = try Handles.borrow(params, as: ParamsHandle.self, "params").params
        let yi = try p.publicShare(index)
        var bytes = try Buffers.read(secret, Int(EHR_SCALAR_BYTES), "secret")
        defer { wipeSecret(&bytes) }
        let x = try Fr(bigEndianBytes: bytes)
        guard !x.isZero else { throw CABIFailure(EHR_ERR_SCALAR, "secret is zero") }
        // A wrong or mislabelled share would issue partial keys that every
        // client rejects; better to refuse it here, where the cause is known.
        guard G2Projective.generator.mul(x).toAffine() == yi else {
            throw CABIFailure(EHR_ERR_VERIFY, "secret is not the share of authority \(index): x·g2 ≠ Y_\(index)")
        }
        Handles.publish(KeyShareHandle(params: p, index: index, share: x), to: out)
    }
}

@_cdecl("ehr_key_share_get_secret")
public func ehr_key_share_get_secret(_ share: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(share, as: KeyShareHandle.self, "share")
        Buffers.write(handle.secretBytes, to: try Buffers.requireOutput(out, "out"))
    }
}

@_cdecl("ehr_key_share_get_index")
public func ehr_key_share_get_index(_ share: OpaquePointer?, _ index: UnsafeMutablePointer<UInt16>?) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(share, as: KeyShareHandle.self, "share")
        guard let index else { throw CABIFailure(EHR_ERR_NULL_POINTER, "index is NULL") }
        index.pointee = handle.index
    }
}

@_cdecl("ehr_key_share_issue")
public func ehr_key_share_issue(
    _ share: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ id: UnsafePointer<UInt8>?, _ idLen: Int
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(share, as: KeyShareHandle.self, "share")
        let identity = try Arguments.identity(id, idLen, "id")
        try Buffers.writeSized(WireLengths.partialKey(identityBytes: identity.bytes.count), to: out, capacity: outCap, length: outLen) {
            try ThresholdKeys.issue(for: identity, share: try handle.share(), index: handle.index,
                                    params: handle.params).encoded
        }
    }
}

@_cdecl("ehr_key_share_free")
public func ehr_key_share_free(_ share: OpaquePointer?) {
    Handles.release(share, as: KeyShareHandle.self)
}
