# SPDX-License-Identifier: Apache-2.0
"""Proxy re-encryption, sealed envelopes and signatures (PROTOCOL.md 6-9).

Objects travel as bytes in their v1 wire encodings (CT1, CT2, REKEY,
SEALED1/2, SIGNED, REKEY_SHARE, REENC_FRAGMENT). Handles (Context,
IdentityKey, ReplayGuard, AccessPolicy) own a library object: release it
with close() or a `with` block (garbage collection also frees it).

    with Context(y) as ctx, IdentityKey(ctx, "patient:alice", ske=a_ske) as alice, \
            IdentityKey(ctx, "doctor:bob", ske=b_ske) as bob:
        sealed = ctx.seal(b"record", "patient:alice", b"ledger:record/1")
        rk = alice.rekey("doctor:bob")                # the patient delegates
        for_bob = rk.reencrypt_envelope(sealed)       # the proxy: same body bytes
        assert bob.open(for_bob) == b"record"

Identities are str (encoded as UTF-8) or bytes, passed as given: the caller
canonicalises them (PROTOCOL.md section 3). Failures raise EhrError.
"""
import ctypes
import enum
import os
import time
from typing import Iterable, List, Optional, Tuple, Union

from . import _ffi
from ._handle import Handle
from ._core import call_variable, check, in_buf
from .bls import G1_BYTES, G2_BYTES, GT_BYTES
from .errors import EhrError, Status

lib = _ffi.lib
FINGERPRINT_BYTES = lib.ehr_fingerprint_bytes()
RECORD_CONTEXT_MAX_BYTES = lib.ehr_record_context_max_bytes()

IdLike = Union[str, bytes]


class Purpose(enum.IntEnum):
    """What a SIGNED envelope is for (EHR_PURPOSE_*); the byte is signed."""
    ACCESS_REQUEST = 1
    LEDGER_TX = 2
    REKEY_PUBLICATION = 3


def _id(identity: IdLike) -> bytes:
    return identity.encode("utf-8") if isinstance(identity, str) else bytes(identity)


def _fixed(data: Optional[bytes], size: int, name: str):
    """A C array of exactly `size` bytes, or None for None."""
    if data is None:
        return None
    data = bytes(data)
    if len(data) != size:
        raise EhrError(Status.ERR_LENGTH, f"{name} must be {size} bytes, got {len(data)}")
    return (ctypes.c_uint8 * size).from_buffer_copy(data)


def _now_ms() -> int:
    return int(time.time() * 1000)


def _path(p) -> bytes:
    return os.fsencode(p)


class Context(Handle):
    """A deployment: the master public key y (96-byte compressed G2), its
    fingerprint, precomputed pairing lines and the recipient cache.
    Thread-safe; one instance may serve every thread."""
    _free_name = "ehr_pre_context_free"

    def __init__(self, y: bytes):
        super().__init__()
        check(lib.ehr_pre_context_new(ctypes.byref(self._h), _fixed(y, G2_BYTES, "y")))

    @property
    def fingerprint(self) -> bytes:
        out = (ctypes.c_uint8 * FINGERPRINT_BYTES)()
        check(lib.ehr_pre_context_get_fingerprint(self, out))
        return bytes(out)

    def encrypt(self, m: bytes, identity: IdLike) -> bytes:
        """Enc1 of a GT element (576 bytes) to `identity`: a CT1 object."""
        i, il = in_buf(_id(identity))
        return call_variable(lib.ehr_ibp1_encrypt, self, args_after=(_fixed(m, GT_BYTES, "m"), i, il))

    def seal(self, plaintext: bytes, owner: IdLike, record_context: bytes = b"") -> bytes:
        """Seals a record to its owner: a SEALED1 object."""
        o, ol = in_buf(_id(owner))
        c, cl = in_buf(record_context)
        p, pl = in_buf(plaintext)
        return call_variable(lib.ehr_envelope_seal, self, args_after=(o, ol, c, cl, p, pl))

    def seal_file(self, in_path, out_path, owner: IdLike, record_context: bytes = b"") -> None:
        """Seals the file at in_path into a SEALED1 file at out_path (streaming)."""
        o, ol = in_buf(_id(owner))
        c, cl = in_buf(record_context)
        check(lib.ehr_envelope_seal_file(self, _path(out_path), _path(in_path), o, ol, c, cl))


