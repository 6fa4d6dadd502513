// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The thread-local message behind `ehr_last_error_message()`.
///
/// Swift has no `thread_local`, so each thread keeps a malloc'd C string under
/// a pthread key; the key's destructor frees it when the thread exits. The
/// string stays valid until the next `ehr_*` call on the same thread, which
/// either clears it (success) or replaces it (failure), as the header promises.
enum LastError {
    /// Created once (Swift globals are initialised lazily and thread-safely).
    private static let key: pthread_key_t? = {
        var key = pthread_key_t()
        let rc = pthread_key_create(&key) { pointer in
            free(pointer)
        }
        return rc == 0 ? key : nil
    }()

    /// Returned when nothing is stored; static, so never freed.
    nonisolated(unsafe) private static let empty: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()

    /// Replaces this thread's message (an empty string clears it).
    static func set(_ message: String) {
        guard let key else { return }
        if let old = pthread_getspecific(key) {
            free(old)
        }
        if message.isEmpty {
            pthread_setspecific(key, nil)
            return
        }
        let copy = message.withCString { strdup($0) }
        pthread_setspecific(key, copy.map { UnsafeRawPointer($0) })
    }

    static func clear() {
        guard let key, pthread_getspecific(key) != nil else { return }
        set("")
    }

    /// This thread's message, or "" when there is none.
    static var current: UnsafePointer<CChar> {
        guard let key, let p = pthread_getspecific(key) else {
            return UnsafePointer(empty)
        }
        return UnsafePointer(p.assumingMemoryBound(to: CChar.self))
    }
}
