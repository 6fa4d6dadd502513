// SPDX-License-Identifier: Apache-2.0
import Synchronization

/// The answers of parallel verification chunks, written by disjoint index ranges from
/// `DispatchQueue.concurrentPerform` workers and read after all of them returned. A `Mutex`
/// makes the writes safe without assuming anything about how the workers are scheduled.
final class ChunkAnswers: Sendable {
    private let answers: Mutex<[Bool]>

    init(count: Int) {
        answers = Mutex([Bool](repeating: false, count: count))
    }

    func set(_ values: [Bool], at start: Int) {
        answers.withLock { a in
            for (i, v) in values.enumerated() where start + i < a.count { a[start + i] = v }
        }
    }

    func value(_ index: Int) -> Bool {
        answers.withLock { index < $0.count ? $0[index] : false }
    }
}
