// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrCurve
import EhrProtocol

// MARK: - PARAMS (include/ehrshare.h, "Distributed key generation and threshold keys")

/// The object behind `ehr_params`: PARAMS decoded once. Decoding checks every
/// public share for subgroup membership (n G2 checks), which a host verifying
/// many partial keys should not pay per call. Immutable, hence shareable
/// between threads.
final class ParamsHandle {
    let params: PublicParams
    /// Cached: SHA-256 over y, compared on every partial key.
    let fingerprint: [UInt8]

    init(_ params: PublicParams) {
        self.params = params
        self.fingerprint = params.fingerprint
    }

    /// Largest PARAMS: n = 256.
    static let maxBytes = 138 + 96 * DKGSession.maxAuthorities
}

@_cdecl("ehr_params_from_bytes")
public func ehr_params_from_bytes(
    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ params: UnsafePointer<UInt8>?, _ paramsLen: Int
) -> ehr_status {
    cabiCall {
        let out = try Handles.prepare(out, "out")
        let bytes = try Arguments.bounded(params, paramsLen, limit: ParamsHandle.maxBytes, "params")
        Handles.publish(ParamsHandle(try PublicParams(decoding: bytes)), to: out)
    }
}

@_cdecl("ehr_params_to_bytes")
public func ehr_params_to_bytes(
    _ params: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(params, as: ParamsHandle.self, "params")
        try Buffers.writeVariable(handle.params.encoded, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_params_get_threshold")
public func ehr_params_get_threshold(
    _ params: OpaquePointer?, _ threshold: UnsafeMutablePointer<UInt16>?, _ n: UnsafeMutablePointer<UInt16>?
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(params, as: ParamsHandle.self, "params")
        guard let threshold else { throw CABIFailure(EHR_ERR_NULL_POINTER, "threshold is NULL") }
        guard let n else { throw CABIFailure(EHR_ERR_NULL_POINTER, "n is NULL") }
        // PublicParams guarantees 1 ≤ t ≤ n ≤ 256, so both fit.
        threshold.pointee = UInt16(truncatingIfNeeded: handle.params.t)
        n.pointee = UInt16(truncatingIfNeeded: handle.params.n)
    }
}

@_cdecl("ehr_params_get_master_public_key")
public func ehr_params_get_master_public_key(
    _ params: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(params, as: ParamsHandle.self, "params")
        Buffers.write(handle.params.masterPublicKey.compressed, to: try Buffers.requireOutput(out, "out"))
    }
}

@_cdecl("ehr_params_get_fingerprint")
public func ehr_params_get_fingerprint(_ params: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(params, as: ParamsHandle.self, "params")
        Buffers.write(handle.fingerprint, to: try Buffers.requireOutput(out, "out"))
    }
}

@_cdecl("ehr_params_get_public_share")
public func ehr_params_get_public_share(
    _ params: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ index: UInt16
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(params, as: ParamsHandle.self, "params")
        let out = try Buffers.requireOutput(out, "out")
        Buffers.write(try handle.params.publicShare(index).compressed, to: out)
    }
}

@_cdecl("ehr_params_free")
public func ehr_params_free(_ params: OpaquePointer?) {
    Handles.release(params, as: ParamsHandle.self)
}
