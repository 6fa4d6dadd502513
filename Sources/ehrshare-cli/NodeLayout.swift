// SPDX-License-Identifier: Apache-2.0
import EhrStore

/// File names inside a node directory.
struct NodeLayout {
    let dir: String
    static let storeName = "ehrshare-node"

    var genesis: String { dir + "/genesis.bin" }
    var ledger: String { dir + "/ledger.sqlite" }
    var records: String { dir + "/records.sqlite" }
    var lock: String { dir + "/.lock" }
    var config: String { dir + "/threshold" }
    var params: String { dir + "/PARAMS" }
    var authorities: String { dir + "/authorities" }
    var identities: String { dir + "/identities" }
    var requests: String { dir + "/requests" }
    /// Ed25519 ledger seed ‖ DKG Ed25519 seed ‖ DKG X25519 key (3 × 32 bytes).
    func authorityKey(_ k: Int) -> String { authorities + "/\(k).key" }
    /// index (2 bytes, big endian) ‖ x_k (32 bytes, big endian).
    func authorityShare(_ k: Int) -> String { authorities + "/\(k).share" }
    /// ske ‖ sks, compressed G1 points.
    func identityKey(_ id: [UInt8]) -> String { identities + "/" + Hex.encode(id) + ".key" }
    /// The requester's SIGNED access request, for the owner.
    func request(_ id: [UInt8]) -> String { requests + "/" + Hex.encode(id) + ".req" }
    /// The id of the last re-encrypted request of `requester` for `record`.
    func served(record: [UInt8], requester: [UInt8]) -> String {
        requests + "/" + Hex.encode(record) + "." + Hex.encode(requester) + ".served"
    }
}