class IdentityKey(Handle):
    """One identity's decryption key ske and/or signing key sks (48-byte G1
    points from threshold extraction), checked against the context's y on
    import (EhrError ERR_VERIFY for a key of another identity). close()
    overwrites the keys inside the library."""
    _free_name = "ehr_identity_key_free"

    def __init__(self, context: Context, identity: IdLike, ske: Optional[bytes] = None,
                 sks: Optional[bytes] = None):
        super().__init__()
        i, il = in_buf(_id(identity))
        check(lib.ehr_identity_key_new(ctypes.byref(self._h), context, i, il,
                                       _fixed(ske, G1_BYTES, "ske"), _fixed(sks, G1_BYTES, "sks")))

    @classmethod
    def from_bytes(cls, params, identity: IdLike, decryption_key: bytes,
                   signing_key: bytes) -> "IdentityKey":
        """Loads exported keys, checking both against the master public key of
        `params` (a dkg.PublicParams): a key restored from a backup."""
        with Context(params.master_public_key) as ctx:
            return cls(ctx, identity, ske=decryption_key, sks=signing_key)

    @property
    def identity(self) -> bytes:
        """The identity the keys were extracted for (read from the library)."""
        return call_variable(lib.ehr_identity_key_get_identity, self)

    @property
    def decryption_key(self) -> bytes:
        """Exports ske (48 bytes). Secret: prefer keeping the key in this handle."""
        out = (ctypes.c_uint8 * G1_BYTES)()
        check(lib.ehr_identity_key_get_decryption_key(self, out))
        return bytes(out)

    @property
    def signing_key(self) -> bytes:
        """Exports sks (48 bytes). Secret: prefer keeping the key in this handle."""
        out = (ctypes.c_uint8 * G1_BYTES)()
        check(lib.ehr_identity_key_get_signing_key(self, out))
        return bytes(out)

    def decrypt(self, ct: bytes) -> bytes:
        """Dec1 of a CT1 or Dec2 of a CT2 object: the GT element (576 bytes)."""
        out = (ctypes.c_uint8 * GT_BYTES)()
        c, cl = in_buf(ct)
        check(lib.ehr_ibp1_decrypt(self, out, c, cl))
        return bytes(out)

    def open(self, sealed: bytes) -> bytes:
        """Opens a SEALED1 (own record) or SEALED2 (shared with us) object."""
        s, sl = in_buf(sealed)
        return call_variable(lib.ehr_envelope_open, self, args_after=(s, sl))

    def open_file(self, in_path, out_path) -> None:
        """Opens a sealed file into out_path (removed again on any failure)."""
        check(lib.ehr_envelope_open_file(self, _path(out_path), _path(in_path)))

    def open_detached(self, header: bytes, body: bytes) -> bytes:
        """Opens a stored body under one reader's header (one-to-many)."""
        h, hl = in_buf(header)
        b, bl = in_buf(body)
        return call_variable(lib.ehr_envelope_open_detached, self, args_after=(h, hl, b, bl))

    def open_detached_file(self, header: bytes, body_path, out_path) -> None:
        """Opens the body file at body_path under `header` into out_path."""
        h, hl = in_buf(header)
        check(lib.ehr_envelope_open_detached_file(self, _path(out_path), h, hl, _path(body_path)))

    def rekey(self, delegatee: IdLike) -> "ReKey":
        """A re-encryption key from this identity to `delegatee`."""
        d, dl = in_buf(_id(delegatee))
        return ReKey(call_variable(lib.ehr_rekey_create, self, args_after=(d, dl)))

    def sign(self, payload: bytes, purpose: int = Purpose.LEDGER_TX,
             timestamp_ms: Optional[int] = None) -> bytes:
        """A SIGNED envelope of `payload` by this identity."""
        return sign(self, payload, purpose, timestamp_ms)

    def create_request(self, record_id: bytes, timestamp_ms: Optional[int] = None) -> bytes:
        """A signed access request for `record_id` with this identity as requester."""
        return create_request(self, record_id, timestamp_ms)


