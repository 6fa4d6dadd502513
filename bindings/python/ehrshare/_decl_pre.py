# SPDX-License-Identifier: Apache-2.0
"""ctypes declarations for the "Proxy re-encryption, envelopes and
signatures" section of ehrshare.h."""
from ctypes import POINTER, c_char_p, c_size_t, c_uint8, c_uint32, c_uint64

from ._types import ehr_status, handle, handlep, size_tp, u8p

#: const uint8_t *const *fragments
u8pp = POINTER(u8p)

# name: (restype, [argtypes])
DECLARATIONS = {
    "ehr_record_context_max_bytes": (c_size_t, []),
    # Handles
    "ehr_pre_context_new": (ehr_status, [handlep, u8p]),
    "ehr_pre_context_free": (None, [handle]),
    "ehr_pre_context_get_fingerprint": (ehr_status, [handle, u8p]),
    "ehr_identity_key_new": (ehr_status, [handlep, handle, u8p, c_size_t, u8p, u8p]),
    "ehr_identity_key_free": (None, [handle]),
    "ehr_replay_guard_new": (ehr_status, [handlep, c_uint64, c_size_t]),
    "ehr_replay_guard_free": (None, [handle]),
    "ehr_access_policy_new": (ehr_status, [handlep, u8p, c_size_t, u8p, c_size_t]),
    "ehr_access_policy_grant": (ehr_status, [handle, u8p, c_size_t, c_uint64]),
    "ehr_access_policy_revoke": (ehr_status, [handle, u8p, c_size_t]),
    "ehr_access_policy_free": (None, [handle]),
    # IBP1
    "ehr_ibp1_encrypt": (ehr_status, [handle, u8p, c_size_t, size_tp, u8p, u8p, c_size_t]),
    "ehr_ibp1_decrypt": (ehr_status, [handle, u8p, u8p, c_size_t]),
    "ehr_rekey_create": (ehr_status, [handle, u8p, c_size_t, size_tp, u8p, c_size_t]),
    "ehr_ibp1_reencrypt": (ehr_status, [u8p, c_size_t, size_tp, u8p, c_size_t, u8p, c_size_t]),
    # Threshold proxies
    "ehr_rekey_split": (ehr_status, [u8p, c_size_t, size_tp, u8p, c_size_t, c_uint32, c_uint32]),
    "ehr_fragment_create": (ehr_status, [u8p, c_size_t, size_tp, u8p, c_size_t, u8p, c_size_t]),
    "ehr_fragments_combine": (ehr_status, [u8p, c_size_t, size_tp, u8p, c_size_t, u8pp, size_tp,
                                           c_size_t, c_uint32]),
    "ehr_fragments_combine_verified": (ehr_status, [handle, u8p, c_size_t, size_tp, u8p, c_size_t, u8p,
                                                    c_size_t, u8pp, size_tp, c_size_t, c_uint32]),
    # Envelope
    "ehr_envelope_seal": (ehr_status, [handle, u8p, c_size_t, size_tp, u8p, c_size_t, u8p, c_size_t,
                                       u8p, c_size_t]),
    "ehr_envelope_open": (ehr_status, [handle, u8p, c_size_t, size_tp, u8p, c_size_t]),
    "ehr_envelope_reencrypt": (ehr_status, [u8p, c_size_t, size_tp, u8p, c_size_t, u8p, c_size_t]),
    "ehr_envelope_open_detached": (ehr_status, [handle, u8p, c_size_t, size_tp, u8p, c_size_t, u8p,
                                                c_size_t]),
    "ehr_envelope_get_header_length": (ehr_status, [size_tp, u8p, c_size_t]),
    "ehr_envelope_seal_file": (ehr_status, [handle, c_char_p, c_char_p, u8p, c_size_t, u8p, c_size_t]),
    "ehr_envelope_open_file": (ehr_status, [handle, c_char_p, c_char_p]),
    "ehr_envelope_reencrypt_file": (ehr_status, [c_char_p, u8p, c_size_t, c_char_p]),
    "ehr_envelope_open_detached_file": (ehr_status, [handle, c_char_p, u8p, c_size_t, c_char_p]),
    # Signatures and access requests
    "ehr_signature_sign": (ehr_status, [handle, u8p, c_size_t, size_tp, c_uint8, c_uint64, u8p, c_size_t]),
    "ehr_signature_verify": (ehr_status, [handle, u8p, c_size_t, size_tp, handle, u8p, c_size_t, c_uint8, u8p,
                                c_size_t, c_uint64]),
    "ehr_request_create": (ehr_status, [handle, u8p, c_size_t, size_tp, u8p, c_size_t, c_uint64]),
    "ehr_request_verify": (ehr_status, [handle, u8p, c_size_t, size_tp, handle, handle, u8p, c_size_t,
                                        c_uint64]),
}
