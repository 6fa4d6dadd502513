# SPDX-License-Identifier: Apache-2.0
"""The consortium ledger and the record store (docs/LEDGER.md) as Python classes.

Each class owns one C handle and frees it exactly once: in close(), on leaving a
`with` block, or when garbage-collected. Failures raise EhrError(status, message);
every value crosses as bytes (identities, ids, hashes, encodings).

    with NodeKey.generate() as key, Ledger.open(path, genesis.to_bytes(), None) as ledger:
        block = ledger.make_block(key, producer, slot)
        ledger.append(block)
"""
import ctypes
import enum
import struct
from typing import Iterable, List, Optional, Sequence, Tuple

from . import _ffi
from ._handle import Handle
from ._core import call_variable, check, in_buf, out_fixed
from .errors import EhrError, Status

lib = _ffi.lib
HASH_BYTES = lib.ehr_hash_bytes()
SEED_BYTES = lib.ehr_node_seed_bytes()
PUBLIC_KEY_BYTES = lib.ehr_node_public_key_bytes()
SIGNATURE_BYTES = lib.ehr_node_signature_bytes()
G2_BYTES = lib.ehr_g2_bytes()
NONCE_BYTES = lib.ehr_tx_nonce_bytes()


class Recovery(enum.IntEnum):
    """What Ledger.open does with a stored block that fails verification."""
    TAIL_ONLY = 0
    NONE = 1
    TRUNCATE = 2


class AppendResult(enum.IntEnum):
    """What Ledger.append did with a valid block."""
    EXTENDED = 0
    REORGANIZED = 1
    SIDE_BRANCH = 2


def _fixed(data: bytes, size: int, name: str):
    """A C array for a fixed-size input, refusing a wrong length before C sees it."""
    data = bytes(data)
    if len(data) != size:
        raise EhrError(Status.ERR_LENGTH, f"{name} must be {size} bytes, got {len(data)}")
    return (ctypes.c_uint8 * size).from_buffer_copy(data)


def _indices(fn, *before, after=()):
    """Calls an (out uint16_t*, cap, &len) query twice: size, then contents."""
    n = ctypes.c_size_t(0)
    status = fn(*before, None, 0, ctypes.byref(n), *after)
    if status not in (Status.OK, Status.ERR_BUFFER_TOO_SMALL):
        check(status)
    buf = (ctypes.c_uint16 * max(n.value, 1))()
    check(fn(*before, buf, n.value, ctypes.byref(n), *after))
    return [int(v) for v in buf[: n.value]]


def _new_handle(fn, *args) -> ctypes.c_void_p:
    out = ctypes.c_void_p()
    check(fn(ctypes.byref(out), *args))
    return out


class NodeKey(Handle):
    """An Ed25519 node key; the seed stays inside the library and is wiped on close()."""
    _free_name = "ehr_node_key_free"

    @classmethod
    def generate(cls) -> "NodeKey":
        return cls(_new_handle(lib.ehr_node_key_generate))

    @classmethod
    def from_seed(cls, seed: bytes) -> "NodeKey":
        return cls(_new_handle(lib.ehr_node_key_from_seed, _fixed(seed, SEED_BYTES, "seed")))

    @property
    def public_key(self) -> bytes:
        out = out_fixed(PUBLIC_KEY_BYTES)
        check(lib.ehr_node_key_get_public(self._h, out))
        return bytes(out)

    def sign(self, message: bytes) -> bytes:
        out = out_fixed(SIGNATURE_BYTES)
        buf, n = in_buf(message)
        check(lib.ehr_node_key_sign(self._h, out, buf, n))
        return bytes(out)


def verify_node_signature(public_key: bytes, message: bytes, signature: bytes) -> bool:
    """True when `signature` is a valid Ed25519 signature of `message` by `public_key`."""
    buf, n = in_buf(message)
    status = lib.ehr_node_signature_verify(_fixed(public_key, PUBLIC_KEY_BYTES, "public_key"), buf, n,
                                           _fixed(signature, SIGNATURE_BYTES, "signature"))
    if status == Status.ERR_VERIFY:
        return False
    check(status)
    return True


