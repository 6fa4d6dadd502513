// SPDX-License-Identifier: Apache-2.0
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The node's clock on the slot grid of genesis (docs/LEDGER.md §3): slot s starts at
/// genesisTime + s·slotMillis, slot 0 being genesis itself.
///
/// A running node reads the wall clock. Tools that produce blocks back to back (the CLI, the
/// demo) pin the clock to the slot they are producing instead, so ledger time may run ahead
/// of the wall clock; `pin` and `unpin` switch between the two. The ledger takes `closure` as
/// its clock: its only use of time is refusing blocks from the future.
public final class SlotClock: Sendable {
    public let genesisTime: UInt64
    public let slotMillis: UInt64
    private let pinned: Mutex<UInt64?>
    private let source: @Sendable () -> UInt64

    /// - Parameter source: Unix milliseconds; the system clock unless a test gives another.
    public init(genesisTime: UInt64, slotMillis: UInt32, source: @escaping @Sendable () -> UInt64 = SlotClock.systemMillis) {
        self.genesisTime = genesisTime
        self.slotMillis = UInt64(max(1, slotMillis))
        self.source = source
        pinned = Mutex(nil)
    }

    /// Unix milliseconds from CLOCK_REALTIME.
    @Sendable public static func systemMillis() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return UInt64(max(ts.tv_sec, 0)) &* 1000 &+ UInt64(max(ts.tv_nsec, 0) / 1_000_000)
    }

    /// The time now: the pinned time if any, else the source's.
    public var now: UInt64 { pinned.withLock { $0 } ?? source() }

    /// Fixes the clock at `millis` until `unpin`.
    public func pin(_ millis: UInt64) { pinned.withLock { $0 = millis } }
    public func unpin() { pinned.withLock { $0 = nil } }

    /// The clock as the ledger takes it.
    public var closure: @Sendable () -> UInt64 { { [self] in self.now } }

    /// The slot running at `millis` (0 before the first slot).
    public func slot(at millis: UInt64) -> UInt64 {
        millis > genesisTime ? (millis - genesisTime) / slotMillis : 0
    }

    /// The slot running now.
    public var currentSlot: UInt64 { slot(at: now) }

    /// The start of `slot`, saturating instead of overflowing for absurd slots.
    public func start(of slot: UInt64) -> UInt64 {
        let (offset, o1) = slot.multipliedReportingOverflow(by: slotMillis)
        let (t, o2) = genesisTime.addingReportingOverflow(offset)
        return o1 || o2 ? UInt64.max : t
    }

    /// The slot a block built now on a tip at `tipSlot` would fill: the running slot, or the
    /// one after the tip if the tip already holds the running slot.
    public func nextBlockSlot(tipSlot: UInt64) -> UInt64 {
        max(tipSlot &+ 1, currentSlot)
    }

    /// Milliseconds from now until `slot` starts (0 if it has started).
    public func millisUntil(slot: UInt64) -> UInt64 {
        let t = start(of: slot)
        let n = now
        return t > n ? t - n : 0
    }
}
