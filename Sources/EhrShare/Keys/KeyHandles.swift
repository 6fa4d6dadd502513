// SPDX-License-Identifier: Apache-2.0
import CEhrShare

/// Opaque handles of the C ABI: a retained Swift object behind a C pointer.
///
/// A handle is created with `Unmanaged.passRetained` and released only by its
/// `ehr_*_free`; borrowing one (`object`) does not change its retain count,
/// so a call that fails never leaks or frees a handle. A live handle of another
/// kind (easy from ctypes, where every handle is a `void *`) is caught by a
/// checked cast, as in `Handles` and `PREHandles`: EHR_ERR_PARAM, and frees
/// leave it alone. A freed or made-up pointer cannot be detected.
enum KeyHandles {
    /// Checks an `out` handle pointer before any work and clears `*out`, so a
    /// failed call leaves the caller with NULL rather than a stale value.
    static func requireOutput(_ out: UnsafeMutablePointer<OpaquePointer?>?, _ name: String) throws
        -> UnsafeMutablePointer<OpaquePointer?>
    {
        guard let out else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        out.pointee = nil
        return out
    }

    /// Hands `object` to C through `out`; the caller now owns one retain.
    static func publish<T: AnyObject>(_ object: T, to out: UnsafeMutablePointer<OpaquePointer?>) {
        out.pointee = OpaquePointer(Unmanaged.passRetained(object).toOpaque())
    }

    /// Borrows the object behind a handle the caller still owns.
    static func object<T: AnyObject>(_ handle: OpaquePointer?, as type: T.Type, _ name: String) throws -> T {
        try Handles.borrow(handle, as: type, name)
    }

    /// Drops the caller's retain; the object's deinit wipes its secrets.
    /// NULL is ignored, as the header promises for every `ehr_*_free`.
    static func release<T: AnyObject>(_ handle: OpaquePointer?, as type: T.Type) {
        Handles.release(handle, as: type)
    }
}
