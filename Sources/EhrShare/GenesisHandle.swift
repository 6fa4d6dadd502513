// SPDX-License-Identifier: Apache-2.0
import EhrLedger

/// What an `ehr_genesis *` points to: a genesis being assembled node by node
/// (`ehr_genesis_new`, `ehr_genesis_add_node`) or decoded from bytes. It is checked as a
/// whole (`Genesis.validate`) whenever it is encoded or hashed.
final class GenesisHandle {
    var genesis: Genesis

    init(_ genesis: Genesis) { self.genesis = genesis }
}
