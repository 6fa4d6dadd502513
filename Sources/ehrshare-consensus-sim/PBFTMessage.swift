// SPDX-License-Identifier: Apache-2.0
import EhrLedger

/// A signed PBFT message (Castro–Liskov 1999), encoded as
/// type u8 ‖ view u64 ‖ seq u64 ‖ digest[32] ‖ replica u16 ‖ payload (u32 length) ‖ Ed25519 signature[64].
/// The signature covers everything before it; every receiver verifies it with the sender's
/// node key, so the CPU cost of authenticated messages is real.
struct PBFTMessage {
    enum Kind: UInt8 {
        case prePrepare = 1
        case prepare = 2
        case commit = 3
        /// payload = prepared certificates: (seq u64 ‖ view u64 ‖ digest[32] ‖ batch blob)×n, plus lastExecuted in seq.
        case viewChange = 4
        /// payload = the 2f+1 encoded view-change messages (blob each) that justify the view.
        case newView = 5
    }

    var kind: Kind
    var view: UInt64
    var seq: UInt64
    var digest: [UInt8]
    var replica: UInt16
    var payload: [UInt8]
    var signature: [UInt8] = []

    private var signedPart: [UInt8] {
        var w = WireWriter()
        w.u8(kind.rawValue)
        w.u64(view)
        w.u64(seq)
        w.raw(digest)
        w.u16(replica)
        w.blob(payload)
        return w.bytes
    }

    /// Signs with the replica's node key and returns the wire bytes.
    func signedEncoding(key: NodeSigningKey) -> [UInt8]? {
        let body = signedPart
        guard let sig = try? key.sign(body) else { return nil }
        return body + sig
    }

    /// Decodes and verifies the signature against `keys[replica]`; nil if either fails.
    static func decodeVerified(_ bytes: [UInt8], keys: [NodeSigningKey]) -> PBFTMessage? {
        var r = WireIn(raw: bytes)
        guard let k = (try? r.u8("field")), let kind = Kind(rawValue: k), let view = (try? r.u64("field")), let seq = (try? r.u64("field")),
            let digest = (try? r.raw(32, "field")), let replica = (try? r.u16("field")), Int(replica) < keys.count, let payload = (try? r.blob("payload", limit: simMaxBlob))
        else { return nil }
        let signedLength = bytes.count - r.remaining
        guard let sig = (try? r.raw(64, "field")), r.remaining == 0,
            Ed25519.verify(publicKey: keys[Int(replica)].publicKey, message: Array(bytes[0..<signedLength]), signature: sig)
        else { return nil }
        return PBFTMessage(kind: kind, view: view, seq: seq, digest: digest, replica: replica, payload: payload, signature: sig)
    }
}
