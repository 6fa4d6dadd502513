// SPDX-License-Identifier: Apache-2.0
import EhrSQLite

/// The embedded record store: envelopes in one SQLite table keyed by their SHA-256.
///
/// Schema: `envelopes(sha256 BLOB PRIMARY KEY, size INTEGER, bytes BLOB)`. Each `put` is
/// one fsynced transaction (WAL, `synchronous=FULL`). `get` re-hashes on every read, so a
/// flipped byte in the row or in the file is reported as `corrupt`, never returned.
public final class SQLiteRecordStore: RecordStore {
    public let name: String
    private let db: SQLiteDatabase
    private let insert: SQLiteStatement
    private let select: SQLiteStatement
    private let exists: SQLiteStatement

    /// Opens (creating if needed) the store at `path` whose URIs carry `name`.
    /// - Throws: `invalidAddress` for a bad name, `corrupt` if the file is not a sound
    ///   SQLite database, `storage` for other open failures.
    public init(path: String, name: String) throws(StoreError) {
        guard RecordAddress.isValidStoreName(name) else {
            throw .invalidAddress("store name must be 1-64 characters from [A-Za-z0-9._-]")
        }
        self.name = name
        do {
            db = try SQLiteDatabase(path: path)
            try db.execute(
                """
                CREATE TABLE IF NOT EXISTS envelopes(
                    sha256 BLOB PRIMARY KEY NOT NULL,
                    size INTEGER NOT NULL,
                    bytes BLOB NOT NULL)
                """)
            // The key is the SHA-256 of the bytes being put, so the new bytes are the genuine
            // ones: a stored row that differs from them (a damaged or tampered row) is
            // rewritten, while an intact row is left untouched (`INSERT OR IGNORE` used to
            // keep the damaged row and still report success).
            insert = try db.prepare(
                """
                INSERT INTO envelopes(sha256, size, bytes) VALUES(?1, ?2, ?3)
                ON CONFLICT(sha256) DO UPDATE SET size = excluded.size, bytes = excluded.bytes
                WHERE envelopes.size IS NOT excluded.size OR envelopes.bytes IS NOT excluded.bytes
                """)
            select = try db.prepare("SELECT bytes, size FROM envelopes WHERE sha256 = ?1")
            exists = try db.prepare("SELECT 1 FROM envelopes WHERE sha256 = ?1")
        } catch {
            throw SQLiteRecordStore.map(error, "open \(path)")
        }
    }

    public func put(_ bytes: [UInt8]) throws(StoreError) -> RecordAddress {
        let digest = SHA256.hash(bytes)
        let address = try RecordAddress(storeName: name, sha256: digest)
        do {
            try insert.bind(1, digest)
            try insert.bind(2, Int64(bytes.count))
            try insert.bind(3, bytes)
            try insert.run()
        } catch {
            throw SQLiteRecordStore.map(error, "put")
        }
        return address
    }

    public func get(uri: String, expectedSHA256: [UInt8]) throws(StoreError) -> [UInt8] {
        let address = try RecordAddress(uri: uri)
        guard address.storeName == name else {
            throw .invalidAddress("URI names store '\(address.storeName)', this is '\(name)'")
        }
        guard address.sha256 == expectedSHA256 else {
            throw .invalidAddress("URI digest differs from the expected (on-chain) digest")
        }
        let bytes: [UInt8]
        let size: Int64
        do {
            defer { select.reset() }
            try select.bind(1, address.sha256)
            guard try select.step() else {
                throw StoreError.notFound("no envelope \(Hex.encode(address.sha256))")
            }
            bytes = select.blob(0)
            size = select.int64(1)
        } catch let error as StoreError {
            throw error
        } catch {
            throw SQLiteRecordStore.map(error, "get")
        }
        guard Int64(bytes.count) == size, SHA256.hash(bytes) == expectedSHA256 else {
            throw .corrupt("envelope \(Hex.encode(expectedSHA256)) does not hash to its address")
        }
        return bytes
    }

    public func contains(sha256: [UInt8]) throws(StoreError) -> Bool {
        do {
            defer { exists.reset() }
            try exists.bind(1, sha256)
            return try exists.step()
        } catch {
            throw SQLiteRecordStore.map(error, "contains")
        }
    }

    /// Re-hashes every stored envelope; returns the digests (hex) whose bytes no longer match.
    public func verifyAll() throws(StoreError) -> [String] {
        do {
            let stmt = try db.prepare("SELECT sha256, bytes, size FROM envelopes ORDER BY sha256")
            var bad: [String] = []
            while try stmt.step() {
                let key = stmt.blob(0)
                let bytes = stmt.blob(1)
                if SHA256.hash(bytes) != key || Int64(bytes.count) != stmt.int64(2) {
                    bad.append(Hex.encode(key))
                }
            }
            return bad
        } catch {
            throw SQLiteRecordStore.map(error, "verify")
        }
    }

    static func map(_ error: any Error, _ context: String) -> StoreError {
        if let e = error as? StoreError { return e }
        if let e = error as? SQLiteError {
            return e.isCorruption ? .corrupt("\(context): \(e.message)") : .storage("\(context): \(e.message)")
        }
        return .storage("\(context): \(error)")
    }
}