class Genesis(Handle):
    """Block 0: chain name, slot length, K, replay window, drift, seed and founding nodes."""
    _free_name = "ehr_genesis_free"

    @classmethod
    def new(cls, chain_name: bytes, genesis_time_ms: int, slot_ms: int, producers: int, seed: bytes,
            replay_window_ms: int = 300_000, max_drift_ms: Optional[int] = None) -> "Genesis":
        """`max_drift_ms` (how far ahead of the local clock a block may be) must be below
        `slot_ms`; it defaults to half a slot."""
        if max_drift_ms is None:
            max_drift_ms = slot_ms // 2
        name, n = in_buf(chain_name)
        return cls(_new_handle(lib.ehr_genesis_new, name, n, genesis_time_ms, slot_ms, producers,
                               replay_window_ms, max_drift_ms, _fixed(seed, HASH_BYTES, "seed")))

    @classmethod
    def build(cls, chain_name: bytes, genesis_time_ms: int, slot_ms: int, producers: int, seed: bytes,
              nodes: Iterable[Tuple[bytes, bytes, int]], **params) -> "Genesis":
        """A genesis with `nodes` as (name, public key, stake), in index order."""
        g = cls.new(chain_name, genesis_time_ms, slot_ms, producers, seed, **params)
        try:
            for name, key, stake in nodes:
                g.add_node(name, key, stake)
        except Exception:
            g.close()
            raise
        return g

    @classmethod
    def from_bytes(cls, data: bytes) -> "Genesis":
        buf, n = in_buf(data)
        return cls(_new_handle(lib.ehr_genesis_from_bytes, buf, n))

    def add_node(self, name: bytes, public_key: bytes, stake: int) -> None:
        buf, n = in_buf(name)
        check(lib.ehr_genesis_add_node(self._h, buf, n, _fixed(public_key, PUBLIC_KEY_BYTES, "public_key"),
                                       stake))

    def to_bytes(self) -> bytes:
        return call_variable(lib.ehr_genesis_to_bytes, self._h)

    @property
    def hash(self) -> bytes:
        out = out_fixed(HASH_BYTES)
        check(lib.ehr_genesis_get_hash(self._h, out))
        return bytes(out)


class OpenReport:
    """What Ledger.open found: blocks verified, and a cut tail if there was one."""

    def __init__(self, blocks_verified: int, truncated_from: Optional[int], reason: str):
        self.blocks_verified = blocks_verified
        self.truncated_from = truncated_from
        self.reason = reason

    def __repr__(self) -> str:
        return (f"OpenReport(blocks_verified={self.blocks_verified}, "
                f"truncated_from={self.truncated_from}, reason={self.reason!r})")


class RecordInfo:
    def __init__(self, owner: bytes, ciphertext_sha256: bytes, uri: bytes, height: int):
        self.owner, self.ciphertext_sha256, self.uri, self.height = owner, ciphertext_sha256, uri, height


class RequestInfo:
    def __init__(self, requester: bytes, record_id: bytes, height: int, proxies: List[int], receipts: int):
        self.requester, self.record_id, self.height = requester, record_id, height
        self.proxies, self.receipts = proxies, receipts


