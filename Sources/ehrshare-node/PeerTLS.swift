// SPDX-License-Identifier: Apache-2.0
import EhrStore
import EhrWire
import Logging
import NIOCore
import NIOSSL

/// The TLS side of the peer transport: TLS 1.3 only, mutual authentication, and
/// certificates pinned by genesis instead of checked against a CA.
///
/// Both sides present their certificate and both verify the other's in a custom
/// verification callback: the leaf's SPKI fingerprint must be one genesis lists (the
/// binding signature by the node key was checked when genesis was loaded). An outbound
/// connection additionally requires the fingerprint of the index it dialled. The hello that
/// follows must claim the same index the certificate proved (`PeerHandler`).
struct PeerTLS {
    let serverContext: NIOSSLContext
    let clientContext: NIOSSLContext
    let consortium: ConsortiumGenesis.Checked

    init(certificatePath: String, keyPath: String, consortium: ConsortiumGenesis.Checked) throws {
        self.consortium = consortium
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(certificatePath).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
            // The peers' own certificates are the only trust roots; the callback decides anyway.
            let roots = try consortium.file.peers.map {
                try NIOSSLCertificate(bytes: Array($0.tlsCertificate.utf8), format: .pem)
            }
            var server = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
            server.minimumTLSVersion = .tlsv13
            // Any mode but .none makes the server demand a client certificate.
            server.certificateVerification = .noHostnameVerification
            server.trustRoots = .certificates(roots)
            var client = TLSConfiguration.makeClientConfiguration()
            client.certificateChain = chain
            client.privateKey = .privateKey(key)
            client.minimumTLSVersion = .tlsv13
            client.certificateVerification = .noHostnameVerification
            client.trustRoots = .certificates(roots)
            serverContext = try NIOSSLContext(configuration: server)
            clientContext = try NIOSSLContext(configuration: client)
        } catch {
            throw NodeFailure("cannot set up TLS from \(certificatePath) and \(keyPath): \(error)")
        }
    }

    /// The callback for one connection; on success it records the proven index in `identity`.
    func verifier(identity: PeerIdentity, logger: Logger, onRefuse: @escaping (String) -> Void)
        -> NIOSSLCustomVerificationCallback
    {
        let consortium = self.consortium
        return { certificates, promise in
            guard let leaf = certificates.first, let fp = try? TLSIdentity.fingerprint(leaf) else {
                onRefuse("no usable certificate")
                promise.succeed(.failed)
                return
            }
            guard let index = consortium.index(ofFingerprint: fp) else {
                onRefuse("certificate \(Hex.short(fp)) is not in genesis")
                promise.succeed(.failed)
                return
            }
            if let expected = identity.expected, expected != index {
                onRefuse("dialled node \(expected) but the certificate is node \(index)'s")
                promise.succeed(.failed)
                return
            }
            identity.index = index
            promise.succeed(.certificateVerified)
        }
    }
}
