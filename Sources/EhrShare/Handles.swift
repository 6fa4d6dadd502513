// SPDX-License-Identifier: Apache-2.0
import CEhrShare

/// The one handle helper of the C ABI: every opaque handle (`ehr_ledger *`, `ehr_dkg *`,
/// `ehr_pre_context *`, …) is a retained Swift object behind an incomplete C struct pointer.
///
/// `publish` stores one retain in the caller's out-parameter; `release` gives it back
/// (the `ehr_*_free` functions). In between, `borrow` reads the object without touching
/// its reference count, so a failed call never leaks or frees a handle. NULL is always
/// caught, and so is a live handle of another kind (an `ehr_store *` passed as an
/// `ehr_ledger *`: C converts such pointers silently, and ctypes passes any `void *`):
/// the object's dynamic type is checked before use, by `borrow` and by `release` alike.
/// A freed or made-up pointer cannot be detected; that stays the caller's bug, as in
/// every C API.
enum Handles {
    /// Checks an out-parameter before the work that fills it, and clears it so a failed
    /// call never leaves a stale pointer for the caller to free.
    @discardableResult
    static func prepare(_ out: UnsafeMutablePointer<OpaquePointer?>?, _ name: String) throws
        -> UnsafeMutablePointer<OpaquePointer?>
    {
        guard let out else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        out.pointee = nil
        return out
    }

    /// Hands `object` to C through a prepared `out`; the caller now owns one retain.
    static func publish(_ object: AnyObject, to out: UnsafeMutablePointer<OpaquePointer?>) {
        out.pointee = OpaquePointer(Unmanaged.passRetained(object).toOpaque())
    }

    /// `prepare` and `publish` in one step, for objects built before the out-parameter
    /// is looked at.
    static func make<T: AnyObject>(_ object: T, _ out: UnsafeMutablePointer<OpaquePointer?>?, _ name: String) throws {
        publish(object, to: try prepare(out, name))
    }

    /// The object behind a handle the caller still owns, borrowed for the call.
    static func borrow<T: AnyObject>(_ handle: OpaquePointer?, as type: T.Type, _ name: String) throws -> T {
        guard let handle else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        let object = Unmanaged<AnyObject>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
        guard let typed = object as? T else {
            throw CABIFailure(
                EHR_ERR_PARAM, "\(name) is a handle of another kind (\(Swift.type(of: object)), not \(T.self))")
        }
        return typed
    }

    /// Drops the caller's retain (NULL is a no-op, as the header promises for every free).
    /// A live handle of another kind is left alone: a void function cannot report it, and
    /// releasing it here would free an object its real owner still uses (a use-after-free
    /// in the host). `prepare` sees the object first, e.g. to wipe secrets while it is
    /// alive whatever other references exist.
    static func release<T: AnyObject>(_ handle: OpaquePointer?, as type: T.Type, prepare: (T) -> Void = { _ in }) {
        guard let handle else { return }
        let object = Unmanaged<AnyObject>.fromOpaque(UnsafeRawPointer(handle))
        guard let typed = object.takeUnretainedValue() as? T else { return }
        prepare(typed)
        object.release()
    }
}