class Ledger(Handle):
    """A durable ledger node: the verified chain, its state and a pool of pending transactions.

    Use from one thread at a time."""
    _free_name = "ehr_ledger_free"

    @classmethod
    def open(cls, path: str, genesis: Optional[bytes], master_public_key: Optional[bytes],
             recovery: Recovery = Recovery.TAIL_ONLY) -> "Ledger":
        """Opens (creating) the ledger at `path`; `genesis` may be None for an existing file;
        `master_public_key` is y (96 bytes) or None before the DKG (identity transactions
        are then refused)."""
        g, gn = in_buf(genesis or b"")
        mpk = None if master_public_key is None else _fixed(master_public_key, G2_BYTES, "master_public_key")
        return cls(_new_handle(lib.ehr_ledger_open, str(path).encode(), g if genesis else None, gn, mpk,
                               int(recovery)))

    @property
    def open_report(self) -> OpenReport:
        verified, cut = ctypes.c_uint64(), ctypes.c_uint64()
        reason = call_variable(lib.ehr_ledger_get_open_report, self._h, ctypes.byref(verified), ctypes.byref(cut))
        return OpenReport(verified.value, cut.value or None, reason.decode("utf-8", "replace"))

    def verify(self) -> int:
        """Re-verifies the stored chain; returns the blocks verified (EhrError on corruption)."""
        n = ctypes.c_uint64()
        check(lib.ehr_ledger_verify(self._h, ctypes.byref(n)))
        return n.value

    def submit(self, tx: bytes) -> bytes:
        """Adds a transaction to the pending pool after a dry run; returns its id."""
        out = out_fixed(HASH_BYTES)
        buf, n = in_buf(tx)
        check(lib.ehr_ledger_submit(self._h, out, buf, n))
        return bytes(out)

    @property
    def pool_count(self) -> int:
        n = ctypes.c_size_t()
        check(lib.ehr_ledger_get_pool_count(self._h, ctypes.byref(n)))
        return n.value

    def make_block(self, key: NodeKey, producer: int, slot: int) -> bytes:
        """Builds and signs the block of `slot` from the pool (not appended)."""
        return call_variable(lib.ehr_block_make, self._h, args_after=(key._h, producer, slot))

    def append(self, block: bytes) -> AppendResult:
        result = ctypes.c_int()
        buf, n = in_buf(block)
        check(lib.ehr_block_append(self._h, ctypes.byref(result), buf, n))
        return AppendResult(result.value)

    def append_batch(self, blocks: Sequence[bytes]) -> int:
        """Appends consecutive blocks with one durable write; returns how many. On a refused
        block raises EhrError (the blocks before it stay appended; see `height`)."""
        packed = b"".join(struct.pack(">I", len(b)) + bytes(b) for b in blocks)
        n = ctypes.c_size_t()
        buf, size = in_buf(packed)
        check(lib.ehr_block_append_batch(self._h, ctypes.byref(n), buf, size))
        return n.value

    def _u64(self, fn, *after) -> int:
        v = ctypes.c_uint64()
        check(fn(self._h, ctypes.byref(v), *after))
        return v.value

    def _hash(self, fn) -> bytes:
        out = out_fixed(HASH_BYTES)
        check(fn(self._h, out))
        return bytes(out)

    @property
    def height(self) -> int:
        return self._u64(lib.ehr_ledger_get_height)

    @property
    def irreversible_height(self) -> int:
        return self._u64(lib.ehr_ledger_get_irreversible_height)

    @property
    def tip_hash(self) -> bytes:
        return self._hash(lib.ehr_ledger_get_tip_hash)

    @property
    def genesis_hash(self) -> bytes:
        return self._hash(lib.ehr_ledger_get_genesis_hash)

    @property
    def tip_slot(self) -> int:
        return self._u64(lib.ehr_ledger_get_tip_slot)

    def slot_at(self, unix_ms: int) -> int:
        return self._u64(lib.ehr_ledger_get_slot_at, unix_ms)

    def slot_time(self, slot: int) -> int:
        return self._u64(lib.ehr_ledger_get_slot_time, slot)

    @property
    def schedule(self) -> List[int]:
        return _indices(lib.ehr_ledger_get_schedule, self._h)

    @property
    def active_producers(self) -> List[int]:
        return _indices(lib.ehr_ledger_get_active_producers, self._h)

    def scheduled_producer(self, slot: int) -> int:
        p = ctypes.c_uint16()
        check(lib.ehr_ledger_get_scheduled_producer(self._h, ctypes.byref(p), slot))
        return p.value

    @property
    def node_count(self) -> int:
        n = ctypes.c_size_t()
        check(lib.ehr_ledger_get_node_count(self._h, ctypes.byref(n)))
        return n.value

    def node(self, index: int) -> Tuple[int, int, bytes]:
        """(stake, next sequence, public key) of a node."""
        stake, seq, key = ctypes.c_uint64(), ctypes.c_uint64(), out_fixed(PUBLIC_KEY_BYTES)
        check(lib.ehr_ledger_get_node(self._h, ctypes.byref(stake), ctypes.byref(seq), key, index))
        return stake.value, seq.value, bytes(key)

    def next_sequence(self, index: int) -> int:
        return self.node(index)[1]

    def block(self, height: int) -> bytes:
        return call_variable(lib.ehr_ledger_get_block, self._h, args_after=(height,))

    def record(self, record_id: bytes) -> RecordInfo:
        rid = _fixed(record_id, HASH_BYTES, "record_id")
        digest, height = out_fixed(HASH_BYTES), ctypes.c_uint64()
        olen, ulen = ctypes.c_size_t(), ctypes.c_size_t()
        args = (self._h, digest, ctypes.byref(height))
        status = lib.ehr_ledger_get_record(*args, None, 0, ctypes.byref(olen), None, 0, ctypes.byref(ulen), rid)
        if status != Status.ERR_BUFFER_TOO_SMALL:
            check(status)
        owner, uri = out_fixed(max(olen.value, 1)), out_fixed(max(ulen.value, 1))
        check(lib.ehr_ledger_get_record(*args, owner, olen.value, ctypes.byref(olen), uri, ulen.value,
                                    ctypes.byref(ulen), rid))
        return RecordInfo(bytes(owner[: olen.value]), bytes(digest), bytes(uri[: ulen.value]), height.value)

    def grant(self, record_id: bytes, identity: bytes) -> Tuple[bool, int]:
        """(revoked, expires_at ms or 0) of an identity's grant; EhrError NOT_FOUND if none."""
        revoked, expires = ctypes.c_uint8(), ctypes.c_uint64()
        buf, n = in_buf(identity)
        check(lib.ehr_ledger_grant(self._h, ctypes.byref(revoked), ctypes.byref(expires),
                                   _fixed(record_id, HASH_BYTES, "record_id"), buf, n))
        return bool(revoked.value), expires.value

    def request(self, request_id: bytes) -> RequestInfo:
        rid = _fixed(request_id, HASH_BYTES, "request_id")
        record, height, receipts = out_fixed(HASH_BYTES), ctypes.c_uint64(), ctypes.c_size_t()
        rlen, plen = ctypes.c_size_t(), ctypes.c_size_t()
        args = (self._h, record, ctypes.byref(height), ctypes.byref(receipts))
        status = lib.ehr_ledger_get_request(*args, None, 0, ctypes.byref(rlen), None, 0, ctypes.byref(plen), rid)
        if status != Status.ERR_BUFFER_TOO_SMALL:
            check(status)
        requester, proxies = out_fixed(max(rlen.value, 1)), (ctypes.c_uint16 * max(plen.value, 1))()
        check(lib.ehr_ledger_get_request(*args, requester, rlen.value, ctypes.byref(rlen), proxies, plen.value,
                                     ctypes.byref(plen), rid))
        return RequestInfo(bytes(requester[: rlen.value]), bytes(record), height.value,
                           [int(p) for p in proxies[: plen.value]], receipts.value)

    def receipt(self, request_id: bytes, proxy: int) -> bytes:
        """The re-encrypted hash `proxy` reported for a request (EhrError NOT_FOUND if none)."""
        out = out_fixed(HASH_BYTES)
        check(lib.ehr_ledger_get_request_receipt(self._h, out, _fixed(request_id, HASH_BYTES, "request_id"), proxy))
        return bytes(out)

    def fetch_envelope(self, store: "RecordStore", record_id: bytes) -> bytes:
        """A record's envelope from `store`, checked against the digest on the chain."""
        return call_variable(lib.ehr_ledger_fetch_envelope, self._h,
                             args_after=(store._h, _fixed(record_id, HASH_BYTES, "record_id")))


