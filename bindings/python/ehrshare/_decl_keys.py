# SPDX-License-Identifier: Apache-2.0
"""ctypes declarations for the "Distributed key generation and threshold
keys" section of ehrshare.h."""
from ctypes import POINTER, Structure, c_int, c_size_t, c_uint16

from ._types import ehr_status, handle, handlep, size_tp, u8p


class DKGFault(Structure):
    """struct ehr_dkg_fault: the authority at fault and an ehr_dkg_fault_kind."""
    _fields_ = [("authority", c_uint16), ("kind", c_uint16)]


u16p = POINTER(c_uint16)
intp = POINTER(c_int)
faultp = POINTER(DKGFault)
#: const uint8_t *const * (an array of byte-string pointers).
u8pp = POINTER(u8p)

# name: (restype, [argtypes])
DECLARATIONS = {
    "ehr_dkg_node_public_key_bytes": (c_size_t, []),
    "ehr_dkg_node_secret_key_bytes": (c_size_t, []),
    "ehr_fingerprint_bytes": (c_size_t, []),
    "ehr_session_id_bytes": (c_size_t, []),
    "ehr_dkg_message_max_bytes": (c_size_t, []),
    # Node keys
    "ehr_dkg_node_key_generate": (ehr_status, [handlep]),
    "ehr_dkg_node_key_from_secret": (ehr_status, [handlep, u8p]),
    "ehr_dkg_node_key_get_public": (ehr_status, [handle, u8p]),
    "ehr_dkg_node_key_free": (None, [handle]),
    # DKG sessions
    "ehr_dkg_new": (ehr_status, [handlep, u8p, c_size_t, c_uint16, u8p, c_size_t, c_uint16, handle]),
    "ehr_dkg_start": (ehr_status, [handle, size_tp]),
    "ehr_dkg_advance": (ehr_status, [handle, size_tp]),
    "ehr_dkg_next_message": (ehr_status, [handle, u16p, u8p, c_size_t, size_tp]),
    "ehr_dkg_receive": (ehr_status, [handle, intp, u8p, c_size_t, c_uint16]),
    "ehr_dkg_get_round": (ehr_status, [handle, intp]),
    "ehr_dkg_get_faults": (ehr_status, [handle, faultp, c_size_t, size_tp]),
    "ehr_dkg_get_fault_log": (ehr_status, [handle, u8p, c_size_t, size_tp]),
    "ehr_dkg_get_session_id": (ehr_status, [handle, u8p]),
    "ehr_dkg_get_qual": (ehr_status, [handle, u16p, c_size_t, size_tp]),
    "ehr_dkg_get_params": (ehr_status, [handle, u8p, c_size_t, size_tp]),
    "ehr_dkg_get_master_public_key": (ehr_status, [handle, u8p]),
    "ehr_dkg_get_fingerprint": (ehr_status, [handle, u8p]),
    "ehr_dkg_get_key_share": (ehr_status, [handle, handlep]),
    "ehr_dkg_free": (None, [handle]),
    # PARAMS
    "ehr_params_from_bytes": (ehr_status, [handlep, u8p, c_size_t]),
    "ehr_params_to_bytes": (ehr_status, [handle, u8p, c_size_t, size_tp]),
    "ehr_params_get_threshold": (ehr_status, [handle, u16p, u16p]),
    "ehr_params_get_master_public_key": (ehr_status, [handle, u8p]),
    "ehr_params_get_fingerprint": (ehr_status, [handle, u8p]),
    "ehr_params_get_public_share": (ehr_status, [handle, u8p, c_uint16]),
    "ehr_params_free": (None, [handle]),
    # Key shares
    "ehr_key_share_new": (ehr_status, [handlep, handle, c_uint16, u8p]),
    "ehr_key_share_get_secret": (ehr_status, [handle, u8p]),
    "ehr_key_share_get_index": (ehr_status, [handle, u16p]),
    "ehr_key_share_issue": (ehr_status, [handle, u8p, c_size_t, size_tp, u8p, c_size_t]),
    "ehr_key_share_free": (None, [handle]),
    # Partial keys and identity keys
    "ehr_partial_key_verify": (ehr_status, [handle, u16p, u8p, c_size_t, u8p, c_size_t]),
    "ehr_identity_key_combine": (ehr_status, [handlep, handle, u8pp, size_tp, c_size_t, u8p, c_size_t]),
    "ehr_identity_key_get_decryption_key": (ehr_status, [handle, u8p]),
    "ehr_identity_key_get_signing_key": (ehr_status, [handle, u8p]),
    "ehr_identity_key_get_identity": (ehr_status, [handle, u8p, c_size_t, size_tp]),
    # Blinded issuance
    "ehr_blinding_new": (ehr_status, [handlep, handle, u8p, c_size_t]),
    "ehr_blinding_get_request": (ehr_status, [handle, u8p, c_size_t, size_tp]),
    "ehr_key_share_answer_blind": (ehr_status, [handle, u8p, c_size_t, size_tp, u8p, c_size_t, u8p, c_size_t]),
    "ehr_blinding_unblind": (ehr_status, [handle, u8p, c_size_t, size_tp, u8p, c_size_t]),
    "ehr_blinding_free": (None, [handle]),
}
