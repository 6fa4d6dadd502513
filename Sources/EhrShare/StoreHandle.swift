// SPDX-License-Identifier: Apache-2.0
import EhrStore

/// What an `ehr_store *` points to: one open SQLite record store. The database connection
/// closes when the handle is freed.
final class StoreHandle {
    let store: SQLiteRecordStore

    init(_ store: SQLiteRecordStore) { self.store = store }
}
