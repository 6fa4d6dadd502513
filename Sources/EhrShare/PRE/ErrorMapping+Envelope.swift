// SPDX-License-Identifier: Apache-2.0
import CEhrShare
import EhrProtocol
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

// I/O failures of the streaming envelope (file forms): they concern the
// host's files, not the data, so they get the storage status.

extension EnvelopeIOError: CABIReportable {
    var cabiFailure: CABIFailure {
        let reason = strerror(errno).map { String(cString: $0) } ?? "errno \(errno)"
        return CABIFailure(EHR_ERR_STORAGE, "\(operation) failed: \(reason)")
    }
}
