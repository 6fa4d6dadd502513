// SPDX-License-Identifier: Apache-2.0
import EhrSQLite
import EhrStore

/// Durable block storage in an embedded SQLite database (docs/LEDGER.md §6).
///
/// Schema (format 1):
/// ```
/// meta(key TEXT PRIMARY KEY, value BLOB)                       -- 'format' = 1
/// blocks(height INTEGER PRIMARY KEY, hash BLOB UNIQUE, checksum BLOB, bytes BLOB)
/// txs(height INTEGER, position INTEGER, txid BLOB, kind INTEGER, PRIMARY KEY(height, position))
/// ```
/// Row 0 holds the genesis encoding (hash = genesis hash). `checksum` is SHA-256 of
/// `bytes`; `hash` is the block hash (SHA-256 of the header). Every append or replacement
/// is one `BEGIN IMMEDIATE … COMMIT` (WAL, `synchronous=FULL`), so a block and its index
/// rows are durable together or not at all.
final class BlockStore {
    /// One stored row, as read back (nothing verified yet).
    struct Row {
        let height: UInt64
        let hash: [UInt8]
        let checksum: [UInt8]
        let bytes: [UInt8]
    }

    static let format: Int64 = 1
    let db: SQLiteDatabase
    private let insertBlock: SQLiteStatement
    private let insertTx: SQLiteStatement
    private let selectHeightByHash: SQLiteStatement
    private let selectRow: SQLiteStatement

    init(path: String) throws(LedgerError) {
        do {
            db = try SQLiteDatabase(path: path)
            try db.execute(
                """
                CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS blocks(
                    height INTEGER PRIMARY KEY NOT NULL,
                    hash BLOB NOT NULL,
                    checksum BLOB NOT NULL,
                    bytes BLOB NOT NULL);
                CREATE UNIQUE INDEX IF NOT EXISTS blocks_by_hash ON blocks(hash);
                CREATE TABLE IF NOT EXISTS txs(
                    height INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    txid BLOB NOT NULL,
                    kind INTEGER NOT NULL,
                    PRIMARY KEY(height, position));
                CREATE INDEX IF NOT EXISTS txs_by_id ON txs(txid);
                INSERT OR IGNORE INTO meta(key, value) VALUES('format', 1);
                """)
            let format = try db.prepare("SELECT value FROM meta WHERE key = 'format'")
            guard try format.step(), format.int64(0) == BlockStore.format else {
                throw LedgerError.corrupt(height: nil, reason: "unknown block store format")
            }
            insertBlock = try db.prepare("INSERT INTO blocks(height, hash, checksum, bytes) VALUES(?1, ?2, ?3, ?4)")
            insertTx = try db.prepare("INSERT INTO txs(height, position, txid, kind) VALUES(?1, ?2, ?3, ?4)")
            selectHeightByHash = try db.prepare("SELECT height FROM blocks WHERE hash = ?1")
            selectRow = try db.prepare("SELECT height, hash, checksum, bytes FROM blocks WHERE height = ?1")
        } catch {
            throw BlockStore.map(error, "open \(path)")
        }
    }

    // MARK: - Writing

    /// Writes the genesis row (height 0).
    func initialize(genesis: Genesis) throws(LedgerError) {
        let bytes = genesis.encoded
        do {
            try db.transaction {
                try insertRow(height: 0, hash: genesis.hash, bytes: bytes)
            }
        } catch {
            throw BlockStore.map(error, "write genesis")
        }
    }

    /// Atomically deletes every block above `keepHeight` (if any) and appends `blocks`, which
    /// must continue at `keepHeight + 1`. Returns once the commit is fsynced.
    func replace(above keepHeight: UInt64, with blocks: [(block: Block, hash: [UInt8])]) throws(LedgerError) {
        do {
            try db.transaction {
                try deleteAbove(keepHeight)
                for (block, hash) in blocks {
                    try insertRow(height: block.height, hash: hash, bytes: block.encoded)
                    for (i, tx) in block.transactions.enumerated() {
                        try insertTx.bind(1, Int64(bitPattern: block.height))
                        try insertTx.bind(2, Int64(i))
                        try insertTx.bind(3, tx.id)
                        try insertTx.bind(4, Int64(tx.kind.rawValue))
                        try insertTx.run()
                    }
                }
            }
        } catch {
            throw BlockStore.map(error, "append")
        }
    }