class RecordStore(Handle):
    """The content-addressed envelope store: put → (URI, SHA-256); get re-hashes."""
    _free_name = "ehr_store_free"

    @classmethod
    def open(cls, path: str, name: str) -> "RecordStore":
        return cls(_new_handle(lib.ehr_store_open, str(path).encode(), name.encode()))

    def put(self, data: bytes) -> Tuple[bytes, bytes]:
        """Stores `data`; returns (uri, sha256)."""
        digest = out_fixed(HASH_BYTES)
        buf, n = in_buf(data)
        uri = call_variable(lib.ehr_store_put, self._h, args_after=(digest, buf, n))
        return uri, bytes(digest)

    def get(self, uri: bytes, expected_sha256: bytes) -> bytes:
        ubuf, un = in_buf(uri)
        return call_variable(lib.ehr_store_get, self._h,
                             args_after=(ubuf, un, _fixed(expected_sha256, HASH_BYTES, "expected_sha256")))

    def verify(self) -> int:
        """Re-hashes every envelope; returns 0, or raises EhrError(ERR_CORRUPT)."""
        bad = ctypes.c_size_t()
        check(lib.ehr_store_verify(self._h, ctypes.byref(bad)))
        return bad.value


# --- Transactions -----------------------------------------------------------

def make_vote(key: NodeKey, genesis_hash: bytes, voter: int, sequence: int, candidates: Sequence[int]) -> bytes:
    arr = (ctypes.c_uint16 * max(len(candidates), 1))(*candidates)
    return call_variable(lib.ehr_tx_make_vote, args_after=(
        key._h, _fixed(genesis_hash, HASH_BYTES, "genesis_hash"), voter, sequence, arr, len(candidates)))


def make_register(sponsor_key: NodeKey, node_key: NodeKey, genesis_hash: bytes, sponsor: int,
                  sponsor_sequence: int, name: bytes, stake: int) -> bytes:
    buf, n = in_buf(name)
    return call_variable(lib.ehr_tx_make_register, args_after=(
        sponsor_key._h, node_key._h, _fixed(genesis_hash, HASH_BYTES, "genesis_hash"), sponsor,
        sponsor_sequence, buf, n, stake))


