# SPDX-License-Identifier: Apache-2.0
"""ctypes declarations for the library, size and BLS12-381 sections of ehrshare.h."""
from ctypes import c_char_p, c_size_t, c_uint32

from ._types import ehr_status, size_tp, u8p  # noqa: F401

# name: (restype, [argtypes])
DECLARATIONS = {
    # Library
    "ehr_init": (ehr_status, [c_uint32]),
    "ehr_version_string": (c_char_p, []),
    "ehr_abi_version": (c_uint32, []),
    "ehr_status_string": (c_char_p, [ehr_status]),
    "ehr_last_error_message": (c_char_p, []),
    "ehr_scalar_bytes": (c_size_t, []),
    "ehr_g1_bytes": (c_size_t, []),
    "ehr_g2_bytes": (c_size_t, []),
    "ehr_gt_bytes": (c_size_t, []),
    # BLS12-381 primitives
    "ehr_scalar_generate": (ehr_status, [u8p]),
    "ehr_scalar_check": (ehr_status, [u8p]),
    "ehr_g1_check": (ehr_status, [u8p]),
    "ehr_g2_check": (ehr_status, [u8p]),
    "ehr_gt_check": (ehr_status, [u8p]),
    "ehr_g1_get_generator": (ehr_status, [u8p]),
    "ehr_g2_get_generator": (ehr_status, [u8p]),
    "ehr_gt_get_generator": (ehr_status, [u8p]),
    "ehr_g1_add": (ehr_status, [u8p, u8p, u8p]),
    "ehr_g2_add": (ehr_status, [u8p, u8p, u8p]),
    "ehr_g1_mul": (ehr_status, [u8p, u8p, u8p]),
    "ehr_g2_mul": (ehr_status, [u8p, u8p, u8p]),
    "ehr_g1_hash": (ehr_status, [u8p, u8p, c_size_t, u8p, c_size_t]),
    "ehr_g2_hash": (ehr_status, [u8p, u8p, c_size_t, u8p, c_size_t]),
    "ehr_scalar_hash": (ehr_status, [u8p, u8p, c_size_t, u8p, c_size_t]),
    "ehr_pairing_compute": (ehr_status, [u8p, u8p, u8p]),
    "ehr_pairing_product": (ehr_status, [u8p, u8p, u8p, c_size_t]),
    "ehr_pairing_check": (ehr_status, [u8p, u8p, c_size_t]),
    "ehr_gt_mul": (ehr_status, [u8p, u8p, u8p]),
    "ehr_gt_div": (ehr_status, [u8p, u8p, u8p]),
    "ehr_gt_pow": (ehr_status, [u8p, u8p, u8p]),
}

