// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrCurve
import EhrLedger
import EhrProtocol

// MARK: - Signing identity transactions (include/ehrshare.h, "Ledger and record store")
//
// The other half of `LedgerSignatureVerifier`: the SIGNED envelope (purpose 2, signer = the
// transaction's identity, payload = its signing message) becomes the transaction's signature
// field. The envelope carries the transaction's own timestamp and nonce, so the two never
// disagree; the Cha–Cheon nonce k is hedged random, so two signatures of one transaction
// differ (their sizes do not).

/// The identity, signing message and a copy with another signature, for the three kinds of
/// transaction that carry an identity signature.
private func identityParts(_ tx: Transaction) throws
    -> (identity: [UInt8], timestamp: UInt64, nonce: [UInt8], withSignature: ([UInt8]) -> Transaction)
{
    switch tx {
    case var .record(t):
        return (t.owner, t.timestamp, t.nonce, { t.signature = $0; return .record(t) })
    case var .policy(t):
        return (t.owner, t.timestamp, t.nonce, { t.signature = $0; return .policy(t) })
    case var .request(t):
        return (t.requester, t.timestamp, t.nonce, { t.signature = $0; return .request(t) })
    case .register, .vote, .receipt, .dkg:
        throw CABIFailure(EHR_ERR_PARAM, "a \(tx.kind) transaction is signed with node keys, not an identity key")
    }
}

@_cdecl("ehr_tx_sign_identity")
public func ehr_tx_sign_identity(
    _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int, _ outLen: UnsafeMutablePointer<Int>?,
    _ signingKey: UnsafePointer<UInt8>?, _ masterPublicKey: UnsafePointer<UInt8>?,
    _ genesisHash: UnsafePointer<UInt8>?, _ tx: UnsafePointer<UInt8>?, _ txLen: Int
) -> ehr_status {
    cabiCall {
        guard let outLen else { throw CABIFailure(EHR_ERR_NULL_POINTER, "out_len is NULL") }
        var secret = try Buffers.read(signingKey, Int(EHR_G1_BYTES), "signing_key")
        defer { wipeSecret(&secret) }
        let y = try G2Affine(compressed: Buffers.read(masterPublicKey, Int(EHR_G2_BYTES), "master_public_key"))
        let chain = try Buffers.read(genesisHash, Int(EHR_HASH_BYTES), "genesis_hash")
        guard tx != nil else { throw CABIFailure(EHR_ERR_NULL_POINTER, "tx is NULL") }
        let decoded = try Transaction.decode(try Arguments.bytes(tx, txLen, "tx"))
        let parts = try identityParts(decoded)
        let message = decoded.signingMessage(genesisHash: chain)
        let identity = try Identity(validating: parts.identity)

        // The envelope's size is fixed by its fields, so a short buffer is reported before
        // the (pairing-checked) key is used: a size query signs nothing.
        let envelopeSize = 6 + 1 + 32 + 2 + parts.identity.count + 8 + 16 + 4 + message.count + 2 * Int(EHR_G1_BYTES)
        let needed = parts.withSignature([UInt8](repeating: 0, count: envelopeSize)).encoded.count
        guard let out, outCap >= needed else {
            outLen.pointee = needed
            throw CABIFailure(EHR_ERR_BUFFER_TOO_SMALL, "output needs \(needed) bytes, capacity is \(outCap)")
        }
        let context = try PREContext(masterPublicKey: y)
        // The checked constructor proves e(sks, -g2)·e(H1s(id), y) = 1, so a wrong key is
        // EHR_ERR_VERIFY here instead of a transaction every ledger would refuse.
        let key = try IdentitySigningKey(identity: identity, key: try G1Affine(compressed: secret), context: context)
        let envelope = try SignedMessage.sign(
            purpose: .ledgerTransaction, payload: message, key: key, context: context, timestamp: parts.timestamp,
            nonce: parts.nonce)
        try Buffers.writeVariable(
            parts.withSignature(envelope.encoded).encoded, to: out, capacity: outCap, length: outLen)
    }
}
