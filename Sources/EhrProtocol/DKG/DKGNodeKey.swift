// SPDX-License-Identifier: Apache-2.0

import EhrWire

/// An authority's long-term node keys, known to every other authority from the consortium
/// roster before the DKG starts (PROTOCOL.md §4: identity keys do not exist yet):
/// an Ed25519 key that signs every DKG message, and an X25519 key to which the other dealers
/// seal their private shares.
///
/// The two 32-byte secrets live in a private class that wipes them on release.
public struct DKGNodeKey: Sendable {
    private let secrets: NodeSecrets
    /// The public half, as it appears in the roster.
    public let publicKey: DKGNodePublicKey

    /// Keys from two 32-byte secrets (an Ed25519 seed and an X25519 private key).
    /// - Throws: `ProtocolError.param` for wrong lengths or secrets OpenSSL refuses.
    public init(signingSeed: [UInt8], agreementKey: [UInt8]) throws(ProtocolError) {
        guard let sigPub = Ed25519.publicKey(seed: signingSeed) else {
            throw .param("the Ed25519 node seed must be 32 bytes OpenSSL accepts")
        }
        guard let agrPub = X25519.publicKey(privateKey: agreementKey) else {
            throw .param("the X25519 node key must be 32 bytes OpenSSL accepts")
        }
        secrets = NodeSecrets(signing: signingSeed, agreement: agreementKey)
        publicKey = DKGNodePublicKey(uncheckedSigning: sigPub, agreement: agrPub)
    }

    /// Fresh node keys from OpenSSL's CSPRNG.
    /// - Throws: `ProtocolError.random` if the generator fails.
    public static func generate() throws(ProtocolError) -> DKGNodeKey {
        guard var s = try? SystemRandom.bytes(32), var a = try? SystemRandom.bytes(32) else { throw .random }
        defer {
            wipeSecret(&s)
            wipeSecret(&a)
        }
        return try DKGNodeKey(signingSeed: s, agreementKey: a)
    }

    /// Ed25519 signature on `message`.
    func sign(_ message: [UInt8]) throws(ProtocolError) -> [UInt8] {
        guard let sig = Ed25519.sign(seed: secrets.signing, message: message) else {
            throw .state("Ed25519 signing failed in OpenSSL")
        }
        return sig
    }

    /// X25519 with the node's agreement key.
    func agree(with peer: [UInt8]) -> [UInt8]? {
        X25519.sharedSecret(privateKey: secrets.agreement, peerPublicKey: peer)
    }
}

/// The public node keys of one authority: a roster entry.
public struct DKGNodePublicKey: Sendable, Hashable {
    /// Ed25519 public key (32 bytes), verifies the authority's DKG messages.
    public let signing: [UInt8]
    /// X25519 public key (32 bytes), receives sealed shares.
    public let agreement: [UInt8]

    /// Validates both keys (EhrWire: canonical and not of small order for Ed25519).
    /// - Throws: `ProtocolError.param` if either key is not 32 bytes or is refused.
    public init(signing: [UInt8], agreement: [UInt8]) throws(ProtocolError) {
        guard Ed25519.isValidPublicKey(signing) else {
            throw .param("roster Ed25519 key must be 32 valid bytes: canonical, not of small order")
        }
        guard X25519.isValidPublicKey(agreement) else {
            throw .param("roster X25519 key must be 32 valid bytes")
        }
        self.signing = signing
        self.agreement = agreement
    }

    init(uncheckedSigning signing: [UInt8], agreement: [UInt8]) {
        self.signing = signing
        self.agreement = agreement
    }
}

/// Owns the node secrets and wipes them when the last copy of the key goes away.
private final class NodeSecrets: @unchecked Sendable {
    // Immutable after init; the class exists for its deinit.
    private(set) var signing: [UInt8]
    private(set) var agreement: [UInt8]

    init(signing: [UInt8], agreement: [UInt8]) {
        self.signing = signing
        self.agreement = agreement
    }

    deinit {
        wipeSecret(&signing)
        wipeSecret(&agreement)
    }
}
