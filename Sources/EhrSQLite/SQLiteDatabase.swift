// SPDX-License-Identifier: Apache-2.0
internal import CSQLite

/// A thin owner of one `sqlite3` connection, used by the block store and the record store
/// (module EhrSQLite, so that the ledger does not borrow the record store's wrapper).
///
/// Durability settings are fixed here for every user: WAL journal, `synchronous=FULL`
/// (each commit is fsynced, WAL included), foreign keys on, and a busy timeout so a
/// concurrent reader does not turn into a spurious error. One connection is used by
/// one thread at a time (the handle types above it are not `Sendable`).
package final class SQLiteDatabase {
    private let handle: OpaquePointer
    package let path: String

    /// Opens (creating if needed) the database at `path` in WAL mode with full fsync.
    package init(path: String) throws(SQLiteError) {
        var db: OpaquePointer?
        // SQLITE_OPEN_URI is deliberately not set. A library built with SQLITE_USE_URI=1
        // still reads a name starting with "file:" as a URI (sqlite.org/uri.html §3), so
        // `file:x.db?mode=memory` would silently give an in-memory database and lose every
        // write; such a relative name is therefore opened as "./file:…", a plain file.
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(SQLiteDatabase.plainFileName(path), &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: message)
        }
        sqlite3_extended_result_codes(db, 1)
        self.handle = db
        self.path = path
        sqlite3_busy_timeout(db, 5000)
        try execute("PRAGMA journal_mode=WAL")
        try execute("PRAGMA synchronous=FULL")
        try execute("PRAGMA foreign_keys=ON")
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// The name handed to `sqlite3_open_v2`: `path` itself, or `./path` when it begins with
    /// `file:` (case-insensitive, as SQLite compares it), so it can never be taken as a URI.
    package static func plainFileName(_ path: String) -> String {
        path.lowercased().hasPrefix("file:") ? "./" + path : path
    }

    // MARK: - Statements

    /// Runs one or more statements that return no rows of interest.
    package func execute(_ sql: String) throws(SQLiteError) {
        var errmsg: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errmsg)
        if rc != SQLITE_OK {
            let message = errmsg.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(errmsg)
            throw SQLiteError(code: rc, message: message)
        }
    }

    /// Compiles one statement.
    package func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw SQLiteError(code: rc, message: lastMessage)
        }
        return SQLiteStatement(stmt, database: self)
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`; any error rolls the whole
    /// transaction back, so a caller sees either all of its writes or none.
    package func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `PRAGMA quick_check` and returns nil when the file is sound, else SQLite's
    /// first complaint. A damaged file may also make the pragma itself fail: that is
    /// reported as the complaint too.
    package func quickCheck() -> String? {
        do {
            let stmt = try prepare("PRAGMA quick_check")
            var problems: [String] = []
            while try stmt.step() {
                let line = stmt.text(0)
                if line != "ok" { problems.append(line) }
                if problems.count >= 3 { break }
            }
            return problems.isEmpty ? nil : problems.joined(separator: "; ")
        } catch {
            return error.description
        }
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }
    var lastCode: Int32 { sqlite3_extended_errcode(handle) }
}
