// SPDX-License-Identifier: Apache-2.0

/// One node's configuration file (`run --config node.json`).
///
/// `dataDir` is the directory keygen filled (keys, certificate) and where the ledger lives.
struct NodeConfig: Codable {
    var dataDir: String
    /// host:port to accept peers on.
    var listen: String
    /// This node's index in genesis.
    var index: UInt16
    /// Path of the genesis file of the ceremony.
    var genesis: String
    /// Port of the HTTP endpoint (/metrics, /health, /status, POST /tx) on `metricsHost`.
    var metricsPort: Int
    var metricsHost: String?
    /// trace, debug, info, notice, warning, error, critical.
    var logLevel: String?
    /// Peer messages per second a connection may send before it is cut off (burst: 4×).
    var peerMessagesPerSecond: Int?
    /// Peer bytes per second a connection may send (burst: 4×).
    var peerBytesPerSecond: Int?
}
