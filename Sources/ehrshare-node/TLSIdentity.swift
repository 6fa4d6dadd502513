// SPDX-License-Identifier: Apache-2.0
import Crypto
import EhrWire
import Foundation
import NIOSSL
import X509

/// A node's TLS identity: a P-256 key and a self-signed certificate for it.
///
/// No certificate authority is involved: what makes a certificate acceptable is that the
/// SHA-256 of its SubjectPublicKeyInfo is the fingerprint genesis lists for the node's index,
/// and that fingerprint is signed by the node's Ed25519 key (`NodePublicInfo`). The
/// certificate only carries the key into the TLS handshake.
struct TLSIdentity {
    let certificatePEM: String
    let privateKeyPEM: String

    /// A fresh key and a ten-year self-signed certificate naming the node.
    static func generate(commonName: String) throws -> TLSIdentity {
        let key = P256.Signing.PrivateKey()
        let certKey = Certificate.PrivateKey(key)
        let name = try DistinguishedName {
            OrganizationName("libehrshare consortium")
            CommonName(commonName)
        }
        let now = Date()
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: certKey.publicKey,
            notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(10 * 365 * 86400),
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth, .clientAuth])
            },
            issuerPrivateKey: certKey)
        return TLSIdentity(certificatePEM: try certificate.serializeAsPEM().pemString,
                           privateKeyPEM: key.pemRepresentation)
    }

    /// SHA-256 of the certificate's SubjectPublicKeyInfo (the value genesis pins).
    static func fingerprint(certificatePEM: String) throws -> [UInt8] {
        do {
            let cert = try NIOSSLCertificate(bytes: Array(certificatePEM.utf8), format: .pem)
            return try fingerprint(cert)
        } catch let e as NodeFailure { throw e } catch {
            throw NodeFailure("not a PEM certificate: \(error)")
        }
    }

    static func fingerprint(_ certificate: NIOSSLCertificate) throws -> [UInt8] {
        EhrWire.SHA256.hash(try certificate.extractPublicKey().toSPKIBytes())
    }
}
