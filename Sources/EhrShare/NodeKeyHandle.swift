// SPDX-License-Identifier: Apache-2.0
import EhrLedger

/// What an `ehr_node_key *` points to. The Ed25519 seed stays inside `NodeSigningKey`,
/// whose storage wipes it when the last reference goes (here: `ehr_node_key_free`, unless a
/// ledger call is still using the key). Immutable, so `const` calls may share it.
final class NodeKeyHandle {
    let key: NodeSigningKey

    init(_ key: NodeSigningKey) { self.key = key }
}
