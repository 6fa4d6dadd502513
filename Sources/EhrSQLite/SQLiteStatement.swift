// SPDX-License-Identifier: Apache-2.0
internal import CSQLite

/// One prepared statement. Parameters are 1-based, columns 0-based, as in SQLite.
package final class SQLiteStatement {
    private let stmt: OpaquePointer
    // Keeps the connection alive for as long as the statement exists.
    private let database: SQLiteDatabase

    init(_ stmt: OpaquePointer, database: SQLiteDatabase) {
        self.stmt = stmt
        self.database = database
    }

    deinit {
        sqlite3_finalize(stmt)
    }

    // MARK: - Binding

    package func bind(_ index: Int32, _ value: Int64) throws(SQLiteError) {
        try check(sqlite3_bind_int64(stmt, index, value))
    }

    package func bind(_ index: Int32, _ bytes: [UInt8]) throws(SQLiteError) {
        let rc = bytes.withUnsafeBytes { raw in
            // A zero-length blob still needs a non-NULL pointer to be a blob, not NULL.
            sqlite3_bind_blob64(
                stmt, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), UInt64(raw.count),
                ehr_sqlite_transient())
        }
        try check(rc)
    }

    package func bind(_ index: Int32, _ text: String) throws(SQLiteError) {
        try check(sqlite3_bind_text(stmt, index, text, -1, ehr_sqlite_transient()))
    }

    // MARK: - Stepping

    /// Advances; true when a row is available, false when done.
    package func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(stmt)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError(code: rc, message: database.lastMessage)
        }
    }

    /// Steps a statement that must finish without rows (INSERT, UPDATE, DELETE), then resets it.
    package func run() throws(SQLiteError) {
        defer { reset() }
        _ = try step()
    }

    /// Resets for another execution and clears the bindings.
    package func reset() {
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
    }

    // MARK: - Columns

    package func int64(_ column: Int32) -> Int64 {
        sqlite3_column_int64(stmt, column)
    }

    package func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(stmt, column))
        guard count > 0, let p = sqlite3_column_blob(stmt, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: p, count: count))
    }

    package func text(_ column: Int32) -> String {
        guard let p = sqlite3_column_text(stmt, column) else { return "" }
        return String(cString: p)
    }

    private func check(_ rc: Int32) throws(SQLiteError) {
        if rc != SQLITE_OK { throw SQLiteError(code: rc, message: database.lastMessage) }
    }
}
