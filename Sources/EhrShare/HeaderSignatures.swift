// SPDX-License-Identifier: Apache-2.0
import CEhrShare

/// Compile-time proof that every `@_cdecl` function has exactly the type the
/// header declares (the sourcekit-lsp pattern): each line unifies the C
/// declaration imported from include/ehrshare.h with the Swift definition, so
/// a changed parameter, pointer constness, nullability or return type in
/// either place stops the build. Never called; it only has to type-check.
enum HeaderSignatures {
    private static func same<T>(_ header: T, _ swift: T) {}

    static func check() {
        same(CEhrShare.ehr_init, EhrShare.ehr_init)
        same(CEhrShare.ehr_version_string, EhrShare.ehr_version_string)
        same(CEhrShare.ehr_abi_version, EhrShare.ehr_abi_version)
        same(CEhrShare.ehr_status_string, EhrShare.ehr_status_string)
        same(CEhrShare.ehr_last_error_message, EhrShare.ehr_last_error_message)
    }
}
