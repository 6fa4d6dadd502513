// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrCurve
import EhrLedger
import EhrNode
import EhrProtocol

// MARK: - Signing identity transactions (include/ehrshare_ledger.h)
//
// The C face of EhrNode's `IdentityTransactionSigner` (the one signer of identity
// transactions, shared with the CLI, the demo and ehrshare-node): this file only reads the
// caller's bytes, sizes the output before any key is used, and writes the result.

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
        let parts: IdentityTransactionSigner.Parts
        let envelopeSize: Int
        do throws(NodeError) {
            parts = try IdentityTransactionSigner.parts(decoded)
            envelopeSize = try IdentityTransactionSigner.envelopeSize(decoded, genesisHash: chain)
        } catch {
            throw CABIFailure(EHR_ERR_PARAM, error.description)
        }
        let identity = try Identity(validating: parts.identity)

        // The envelope's size is fixed by its fields, so a short buffer is reported before
        // the (pairing-checked) key is used: a size query signs nothing.
        let needed = parts.withSignature([UInt8](repeating: 0, count: envelopeSize)).encoded.count
        guard let out, outCap >= needed else {
            outLen.pointee = needed
            throw CABIFailure(EHR_ERR_BUFFER_TOO_SMALL, "output needs \(needed) bytes, capacity is \(outCap)")
        }
        let context = try PREContext(masterPublicKey: y)
        // The checked constructor proves e(sks, -g2)·e(H1s(id), y) = 1, so a wrong key is
        // EHR_ERR_VERIFY here instead of a transaction every ledger would refuse.
        let key = try IdentitySigningKey(identity: identity, key: try G1Affine(compressed: secret), context: context)
        let signed = try IdentityTransactionSigner.sign(decoded, key: key, context: context, genesisHash: chain)
        try Buffers.writeVariable(
            signed.encoded, to: out, capacity: outCap, length: outLen)
    }
}
