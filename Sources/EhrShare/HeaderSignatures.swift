// SPDX-License-Identifier: Apache-2.0
import CEhrShare

/// Compile-time proof that every `@_cdecl` function has exactly the type the
/// header declares (the sourcekit-lsp pattern): each line unifies the C
/// declaration imported from include/ehrshare.h with the Swift definition, so
/// a changed parameter, pointer constness, nullability or return type in
/// either place stops the build. Never called; it only has to type-check.
/// Each header section has its own `check…()` (HeaderSignatures+<Section>.swift).
enum HeaderSignatures {
    static func same<T>(_ header: T, _ swift: T) {}

    static func checkCore() {
        same(CEhrShare.ehr_init, EhrShare.ehr_init)
        same(CEhrShare.ehr_version_string, EhrShare.ehr_version_string)
        same(CEhrShare.ehr_abi_version, EhrShare.ehr_abi_version)
        same(CEhrShare.ehr_status_string, EhrShare.ehr_status_string)
        same(CEhrShare.ehr_last_error_message, EhrShare.ehr_last_error_message)
        same(CEhrShare.ehr_scalar_bytes, EhrShare.ehr_scalar_bytes)
        same(CEhrShare.ehr_g1_bytes, EhrShare.ehr_g1_bytes)
        same(CEhrShare.ehr_g2_bytes, EhrShare.ehr_g2_bytes)
        same(CEhrShare.ehr_gt_bytes, EhrShare.ehr_gt_bytes)
        same(CEhrShare.ehr_scalar_generate, EhrShare.ehr_scalar_generate)
        same(CEhrShare.ehr_scalar_check, EhrShare.ehr_scalar_check)
        same(CEhrShare.ehr_g1_check, EhrShare.ehr_g1_check)
        same(CEhrShare.ehr_g2_check, EhrShare.ehr_g2_check)
        same(CEhrShare.ehr_gt_check, EhrShare.ehr_gt_check)
        same(CEhrShare.ehr_g1_get_generator, EhrShare.ehr_g1_get_generator)
        same(CEhrShare.ehr_g2_get_generator, EhrShare.ehr_g2_get_generator)
        same(CEhrShare.ehr_gt_get_generator, EhrShare.ehr_gt_get_generator)
        same(CEhrShare.ehr_g1_add, EhrShare.ehr_g1_add)
        same(CEhrShare.ehr_g2_add, EhrShare.ehr_g2_add)
        same(CEhrShare.ehr_g1_mul, EhrShare.ehr_g1_mul)
        same(CEhrShare.ehr_g2_mul, EhrShare.ehr_g2_mul)
        same(CEhrShare.ehr_g1_hash, EhrShare.ehr_g1_hash)
        same(CEhrShare.ehr_g2_hash, EhrShare.ehr_g2_hash)
        same(CEhrShare.ehr_scalar_hash, EhrShare.ehr_scalar_hash)
        same(CEhrShare.ehr_pairing_compute, EhrShare.ehr_pairing_compute)
        same(CEhrShare.ehr_pairing_product, EhrShare.ehr_pairing_product)
        same(CEhrShare.ehr_pairing_check, EhrShare.ehr_pairing_check)
        same(CEhrShare.ehr_gt_mul, EhrShare.ehr_gt_mul)
        same(CEhrShare.ehr_gt_div, EhrShare.ehr_gt_div)
        same(CEhrShare.ehr_gt_pow, EhrShare.ehr_gt_pow)
    }
}
