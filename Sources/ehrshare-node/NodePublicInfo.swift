// SPDX-License-Identifier: Apache-2.0
import EhrStore
import EhrLedger

/// What an institution exports after keygen and hands to the genesis ceremony: its name,
/// Ed25519 node key, TLS certificate and its SPKI fingerprint, reachable address and stake,
/// with the node key's signature binding the TLS key and the address to it.
///
/// The binding signature is what ties the transport to the ledger: a TLS certificate is
/// accepted for index i only if its fingerprint is the one node i's key signed, so a party
/// holding someone's certificate but not their node key cannot substitute its own.
struct NodePublicInfo: Codable, Equatable {
    var name: String
    /// Ed25519 public key (hex), the key genesis registers.
    var nodeKey: String
    /// Self-signed certificate (PEM).
    var tlsCertificate: String
    /// SHA-256 of the certificate's SubjectPublicKeyInfo (hex).
    var tlsFingerprint: String
    /// host:port the node listens on for peers.
    var address: String
    var stake: UInt64
    /// Ed25519 by `nodeKey` over `bindingMessage` (hex).
    var binding: String

    static let bindingTag = Array("EHRS-NODE-TLS-BINDING-V1".utf8)

    /// `tag ‖ len(name) u16 ‖ name ‖ fingerprint[32] ‖ len(address) u16 ‖ address`.
    static func bindingMessage(name: String, fingerprint: [UInt8], address: String) -> [UInt8] {
        let n = Array(name.utf8), a = Array(address.utf8)
        var m = bindingTag
        m += [UInt8(truncatingIfNeeded: n.count >> 8), UInt8(truncatingIfNeeded: n.count)] + n
        m += fingerprint
        m += [UInt8(truncatingIfNeeded: a.count >> 8), UInt8(truncatingIfNeeded: a.count)] + a
        return m
    }

    static func make(name: String, key: NodeSigningKey, certificatePEM: String, address: String,
                     stake: UInt64) throws -> NodePublicInfo {
        let fp = try TLSIdentity.fingerprint(certificatePEM: certificatePEM)
        let sig = try key.sign(bindingMessage(name: name, fingerprint: fp, address: address))
        return NodePublicInfo(name: name, nodeKey: Hex.encode(key.publicKey), tlsCertificate: certificatePEM,
                              tlsFingerprint: Hex.encode(fp), address: address, stake: stake, binding: Hex.encode(sig))
    }

    /// The decoded key and fingerprint after every check: hex, the certificate's real
    /// fingerprint, the binding signature, a parseable address.
    func verified() throws -> (key: [UInt8], fingerprint: [UInt8]) {
        guard let key = Hex.decode(nodeKey), key.count == 32 else { throw NodeFailure("\(name): nodeKey is not 32 hex bytes") }
        guard let fp = Hex.decode(tlsFingerprint), fp.count == 32 else {
            throw NodeFailure("\(name): tlsFingerprint is not 32 hex bytes")
        }
        guard let sig = Hex.decode(binding), sig.count == 64 else { throw NodeFailure("\(name): binding is not 64 hex bytes") }
        guard try TLSIdentity.fingerprint(certificatePEM: tlsCertificate) == fp else {
            throw NodeFailure("\(name): the certificate's SPKI fingerprint is not tlsFingerprint")
        }
        guard Ed25519.verify(publicKey: key, message: Self.bindingMessage(name: name, fingerprint: fp, address: address),
                             signature: sig)
        else { throw NodeFailure("\(name): the node key's binding signature over the TLS key and address is invalid") }
        guard HostPort(address) != nil else { throw NodeFailure("\(name): address \(address) is not host:port") }
        return (key, fp)
    }
}
