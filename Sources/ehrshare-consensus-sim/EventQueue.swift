// SPDX-License-Identifier: Apache-2.0

/// Discrete-event scheduler in simulated milliseconds.
///
/// Latency is read from this clock, never from the wall clock, so it does not depend on how
/// loaded the (shared) machine is. Events at the same time run in the order they were
/// scheduled (the sequence number breaks ties), which keeps every run deterministic.
final class EventQueue {
    private struct Event {
        let time: UInt64
        let order: UInt64
        let action: () -> Void
    }

    private var heap: [Event] = []
    private var counter: UInt64 = 0
    /// The current simulated time in milliseconds since the start of the run.
    private(set) var now: UInt64 = 0

    func schedule(at time: UInt64, _ action: @escaping () -> Void) {
        counter += 1
        heap.append(Event(time: max(time, now), order: counter, action: action))
        siftUp(heap.count - 1)
    }

    func schedule(after delay: UInt64, _ action: @escaping () -> Void) {
        schedule(at: now + delay, action)
    }

    /// Runs events until the queue is empty or the next one is later than `end`.
    func run(until end: UInt64) {
        while let first = heap.first, first.time <= end {
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                siftDown(0)
            }
            now = first.time
            first.action()
        }
        now = max(now, end)
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        heap[a].time != heap[b].time ? heap[a].time < heap[b].time : heap[a].order < heap[b].order
    }

    private func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard less(i, parent) else { return }
            heap.swapAt(i, parent)
            i = parent
        }
    }

    private func siftDown(_ start: Int) {
        var i = start
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var m = i
            if l < heap.count && less(l, m) { m = l }
            if r < heap.count && less(r, m) { m = r }
            if m == i { return }
            heap.swapAt(i, m)
            i = m
        }
    }
}
