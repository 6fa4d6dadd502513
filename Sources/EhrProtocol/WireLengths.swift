// SPDX-License-Identifier: Apache-2.0

/// Encoded sizes of the v1 objects whose length a caller needs before the object exists
/// (the C ABI's size queries: a seal, a signature or a key is computed once, into a buffer
/// of the right size). The layouts are those of PROTOCOL.md §10; they live here, next to
/// the encoders, so no other layer recomputes them.
public enum WireLengths {
    /// Compressed G1 and G2 points, canonical GT elements (PROTOCOL.md §3).
    public static let g1 = 48
    public static let g2 = 96
    public static let gt = 576
    /// AES-256-GCM nonce of an envelope header and the u64 body length after it (§7).
    static let envelopeNonce = 12
    static let bodyLength = 8

    /// A `u16 length ‖ id` field.
    public static func identityField(_ id: Identity) -> Int { 2 + id.bytes.count }

    /// CT1 = header ‖ id ‖ c1 (G2) ‖ c2 (GT)  (§10, type 0x21).
    public static func ciphertext1(owner: Identity) -> Int {
        Wire.headerBytes + identityField(owner) + g2 + gt
    }

    /// REKEY = header ‖ id_i ‖ id_j ‖ R1 (G2) ‖ R2 (GT) ‖ R3 (G1)  (§10, type 0x23).
    public static func reEncryptionKey(delegator: Identity, delegatee: Identity) -> Int {
        Wire.headerBytes + identityField(delegator) + identityField(delegatee) + g2 + gt + g1
    }

    /// REKEY_SHARE = REKEY with index, t' and n' (u16 each) before the secret part
    /// (docs/ENVELOPE.md §6, provisional type 0x25).
    public static func reEncryptionKeyShare(delegator: Identity, delegatee: Identity) -> Int {
        reEncryptionKey(delegator: delegator, delegatee: delegatee) + 3 * 2
    }

    /// SEALED1 header = header ‖ id ‖ ctx (u32 + bytes) ‖ c1 (G2) ‖ c2 (GT) ‖ N ‖ body length
    /// (§7, type 0x22); the chunked body follows.
    public static func sealed1Header(owner: Identity, recordContext: Int) -> Int {
        Wire.headerBytes + identityField(owner) + 4 + recordContext + g2 + gt + envelopeNonce + bodyLength
    }

    /// SIGNED = header ‖ purpose ‖ fp (32) ‖ id ‖ ts (u64) ‖ nonce ‖ payload (u32 + bytes)
    /// ‖ U (G1) ‖ V (G1)  (§9, type 0x31).
    public static func signed(signer: Identity, payload: Int) -> Int {
        Wire.headerBytes + 1 + 32 + identityField(signer) + 8 + SignedMessage.nonceBytes + 4 + payload + 2 * g1
    }

    /// PARTIAL_KEY and BLIND_PARTIAL = header ‖ fp (32) ‖ index (u16) ‖ id ‖ two G1 points
    /// (§5, §10 types 0x10 and 0x12): 138 bytes and the identity.
    public static func partialKey(identityBytes: Int) -> Int {
        Wire.headerBytes + 32 + 2 + 2 + identityBytes + 2 * g1
    }
}
