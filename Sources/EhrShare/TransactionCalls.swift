// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrLedger
import EhrProtocol

// MARK: - Transaction builders (include/ehrshare.h, "Ledger and record store")
//
// The builders check field ranges the wire format cannot carry (a count that does not fit
// its length field, an identity over 1024 bytes) so the encoding is always decodable; the
// ledger's rules (sequence, stake, policy, …) are judged on submission.

/// Limits of docs/LEDGER.md §2.
private enum Limits {
    static let identity = 1024
    static let uri = 1024
    static let nodeName = 255
    static let blob = 1 << 20
}

private func genesisHashArgument(_ pointer: UnsafePointer<UInt8>?) throws -> [UInt8] {
    try Buffers.read(pointer, Int(EHR_HASH_BYTES), "genesis_hash")
}

/// Identities of identity transactions are checked as everywhere else in the C ABI
/// (1–1024 bytes of UTF-8, PROTOCOL.md §3): the ledger would refuse a non-UTF-8 one later,
/// and a builder must not write an encoding no node accepts.
private func identityArgument(_ pointer: UnsafePointer<UInt8>?, _ length: Int, _ name: String) throws -> [UInt8] {
    try Arguments.identity(pointer, length, name).bytes
}

private func signatureArgument(_ pointer: UnsafePointer<UInt8>?, _ length: Int) throws -> [UInt8] {
    try Arguments.bytes(pointer, length, "signature", max: Limits.blob)
}

private func nonceArgument(_ pointer: UnsafePointer<UInt8>?) throws -> [UInt8] {
    try Buffers.read(pointer, Int(EHR_TX_NONCE_BYTES), "nonce")
}

private func signingKey(_ handle: OpaquePointer?, _ name: String) throws -> NodeSigningKey {
    try Handles.borrow(handle, as: NodeKeyHandle.self, name).key
}

