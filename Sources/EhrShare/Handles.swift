// SPDX-License-Identifier: Apache-2.0
import CEhrShare

/// Opaque C handles (`ehr_ledger *`, `ehr_store *`, …) are retained Swift objects.
///
/// `make` stores one retain in the caller's out-parameter; `release` gives it back
/// (the `ehr_*_free` functions). In between, `borrow` reads the object without touching
/// its reference count. C has no way to say which class a pointer holds, so passing one
/// handle type where another is expected is a caller bug the header rules out; NULL is
/// always caught and reported.
enum Handles {
    /// Writes a new handle to `out`; the caller owns it until its `ehr_*_free`.
    static func make<T: AnyObject>(_ object: T, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ name: String) throws {
        guard let out else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        out.pointee = OpaquePointer(Unmanaged.passRetained(object).toOpaque())
    }

    /// Checks an out-parameter before the work that fills it, and clears it so a failed call
    /// never leaves a stale pointer for the caller to free.
    static func prepare(_ out: UnsafeMutablePointer<OpaquePointer?>?, _ name: String) throws {
        guard let out else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        out.pointee = nil
    }

    /// The object behind a handle the caller still owns.
    static func borrow<T: AnyObject>(_ handle: OpaquePointer?, as type: T.Type, _ name: String) throws -> T {
        guard let handle else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        return Unmanaged<T>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
    }

    /// Drops the caller's retain (NULL is a no-op, as the header promises for every free).
    static func release<T: AnyObject>(_ handle: OpaquePointer?, as type: T.Type) {
        guard let handle else { return }
        Unmanaged<T>.fromOpaque(UnsafeRawPointer(handle)).release()
    }
}