def make_receipt(key: NodeKey, genesis_hash: bytes, proxy: int, request_id: bytes,
                 reencrypted_sha256: bytes) -> bytes:
    return call_variable(lib.ehr_tx_make_receipt, args_after=(
        key._h, _fixed(genesis_hash, HASH_BYTES, "genesis_hash"), proxy,
        _fixed(request_id, HASH_BYTES, "request_id"), _fixed(reencrypted_sha256, HASH_BYTES, "reencrypted_sha256")))


def make_dkg(key: NodeKey, genesis_hash: bytes, sender: int, sequence: int, message_type: int,
             payload: bytes) -> bytes:
    buf, n = in_buf(payload)
    return call_variable(lib.ehr_tx_make_dkg, args_after=(
        key._h, _fixed(genesis_hash, HASH_BYTES, "genesis_hash"), sender, sequence, message_type, buf, n))


def pack_grants(grants: Iterable[Tuple[bytes, int]]) -> bytes:
    """The grant list of make_record: (identity, expires_at ms or 0) pairs."""
    return b"".join(struct.pack(">H", len(i)) + bytes(i) + struct.pack(">Q", e) for i, e in grants)


def make_record(owner: bytes, record_id: bytes, ciphertext_sha256: bytes, uri: bytes,
                grants: Iterable[Tuple[bytes, int]], timestamp_ms: int, nonce: bytes,
                signature: bytes = b"") -> bytes:
    o, on = in_buf(owner)
    u, un = in_buf(uri)
    g, gn = in_buf(pack_grants(grants))
    s, sn = in_buf(signature)
    return call_variable(lib.ehr_tx_make_record, args_after=(
        o, on, _fixed(record_id, HASH_BYTES, "record_id"), _fixed(ciphertext_sha256, HASH_BYTES, "ciphertext_sha256"),
        u, un, g, gn, timestamp_ms, _fixed(nonce, NONCE_BYTES, "nonce"), s, sn))


def make_policy(owner: bytes, record_id: bytes, action: int, subject: bytes, expires_at: int,
                timestamp_ms: int, nonce: bytes, signature: bytes = b"") -> bytes:
    o, on = in_buf(owner)
    j, jn = in_buf(subject)
    s, sn = in_buf(signature)
    return call_variable(lib.ehr_tx_make_policy, args_after=(
        o, on, _fixed(record_id, HASH_BYTES, "record_id"), action, j, jn, expires_at, timestamp_ms,
        _fixed(nonce, NONCE_BYTES, "nonce"), s, sn))


def make_request(requester: bytes, record_id: bytes, proxies: int, timestamp_ms: int, nonce: bytes,
                 signature: bytes = b"") -> bytes:
    r, rn = in_buf(requester)
    s, sn = in_buf(signature)
    return call_variable(lib.ehr_tx_make_request, args_after=(
        r, rn, _fixed(record_id, HASH_BYTES, "record_id"), proxies, timestamp_ms,
        _fixed(nonce, NONCE_BYTES, "nonce"), s, sn))


def sign_identity(tx: bytes, signing_key: bytes, master_public_key: bytes, genesis_hash: bytes) -> bytes:
    """`tx` (record, policy or request) with its Cha–Cheon SIGNED envelope filled in;
    `signing_key` is the signer's sks (48 bytes, secret), `master_public_key` is y."""
    buf, n = in_buf(tx)
    key = _fixed(signing_key, lib.ehr_g1_bytes(), "signing_key")
    try:
        return call_variable(lib.ehr_tx_sign_identity, args_after=(
            key, _fixed(master_public_key, G2_BYTES, "master_public_key"),
            _fixed(genesis_hash, HASH_BYTES, "genesis_hash"), buf, n))
    finally:
        ctypes.memset(key, 0, len(key))


def tx_id(tx: bytes) -> bytes:
    out = out_fixed(HASH_BYTES)
    buf, n = in_buf(tx)
    check(lib.ehr_tx_get_id(out, buf, n))
    return bytes(out)


def signing_message(genesis_hash: bytes, tx: bytes) -> bytes:
    """The bytes a transaction's signatures cover (an identity signature's SIGNED payload)."""
    buf, n = in_buf(tx)
    return call_variable(lib.ehr_tx_get_signing_message, args_after=(
        _fixed(genesis_hash, HASH_BYTES, "genesis_hash"), buf, n))


__all__ = [
    "AppendResult", "Genesis", "Ledger", "NodeKey", "OpenReport", "RecordInfo", "RecordStore", "Recovery",
    "RequestInfo", "make_dkg", "make_policy", "make_receipt", "make_record", "make_register", "make_request",
    "make_vote", "pack_grants", "sign_identity", "signing_message", "tx_id", "verify_node_signature",
]
