// SPDX-License-Identifier: Apache-2.0

/// The Prometheus text exposition (format 0.0.4) of a node's state.
enum NodeMetrics {
    static func render(_ core: NodeCore) -> String {
        let ledger = core.ledger
        let c = core.counters
        var out = ""
        func metric(_ name: String, _ type: String, _ help: String, _ value: UInt64) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n\(name) \(value)\n"
        }
        metric("ehr_node_height", "gauge", "Height of the canonical tip.", ledger.height)
        metric("ehr_node_irreversible_height", "gauge", "Height of the last irreversible block.", ledger.lastIrreversibleHeight)
        metric("ehr_node_slot", "gauge", "Slot running now on the genesis grid.", core.clock.currentSlot)
        metric("ehr_node_peers", "gauge", "Authenticated peer connections.", UInt64(core.peers.count))
        metric("ehr_node_missed_slots_total", "counter", "Slots the canonical chain records as missed (all producers).",
               core.chainMissedSlots)
        metric("ehr_node_skipped_own_slots_total", "counter", "Own slots this node did not fill.", c.skippedOwnSlots)
        metric("ehr_node_produced_blocks_total", "counter", "Blocks this node produced.", c.producedBlocks)
        metric("ehr_node_received_blocks_total", "counter", "Gossiped blocks accepted.", c.receivedBlocks)
        metric("ehr_node_synced_blocks_total", "counter", "Blocks accepted from range sync.", c.syncedBlocks)
        metric("ehr_node_reorganizations_total", "counter", "Fork switches.", c.reorganizations)
        metric("ehr_node_pool_transactions", "gauge", "Transactions in the pool.", UInt64(core.pool.count))
        metric("ehr_node_pool_bytes", "gauge", "Bytes of the pooled transactions.", UInt64(core.pool.bytes))
        metric("ehr_node_accepted_transactions_total", "counter", "Transactions admitted to the pool.", c.acceptedTransactions)
        metric("ehr_node_peer_violations_total", "counter", "Peers disconnected for invalid data or flooding.", c.peerViolations)
        metric("ehr_node_refused_connections_total", "counter", "Connections refused at TLS or hello.", c.refusedConnections)
        return out
    }
}
