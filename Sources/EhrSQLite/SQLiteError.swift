// SPDX-License-Identifier: Apache-2.0
internal import CSQLite

/// A failed SQLite call: the primary result code and SQLite's message.
package struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Extended result code as returned by the failing call.
    package let code: Int32
    package let message: String

    package init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    /// True when SQLite says the file is damaged or not a database at all
    /// (`SQLITE_CORRUPT`, `SQLITE_NOTADB`): the caller reports corruption, not I/O.
    package var isCorruption: Bool {
        let primary = code & 0xFF
        return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB
    }

    package var description: String { "sqlite error \(code): \(message)" }
}
