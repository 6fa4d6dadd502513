// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrLedger
import EhrProtocol

// MARK: - Chain and state queries (include/ehrshare.h, "Ledger and record store")

/// The ledger behind a handle, for the query calls below.
private func ledgerOf(_ handle: OpaquePointer?) throws -> Ledger {
    try Handles.borrow(handle, as: LedgerHandle.self, "ledger").ledger
}

/// A 32-byte id argument (record id, request id).
private func id32(_ pointer: UnsafePointer<UInt8>?, _ name: String) throws -> [UInt8] {
    try Buffers.read(pointer, Int(EHR_HASH_BYTES), name)
}

@_cdecl("ehr_ledger_get_height")
public func ehr_ledger_get_height(_ ledger: OpaquePointer?, _ height: UnsafeMutablePointer<UInt64>?) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        try Arguments.output(height, "height").pointee = l.height
    }
}

@_cdecl("ehr_ledger_get_irreversible_height")
public func ehr_ledger_get_irreversible_height(
    _ ledger: OpaquePointer?, _ height: UnsafeMutablePointer<UInt64>?
) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        try Arguments.output(height, "height").pointee = l.lastIrreversibleHeight
    }
}

@_cdecl("ehr_ledger_get_tip_hash")
public func ehr_ledger_get_tip_hash(_ ledger: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        Buffers.write(l.tipHash, to: try Buffers.requireOutput(out, "out"))
    }
}

@_cdecl("ehr_ledger_get_genesis_hash")
public func ehr_ledger_get_genesis_hash(_ ledger: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        Buffers.write(l.genesisHash, to: try Buffers.requireOutput(out, "out"))
    }
}

@_cdecl("ehr_ledger_get_slot_at")
public func ehr_ledger_get_slot_at(
    _ ledger: OpaquePointer?, _ slot: UnsafeMutablePointer<UInt64>?, _ unixMs: UInt64
) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        let out = try Arguments.output(slot, "slot")
        let start = l.genesis.genesisTime
        guard unixMs >= start else {
            throw CABIFailure(EHR_ERR_PARAM, "time \(unixMs) is before the genesis time \(start)")
        }
        // slotMillis ≥ 1 is a genesis rule, so the division is safe.
        out.pointee = (unixMs - start) / UInt64(l.genesis.slotMillis)
    }
}

@_cdecl("ehr_ledger_get_slot_time")
public func ehr_ledger_get_slot_time(
    _ ledger: OpaquePointer?, _ unixMs: UnsafeMutablePointer<UInt64>?, _ slot: UInt64
) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        try Arguments.output(unixMs, "unix_ms").pointee = l.timestamp(of: slot)
    }
}

@_cdecl("ehr_ledger_get_tip_slot")
public func ehr_ledger_get_tip_slot(_ ledger: OpaquePointer?, _ slot: UnsafeMutablePointer<UInt64>?) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        try Arguments.output(slot, "slot").pointee = l.tipSlot
    }
}

@_cdecl("ehr_ledger_get_schedule")
public func ehr_ledger_get_schedule(
    _ ledger: OpaquePointer?, _ out: UnsafeMutablePointer<UInt16>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?
) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        try Buffers.writeArray(l.schedule, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_ledger_get_active_producers")
public func ehr_ledger_get_active_producers(
    _ ledger: OpaquePointer?, _ out: UnsafeMutablePointer<UInt16>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?
) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        try Buffers.writeArray(l.activeProducers, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_ledger_get_scheduled_producer")
public func ehr_ledger_get_scheduled_producer(
    _ ledger: OpaquePointer?, _ producer: UnsafeMutablePointer<UInt16>?, _ slot: UInt64
) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        let out = try Arguments.output(producer, "producer")
        guard let p = l.scheduledProducer(slot: slot) else {
            throw CABIFailure(EHR_ERR_PARAM, "slot \(slot) is not after the tip's slot \(l.tipSlot)")
        }
        out.pointee = p
    }
}

@_cdecl("ehr_ledger_get_node_count")
public func ehr_ledger_get_node_count(_ ledger: OpaquePointer?, _ count: UnsafeMutablePointer<Int>?) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        try Arguments.output(count, "count").pointee = l.nodeCount
    }
}

@_cdecl("ehr_ledger_get_node")
public func ehr_ledger_get_node(
    _ ledger: OpaquePointer?, _ stake: UnsafeMutablePointer<UInt64>?, _ nextSequence: UnsafeMutablePointer<UInt64>?,
    _ publicKey: UnsafeMutablePointer<UInt8>?, _ node: UInt16
) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        let stakeOut = try Arguments.output(stake, "stake")
        let seqOut = try Arguments.output(nextSequence, "next_sequence")
        let keyOut = try Buffers.requireOutput(publicKey, "public_key")
        guard let info = l.node(node) else {
            throw CABIFailure(EHR_ERR_NOT_FOUND, "no node \(node) (the ledger has \(l.nodeCount))")
        }
        stakeOut.pointee = info.stake
        seqOut.pointee = info.sequence &+ 1
        Buffers.write(info.key, to: keyOut)
    }
}

