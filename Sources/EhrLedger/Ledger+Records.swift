// SPDX-License-Identifier: Apache-2.0
import EhrStore

/// Reading a record's envelope from a record store, checked against the chain.
extension Ledger {
    /// Fetches the sealed envelope of an on-chain record: the URI and the SHA-256 come from
    /// the `record` transaction, and the store re-hashes the bytes against that digest.
    /// - Throws: `LedgerError.notFound` if no such record is on the chain; `StoreError`
    ///   (`notFound`, `corrupt`, `invalidAddress`, `storage`) from the store.
    public func fetchEnvelope(recordId: [UInt8], from store: any RecordStore) throws -> [UInt8] {
        guard let record = record(id: recordId) else { throw LedgerError.notFound("no record with this id on the chain") }
        let uri = String(decoding: record.storageURI, as: UTF8.self)
        return try store.get(uri: uri, expectedSHA256: record.ciphertextSHA256)
    }
}
