// SPDX-License-Identifier: Apache-2.0
import CEhrShare

/// Opaque C handles (`ehr_ledger *`, `ehr_store *`, …) are retained Swift objects.
///
/// `make` stores one retain in the caller's out-parameter; `release` gives it back
/// (the `ehr_*_free` functions). In between, `borrow` reads the object without touching
/// its reference count. NULL is always caught, and so is a live handle of another kind
/// (an `ehr_store *` passed as an `ehr_ledger *`: C converts such pointers silently, and
/// ctypes passes any `void *`): the object's dynamic type is checked before use. A freed
/// or made-up pointer cannot be detected; that stays the caller's bug, as in every C API.
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
        let object = Unmanaged<AnyObject>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
        guard let typed = object as? T else {
            throw CABIFailure(EHR_ERR_PARAM, "\(name) is a handle of another kind")
        }
        return typed
    }

    /// Drops the caller's retain (NULL is a no-op, as the header promises for every free).
    /// A handle of another kind is left alone: a void function cannot report it, and
    /// releasing it here would free an object its real owner still uses.
    static func release<T: AnyObject>(_ handle: OpaquePointer?, as type: T.Type) {
        guard let handle else { return }
        let object = Unmanaged<AnyObject>.fromOpaque(UnsafeRawPointer(handle))
        guard object.takeUnretainedValue() is T else { return }
        object.release()
    }
}