@_cdecl("ehr_ledger_get_block")
public func ehr_ledger_get_block(
    _ ledger: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ height: UInt64
) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        guard outLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        try Buffers.writeVariable(try l.block(height: height).encoded, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_ledger_get_record")
public func ehr_ledger_get_record(
    _ ledger: OpaquePointer?, _ ciphertextSHA256: UnsafeMutablePointer<UInt8>?, _ height: UnsafeMutablePointer<UInt64>?,
    _ owner: UnsafeMutablePointer<UInt8>?, _ ownerCap: Int, _ ownerLen: UnsafeMutablePointer<Int>?,
    _ uri: UnsafeMutablePointer<UInt8>?, _ uriCap: Int, _ uriLen: UnsafeMutablePointer<Int>?,
    _ recordId: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        let digestOut = try Buffers.requireOutput(ciphertextSHA256, "ciphertext_sha256")
        let heightOut = try Arguments.output(height, "height")
        guard ownerLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "owner_len is NULL") }
        guard uriLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "uri_len is NULL") }
        let id = try id32(recordId, "record_id")
        guard let info = l.record(id: id) else { throw CABIFailure(EHR_ERR_NOT_FOUND, "no record with this id") }
        Buffers.write(info.ciphertextSHA256, to: digestOut)
        heightOut.pointee = info.height
        // Both lengths are reported even when the first buffer is short, so one failed
        // call tells the host how much to allocate for each.
        var tooSmall: Error?
        do { try Buffers.writeVariable(info.owner, to: owner, capacity: ownerCap, length: ownerLen) } catch {
            tooSmall = error
        }
        try Buffers.writeVariable(info.storageURI, to: uri, capacity: uriCap, length: uriLen)
        if let tooSmall { throw tooSmall }
    }
}

@_cdecl("ehr_ledger_grant")
public func ehr_ledger_grant(
    _ ledger: OpaquePointer?, _ revoked: UnsafeMutablePointer<UInt8>?, _ expiresAt: UnsafeMutablePointer<UInt64>?,
    _ recordId: UnsafePointer<UInt8>?, _ identity: UnsafePointer<UInt8>?, _ identityLen: Int
) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        let revokedOut = try Arguments.output(revoked, "revoked")
        let expiresOut = try Arguments.output(expiresAt, "expires_at")
        let id = try id32(recordId, "record_id")
        let who = try Arguments.identity(identity, identityLen, "identity").bytes
        guard l.record(id: id) != nil else { throw CABIFailure(EHR_ERR_NOT_FOUND, "no record with this id") }
        guard let grant = l.grant(record: id, identity: who) else {
            throw CABIFailure(EHR_ERR_NOT_FOUND, "the identity was never granted access to this record")
        }
        revokedOut.pointee = grant.revoked ? 1 : 0
        expiresOut.pointee = grant.expiresAt ?? 0
    }
}

@_cdecl("ehr_ledger_get_request")
public func ehr_ledger_get_request(
    _ ledger: OpaquePointer?, _ recordId: UnsafeMutablePointer<UInt8>?, _ height: UnsafeMutablePointer<UInt64>?,
    _ receipts: UnsafeMutablePointer<Int>?, _ requester: UnsafeMutablePointer<UInt8>?, _ requesterCap: Int,
    _ requesterLen: UnsafeMutablePointer<Int>?, _ proxies: UnsafeMutablePointer<UInt16>?, _ proxiesCap: Int,
    _ proxiesLen: UnsafeMutablePointer<Int>?, _ requestId: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        let recordOut = try Buffers.requireOutput(recordId, "record_id")
        let heightOut = try Arguments.output(height, "height")
        let receiptsOut = try Arguments.output(receipts, "receipts")
        guard requesterLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "requester_len is NULL") }
        guard proxiesLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "proxies_len is NULL") }
        let id = try id32(requestId, "request_id")
        guard let info = l.request(id: id) else { throw CABIFailure(EHR_ERR_NOT_FOUND, "no accepted request with this id") }
        Buffers.write(info.recordId, to: recordOut)
        heightOut.pointee = info.height
        receiptsOut.pointee = info.receipts.count
        // As in ehr_ledger_get_record: both sizes are reported by one failed call.
        var tooSmall: Error?
        do { try Buffers.writeVariable(info.requester, to: requester, capacity: requesterCap, length: requesterLen) } catch {
            tooSmall = error
        }
        try Buffers.writeArray(info.proxies, to: proxies, capacity: proxiesCap, length: proxiesLen)
        if let tooSmall { throw tooSmall }
    }
}

@_cdecl("ehr_ledger_get_request_receipt")
public func ehr_ledger_get_request_receipt(
    _ ledger: OpaquePointer?, _ reencryptedSHA256: UnsafeMutablePointer<UInt8>?, _ requestId: UnsafePointer<UInt8>?,
    _ proxy: UInt16
) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        let out = try Buffers.requireOutput(reencryptedSHA256, "reencrypted_sha256")
        let id = try id32(requestId, "request_id")
        guard let info = l.request(id: id) else { throw CABIFailure(EHR_ERR_NOT_FOUND, "no accepted request with this id") }
        guard let hash = info.receipts[proxy] else {
            throw CABIFailure(EHR_ERR_NOT_FOUND, "node \(proxy) has no receipt for this request")
        }
        Buffers.write(hash, to: out)
    }
}

@_cdecl("ehr_ledger_fetch_envelope")
public func ehr_ledger_fetch_envelope(
    _ ledger: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ store: OpaquePointer?, _ recordId: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let l = try ledgerOf(ledger)
        guard outLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        let s = try Handles.borrow(store, as: StoreHandle.self, "store").store
        let id = try id32(recordId, "record_id")
        try Buffers.writeVariable(try l.fetchEnvelope(recordId: id, from: s), to: out, capacity: outCap, length: outLen)
    }
}
