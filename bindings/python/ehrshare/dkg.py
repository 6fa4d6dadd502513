# SPDX-License-Identifier: Apache-2.0
"""Distributed key generation and threshold identity keys (PROTOCOL.md
sections 4 and 5) over the C ABI.

Each authority owns NodeKey (its long-term DKG channel keys) and runs one
DKGSession per key generation; the host carries the messages:

    keys = [NodeKey.generate() for _ in range(3)]
    roster = [(f"authority-{k}", key.public_key) for k, key in enumerate(keys, 1)]
    sessions = [DKGSession(roster, 2, nonce, k, keys[k - 1]) for k in (1, 2, 3)]
    outbox = {s.index: s.start() for s in sessions}
    for _ in range(6):            # deliver, then advance at each deadline
        deliver(outbox)
        outbox = {s.index: s.advance() for s in sessions}

When every session is done they agree on params_bytes(). Authority i then
issues partial keys from session.key_share(); a user verifies them against
PublicParams and combines any t into an IdentityKey.

Objects holding secrets free (and wipe) them in close(), on leaving a with
block, or when garbage-collected. Failures raise EhrError(status, message).
"""
import ctypes
import enum
from collections import namedtuple
from typing import Iterable, List, Sequence, Tuple, Union

from . import _ffi
from ._handle import Handle
from .pre import IdentityKey  # the one class of ehr_identity_key
from ._core import call_variable, check, in_buf, out_fixed
from ._decl_keys import DKGFault
from .errors import EhrError, Status

lib = _ffi.lib
NODE_PUBLIC_KEY_BYTES = lib.ehr_dkg_node_public_key_bytes()
NODE_SECRET_KEY_BYTES = lib.ehr_dkg_node_secret_key_bytes()
FINGERPRINT_BYTES = lib.ehr_fingerprint_bytes()
SESSION_ID_BYTES = lib.ehr_session_id_bytes()
DKG_MESSAGE_MAX_BYTES = lib.ehr_dkg_message_max_bytes()
SCALAR_BYTES = lib.ehr_scalar_bytes()
G1_BYTES = lib.ehr_g1_bytes()
G2_BYTES = lib.ehr_g2_bytes()

Identity = Union[str, bytes]


class Round(enum.IntEnum):
    """ehr_dkg_round: the round whose deadline has not passed yet."""
    IDLE = 0
    DEALING = 1
    COMPLAINTS = 2
    ANSWERS = 3
    FELDMAN = 4
    FELDMAN_COMPLAINTS = 5
    RECONSTRUCTION = 6
    DONE = 7
    FAILED = 8


class FaultKind(enum.IntEnum):
    """ehr_dkg_fault_kind: what a misbehaving authority did."""
    MISSING_COMMITMENT = 1
    EQUIVOCATION = 2
    TOO_MANY_COMPLAINTS = 3
    UNANSWERED_COMPLAINT = 4
    INVALID_ANSWER = 5
    MISSING_FELDMAN = 6
    FELDMAN_MISMATCH = 7
    INVALID_FELDMAN_COMPLAINT = 8
    INVALID_REVEAL = 9
    MALFORMED_MESSAGE = 10


#: A message to send: `to` is 0 for a broadcast, else the recipient's index.
Message = namedtuple("Message", "to data")
#: A fault observed by a DKG: the authority at fault and a FaultKind.
Fault = namedtuple("Fault", "authority kind")


def _id_bytes(identity: Identity) -> bytes:
    return identity.encode("utf-8") if isinstance(identity, str) else bytes(identity)


def _fixed_in(data: bytes, size: int, what: str):
    """A C array of exactly `size` bytes; a wrong length is refused here, since
    the C function would read `size` bytes whatever Python passed."""
    data = bytes(data)
    if len(data) != size:
        raise EhrError(Status.ERR_LENGTH, f"{what} must be {size} bytes, got {len(data)}")
    return (ctypes.c_uint8 * size).from_buffer_copy(data)