/// Parses the packed grant list of `ehr_tx_make_record`: (u16 length ‖ identity ‖ u64
/// expiry), big-endian, repeated to the end.
private func grantsArgument(_ pointer: UnsafePointer<UInt8>?, _ length: Int) throws -> [AccessGrant] {
    let bytes = try Arguments.bytes(pointer, length, "grants", max: Limits.blob)
    var grants: [AccessGrant] = []
    var at = 0
    func take(_ n: Int) throws -> ArraySlice<UInt8> {
        guard bytes.count - at >= n else {
            throw CABIFailure(EHR_ERR_PARAM, "grants: entry \(grants.count) is cut short at byte \(at)")
        }
        defer { at += n }
        return bytes[at..<(at + n)]
    }
    while at < bytes.count {
        let len = try take(2).reduce(0) { $0 << 8 | Int($1) }
        guard (1...Limits.identity).contains(len) else {
            throw CABIFailure(EHR_ERR_PARAM, "grants: entry \(grants.count) has an identity of \(len) bytes")
        }
        let identity = Array(try take(len))
        guard (try? Identity(validating: identity)) != nil else {
            throw CABIFailure(EHR_ERR_PARAM, "grants: entry \(grants.count): an identity must be valid UTF-8")
        }
        let expiry = try take(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        grants.append(AccessGrant(identity: identity, expiresAt: expiry == 0 ? nil : expiry))
    }
    guard grants.count <= Int(UInt16.max) else { throw CABIFailure(EHR_ERR_PARAM, "more than 65535 grants") }
    return grants
}

@_cdecl("ehr_tx_make_vote")
public func ehr_tx_make_vote(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?, _ key: OpaquePointer?,
    _ genesisHash: UnsafePointer<UInt8>?, _ voter: UInt16, _ sequence: UInt64, _ candidates: UnsafePointer<UInt16>?,
    _ count: Int
) -> ehr_status {
    cabiCall {
        let k = try signingKey(key, "key")
        let chain = try genesisHashArgument(genesisHash)
        let list = try Arguments.indices(candidates, count, "candidates", max: Int(UInt8.max))
        var tx = VoteTx(voter: voter, sequence: sequence, candidates: list)
        try tx.sign(with: k, genesisHash: chain)
        try Buffers.writeVariable(tx.encoded, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_tx_make_register")
public func ehr_tx_make_register(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ sponsorKey: OpaquePointer?, _ nodeKey: OpaquePointer?, _ genesisHash: UnsafePointer<UInt8>?,
    _ sponsor: UInt16, _ sponsorSequence: UInt64, _ name: UnsafePointer<UInt8>?, _ nameLen: Int, _ stake: UInt64
) -> ehr_status {
    cabiCall {
        let sk = try signingKey(sponsorKey, "sponsor_key")
        let nk = try signingKey(nodeKey, "node_key")
        let chain = try genesisHashArgument(genesisHash)
        guard name != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "name is NULL") }
        let nodeName = try Arguments.nonEmpty(name, nameLen, "name", max: Limits.nodeName)
        var tx = RegisterTx(
            sponsor: sponsor, sponsorSequence: sponsorSequence, name: nodeName, nodeKey: nk.publicKey, stake: stake)
        try tx.sign(sponsorKey: sk, nodeKey: nk, genesisHash: chain)
        try Buffers.writeVariable(tx.encoded, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_tx_make_receipt")
public func ehr_tx_make_receipt(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?, _ key: OpaquePointer?,
    _ genesisHash: UnsafePointer<UInt8>?, _ proxy: UInt16, _ requestId: UnsafePointer<UInt8>?,
    _ reencryptedSHA256: UnsafePointer<UInt8>?
) -> ehr_status {
    cabiCall {
        let k = try signingKey(key, "key")
        let chain = try genesisHashArgument(genesisHash)
        let request = try Buffers.read(requestId, Int(EHR_HASH_BYTES), "request_id")
        let digest = try Buffers.read(reencryptedSHA256, Int(EHR_HASH_BYTES), "reencrypted_sha256")
        var tx = ReceiptTx(proxy: proxy, requestId: request, reencryptedHash: digest)
        try tx.sign(with: k, genesisHash: chain)
        try Buffers.writeVariable(tx.encoded, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_tx_make_dkg")
public func ehr_tx_make_dkg(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?, _ key: OpaquePointer?,
    _ genesisHash: UnsafePointer<UInt8>?, _ sender: UInt16, _ sequence: UInt64, _ messageType: UInt8,
    _ payload: UnsafePointer<UInt8>?, _ payloadLen: Int
) -> ehr_status {
    cabiCall {
        let k = try signingKey(key, "key")
        let chain = try genesisHashArgument(genesisHash)
        let body = try Arguments.bytes(payload, payloadLen, "payload", max: Limits.blob)
        var tx = DKGTx(sender: sender, sequence: sequence, messageType: messageType, payload: body)
        try tx.sign(with: k, genesisHash: chain)
        try Buffers.writeVariable(tx.encoded, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_tx_make_record")
public func ehr_tx_make_record(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ owner: UnsafePointer<UInt8>?, _ ownerLen: Int, _ recordId: UnsafePointer<UInt8>?,
    _ ciphertextSHA256: UnsafePointer<UInt8>?, _ uri: UnsafePointer<UInt8>?, _ uriLen: Int,
    _ grants: UnsafePointer<UInt8>?, _ grantsLen: Int, _ timestampMs: UInt64, _ nonce: UnsafePointer<UInt8>?,
    _ signature: UnsafePointer<UInt8>?, _ signatureLen: Int
) -> ehr_status {
    cabiCall {
        let who = try identityArgument(owner, ownerLen, "owner")
        let id = try Buffers.read(recordId, Int(EHR_HASH_BYTES), "record_id")
        let digest = try Buffers.read(ciphertextSHA256, Int(EHR_HASH_BYTES), "ciphertext_sha256")
        guard uri != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "uri is NULL") }
        let address = try Arguments.nonEmpty(uri, uriLen, "uri", max: Limits.uri)
        let policy = try grantsArgument(grants, grantsLen)
        let tx = RecordTx(
            owner: who, recordId: id, ciphertextSHA256: digest, storageURI: address, grants: policy,
            timestamp: timestampMs, nonce: try nonceArgument(nonce), signature: try signatureArgument(signature, signatureLen))
        try Buffers.writeVariable(tx.encoded, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_tx_make_policy")
public func ehr_tx_make_policy(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ owner: UnsafePointer<UInt8>?, _ ownerLen: Int, _ recordId: UnsafePointer<UInt8>?, _ action: UInt8,
    _ subject: UnsafePointer<UInt8>?, _ subjectLen: Int, _ expiresAt: UInt64, _ timestampMs: UInt64,
    _ nonce: UnsafePointer<UInt8>?, _ signature: UnsafePointer<UInt8>?, _ signatureLen: Int
) -> ehr_status {
    cabiCall {
        let who = try identityArgument(owner, ownerLen, "owner")
        let id = try Buffers.read(recordId, Int(EHR_HASH_BYTES), "record_id")
        guard let kind = PolicyTx.Action(rawValue: action) else {
            throw CABIFailure(EHR_ERR_PARAM, "action must be 1 (grant) or 2 (revoke), got \(action)")
        }
        guard kind == .grant || expiresAt == 0 else { throw CABIFailure(EHR_ERR_PARAM, "a revoke must have expires_at 0") }
        let target = try identityArgument(subject, subjectLen, "subject")
        let tx = PolicyTx(
            owner: who, recordId: id, action: kind, subject: target, expiresAt: expiresAt == 0 ? nil : expiresAt,
            timestamp: timestampMs, nonce: try nonceArgument(nonce), signature: try signatureArgument(signature, signatureLen))
        try Buffers.writeVariable(tx.encoded, to: out, capacity: outCap, length: outLen)
    }
}

@_cdecl("ehr_tx_make_request")
public func ehr_tx_make_request(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ requester: UnsafePointer<UInt8>?, _ requesterLen: Int, _ recordId: UnsafePointer<UInt8>?, _ proxies: UInt8,
    _ timestampMs: UInt64, _ nonce: UnsafePointer<UInt8>?, _ signature: UnsafePointer<UInt8>?, _ signatureLen: Int
) -> ehr_status {
    cabiCall {
        let who = try identityArgument(requester, requesterLen, "requester")
        let id = try Buffers.read(recordId, Int(EHR_HASH_BYTES), "record_id")
        let tx = RequestTx(
            requester: who, recordId: id, proxyCount: proxies, timestamp: timestampMs, nonce: try nonceArgument(nonce),
            signature: try signatureArgument(signature, signatureLen))
        try Buffers.writeVariable(tx.encoded, to: out, capacity: outCap, length: outLen)
    }
}

// MARK: - Reading transactions

@_cdecl("ehr_tx_get_id")
public func ehr_tx_get_id(_ out: UnsafeMutablePointer<UInt8>?, _ tx: UnsafePointer<UInt8>?, _ txLen: Int) -> ehr_status {
    cabiCall {
        let idOut = try Buffers.requireOutput(out, "out")
        guard tx != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "tx is NULL") }
        let decoded = try Transaction.decode(try Arguments.bytes(tx, txLen, "tx"))
        Buffers.write(decoded.id, to: idOut)
    }
}

@_cdecl("ehr_tx_get_signing_message")
public func ehr_tx_get_signing_message(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ genesisHash: UnsafePointer<UInt8>?, _ tx: UnsafePointer<UInt8>?, _ txLen: Int
) -> ehr_status {
    cabiCall {
        let chain = try genesisHashArgument(genesisHash)
        guard tx != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "tx is NULL") }
        let decoded = try Transaction.decode(try Arguments.bytes(tx, txLen, "tx"))
        try Buffers.writeVariable(decoded.signingMessage(genesisHash: chain), to: out, capacity: outCap, length: outLen)
    }
}
