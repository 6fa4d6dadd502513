// SPDX-License-Identifier: Apache-2.0
import EhrPairing

/// Key and associated data of the hybrid envelope (PROTOCOL.md §7, steps 2–3).
enum EnvelopeKeySchedule {
    /// Record contexts above 64 KiB are refused (a ledger record id, a content
    /// type and a hash fit many times over), which also bounds the header a
    /// streaming reader must buffer.
    static let maxContextBytes = 65536

    /// `K = HKDF-SHA256(salt = "EHRSHARE-V1-DEM", IKM = GTbytes(m), info = "AES-256-GCM key" ‖ enc(c1), L = 32)`.
    /// Binding `c1` (which fixes `r`) with `m` commits to the whole level-1
    /// capsule, and it survives re-encryption, which only rewrites `c2`.
    static func key(m: GT, c1: [UInt8]) throws(ProtocolError) -> [UInt8] {
        var ikm = m.bytes
        defer { wipeSecret(&ikm) }
        return try ProtocolError.lifting { () throws(CryptoError) in
            try HkdfSha256.derive(ikm: ikm, salt: DomainTags.demSalt, info: DomainTags.demInfo + c1, length: 32)
        }
    }

    /// `AD = "EHRS" ‖ 0x01 ‖ 0x30 ‖ u16len‖id ‖ u32len‖ctx ‖ enc(c1) ‖ N`, `id` the original owner.
    static func associatedData(owner: Identity, recordContext: [UInt8], c1: [UInt8], nonce: [UInt8]) -> [UInt8] {
        var w = WireWriter(type: .aeadAD)
        w.id(owner.bytes)
        w.blob(recordContext)
        w.raw(c1)
        w.raw(nonce)
        return w.bytes
    }
}
