// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrCurve
import EhrProtocol

// MARK: - DKG sessions (include/ehrshare.h, "Distributed key generation and threshold keys")

@_cdecl("ehr_dkg_new")
public func ehr_dkg_new(
    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ roster: UnsafePointer<UInt8>?, _ rosterLen: Int,
    _ threshold: UInt16, _ nonce: UnsafePointer<UInt8>?, _ nonceLen: Int, _ index: UInt16, _ key: OpaquePointer?
) -> ehr_status {
    cabiCall {
        let out = try Handles.prepare(out, "out")
        let nodeKey = try Handles.borrow(key, as: DKGNodeKeyHandle.self, "key").key
        let entries = try RosterBytes.parse(
            try Arguments.bounded(roster, rosterLen, limit: RosterBytes.maxBytes, "roster"))
        // DKGSession checks the nonce length (16–1024) itself; the bound only
        // stops a wild length before memory is read.
        let nonceBytes = try Arguments.bounded(nonce, nonceLen, limit: 1 << 16, "nonce")
        let session = try DKGSession(roster: entries, threshold: Int(threshold), nonce: nonceBytes)
        Handles.publish(DKGHandle(try DKGAuthority(session: session, index: index, key: nodeKey)), to: out)
    }
}

@_cdecl("ehr_dkg_start")
public func ehr_dkg_start(_ dkg: OpaquePointer?, _ queued: UnsafeMutablePointer<Int>?) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(dkg, as: DKGHandle.self, "dkg")
        handle.enqueue(try handle.authority.start())
        queued?.pointee = handle.queued
    }
}

@_cdecl("ehr_dkg_advance")
public func ehr_dkg_advance(_ dkg: OpaquePointer?, _ queued: UnsafeMutablePointer<Int>?) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(dkg, as: DKGHandle.self, "dkg")
        let closing = handle.authority.round
        do {
            handle.enqueue(try handle.authority.advance())
        } catch {
            let failure = cabiFailure(for: error)
            throw CABIFailure(failure.status, "closing round \(closing.rawValue): \(failure.message)")
        }
        queued?.pointee = handle.queued
    }
}

@_cdecl("ehr_dkg_next_message")
public func ehr_dkg_next_message(
    _ dkg: OpaquePointer?, _ to: UnsafeMutablePointer<UInt16>?, _ out: UnsafeMutablePointer<UInt8>?,
    _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(dkg, as: DKGHandle.self, "dkg")
        guard let to else { throw CABIFailure(EHR_ERR_NULL_POINTER, "to is NULL") }
        guard let outLen else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        guard let message = handle.first else {
            to.pointee = 0
            outLen.pointee = 0
            throw CABIFailure(EHR_ERR_NOT_FOUND, "no message is waiting")
        }
        to.pointee = message.to
        try Buffers.writeVariable(message.bytes, to: out, capacity: outCap, length: outLen)
        handle.removeFirst()
    }
}

@_cdecl("ehr_dkg_receive")
public func ehr_dkg_receive(
    _ dkg: OpaquePointer?, _ duplicate: UnsafeMutablePointer<Int32>?, _ msg: UnsafePointer<UInt8>?,
    _ msgLen: Int, _ from: UInt16
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(dkg, as: DKGHandle.self, "dkg")
        let bytes = try Arguments.bounded(msg, msgLen, limit: Int(EHR_DKG_MESSAGE_MAX_BYTES), "msg")
        let receipt: DKGReceipt
        do {
            receipt = try handle.authority.receive(bytes, from: from)
        } catch {
            // Whatever went wrong, the sender is the one to blame: say who it is.
            let failure = cabiFailure(for: error)
            throw CABIFailure(failure.status, "message from authority \(from): \(failure.message)")
        }
        duplicate?.pointee = receipt == .duplicate ? 1 : 0
    }
}

