// SPDX-License-Identifier: Apache-2.0

/// The files of a node's data directory.
struct NodeDirectory {
    let dir: String

    /// Ed25519 seed (32 bytes), mode 0600.
    var nodeKey: String { NodeFiles.join(dir, "node.key") }
    /// TLS private key (PEM), mode 0600.
    var tlsKey: String { NodeFiles.join(dir, "tls-key.pem") }
    var tlsCertificate: String { NodeFiles.join(dir, "tls-cert.pem") }
    /// What the institution hands to the genesis ceremony.
    var publicInfo: String { NodeFiles.join(dir, "node-public.json") }
    /// Held with flock(2) by the running node, so two processes never share a directory.
    var lock: String { NodeFiles.join(dir, "node.lock") }
    /// The ledger database (SQLite, WAL).
    var ledger: String { NodeFiles.join(dir, "ledger.sqlite") }
}
