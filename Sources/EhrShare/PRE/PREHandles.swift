// SPDX-License-Identifier: Apache-2.0
import CEhrShare

/// Opaque handles of the PRE section: a retained Swift object behind an
/// incomplete C struct pointer (`ehr_pre_context *` and friends import as
/// `OpaquePointer`).
///
/// Handles are resolved through `AnyObject` and a checked cast, so passing a
/// handle of one kind where another is expected (an easy ctypes mistake,
/// since every handle is a `void *` there) is EHR_ERR_PARAM instead of
/// undefined behaviour. A dangling or foreign pointer cannot be detected.
enum PREHandles {
    /// Stores a +1 reference to `object` in `*out`.
    static func publish(_ object: AnyObject, to out: UnsafeMutablePointer<OpaquePointer?>) {
        out.pointee = OpaquePointer(Unmanaged.passRetained(object).toOpaque())
    }

    /// Checks an out-parameter before any work, clearing it so that a failed
    /// call leaves NULL behind (the header promises that).
    static func requireOut(_ out: UnsafeMutablePointer<OpaquePointer?>?, _ name: String) throws
        -> UnsafeMutablePointer<OpaquePointer?>
    {
        guard let out else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        out.pointee = nil
        return out
    }

    /// The object behind a handle, borrowed for the duration of the call.
    static func object<T: AnyObject>(_ handle: OpaquePointer?, as type: T.Type, _ name: String) throws -> T {
        guard let handle else { throw CABIFailure(EHR_ERR_NULL_POINTER, "\(name) is NULL") }
        let any = Unmanaged<AnyObject>.fromOpaque(UnsafeRawPointer(handle)).takeUnretainedValue()
        guard let typed = any as? T else {
            throw CABIFailure(EHR_ERR_PARAM, "\(name) is a handle of another kind (\(Swift.type(of: any)))")
        }
        return typed
    }

    /// Drops the reference `publish` stored; NULL is a no-op. Returns the
    /// object first to `prepare` (e.g. to wipe secrets while it is still
    /// alive, whatever other references exist).
    static func release(_ handle: OpaquePointer?, prepare: (AnyObject) -> Void = { _ in }) {
        guard let handle else { return }
        let unmanaged = Unmanaged<AnyObject>.fromOpaque(UnsafeRawPointer(handle))
        prepare(unmanaged.takeUnretainedValue())
        unmanaged.release()
    }
}
