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

    /// Acknowledged (height, hash hex) lines from a child killed after `delay` seconds.
    func runChild(_ url: URL, db: String, blocks: Int, killAfter delay: Double?) throws -> [(UInt64, String)] {
        let process = Process()
        process.executableURL = url
        process.arguments = [db, String(blocks)]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        if let delay {
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if delay == nil { XCTAssertEqual(process.terminationStatus, 0) }
        let text = String(decoding: data, as: UTF8.self)
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
        let url = try childURL()
        let db = temporaryPath("crash.db")
        var acknowledged: [UInt64: String] = [:]
        var kills = 0
        var rng = SystemRandomNumberGenerator()
        // Keep killing until thousands of blocks have been appended across the runs.
        while kills < 12 || (acknowledged.keys.max() ?? 0) < 2000 {
            let delay = Double.random(in: 0.05...0.8, using: &rng)
            for (h, hash) in try runChild(url, db: db, blocks: 100_000, killAfter: delay) { acknowledged[h] = hash }
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
            if kills > 40 { break }
        }
        print("crash test: \(kills) kills, \(acknowledged.count) acknowledged blocks")
        XCTAssertGreaterThan(acknowledged.count, 1000)
        // A final clean run continues the same chain.
        let before = acknowledged.keys.max() ?? 0
        let acks = try runChild(url, db: db, blocks: 10, killAfter: nil)
        XCTAssertGreaterThanOrEqual(acks.first?.0 ?? 0, before + 1)
    }

    func hex(_ b: [UInt8]) -> String { b.map { String(format: "%02x", $0) }.joined() }
}