class ReKey:
    """A REKEY object rk_{i->j}: sensitive (a proxy holding it and colluding
    with j recovers i's key), so prefer split() among threshold proxies."""

    def __init__(self, data: bytes):
        self.data = bytes(data)

    def __bytes__(self) -> bytes:
        return self.data

    def reencrypt(self, ct: bytes) -> bytes:
        """CT1 -> CT2."""
        k, kl = in_buf(self.data)
        c, cl = in_buf(ct)
        return call_variable(lib.ehr_ibp1_reencrypt, args_after=(k, kl, c, cl))

    def reencrypt_envelope(self, sealed: bytes) -> bytes:
        """SEALED1 object -> SEALED2 object, or SEALED1 header -> SEALED2 header."""
        k, kl = in_buf(self.data)
        s, sl = in_buf(sealed)
        return call_variable(lib.ehr_envelope_reencrypt, args_after=(k, kl, s, sl))

    def reencrypt_file(self, in_path, out_path) -> None:
        k, kl = in_buf(self.data)
        check(lib.ehr_envelope_reencrypt_file(_path(out_path), k, kl, _path(in_path)))

    def split(self, threshold: int, proxies: int) -> List[bytes]:
        """`proxies` REKEY_SHARE objects, any `threshold` of which convert."""
        k, kl = in_buf(self.data)
        blob = call_variable(lib.ehr_rekey_split, args_after=(k, kl, threshold, proxies))
        size = len(blob) // proxies
        return [blob[i * size:(i + 1) * size] for i in range(proxies)]


def header_length(sealed: bytes) -> int:
    """Where the body of a SEALED1/SEALED2 object starts (validates the header)."""
    n = ctypes.c_size_t(0)
    s, sl = in_buf(sealed)
    check(lib.ehr_envelope_get_header_length(ctypes.byref(n), s, sl))
    return n.value


def split_envelope(sealed: bytes) -> Tuple[bytes, bytes]:
    """(header, body) of a sealed object."""
    n = header_length(sealed)
    return bytes(sealed[:n]), bytes(sealed[n:])


def reencrypt_fragment(share: bytes, ct: bytes) -> bytes:
    """Proxy k's REENC_FRAGMENT for a CT1 object or SEALED1 header/object."""
    s, sl = in_buf(share)
    c, cl = in_buf(ct)
    return call_variable(lib.ehr_fragment_create, args_after=(s, sl, c, cl))


def _fragment_arrays(fragments: Iterable[bytes]):
    """(const uint8_t *const *, const size_t *, count) for the combine calls.
    The pointer array keeps the buffers it points into alive."""
    bufs = [in_buf(bytes(f)) for f in fragments]
    ptrs = (ctypes.POINTER(ctypes.c_uint8) * max(len(bufs), 1))(
        *[ctypes.cast(b, ctypes.POINTER(ctypes.c_uint8)) for b, _ in bufs])
    ptrs._keep = bufs
    lens = (ctypes.c_size_t * max(len(bufs), 1))(*[n for _, n in bufs])
    return ptrs, lens, len(bufs)


def combine_fragments(ct: bytes, fragments: Iterable[bytes], proxies: int) -> bytes:
    """The delegatee: CT1 -> CT2, or SEALED1 header/object -> SEALED2, from
    the fragments of at least t' distinct proxies. `proxies` is n', the
    number of shares the rekey was split into: a fragment does not carry
    it, and an index above it comes from no real proxy."""
    ptrs, lens, count = _fragment_arrays(fragments)
    c, cl = in_buf(ct)
    return call_variable(lib.ehr_fragments_combine, args_after=(c, cl, ptrs, lens, count, proxies))


def combine_fragments_verified(key: "IdentityKey", header: bytes, first_chunk: bytes,
                               fragments: Iterable[bytes], proxies: int) -> bytes:
    """The delegatee, tolerating faulty proxies: tries t'-subsets of the
    fragments until the record's first body chunk authenticates, and returns
    the SEALED2 header that opens with `key`. `header` is the SEALED1 header,
    `first_chunk` the first min(65552, len(body)) bytes of the body."""
    ptrs, lens, count = _fragment_arrays(fragments)
    h, hl = in_buf(header)
    c, cl = in_buf(first_chunk)
    return call_variable(lib.ehr_fragments_combine_verified, key,
                         args_after=(h, hl, c, cl, ptrs, lens, count, proxies))


