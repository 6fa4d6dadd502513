// SPDX-License-Identifier: Apache-2.0

/// The small, whole-copied part of the chain state: nodes, votes, tip and DPoS round.
///
/// It is snapshotted before every block (a few KiB for a consortium), which makes undo of
/// this part trivial; the large maps of `ChainState` are journaled entry by entry instead.
struct ChainCore: Sendable {
    var nodes: [NodeInfo]
    var nodeByName: [[UInt8]: UInt16]
    var nodeByKey: [[UInt8]: UInt16]
    /// Each voter's current approval list (absent = no vote).
    var votes: [UInt16: [UInt16]]
    var height: UInt64
    var tipHash: [UInt8]
    var tipTimestamp: UInt64
    var tipSlot: UInt64
    /// The round of the tip's slot and its active set (sorted) and shuffled schedule.
    var round: UInt64
    var active: [UInt16]
    var schedule: [UInt16]
    /// Every block's round beacon folded in (`RoundBeacon`); seeds the next round's schedule.
    var beaconSeed: [UInt8]
}
