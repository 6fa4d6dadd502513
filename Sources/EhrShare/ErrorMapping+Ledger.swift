// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrLedger
import EhrStore

// Status numbers for the ledger and the record store (docs/LEDGER.md §8). Messages name
// the broken rule ("producer: slot 7 belongs to node 2, not 1") and, for corruption, the
// first bad height, so a host can log them as they are.

extension LedgerError: CABIReportable {
    var cabiFailure: CABIFailure {
        switch self {
        case let .rejected(r):
            return CABIFailure(EHR_ERR_LEDGER_REJECTED, "\(r.rule.rawValue): \(r.reason)")
        case let .storage(m):
            return CABIFailure(EHR_ERR_STORAGE, "storage: \(m)")
        case let .corrupt(height?, m):
            return CABIFailure(EHR_ERR_CORRUPT, "corrupt at height \(height): \(m)")
        case let .corrupt(nil, m):
            return CABIFailure(EHR_ERR_CORRUPT, "corrupt (database file): \(m)")
        case let .notFound(m):
            return CABIFailure(EHR_ERR_NOT_FOUND, "not found: \(m)")
        }
    }
}

extension StoreError: CABIReportable {
    var cabiFailure: CABIFailure {
        switch self {
        case let .invalidAddress(m): return CABIFailure(EHR_ERR_PARAM, "record address: \(m)")
        case let .notFound(m): return CABIFailure(EHR_ERR_NOT_FOUND, "record store: \(m)")
        case let .corrupt(m): return CABIFailure(EHR_ERR_CORRUPT, "record store corrupt: \(m)")
        case let .storage(m): return CABIFailure(EHR_ERR_STORAGE, "record store: \(m)")
        }
    }
}
