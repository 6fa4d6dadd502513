// SPDX-License-Identifier: Apache-2.0
import CEhrShare

/// The PRE section of include/ehrshare.h ("Proxy re-encryption, envelopes
/// and signatures"): each line fails to compile if a Swift definition in
/// Sources/EhrShare/PRE drifts from its C declaration.
extension HeaderSignatures {
    static func checkPRE() {
        same(CEhrShare.ehr_record_context_max_bytes, EhrShare.ehr_record_context_max_bytes)
        same(CEhrShare.ehr_pre_context_new, EhrShare.ehr_pre_context_new)
        same(CEhrShare.ehr_pre_context_free, EhrShare.ehr_pre_context_free)
        same(CEhrShare.ehr_pre_context_get_fingerprint, EhrShare.ehr_pre_context_get_fingerprint)
        same(CEhrShare.ehr_identity_key_new, EhrShare.ehr_identity_key_new)
        same(CEhrShare.ehr_identity_key_free, EhrShare.ehr_identity_key_free)
        same(CEhrShare.ehr_replay_guard_new, EhrShare.ehr_replay_guard_new)
        same(CEhrShare.ehr_replay_guard_free, EhrShare.ehr_replay_guard_free)
        same(CEhrShare.ehr_access_policy_new, EhrShare.ehr_access_policy_new)
        same(CEhrShare.ehr_access_policy_grant, EhrShare.ehr_access_policy_grant)
        same(CEhrShare.ehr_access_policy_revoke, EhrShare.ehr_access_policy_revoke)
        same(CEhrShare.ehr_access_policy_free, EhrShare.ehr_access_policy_free)
        same(CEhrShare.ehr_ibp1_encrypt, EhrShare.ehr_ibp1_encrypt)
        same(CEhrShare.ehr_ibp1_decrypt, EhrShare.ehr_ibp1_decrypt)
        same(CEhrShare.ehr_rekey_create, EhrShare.ehr_rekey_create)
        same(CEhrShare.ehr_ibp1_reencrypt, EhrShare.ehr_ibp1_reencrypt)
        same(CEhrShare.ehr_rekey_split, EhrShare.ehr_rekey_split)
        same(CEhrShare.ehr_fragment_create, EhrShare.ehr_fragment_create)
        same(CEhrShare.ehr_fragments_combine, EhrShare.ehr_fragments_combine)
        same(CEhrShare.ehr_fragments_combine_verified, EhrShare.ehr_fragments_combine_verified)
        same(CEhrShare.ehr_envelope_seal, EhrShare.ehr_envelope_seal)
        same(CEhrShare.ehr_envelope_open, EhrShare.ehr_envelope_open)
        same(CEhrShare.ehr_envelope_reencrypt, EhrShare.ehr_envelope_reencrypt)
        same(CEhrShare.ehr_envelope_open_detached, EhrShare.ehr_envelope_open_detached)
        same(CEhrShare.ehr_envelope_get_header_length, EhrShare.ehr_envelope_get_header_length)
        same(CEhrShare.ehr_envelope_seal_file, EhrShare.ehr_envelope_seal_file)
        same(CEhrShare.ehr_envelope_open_file, EhrShare.ehr_envelope_open_file)
        same(CEhrShare.ehr_envelope_reencrypt_file, EhrShare.ehr_envelope_reencrypt_file)
        same(CEhrShare.ehr_envelope_open_detached_file, EhrShare.ehr_envelope_open_detached_file)
        same(CEhrShare.ehr_signature_sign, EhrShare.ehr_signature_sign)
        same(CEhrShare.ehr_signature_verify, EhrShare.ehr_signature_verify)
        same(CEhrShare.ehr_request_create, EhrShare.ehr_request_create)
        same(CEhrShare.ehr_request_verify, EhrShare.ehr_request_verify)
    }
}