def roster_bytes(entries: Iterable[Tuple[Identity, bytes]]) -> bytes:
    """The roster in its C form: per authority (index order) a u16 big-endian
    name length, the UTF-8 name and the 64-byte node public key."""
    out = bytearray()
    for name, public_key in entries:
        name = _id_bytes(name)
        if len(name) > 0xFFFF:
            raise EhrError(Status.ERR_PARAM, "roster name longer than 65535 bytes")
        out += len(name).to_bytes(2, "big") + name + bytes(public_key)
    return bytes(out)


class NodeKey(Handle):
    """An authority's long-term DKG channel keys (Ed25519 + X25519)."""
    _free_name = "ehr_dkg_node_key_free"

    @classmethod
    def generate(cls) -> "NodeKey":
        return cls._create(lib.ehr_dkg_node_key_generate)

    @classmethod
    def from_secret(cls, secret: bytes) -> "NodeKey":
        """From Ed25519 seed (32) || X25519 private key (32)."""
        return cls._create(lib.ehr_dkg_node_key_from_secret, _fixed_in(secret, NODE_SECRET_KEY_BYTES, "secret"))

    @property
    def public_key(self) -> bytes:
        """Ed25519 public key || X25519 public key: the roster entry's key."""
        out = out_fixed(NODE_PUBLIC_KEY_BYTES)
        check(lib.ehr_dkg_node_key_get_public(self._h, out))
        return bytes(out)


class PublicParams(Handle):
    """PARAMS (sid, t, n, y, Y_1..Y_n), decoded and validated once."""
    _free_name = "ehr_params_free"

    @classmethod
    def from_bytes(cls, data: bytes) -> "PublicParams":
        buf, n = in_buf(data)
        return cls._create(lib.ehr_params_from_bytes, buf, n)

    def to_bytes(self) -> bytes:
        return call_variable(lib.ehr_params_to_bytes, self._h)

    def _sizes(self) -> Tuple[int, int]:
        t, n = ctypes.c_uint16(), ctypes.c_uint16()
        check(lib.ehr_params_get_threshold(self._h, ctypes.byref(t), ctypes.byref(n)))
        return t.value, n.value

    @property
    def threshold(self) -> int:
        return self._sizes()[0]

    @property
    def n(self) -> int:
        return self._sizes()[1]

    @property
    def master_public_key(self) -> bytes:
        out = out_fixed(G2_BYTES)
        check(lib.ehr_params_get_master_public_key(self._h, out))
        return bytes(out)

    @property
    def fingerprint(self) -> bytes:
        out = out_fixed(FINGERPRINT_BYTES)
        check(lib.ehr_params_get_fingerprint(self._h, out))
        return bytes(out)

    def public_share(self, index: int) -> bytes:
        """Y_index (G2)."""
        out = out_fixed(G2_BYTES)
        check(lib.ehr_params_get_public_share(self._h, out, index))
        return bytes(out)

    def verify_partial_key(self, partial_key: bytes, identity: Identity) -> int:
        """Checks a PARTIAL_KEY for `identity`; returns the issuing authority's
        index. Raises EhrError (ERR_VERIFY naming the authority if wrong)."""
        index = ctypes.c_uint16(0)
        pk, pk_len = in_buf(partial_key)
        ident, id_len = in_buf(_id_bytes(identity))
        check(lib.ehr_partial_key_verify(self._h, ctypes.byref(index), pk, pk_len, ident, id_len))
        return index.value

    def combine(self, partial_keys: Sequence[bytes], identity: Identity) -> "IdentityKey":
        """Combines t (or more) partial keys of distinct authorities."""
        bufs = [in_buf(p) for p in partial_keys]
        count = len(bufs)
        ptrs = (ctypes.POINTER(ctypes.c_uint8) * max(count, 1))(
            *[ctypes.cast(b, ctypes.POINTER(ctypes.c_uint8)) for b, _ in bufs])
        lens = (ctypes.c_size_t * max(count, 1))(*[n for _, n in bufs])
        ident, id_len = in_buf(_id_bytes(identity))
        return IdentityKey._create(lib.ehr_identity_key_combine, self._h, ptrs, lens, count, ident, id_len)


