// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrCurve
import EhrLedger
import EhrNode
import EhrProtocol

// MARK: - Opening, auditing, submitting (include/ehrshare.h, "Ledger and record store")

@_cdecl("ehr_ledger_open")
public func ehr_ledger_open(
    _ out: UnsafeMutablePointer<OpaquePointer?>?, _ path: UnsafePointer<CChar>?, _ genesis: UnsafePointer<UInt8>?,
    _ genesisLen: Int, _ masterPublicKey: UnsafePointer<UInt8>?, _ recovery: ehr_recovery
) -> ehr_status {
    cabiCall {
        try Handles.prepare(out, "out")
        let file = try Arguments.string(path, "path")
        let genesisBytes = try Arguments.bytes(genesis, genesisLen, "genesis")
        let mode: Ledger.Recovery
        switch recovery {
        case EHR_RECOVERY_TAIL_ONLY: mode = .tailOnly
        case EHR_RECOVERY_NONE: mode = .none
        case EHR_RECOVERY_TRUNCATE: mode = .truncate
        default: throw CABIFailure(EHR_ERR_PARAM, "recovery \(recovery.rawValue) is not an ehr_recovery value")
        }
        let context: PREContext?
        if let masterPublicKey {
            // Full §11 decoding (canonical, on curve, in G2, not the identity) first, so a bad
            // key gets the decoder's status rather than a generic one.
            let y = try G2Affine(compressed: Buffers.read(masterPublicKey, Int(EHR_G2_BYTES), "master_public_key"))
            context = try PREContext(masterPublicKey: y)
        } else {
            context = nil
        }
        let stated = genesisBytes.isEmpty ? nil : try Genesis.decode(genesisBytes)
        let ledger = try Ledger.open(
            path: file, genesis: stated, verifier: LedgerSignatureVerifier(context: context),
            clock: LedgerHandle.systemClock, recovery: mode)
        try Handles.make(LedgerHandle(ledger), out, "out")
    }
}

@_cdecl("ehr_ledger_free")
public func ehr_ledger_free(_ ledger: OpaquePointer?) {
    Handles.release(ledger, as: LedgerHandle.self)
}

@_cdecl("ehr_ledger_get_open_report")
public func ehr_ledger_get_open_report(
    _ ledger: OpaquePointer?, _ blocksVerified: UnsafeMutablePointer<UInt64>?,
    _ truncatedFrom: UnsafeMutablePointer<UInt64>?, _ reason: UnsafeMutablePointer<UInt8>?, _ reasonCap: Int,
    _ reasonLen: UnsafeMutablePointer<Int>?
) -> ehr_status {
    cabiCall {
        let h = try Handles.borrow(ledger, as: LedgerHandle.self, "ledger")
        let verified = try Arguments.output(blocksVerified, "blocks_verified")
        let truncated = try Arguments.output(truncatedFrom, "truncated_from")
        let report = h.ledger.openReport
        verified.pointee = report.blocksVerified
        truncated.pointee = report.truncatedFrom ?? 0
        try Buffers.writeVariable(
            Array((report.truncationReason ?? "").utf8), to: reason, capacity: reasonCap, length: reasonLen)
    }
}

@_cdecl("ehr_ledger_verify")
public func ehr_ledger_verify(_ ledger: OpaquePointer?, _ blocksVerified: UnsafeMutablePointer<UInt64>?) -> ehr_status {
    cabiCall {
        let h = try Handles.borrow(ledger, as: LedgerHandle.self, "ledger")
        let verified = try Arguments.output(blocksVerified, "blocks_verified")
        verified.pointee = try h.ledger.verifyStoredChain()
    }
}