@_cdecl("ehr_dkg_get_round")
public func ehr_dkg_get_round(_ dkg: OpaquePointer?, _ round: UnsafeMutablePointer<ehr_dkg_round>?) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(dkg, as: DKGHandle.self, "dkg")
        guard let round else { throw CABIFailure(EHR_ERR_NULL_POINTER, "round is NULL") }
        // Spelled out so that the C numbers stay put whatever happens to the
        // Swift enum's raw values.
        switch handle.authority.round {
        case .idle: round.pointee = EHR_DKG_ROUND_IDLE
        case .dealing: round.pointee = EHR_DKG_ROUND_DEALING
        case .complaints: round.pointee = EHR_DKG_ROUND_COMPLAINTS
        case .answers: round.pointee = EHR_DKG_ROUND_ANSWERS
        case .feldman: round.pointee = EHR_DKG_ROUND_FELDMAN
        case .feldmanComplaints: round.pointee = EHR_DKG_ROUND_FELDMAN_COMPLAINTS
        case .reconstruction: round.pointee = EHR_DKG_ROUND_RECONSTRUCTION
        case .done: round.pointee = EHR_DKG_ROUND_DONE
        case .failed: round.pointee = EHR_DKG_ROUND_FAILED
        }
    }
}

@_cdecl("ehr_dkg_get_faults")
public func ehr_dkg_get_faults(
    _ dkg: OpaquePointer?, _ out: UnsafeMutablePointer<ehr_dkg_fault>?, _ outCap: Int,
    _ outLen: UnsafeMutablePointer<Int>?
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(dkg, as: DKGHandle.self, "dkg")
        let faults = handle.authority.faults.map(DKGHandle.cFault)
        try Buffers.writeArray(faults, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_dkg_get_fault_log")
public func ehr_dkg_get_fault_log(
    _ dkg: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?
) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(dkg, as: DKGHandle.self, "dkg")
        let text = handle.authority.faults.map { "\($0)\n" }.joined()
        try Buffers.writeVariable(Array(text.utf8), to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_dkg_get_session_id")
public func ehr_dkg_get_session_id(_ dkg: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(dkg, as: DKGHandle.self, "dkg")
        Buffers.write(handle.authority.session.sid, to: try Buffers.requireOutput(out, "out"))
    }
}

// MARK: - Results

@_cdecl("ehr_dkg_get_qual")
public func ehr_dkg_get_qual(
    _ dkg: OpaquePointer?, _ out: UnsafeMutablePointer<UInt16>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?
) -> ehr_status {
    cabiCall {
        let result = try Handles.borrow(dkg, as: DKGHandle.self, "dkg").result()
        try Buffers.writeArray(result.qual, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_dkg_get_params")
public func ehr_dkg_get_params(
    _ dkg: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?
) -> ehr_status {
    cabiCall {
        let result = try Handles.borrow(dkg, as: DKGHandle.self, "dkg").result()
        try Buffers.writeVariable(result.params.encoded, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_dkg_get_master_public_key")
public func ehr_dkg_get_master_public_key(_ dkg: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall {
        let result = try Handles.borrow(dkg, as: DKGHandle.self, "dkg").result()
        Buffers.write(result.params.masterPublicKey.compressed, to: try Buffers.requireOutput(out, "out"))
    }
}

@_cdecl("ehr_dkg_get_fingerprint")
public func ehr_dkg_get_fingerprint(_ dkg: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall {
        let result = try Handles.borrow(dkg, as: DKGHandle.self, "dkg").result()
        Buffers.write(result.params.fingerprint, to: try Buffers.requireOutput(out, "out"))
    }
}

@_cdecl("ehr_dkg_get_key_share")
public func ehr_dkg_get_key_share(_ dkg: OpaquePointer?, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> ehr_status {
    cabiCall {
        let handle = try Handles.borrow(dkg, as: DKGHandle.self, "dkg")
        let out = try Handles.prepare(out, "out")
        let result = try handle.result()
        Handles.publish(KeyShareHandle(params: result.params, index: result.index, share: result.secretShare), to: out)
    }
}

@_cdecl("ehr_dkg_free")
public func ehr_dkg_free(_ dkg: OpaquePointer?) {
    Handles.release(dkg, as: DKGHandle.self)
}