class KeyShare(Handle):
    """Authority i's secret share x_i with its PARAMS; issues partial keys."""
    _free_name = "ehr_key_share_free"

    @classmethod
    def from_secret(cls, params: PublicParams, index: int, secret: bytes) -> "KeyShare":
        """Re-creates a share exported with secret(); checks x * g2 = Y_index."""
        return cls._create(lib.ehr_key_share_new, params._h, index, _fixed_in(secret, SCALAR_BYTES, "secret"))

    def secret(self) -> bytes:
        """x_i, 32 bytes big-endian: store it protected."""
        out = out_fixed(SCALAR_BYTES)
        check(lib.ehr_key_share_get_secret(self._h, out))
        return bytes(out)

    @property
    def index(self) -> int:
        i = ctypes.c_uint16(0)
        check(lib.ehr_key_share_get_index(self._h, ctypes.byref(i)))
        return i.value

    def issue(self, identity: Identity) -> bytes:
        """PARTIAL_KEY for `identity`: only after authenticating the requester
        as its holder (PROTOCOL.md section 5)."""
        ident, id_len = in_buf(_id_bytes(identity))
        return call_variable(lib.ehr_key_share_issue, self._h, args_after=(ident, id_len))

    def answer_blind(self, request: bytes, authenticated: Identity) -> bytes:
        """BLIND_PARTIAL for a BLIND_REQUEST of a requester authenticated (out
        of band) as `authenticated`."""
        req, req_len = in_buf(request)
        ident, id_len = in_buf(_id_bytes(authenticated))
        return call_variable(lib.ehr_key_share_answer_blind, self._h, args_after=(req, req_len, ident, id_len))


class Blinding(Handle):
    """User side of blinded issuance: a blinding factor for one identity and
    its BLIND_REQUEST. Each authority's BLIND_PARTIAL answer unblinds into an
    ordinary PARTIAL_KEY for PublicParams.combine."""
    _free_name = "ehr_blinding_free"

    def __init__(self, params: PublicParams, identity: Identity):
        ident, id_len = in_buf(_id_bytes(identity))
        ptr = ctypes.c_void_p()
        check(lib.ehr_blinding_new(ctypes.byref(ptr), params._h, ident, id_len))
        super().__init__(ptr)

    @property
    def request(self) -> bytes:
        return call_variable(lib.ehr_blinding_get_request, self._h)

    def unblind(self, answer: bytes) -> bytes:
        """Checks authority i's answer against Y_i; returns its PARTIAL_KEY."""
        buf, n = in_buf(answer)
        return call_variable(lib.ehr_blinding_unblind, self._h, args_after=(buf, n))


