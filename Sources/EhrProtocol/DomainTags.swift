// SPDX-License-Identifier: Apache-2.0

/// Domain separation tags of PROTOCOL.md §3, as bytes. Each hash in the
/// protocol has its own tag so that no output of one can be replayed as an
/// input of another (RFC 9380 §3.1).
public enum DomainTags {
    private static func b(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// H1e: identity → G1, decryption keys.
    public static let h1Enc = b("EHRSHARE-V1-H1ENC_BLS12381G1_XMD:SHA-256_SSWU_RO_")
    /// H1s: identity → G1, signing keys.
    public static let h1Sig = b("EHRSHARE-V1-H1SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_")
    /// H2: GT bytes → G1 (re-encryption keys).
    public static let h2 = b("EHRSHARE-V1-H2GT_BLS12381G1_XMD:SHA-256_SSWU_RO_")
    /// The Pedersen base h of the DKG, hashed to G2.
    public static let pedersen = b("EHRSHARE-V1-PEDERSEN_BLS12381G2_XMD:SHA-256_SSWU_RO_")
    public static let pedersenMessage = b("EHRSHARE Pedersen generator h")
    /// Signature challenge and hedged nonce (Cha–Cheon, PROTOCOL.md §9).
    public static let sigChallenge = b("EHRSHARE-V1-SIGCHAL_BLS12381FR_XMD:SHA-256_")
    public static let sigNonce = b("EHRSHARE-V1-SIGNONCE_BLS12381FR_XMD:SHA-256_")
    /// Proof of the blinded issuance (PROTOCOL.md §5).
    public static let blindProof = b("EHRSHARE-V1-BLINDPOK_BLS12381FR_XMD:SHA-256_")
    /// Master public key fingerprint prefix: fp = SHA-256("EHRSHARE-V1-MPK" ‖ enc(y)).
    public static let mpkFingerprint = b("EHRSHARE-V1-MPK")
    /// Hybrid envelope (PROTOCOL.md §7).
    public static let demSalt = b("EHRSHARE-V1-DEM")
    public static let demInfo = b("AES-256-GCM key")
}