class Envelope:
    """The sealed-record operations in one place, for hosts that think in
    records rather than keys (each delegates to the method or function it
    names)."""

    @staticmethod
    def seal(context: Context, plaintext: bytes, owner: IdLike, record_context: bytes = b"") -> bytes:
        return context.seal(plaintext, owner, record_context)

    @staticmethod
    def open(key: IdentityKey, sealed: bytes) -> bytes:
        return key.open(sealed)

    @staticmethod
    def open_detached(key: IdentityKey, header: bytes, body: bytes) -> bytes:
        return key.open_detached(header, body)

    @staticmethod
    def reencrypt(rekey: Union["ReKey", bytes], sealed: bytes) -> bytes:
        rk = rekey if isinstance(rekey, ReKey) else ReKey(rekey)
        return rk.reencrypt_envelope(sealed)

    header_length = staticmethod(header_length)
    split = staticmethod(split_envelope)
    fragment = staticmethod(reencrypt_fragment)
    combine = staticmethod(combine_fragments)


class ReplayGuard(Handle):
    """Freshness window and seen (signer, nonce) pairs for SIGNED envelopes.
    Thread-safe."""
    _free_name = "ehr_replay_guard_free"

    def __init__(self, window_ms: int = 300_000, capacity: int = 1 << 20):
        super().__init__()
        check(lib.ehr_replay_guard_new(ctypes.byref(self._h), window_ms, capacity))


class AccessPolicy(Handle):
    """One record's access policy: granted (optionally until an expiry) and
    revoked identities. Thread-safe."""
    _free_name = "ehr_access_policy_free"

    def __init__(self, record_id: bytes, owner: IdLike):
        super().__init__()
        r, rl = in_buf(record_id)
        o, ol = in_buf(_id(owner))
        check(lib.ehr_access_policy_new(ctypes.byref(self._h), r, rl, o, ol))

    def grant(self, identity: IdLike, expiry_ms: Optional[int] = None) -> None:
        i, il = in_buf(_id(identity))
        check(lib.ehr_access_policy_grant(self, i, il, expiry_ms or 0))

    def revoke(self, identity: IdLike) -> None:
        i, il = in_buf(_id(identity))
        check(lib.ehr_access_policy_revoke(self, i, il))


def sign(key: IdentityKey, payload: bytes, purpose: int = Purpose.LEDGER_TX,
         timestamp_ms: Optional[int] = None) -> bytes:
    """A SIGNED envelope of `payload` by `key`'s identity (needs sks)."""
    p, pl = in_buf(payload)
    ts = _now_ms() if timestamp_ms is None else timestamp_ms
    return call_variable(lib.ehr_signature_sign, key, args_after=(int(purpose), ts, p, pl))


def verify(context: Context, signed: bytes, signer: IdLike, purpose: int = Purpose.LEDGER_TX,
           guard: Optional[ReplayGuard] = None, now_ms: Optional[int] = None) -> bytes:
    """Checks a SIGNED envelope from `signer` for `purpose` (and, with a
    guard, its freshness and nonce) and returns its payload."""
    s, sl = in_buf(_id(signer))
    m, ml = in_buf(signed)
    now = _now_ms() if now_ms is None else now_ms
    return call_variable(lib.ehr_signature_verify, context,
                         args_after=(guard, s, sl, int(purpose), m, ml, now))


def create_request(key: IdentityKey, record_id: bytes, timestamp_ms: Optional[int] = None) -> bytes:
    """A data user's signed access request for `record_id`."""
    r, rl = in_buf(record_id)
    ts = _now_ms() if timestamp_ms is None else timestamp_ms
    return call_variable(lib.ehr_request_create, key, args_after=(r, rl, ts))


def verify_request(owner_key: IdentityKey, request: bytes, guard: ReplayGuard, policy: AccessPolicy,
                   now_ms: Optional[int] = None) -> ReKey:
    """The owner's gate: checks the request against the policy and returns a
    re-encryption key owner -> requester."""
    q, ql = in_buf(request)
    now = _now_ms() if now_ms is None else now_ms
    return ReKey(call_variable(lib.ehr_request_verify, owner_key, args_after=(guard, policy, q, ql, now)))


__all__ = [
    "FINGERPRINT_BYTES", "RECORD_CONTEXT_MAX_BYTES", "Purpose", "Context", "IdentityKey", "ReKey",
    "Envelope", "ReplayGuard", "AccessPolicy", "header_length", "split_envelope", "reencrypt_fragment",
    "combine_fragments", "combine_fragments_verified", "sign", "verify", "create_request", "verify_request",
]