class DKGSession(Handle):
    """One authority's side of one DKG run (sans I/O).

    start() and advance() return the Messages to send; hand every message
    received from authority k to receive(data, k); call advance() at each of
    the six round deadlines. A message the library refuses raises EhrError
    naming its sender; the run goes on (the DKG deals with the sender)."""
    _free_name = "ehr_dkg_free"

    def __init__(self, roster: Union[bytes, Iterable[Tuple[Identity, bytes]]], threshold: int,
                 nonce: bytes, index: int, node_key: NodeKey):
        if not isinstance(roster, (bytes, bytearray)):
            roster = roster_bytes(roster)
        r, r_len = in_buf(roster)
        nc, nc_len = in_buf(nonce)
        ptr = ctypes.c_void_p()
        check(lib.ehr_dkg_new(ctypes.byref(ptr), r, r_len, threshold, nc, nc_len, index, node_key._h))
        super().__init__(ptr)
        self.index = index
        self._buf = (ctypes.c_uint8 * DKG_MESSAGE_MAX_BYTES)()

    def _drain(self) -> List[Message]:
        out = []
        to, n = ctypes.c_uint16(0), ctypes.c_size_t(0)
        while True:
            status = lib.ehr_dkg_next_message(self._h, ctypes.byref(to), self._buf, len(self._buf), ctypes.byref(n))
            if status == Status.ERR_NOT_FOUND:
                return out
            check(status)
            out.append(Message(to.value, bytes(self._buf[: n.value])))

    def start(self) -> List[Message]:
        check(lib.ehr_dkg_start(self._h, None))
        return self._drain()

    def advance(self) -> List[Message]:
        check(lib.ehr_dkg_advance(self._h, None))
        return self._drain()

    def receive(self, data: bytes, sender: int) -> bool:
        """Takes a message from authority `sender`; True if it was a repeat."""
        dup = ctypes.c_int(0)
        buf, n = in_buf(data)
        check(lib.ehr_dkg_receive(self._h, ctypes.byref(dup), buf, n, sender))
        return bool(dup.value)

    @property
    def round(self) -> Round:
        r = ctypes.c_int(0)
        check(lib.ehr_dkg_get_round(self._h, ctypes.byref(r)))
        return Round(r.value)

    @property
    def faults(self) -> List[Fault]:
        n = ctypes.c_size_t(0)
        status = lib.ehr_dkg_get_faults(self._h, None, 0, ctypes.byref(n))
        if status != Status.ERR_BUFFER_TOO_SMALL:
            check(status)
        arr = (DKGFault * max(n.value, 1))()
        check(lib.ehr_dkg_get_faults(self._h, arr, len(arr), ctypes.byref(n)))
        return [Fault(f.authority, FaultKind(f.kind)) for f in arr[: n.value]]

    @property
    def fault_log(self) -> str:
        """The faults as text, one line each with the library's detail."""
        return call_variable(lib.ehr_dkg_get_fault_log, self._h).decode("utf-8")

    @property
    def session_id(self) -> bytes:
        out = out_fixed(SESSION_ID_BYTES)
        check(lib.ehr_dkg_get_session_id(self._h, out))
        return bytes(out)

    @property
    def qual(self) -> List[int]:
        n = ctypes.c_size_t(0)
        status = lib.ehr_dkg_get_qual(self._h, None, 0, ctypes.byref(n))
        if status != Status.ERR_BUFFER_TOO_SMALL:
            check(status)
        arr = (ctypes.c_uint16 * max(n.value, 1))()
        check(lib.ehr_dkg_get_qual(self._h, arr, len(arr), ctypes.byref(n)))
        return list(arr[: n.value])

    def params_bytes(self) -> bytes:
        """PARAMS, for the ledger."""
        return call_variable(lib.ehr_dkg_get_params, self._h)

    def params(self) -> PublicParams:
        return PublicParams.from_bytes(self.params_bytes())

    @property
    def master_public_key(self) -> bytes:
        out = out_fixed(G2_BYTES)
        check(lib.ehr_dkg_get_master_public_key(self._h, out))
        return bytes(out)

    @property
    def fingerprint(self) -> bytes:
        out = out_fixed(FINGERPRINT_BYTES)
        check(lib.ehr_dkg_get_fingerprint(self._h, out))
        return bytes(out)

    def key_share(self) -> KeyShare:
        """This authority's share x_index (the run must be done)."""
        ptr = ctypes.c_void_p()
        check(lib.ehr_dkg_get_key_share(self._h, ctypes.byref(ptr)))
        return KeyShare(ptr)


def issue_partial_key(share: KeyShare, identity: Identity) -> bytes:
    return share.issue(identity)


def verify_partial_key(params: PublicParams, partial_key: bytes, identity: Identity) -> int:
    return params.verify_partial_key(partial_key, identity)


def combine_partial_keys(params: PublicParams, partial_keys: Sequence[bytes], identity: Identity) -> IdentityKey:
    return params.combine(partial_keys, identity)


__all__ = ["NodeKey", "DKGSession", "PublicParams", "KeyShare", "IdentityKey", "Blinding", "Message", "Fault",
           "Round", "FaultKind", "roster_bytes", "issue_partial_key", "verify_partial_key", "combine_partial_keys"]
