// SPDX-License-Identifier: Apache-2.0
import CEhrShare

/// A failure to report through the C ABI: a status and a message for
/// `ehr_last_error_message()`.
struct CABIFailure: Error {
    let status: ehr_status
    let message: String

    init(_ status: ehr_status, _ message: String) {
        self.status = status
        self.message = message
    }
}

/// An error type that knows its C status. Each layer's error enum conforms in
/// its own file (ErrorMapping+*.swift), so the table of permanent numbers
/// grows with the ABI without one switch over every module.
protocol CABIReportable: Error {
    var cabiFailure: CABIFailure { get }
}

extension CABIFailure: CABIReportable {
    var cabiFailure: CABIFailure { self }
}

/// Maps every error the Swift layers throw to its permanent status number.
///
/// The same decoding fault gives the same status whichever function met it;
/// an error type without a mapping is a bug and reports EHR_ERR_INTERNAL.
func cabiFailure(for error: Error) -> CABIFailure {
    if let reportable = error as? CABIReportable {
        return reportable.cabiFailure
    }
    return CABIFailure(EHR_ERR_INTERNAL, "unexpected error: \(error)")
}

/// Runs one C-ABI call: clears the thread's message, maps any thrown error to
/// a status and records its message. Every `@_cdecl` body goes through this,
/// so nothing thrown can escape into C.
@inline(__always)
func cabiCall(_ body: () throws -> Void) -> ehr_status {
    LastError.clear()
    do {
        try body()
        return EHR_OK
    } catch {
        let failure = cabiFailure(for: error)
        LastError.set(failure.message)
        return failure.status
    }
}

/// Names for `ehr_status_string`, one per permanent number.
let statusNames: [UInt32: String] = [
    EHR_OK.rawValue: "EHR_OK",
    EHR_ERR_NULL_POINTER.rawValue: "EHR_ERR_NULL_POINTER",
    EHR_ERR_BUFFER_TOO_SMALL.rawValue: "EHR_ERR_BUFFER_TOO_SMALL",
    EHR_ERR_ABI_MISMATCH.rawValue: "EHR_ERR_ABI_MISMATCH",
    EHR_ERR_PARAM.rawValue: "EHR_ERR_PARAM",
    EHR_ERR_STATE.rawValue: "EHR_ERR_STATE",
    EHR_ERR_LENGTH.rawValue: "EHR_ERR_LENGTH",
    EHR_ERR_MAGIC.rawValue: "EHR_ERR_MAGIC",
    EHR_ERR_VERSION.rawValue: "EHR_ERR_VERSION",
    EHR_ERR_TYPE.rawValue: "EHR_ERR_TYPE",
    EHR_ERR_SCALAR.rawValue: "EHR_ERR_SCALAR",
    EHR_ERR_ENCODING.rawValue: "EHR_ERR_ENCODING",
    EHR_ERR_SUBGROUP.rawValue: "EHR_ERR_SUBGROUP",
    EHR_ERR_IDENTITY.rawValue: "EHR_ERR_IDENTITY",
    EHR_ERR_VERIFY.rawValue: "EHR_ERR_VERIFY",
    EHR_ERR_DECRYPT.rawValue: "EHR_ERR_DECRYPT",
    EHR_ERR_INVALID_CT.rawValue: "EHR_ERR_INVALID_CT",
    EHR_ERR_STALE.rawValue: "EHR_ERR_STALE",
    EHR_ERR_REPLAY.rawValue: "EHR_ERR_REPLAY",
    EHR_ERR_POLICY.rawValue: "EHR_ERR_POLICY",
    EHR_ERR_LEDGER_REJECTED.rawValue: "EHR_ERR_LEDGER_REJECTED",
    EHR_ERR_STORAGE.rawValue: "EHR_ERR_STORAGE",
    EHR_ERR_CORRUPT.rawValue: "EHR_ERR_CORRUPT",
    EHR_ERR_NOT_FOUND.rawValue: "EHR_ERR_NOT_FOUND",
    EHR_ERR_RANDOM.rawValue: "EHR_ERR_RANDOM",
    EHR_ERR_INTERNAL.rawValue: "EHR_ERR_INTERNAL",
]
