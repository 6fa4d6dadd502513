// SPDX-License-Identifier: Apache-2.0
import EhrSQLite
import EhrStore
import Foundation
import XCTest

/// The content-addressed record store: addressing, integrity on every read, tampering.
final class RecordStoreTests: XCTestCase {
    var dir = ""
    var path: String { dir + "/records.db" }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("ehrstore-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func envelope(_ n: Int, size: Int = 3000) -> [UInt8] {
        (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ n &* 7) }
    }

    func testPutGetRoundTripAndAddress() throws {
        let store = try SQLiteRecordStore(path: path, name: "hospital-a")
        let bytes = envelope(1)
        let address = try store.put(bytes)
        XCTAssertEqual(address.sha256, SHA256.hash(bytes))
        XCTAssertEqual(address.uri, "ehrstore://hospital-a/" + Hex.encode(SHA256.hash(bytes)))
        XCTAssertEqual(try store.get(uri: address.uri, expectedSHA256: address.sha256), bytes)
        XCTAssertTrue(try store.contains(sha256: address.sha256))
        // Idempotent.
        XCTAssertEqual(try store.put(bytes), address)
        // Empty envelope is content too.
        let empty = try store.put([])
        XCTAssertEqual(try store.get(uri: empty.uri, expectedSHA256: SHA256.hash([])), [])
    }

    func testSurvivesReopen() throws {
        var addresses: [RecordAddress] = []
        do {
            let store = try SQLiteRecordStore(path: path, name: "hospital-a")
            for i in 0..<20 { addresses.append(try store.put(envelope(i, size: 100 + i * 997))) }
        }
        let store = try SQLiteRecordStore(path: path, name: "hospital-a")
        for (i, a) in addresses.enumerated() {
            XCTAssertEqual(try store.get(uri: a.uri, expectedSHA256: a.sha256), envelope(i, size: 100 + i * 997))
        }
        XCTAssertEqual(try store.verifyAll(), [])
    }

    /// A relative path beginning with `file:` is a plain file name, never a SQLite URI:
    /// `file:x.db?mode=memory` must create that file and keep what was put across a reopen.
    func testFileColonPathIsAPlainFileNotAURI() throws {
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(dir))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let name = "file:x.db?mode=memory"
        let bytes = envelope(3)
        let address: RecordAddress
        do {
            let store = try SQLiteRecordStore(path: name, name: "hospital-a")
            address = try store.put(bytes)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/" + name))
        let again = try SQLiteRecordStore(path: name, name: "hospital-a")
        XCTAssertEqual(try again.get(uri: address.uri, expectedSHA256: address.sha256), bytes)
        XCTAssertEqual(SQLiteDatabase.plainFileName("FILE:y.db"), "./FILE:y.db")
        XCTAssertEqual(SQLiteDatabase.plainFileName("/tmp/file:y.db"), "/tmp/file:y.db")
    }

    func testAddressParsing() throws {
        let digest = SHA256.hash([1])
        let a = try RecordAddress(storeName: "h.b_c-1", sha256: digest)
        XCTAssertEqual(try RecordAddress(uri: a.uri), a)
        XCTAssertEqual(try RecordAddress(uri: a.uri.uppercased().replacingOccurrences(of: "EHRSTORE://H.B_C-1", with: "ehrstore://h.b_c-1")), a)
        let bad = [
            "", "ehrstore://", "http://h/" + Hex.encode(digest), "ehrstore://h/" + Hex.encode(digest) + "/x",
            "ehrstore:///" + Hex.encode(digest), "ehrstore://h/" + Hex.encode(Array(digest.prefix(31))),
            "ehrstore://h/" + String(repeating: "g", count: 64), "ehrstore://h h/" + Hex.encode(digest),
            "ehrstore://" + String(repeating: "a", count: 65) + "/" + Hex.encode(digest),
        ]
        for uri in bad {
            XCTAssertThrowsError(try RecordAddress(uri: uri), uri) { error in
                guard case StoreError.invalidAddress = error else { return XCTFail("\(uri): \(error)") }
            }
        }
        XCTAssertThrowsError(try RecordAddress(storeName: "h", sha256: [1, 2]))
        XCTAssertThrowsError(try SQLiteRecordStore(path: path, name: "no/slash"))
    }

    func testReaderChecksAgainstTheExpectedDigest() throws {
        let store = try SQLiteRecordStore(path: path, name: "h")
        let a = try store.put(envelope(1))
        let b = try store.put(envelope(2))
        // The chain says b's digest, the URI names a: refused before reading.
        XCTAssertThrowsError(try store.get(uri: a.uri, expectedSHA256: b.sha256)) { error in
            guard case StoreError.invalidAddress = error else { return XCTFail("\(error)") }
        }
        // Another store's URI.
        let foreign = try RecordAddress(storeName: "other", sha256: a.sha256)
        XCTAssertThrowsError(try store.get(uri: foreign.uri, expectedSHA256: a.sha256))
        // Unknown digest.
        let missing = try RecordAddress(storeName: "h", sha256: SHA256.hash([9]))
        XCTAssertThrowsError(try store.get(uri: missing.uri, expectedSHA256: missing.sha256)) { error in
            guard case StoreError.notFound = error else { return XCTFail("\(error)") }
        }
    }

    func testFlippedByteInAStoredEnvelopeIsReported() throws {
        let store = try SQLiteRecordStore(path: path, name: "h")
        let a = try store.put(envelope(1))
        let b = try store.put(envelope(2))
        let db = try SQLiteDatabase(path: path)
        var bytes = envelope(1)
        bytes[1234] ^= 0x01
        let upd = try db.prepare("UPDATE envelopes SET bytes = ?1 WHERE sha256 = ?2")
        try upd.bind(1, bytes)
        try upd.bind(2, a.sha256)
        try upd.run()
        XCTAssertThrowsError(try store.get(uri: a.uri, expectedSHA256: a.sha256)) { error in
            guard case StoreError.corrupt = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try store.get(uri: b.uri, expectedSHA256: b.sha256), envelope(2))
        XCTAssertEqual(try store.verifyAll(), [Hex.encode(a.sha256)])
        // A truncated envelope (size column kept) is also caught.
        try upd.bind(1, Array(envelope(2).prefix(10)))
        try upd.bind(2, b.sha256)
        try upd.run()
        XCTAssertThrowsError(try store.get(uri: b.uri, expectedSHA256: b.sha256))
    }

    /// Re-putting the genuine bytes of a damaged row repairs it (it used to return OK and
    /// leave the damaged row in place).
    func testReputRepairsADamagedRow() throws {
        let store = try SQLiteRecordStore(path: path, name: "h")
        let genuine = envelope(5)
        let a = try store.put(genuine)
        let b = try store.put(envelope(6))
        let db = try SQLiteDatabase(path: path)
        var damaged = genuine
        damaged[17] ^= 0x80
        let upd = try db.prepare("UPDATE envelopes SET bytes = ?1 WHERE sha256 = ?2")
        try upd.bind(1, damaged)
        try upd.bind(2, a.sha256)
        try upd.run()
        XCTAssertEqual(try store.verifyAll(), [Hex.encode(a.sha256)])
        XCTAssertEqual(try store.put(genuine), a)
        XCTAssertEqual(try store.get(uri: a.uri, expectedSHA256: a.sha256), genuine)
        XCTAssertEqual(try store.verifyAll(), [])
        // A row truncated with its size column changed too is also repaired.
        let upd2 = try db.prepare("UPDATE envelopes SET bytes = ?1, size = ?2 WHERE sha256 = ?3")
        try upd2.bind(1, Array(envelope(6).prefix(7)))
        try upd2.bind(2, Int64(7))
        try upd2.bind(3, b.sha256)
        try upd2.run()
        XCTAssertThrowsError(try store.get(uri: b.uri, expectedSHA256: b.sha256))
        XCTAssertEqual(try store.put(envelope(6)), b)
        XCTAssertEqual(try store.get(uri: b.uri, expectedSHA256: b.sha256), envelope(6))
        XCTAssertEqual(try store.verifyAll(), [])
    }

    /// Flips bytes of the database file: every read is either the right bytes or a typed error.
    func testFlippedBytesInTheStoreFile() throws {
        var addresses: [(RecordAddress, [UInt8])] = []
        do {
            let store = try SQLiteRecordStore(path: path, name: "h")
            for i in 0..<30 {
                let e = envelope(i, size: 500 + i * 211)
                addresses.append((try store.put(e), e))
            }
        }
        let pristine = try Data(contentsOf: URL(fileURLWithPath: path))
        var detected = 0
        for trial in 0..<60 {
            var damaged = pristine
            let offset = trial < 4 ? [0, 20, 100, 4096][trial] : Int.random(in: 0..<pristine.count)
            damaged[offset] ^= 0xA5
            try damaged.write(to: URL(fileURLWithPath: path))
            try? FileManager.default.removeItem(atPath: path + "-wal")
            try? FileManager.default.removeItem(atPath: path + "-shm")
            do {
                let store = try SQLiteRecordStore(path: path, name: "h")
                for (a, e) in addresses {
                    do {
                        let got = try store.get(uri: a.uri, expectedSHA256: a.sha256)
                        XCTAssertEqual(got, e, "flip at \(offset) returned wrong bytes")
                    } catch StoreError.corrupt, StoreError.storage, StoreError.notFound {
                        detected += 1
                    }
                }
            } catch {
                detected += 1
            }
        }
        XCTAssertGreaterThan(detected, 0)
    }
}