@_cdecl("ehr_ledger_submit")
public func ehr_ledger_submit(
    _ ledger: OpaquePointer?, _ txId: UnsafeMutablePointer<UInt8>?, _ tx: UnsafePointer<UInt8>?, _ txLen: Int
) -> ehr_status {
    cabiCall {
        let h = try Handles.borrow(ledger, as: LedgerHandle.self, "ledger")
        let idOut = try Buffers.requireOutput(txId, "tx_id")
        guard tx != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "tx is NULL") }
        let transaction = try Transaction.decode(try Arguments.bytes(tx, txLen, "tx"))
        Buffers.write(try h.submit(transaction), to: idOut)
    }
}

@_cdecl("ehr_ledger_get_pool_count")
public func ehr_ledger_get_pool_count(_ ledger: OpaquePointer?, _ count: UnsafeMutablePointer<Int>?) -> ehr_status {
    cabiCall {
        let h = try Handles.borrow(ledger, as: LedgerHandle.self, "ledger")
        try Arguments.output(count, "count").pointee = h.pool.count
    }
}

// MARK: - Blocks

@_cdecl("ehr_block_make")
public func ehr_block_make(
    _ ledger: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ key: OpaquePointer?, _ producer: UInt16, _ slot: UInt64
) -> ehr_status {
    cabiCall {
        let h = try Handles.borrow(ledger, as: LedgerHandle.self, "ledger")
        guard outLen != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        let k = try Handles.borrow(key, as: NodeKeyHandle.self, "key")
        let block = try h.makeBlock(key: k.key, producer: producer, slot: slot)
        try Buffers.writeVariable(block.encoded, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_block_append")
public func ehr_block_append(
    _ ledger: OpaquePointer?, _ result: UnsafeMutablePointer<ehr_append_result>?, _ block: UnsafePointer<UInt8>?,
    _ blockLen: Int
) -> ehr_status {
    cabiCall {
        let h = try Handles.borrow(ledger, as: LedgerHandle.self, "ledger")
        let resultOut = try Arguments.output(result, "result")
        guard block != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "block is NULL") }
        switch try h.append(try Arguments.bytes(block, blockLen, "block")) {
        case .extended: resultOut.pointee = EHR_APPEND_EXTENDED
        case .reorganized: resultOut.pointee = EHR_APPEND_REORGANIZED
        case .sideBranch: resultOut.pointee = EHR_APPEND_SIDE_BRANCH
        }
    }
}

@_cdecl("ehr_block_append_batch")
public func ehr_block_append_batch(
    _ ledger: OpaquePointer?, _ appended: UnsafeMutablePointer<Int>?, _ blocks: UnsafePointer<UInt8>?,
    _ blocksLen: Int
) -> ehr_status {
    cabiCall {
        let h = try Handles.borrow(ledger, as: LedgerHandle.self, "ledger")
        let appendedOut = try Arguments.output(appended, "appended")
        appendedOut.pointee = 0
        guard blocks != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "blocks is NULL") }
        let packed = try Arguments.bytes(blocks, blocksLen, "blocks")
        // (u32 big-endian length ‖ block) repeated; a block that does not decode ends the run
        // like any other refused block, so the blocks before it are still appended.
        var run: [Block] = []
        var decodeFailure: Error?
        var at = 0
        while at < packed.count {
            guard packed.count - at >= 4 else {
                throw CABIFailure(EHR_ERR_PARAM, "blocks: a length prefix is cut short at byte \(at)")
            }
            let n = packed[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) }
            guard packed.count - at - 4 >= n else {
                throw CABIFailure(EHR_ERR_PARAM, "blocks: block \(run.count) is cut short at byte \(at)")
            }
            do {
                run.append(try Block.decode(Array(packed[(at + 4)..<(at + 4 + n)])))
            } catch {
                decodeFailure = error
                break
            }
            at += 4 + n
        }
        var rejection: Rejection?
        if !run.isEmpty {
            let result = try h.appendBatch(run)
            appendedOut.pointee = result.appended
            rejection = result.rejection
        }
        if let rejection { throw LedgerError.rejected(rejection) }
        if let decodeFailure { throw decodeFailure }
    }
}
