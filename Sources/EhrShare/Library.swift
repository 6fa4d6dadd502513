// SPDX-License-Identifier: Apache-2.0
import CEhrShare
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

// MARK: - Static C strings

/// C strings that live as long as the process: the header promises callers
/// they never need freeing. Built once, lazily and thread-safely.
private enum StaticStrings {
    nonisolated(unsafe) static let version: UnsafePointer<CChar> = make(EHR_VERSION_STRING)
    nonisolated(unsafe) static let unknown: UnsafePointer<CChar> = make("EHR_ERR_UNKNOWN")
    nonisolated(unsafe) static let statuses: [UInt32: UnsafePointer<CChar>] =
        statusNames.mapValues { make($0) }

    private static func make(_ s: String) -> UnsafePointer<CChar> {
        let bytes = Array(s.utf8CString)
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        p.initialize(from: bytes, count: bytes.count)
        return UnsafePointer(p)
    }
}

// MARK: - Library calls (include/ehrshare.h, section "Library")
//
// Calls that cannot fail (versions, status names, sizes) leave the thread's
// last error message alone, so `ehr_status_string(st)` and
// `ehr_last_error_message()` can be passed to one printf in either order.

@_cdecl("ehr_init")
public func ehr_init(_ abiVersion: UInt32) -> ehr_status {
    cabiCall {
        guard abiVersion == UInt32(EHR_ABI_VERSION) else {
            throw CABIFailure(
                EHR_ERR_ABI_MISMATCH,
                "header ABI version \(abiVersion) does not match library ABI version \(EHR_ABI_VERSION)")
        }
        // Force the lazily built tables now, so that the first timed call of a
        // host does not pay for them.
        _ = StaticStrings.version
        _ = StaticStrings.statuses
    }
}

@_cdecl("ehr_version_string")
public func ehr_version_string() -> UnsafePointer<CChar> {
    StaticStrings.version
}

@_cdecl("ehr_abi_version")
public func ehr_abi_version() -> UInt32 {
    UInt32(EHR_ABI_VERSION)
}

@_cdecl("ehr_status_string")
public func ehr_status_string(_ status: ehr_status) -> UnsafePointer<CChar> {
    StaticStrings.statuses[status.rawValue] ?? StaticStrings.unknown
}

@_cdecl("ehr_last_error_message")
public func ehr_last_error_message() -> UnsafePointer<CChar> {
    // Deliberately does not clear: reading the message is not a new call
    // that could fail.
    LastError.current
}
