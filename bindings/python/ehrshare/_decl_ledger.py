# SPDX-License-Identifier: Apache-2.0
"""ctypes declarations for the "Ledger and record store" section of ehrshare.h."""
from ctypes import POINTER, c_char_p, c_int, c_size_t, c_uint8, c_uint16, c_uint32, c_uint64

from ._types import ehr_status, handle, handlep, size_tp, u8p

u16p = POINTER(c_uint16)
u64p = POINTER(c_uint64)
#: ehr_recovery and ehr_append_result are C enums (int-sized).
enum = c_int
enump = POINTER(c_int)

# name: (restype, [argtypes])
DECLARATIONS = {
    # Sizes
    "ehr_hash_bytes": (c_size_t, []),
    "ehr_tx_nonce_bytes": (c_size_t, []),
    "ehr_node_seed_bytes": (c_size_t, []),
    "ehr_node_public_key_bytes": (c_size_t, []),
    "ehr_node_signature_bytes": (c_size_t, []),
    # Node keys
    "ehr_node_key_generate": (ehr_status, [handlep]),
    "ehr_node_key_from_seed": (ehr_status, [handlep, u8p]),
    "ehr_node_key_free": (None, [handle]),
    "ehr_node_key_get_public": (ehr_status, [handle, u8p]),
    "ehr_node_key_sign": (ehr_status, [handle, u8p, u8p, c_size_t]),
    "ehr_node_signature_verify": (ehr_status, [u8p, u8p, c_size_t, u8p]),
    # Genesis
    "ehr_genesis_new": (ehr_status, [handlep, u8p, c_size_t, c_uint64, c_uint32, c_uint16,
                                     c_uint32, c_uint32, u8p]),
    "ehr_genesis_add_node": (ehr_status, [handle, u8p, c_size_t, u8p, c_uint64]),
    "ehr_genesis_from_bytes": (ehr_status, [handlep, u8p, c_size_t]),
    "ehr_genesis_to_bytes": (ehr_status, [handle, u8p, c_size_t, size_tp]),
    "ehr_genesis_get_hash": (ehr_status, [handle, u8p]),
    "ehr_genesis_free": (None, [handle]),
    # Ledger
    "ehr_ledger_open": (ehr_status, [handlep, c_char_p, u8p, c_size_t, u8p, enum]),
    "ehr_ledger_free": (None, [handle]),
    "ehr_ledger_get_open_report": (ehr_status, [handle, u64p, u64p, u8p, c_size_t, size_tp]),
    "ehr_ledger_verify": (ehr_status, [handle, u64p]),
    "ehr_ledger_submit": (ehr_status, [handle, u8p, u8p, c_size_t]),
    "ehr_ledger_get_pool_count": (ehr_status, [handle, size_tp]),
    "ehr_block_make": (ehr_status, [handle, u8p, c_size_t, size_tp, handle, c_uint16, c_uint64]),
    "ehr_block_append": (ehr_status, [handle, enump, u8p, c_size_t]),
    "ehr_block_append_batch": (ehr_status, [handle, size_tp, u8p, c_size_t]),
    # Queries
    "ehr_ledger_get_height": (ehr_status, [handle, u64p]),
    "ehr_ledger_get_irreversible_height": (ehr_status, [handle, u64p]),
    "ehr_ledger_get_tip_hash": (ehr_status, [handle, u8p]),
    "ehr_ledger_get_genesis_hash": (ehr_status, [handle, u8p]),
    "ehr_ledger_get_slot_at": (ehr_status, [handle, u64p, c_uint64]),
    "ehr_ledger_get_slot_time": (ehr_status, [handle, u64p, c_uint64]),
    "ehr_ledger_get_tip_slot": (ehr_status, [handle, u64p]),
    "ehr_ledger_get_schedule": (ehr_status, [handle, u16p, c_size_t, size_tp]),
    "ehr_ledger_get_active_producers": (ehr_status, [handle, u16p, c_size_t, size_tp]),
    "ehr_ledger_get_scheduled_producer": (ehr_status, [handle, u16p, c_uint64]),
    "ehr_ledger_get_node_count": (ehr_status, [handle, size_tp]),
    "ehr_ledger_get_node": (ehr_status, [handle, u64p, u64p, u8p, c_uint16]),
    "ehr_ledger_get_block": (ehr_status, [handle, u8p, c_size_t, size_tp, c_uint64]),
    "ehr_ledger_get_record": (ehr_status, [handle, u8p, u64p, u8p, c_size_t, size_tp,
                                       u8p, c_size_t, size_tp, u8p]),
    "ehr_ledger_grant": (ehr_status, [handle, u8p, u64p, u8p, u8p, c_size_t]),
    "ehr_ledger_get_request": (ehr_status, [handle, u8p, u64p, size_tp, u8p, c_size_t, size_tp,
                                        u16p, c_size_t, size_tp, u8p]),
    "ehr_ledger_get_request_receipt": (ehr_status, [handle, u8p, u8p, c_uint16]),
    "ehr_ledger_fetch_envelope": (ehr_status, [handle, u8p, c_size_t, size_tp, handle, u8p]),
    # Transactions
    "ehr_tx_make_vote": (ehr_status, [u8p, c_size_t, size_tp, handle, u8p, c_uint16, c_uint64,
                                      u16p, c_size_t]),
    "ehr_tx_make_register": (ehr_status, [u8p, c_size_t, size_tp, handle, handle, u8p, c_uint16,
                                          c_uint64, u8p, c_size_t, c_uint64]),
    "ehr_tx_make_receipt": (ehr_status, [u8p, c_size_t, size_tp, handle, u8p, c_uint16, u8p, u8p]),
    "ehr_tx_make_dkg": (ehr_status, [u8p, c_size_t, size_tp, handle, u8p, c_uint16, c_uint64,
                                     c_uint8, u8p, c_size_t]),
    "ehr_tx_make_record": (ehr_status, [u8p, c_size_t, size_tp, u8p, c_size_t, u8p, u8p, u8p,
                                        c_size_t, u8p, c_size_t, c_uint64, u8p, u8p, c_size_t]),
    "ehr_tx_make_policy": (ehr_status, [u8p, c_size_t, size_tp, u8p, c_size_t, u8p, c_uint8, u8p,
                                        c_size_t, c_uint64, c_uint64, u8p, u8p, c_size_t]),
    "ehr_tx_make_request": (ehr_status, [u8p, c_size_t, size_tp, u8p, c_size_t, u8p, c_uint8,
                                         c_uint64, u8p, u8p, c_size_t]),
    "ehr_tx_sign_identity": (ehr_status, [u8p, c_size_t, size_tp, u8p, u8p, u8p, u8p, c_size_t]),
    "ehr_tx_get_id": (ehr_status, [u8p, u8p, c_size_t]),
    "ehr_tx_get_signing_message": (ehr_status, [u8p, c_size_t, size_tp, u8p, u8p, c_size_t]),
    # Record store
    "ehr_store_open": (ehr_status, [handlep, c_char_p, c_char_p]),
    "ehr_store_free": (None, [handle]),
    "ehr_store_put": (ehr_status, [handle, u8p, c_size_t, size_tp, u8p, u8p, c_size_t]),
    "ehr_store_get": (ehr_status, [handle, u8p, c_size_t, size_tp, u8p, c_size_t, u8p]),
    "ehr_store_verify": (ehr_status, [handle, size_tp]),
}