    /// Appends one block on top of `block.height - 1`.
    func append(_ block: Block, hash: [UInt8]) throws(LedgerError) {
        try replace(above: block.height &- 1, with: [(block, hash)])
    }

    /// Deletes every block above `keepHeight` (recovery of a bad tail).
    func truncate(above keepHeight: UInt64) throws(LedgerError) {
        do {
            try db.transaction { try deleteAbove(keepHeight) }
        } catch {
            throw BlockStore.map(error, "truncate")
        }
    }

    private func deleteAbove(_ keepHeight: UInt64) throws(SQLiteError) {
        let h = Int64(bitPattern: keepHeight)
        let delBlocks = try db.prepare("DELETE FROM blocks WHERE height > ?1")
        try delBlocks.bind(1, h)
        try delBlocks.run()
        let delTxs = try db.prepare("DELETE FROM txs WHERE height > ?1")
        try delTxs.bind(1, h)
        try delTxs.run()
    }

    private func insertRow(height: UInt64, hash: [UInt8], bytes: [UInt8]) throws(SQLiteError) {
        try insertBlock.bind(1, Int64(bitPattern: height))
        try insertBlock.bind(2, hash)
        try insertBlock.bind(3, SHA256.hash(bytes))
        try insertBlock.bind(4, bytes)
        try insertBlock.run()
    }

    // MARK: - Reading

    /// The highest stored height, or nil for an empty store.
    func maxHeight() throws(LedgerError) -> UInt64? {
        do {
            let stmt = try db.prepare("SELECT COUNT(*), MAX(height) FROM blocks")
            guard try stmt.step(), stmt.int64(0) > 0 else { return nil }
            return UInt64(bitPattern: stmt.int64(1))
        } catch {
            throw BlockStore.map(error, "read")
        }
    }

    func row(height: UInt64) throws(LedgerError) -> Row? {
        do {
            defer { selectRow.reset() }
            try selectRow.bind(1, Int64(bitPattern: height))
            guard try selectRow.step() else { return nil }
            return Row(
                height: UInt64(bitPattern: selectRow.int64(0)), hash: selectRow.blob(1), checksum: selectRow.blob(2),
                bytes: selectRow.blob(3))
        } catch {
            throw BlockStore.map(error, "read block \(height)")
        }
    }

    /// Visits rows with height ≥ `from` in height order until `body` returns false.
    func scan(from: UInt64, _ body: (Row) throws(LedgerError) -> Bool) throws(LedgerError) {
        let stmt: SQLiteStatement
        do {
            stmt = try db.prepare("SELECT height, hash, checksum, bytes FROM blocks WHERE height >= ?1 ORDER BY height")
            try stmt.bind(1, Int64(bitPattern: from))
        } catch {
            throw BlockStore.map(error, "scan")
        }
        while true {
            let more: Bool
            do { more = try stmt.step() } catch { throw BlockStore.map(error, "scan") }
            guard more else { return }
            let row = Row(
                height: UInt64(bitPattern: stmt.int64(0)), hash: stmt.blob(1), checksum: stmt.blob(2), bytes: stmt.blob(3))
            guard try body(row) else { return }
        }
    }

    /// The height of a stored block with this hash.
    func height(ofHash hash: [UInt8]) throws(LedgerError) -> UInt64? {
        do {
            defer { selectHeightByHash.reset() }
            try selectHeightByHash.bind(1, hash)
            guard try selectHeightByHash.step() else { return nil }
            return UInt64(bitPattern: selectHeightByHash.int64(0))
        } catch {
            throw BlockStore.map(error, "lookup")
        }
    }

    /// Where the index says a transaction is: (height, position).
    func transactionLocation(id: [UInt8]) throws(LedgerError) -> (height: UInt64, position: Int)? {
        do {
            let stmt = try db.prepare("SELECT height, position FROM txs WHERE txid = ?1 ORDER BY height LIMIT 1")
            try stmt.bind(1, id)
            guard try stmt.step() else { return nil }
            return (UInt64(bitPattern: stmt.int64(0)), Int(stmt.int64(1)))
        } catch {
            throw BlockStore.map(error, "lookup")
        }
    }

    static func map(_ error: any Error, _ context: String) -> LedgerError {
        if let e = error as? LedgerError { return e }
        if let e = error as? SQLiteError {
            return e.isCorruption
                ? .corrupt(height: nil, reason: "\(context): database file is damaged (\(e.message))")
                : .storage("\(context): \(e.message)")
        }
        return .storage("\(context): \(error)")
    }
}
