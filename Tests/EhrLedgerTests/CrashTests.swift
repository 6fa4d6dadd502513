// SPDX-License-Identifier: Apache-2.0
import EhrLedger
import Foundation
import XCTest

/// Kills a child that appends blocks (SIGKILL at random moments) and checks that every
/// block it acknowledged as committed survives and the chain verifies.
final class CrashTests: XCTestCase {
    /// The child executable, built by SwiftPM next to the test bundle.
    func childURL() throws -> URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("ehrshare-ledger-crashtest"),
            Bundle(for: CrashTests.self).bundleURL.deletingLastPathComponent().appendingPathComponent("ehrshare-ledger-crashtest"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".build/debug/ehrshare-ledger-crashtest"),
        ]
        guard let url = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("ehrshare-ledger-crashtest not built (swift build --product ehrshare-ledger-crashtest)")
        }
        return url
    }

    /// Collects a child's stdout on a background thread.
    final class OutputCollector: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private var finished = false

        func start(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = handle.availableData
                    lock.lock()
                    if chunk.isEmpty { finished = true } else { data.append(chunk) }
                    lock.unlock()
                    if chunk.isEmpty { return }
                }
            }
        }

        var snapshot: (Data, Bool) {
            lock.lock()
            defer { lock.unlock() }
            return (data, finished)
        }
    }

    /// Acknowledged (height, hash hex) lines from a child killed `delay` seconds after its
    /// first acknowledgement (so that the kill lands among appends, not in its start-up
    /// verification), or run to completion when `delay` is nil.
    func runChild(_ url: URL, db: String, blocks: Int, killAfter delay: Double?, batch: Bool = false) throws -> [(UInt64, String)] {
        let process = Process()
        process.executableURL = url
        process.arguments = [db, String(blocks)] + (batch ? ["batch"] : [])
        let out = Pipe()
        process.standardOutput = out
        let collector = OutputCollector()
        try process.run()
        collector.start(out.fileHandleForReading)
        if let delay {
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline {
                let (data, finished) = collector.snapshot
                if finished || data.contains(UInt8(ascii: "\n")) { break }
                Thread.sleep(forTimeInterval: 0.005)
            }
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        while !collector.snapshot.1 { Thread.sleep(forTimeInterval: 0.005) }
        if delay == nil { XCTAssertEqual(process.terminationStatus, 0) }
        let text = String(decoding: collector.snapshot.0, as: UTF8.self)
        var acks: [(UInt64, String)] = []
        // Only complete lines count: a line cut by the kill was not fully acknowledged.
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[0] == "ok", let h = UInt64(parts[1]) else { continue }
            acks.append((h, String(parts[2])))
        }
        return acks
    }

    struct Refuse: IdentitySignatureVerifier {
        func verify(identity: [UInt8], message: [UInt8], signature: [UInt8]) -> Bool { false }
    }

    func testSIGKILLDuringAppendsLosesNothingAcknowledged() throws {
        try killRepeatedly(batch: false, minimumBlocks: 2000)
    }

    func testSIGKILLDuringBatchAppendsLosesNothingAcknowledged() throws {
        try killRepeatedly(batch: true, minimumBlocks: 2000)
    }

    func killRepeatedly(batch: Bool, minimumBlocks: UInt64) throws {
        let url = try childURL()
        let db = temporaryPath("crash.db")
        var acknowledged: [UInt64: String] = [:]
        var kills = 0
        var rng = SystemRandomNumberGenerator()
        // Keep killing until thousands of blocks have been appended across the runs.
        while kills < 10 || (acknowledged.keys.max() ?? 0) < minimumBlocks {
            let delay = Double.random(in: 0.0...0.5, using: &rng)
            for (h, hash) in try runChild(url, db: db, blocks: 100_000, killAfter: delay, batch: batch) { acknowledged[h] = hash }
            kills += 1
            // Reopen (full verification) and compare every acknowledged block.
            let ledger = try Ledger.open(path: db, verifier: Refuse(), clock: { UInt64.max / 2 }, recovery: .none)
            let top = acknowledged.keys.max() ?? 0
            XCTAssertGreaterThanOrEqual(ledger.height, top, "an acknowledged block was lost")
            XCTAssertNil(ledger.openReport.truncatedFrom)
            for h in stride(from: UInt64(1), through: top, by: max(1, Int(top / 200))) {
                if let hash = acknowledged[h] {
                    XCTAssertEqual(hex(try ledger.block(height: h).hash), hash, "block \(h) differs after a crash")
                }
            }
            if let hash = acknowledged[top], top > 0 {
                XCTAssertEqual(hex(try ledger.block(height: top).hash), hash)
            }
            if kills > 30 { break }
        }
        print("crash test (batch: \(batch)): \(kills) kills, \(acknowledged.count) acknowledged blocks")
        XCTAssertGreaterThan(acknowledged.count, 1000)
        // A final clean run continues the same chain.
        let before = acknowledged.keys.max() ?? 0
        let acks = try runChild(url, db: db, blocks: 10, killAfter: nil, batch: batch)
        XCTAssertGreaterThanOrEqual(acks.first?.0 ?? 0, before + 1)
    }

    func hex(_ b: [UInt8]) -> String { b.map { String(format: "%02x", $0) }.joined() }
}
