// SPDX-License-Identifier: Apache-2.0

/// Progress output, computed checks and step timings. Every check the demo prints is the
/// result of a computation made right before it; a failed check is remembered and turns the
/// exit status non-zero at the end (brief: "exits 0 only if every check passed").
final class Reporter {
    private(set) var failures: [String] = []
    private(set) var checks = 0
    private(set) var timings: [(step: String, nanos: UInt64)] = []
    private var stepStart: UInt64 = 0
    private var stepName = ""

    /// Starts step `number` with a title line.
    func step(_ number: Int, _ title: String) {
        stepName = "\(number). \(title)"
        print("")
        print("== \(stepName) ==")
        stepStart = Platform.monotonicNanos()
    }

    /// Closes the current step and records its wall-clock time.
    func endStep() {
        let elapsed = Platform.monotonicNanos() - stepStart
        timings.append((stepName, elapsed))
        print("   (\(Reporter.format(elapsed)))")
    }

    /// An informational line.
    func info(_ text: String) { print("   " + text) }

    /// A check: prints PASS/FAIL with its description.
    @discardableResult
    func check(_ ok: Bool, _ what: String) -> Bool {
        checks += 1
        print("   [\(ok ? "PASS" : "FAIL")] \(what)")
        if !ok { failures.append("\(stepName): \(what)") }
        return ok
    }

    /// An attack that must fail: `body` must throw, and the error text is shown. If it does
    /// not throw, the check fails (the attack succeeded).
    func expectRefusal(_ what: String, matching expected: (Error) -> Bool, _ body: () throws -> Void) {
        do {
            try body()
            check(false, "\(what): NOT refused")
        } catch {
            let ok = expected(error)
            check(ok, "\(what) → refused: \(error)")
        }
    }

    /// Prints the per-step timing table.
    func summary() {
        print("")
        print("== Summary ==")
        let width = max(timings.map(\.step.count).max() ?? 0, 4)
        print("   " + pad("step", width) + "   time")
        var total: UInt64 = 0
        for (step, nanos) in timings {
            total += nanos
            print("   " + pad(step, width) + "   " + Reporter.format(nanos))
        }
        print("   " + pad("total", width) + "   " + Reporter.format(total))
        print("   checks: \(checks - failures.count)/\(checks) passed")
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    static func format(_ nanos: UInt64) -> String {
        let ms = Double(nanos) / 1_000_000
        if ms < 1000 { return "\(Double(Int(ms * 10)) / 10) ms" }
        return "\(Double(Int(ms / 10)) / 100) s"
    }
}

/// Raised to stop the demo when a step cannot go on (its own check already failed).
struct DemoAbort: Error, CustomStringConvertible {
    let description: String
}
