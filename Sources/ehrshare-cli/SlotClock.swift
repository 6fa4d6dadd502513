// SPDX-License-Identifier: Apache-2.0
import Synchronization

/// The node's ledger clock: blocks sit on the slot grid and the CLI produces them back to back,
/// so ledger time is the timestamp of the slot being produced (as in the demo), not the wall clock.
final class SlotClock: Sendable {
    private let millis: Mutex<UInt64>
    init(_ start: UInt64) { millis = Mutex(start) }
    var now: UInt64 { millis.withLock { $0 } }
    func set(_ t: UInt64) { millis.withLock { $0 = t } }
    var closure: @Sendable () -> UInt64 { { [self] in self.now } }
}
