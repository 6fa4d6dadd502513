# SPDX-License-Identifier: Apache-2.0
"""Defects fixed by ABI 2 (issue #11): wrong-kind frees, zero-length results
with out = NULL, identities checked alike in every section."""
import ctypes
from ctypes import byref, c_size_t, c_void_p

import pytest

from ehrshare import _ffi

import test_pre
from test_pre import ta  # noqa: F401  (fixture)

lib = _ffi.lib
OK, NULL_POINTER, BUFFER_TOO_SMALL, PARAM = 0, 1, 2, 4
G2 = 96


def buf(data: bytes):
    return (ctypes.c_uint8 * max(len(data), 1)).from_buffer_copy(data or b"\0")


def g2_generator() -> bytes:
    out = (ctypes.c_uint8 * G2)()
    assert lib.ehr_g2_get_generator(out) == OK
    return bytes(out)


def new_handles():
    """One live handle of every kind that can be made without a DKG run,
    with the free function of each."""
    y = buf(g2_generator())
    made = {}
    h = c_void_p()
    assert lib.ehr_pre_context_new(byref(h), y) == OK
    made["ehr_pre_context_free"] = h
    h = c_void_p()
    assert lib.ehr_replay_guard_new(byref(h), 300000, 16) == OK
    made["ehr_replay_guard_free"] = h
    h = c_void_p()
    assert lib.ehr_access_policy_new(byref(h), buf(b"rec"), 3, buf(b"alice"), 5) == OK
    made["ehr_access_policy_free"] = h
    h = c_void_p()
    assert lib.ehr_node_key_generate(byref(h)) == OK
    made["ehr_node_key_free"] = h
    h = c_void_p()
    assert lib.ehr_dkg_node_key_generate(byref(h)) == OK
    made["ehr_dkg_node_key_free"] = h
    h = c_void_p()
    assert lib.ehr_genesis_new(byref(h), buf(b"chain"), 5, 0, 1000, 1, 300000, 1000, buf(bytes(32))) == OK
    made["ehr_genesis_free"] = h
    return made


ALL_FREES = sorted(n for n in _ffi.DECLARATIONS if n.endswith("_free"))


def test_every_free_ignores_null():
    for name in ALL_FREES:
        getattr(lib, name)(None)


@pytest.mark.parametrize("free_name", ALL_FREES)
def test_every_free_ignores_a_live_handle_of_every_other_kind(free_name):
    handles = new_handles()
    try:
        for owner, h in handles.items():
            if owner == free_name:
                continue
            getattr(lib, free_name)(h)
        # Each handle is still alive and usable after the foreign frees: a
        # released one would be a use-after-free (and crash or read garbage).
        fp = (ctypes.c_uint8 * 32)()
        assert lib.ehr_pre_context_get_fingerprint(handles["ehr_pre_context_free"], fp) == OK
        pub = (ctypes.c_uint8 * 32)()
        assert lib.ehr_node_key_get_public(handles["ehr_node_key_free"], pub) == OK
        assert lib.ehr_access_policy_grant(handles["ehr_access_policy_free"], buf(b"bob"), 3, 0) == OK
    finally:
        for owner, h in handles.items():
            getattr(lib, owner)(h)


def test_zero_length_open_with_null_out_succeeds(ta):
    """Seal an empty record and open it with out = NULL: EHR_OK, out_len 0
    (ABI 1 returned EHR_ERR_BUFFER_TOO_SMALL)."""
    key = ta.key(test_pre.ALICE)
    sealed = ta.ctx.seal(b"", test_pre.ALICE)
    n = c_size_t(99)
    assert lib.ehr_envelope_open(key, None, 0, byref(n), buf(sealed), len(sealed)) == OK
    assert n.value == 0
    # A tampered empty record still fails: the zero-size path authenticates.
    bad = bytearray(sealed)
    bad[-1] ^= 1
    assert lib.ehr_envelope_open(key, None, 0, byref(n), buf(bytes(bad)), len(bad)) != OK


def test_zero_length_signed_payload_with_null_out_succeeds(ta):
    key = ta.key(test_pre.ALICE)
    signed = key.sign(b"", timestamp_ms=test_pre.NOW)
    n = c_size_t(99)
    who = test_pre.ALICE.encode()
    assert lib.ehr_signature_verify(ta.ctx, None, 0, byref(n), None, buf(who), len(who), 2,
                          buf(signed), len(signed), 0) == OK
    assert n.value == 0


def test_identity_key_free_ignores_other_kinds_and_keys_survive(ta):
    key = ta.key(test_pre.CAROL)
    for name in ALL_FREES:
        if name != "ehr_identity_key_free":
            getattr(lib, name)(key)
    out = (ctypes.c_uint8 * 48)()
    assert lib.ehr_identity_key_get_signing_key(key, out) == OK
    handles = new_handles()
    try:
        for owner, h in handles.items():
            lib.ehr_identity_key_free(h)
        fp = (ctypes.c_uint8 * 32)()
        assert lib.ehr_pre_context_get_fingerprint(handles["ehr_pre_context_free"], fp) == OK
    finally:
        for owner, h in handles.items():
            getattr(lib, owner)(h)


BAD_UTF8 = b"dr\xff\xfe"


def message():
    return lib.ehr_last_error_message().decode()


def test_non_utf8_identity_pre_section():
    h = c_void_p()
    assert lib.ehr_access_policy_new(byref(h), buf(b"rec"), 3, buf(BAD_UTF8), len(BAD_UTF8)) == PARAM
    assert message() == "owner: an identity must be valid UTF-8"
    assert lib.ehr_access_policy_new(byref(h), buf(b"rec"), 3, buf(b""), 0) == PARAM
    assert message().startswith("owner: an identity is 1 to 1024 bytes of UTF-8")
    assert lib.ehr_access_policy_new(byref(h), buf(b"rec"), 3, None, 5) == NULL_POINTER
    assert message() == "owner is NULL"


def test_non_utf8_identity_ledger_section():
    """Transaction builders refused nothing in ABI 1; now the common identity error."""
    out = (ctypes.c_uint8 * 4096)()
    n = c_size_t()
    nonce = buf(bytes(16))
    rid = buf(bytes(32))
    assert lib.ehr_tx_make_request(out, 4096, byref(n), buf(BAD_UTF8), len(BAD_UTF8), rid, 1, 0,
                                   nonce, None, 0) == PARAM
    assert message() == "requester: an identity must be valid UTF-8"
    good = b"doctor:bob"
    assert lib.ehr_tx_make_request(out, 4096, byref(n), buf(good), len(good), rid, 1, 0,
                                   nonce, None, 0) == OK
    assert lib.ehr_tx_make_policy(out, 4096, byref(n), buf(good), len(good), rid, 1, buf(BAD_UTF8),
                                  len(BAD_UTF8), 0, 0, nonce, None, 0) == PARAM
    assert message() == "subject: an identity must be valid UTF-8"


@pytest.fixture(scope="module")
def dkg_run():
    from test_dkg import Consortium
    net = Consortium(3, 5).run()
    params = net.session(1).params()
    shares = [s.key_share() for s in net.sessions]
    yield params, shares
    for share in shares:
        share.close()
    params.close()
    net.close()


def test_non_utf8_identity_keys_section(dkg_run):
    """Every identity argument of ehrshare_keys.h, called directly: the same
    three reports (bad UTF-8, empty, NULL) as the PRE and ledger sections."""
    from ehrshare.dkg import issue_partial_key
    params, shares = dkg_run
    good = b"patient:alice"
    partial = issue_partial_key(shares[0], good)
    pk = buf(partial)
    n = c_size_t()
    index = ctypes.c_uint16()
    h = c_void_p()
    ptrs = (ctypes.POINTER(ctypes.c_uint8) * 1)(ctypes.cast(pk, ctypes.POINTER(ctypes.c_uint8)))
    lens = (c_size_t * 1)(len(partial))
    calls = {
        "ehr_key_share_issue": lambda i, il: lib.ehr_key_share_issue(shares[0]._h, None, 0, byref(n), i, il),
        "ehr_partial_key_verify": lambda i, il: lib.ehr_partial_key_verify(params._h, byref(index), pk,
                                                                          len(partial), i, il),
        "ehr_blinding_new": lambda i, il: lib.ehr_blinding_new(byref(h), params._h, i, il),
        "ehr_identity_key_combine": lambda i, il: lib.ehr_identity_key_combine(byref(h), params._h, ptrs,
                                                                              lens, 1, i, il),
    }
    for name, call in calls.items():
        assert call(buf(BAD_UTF8), len(BAD_UTF8)) == PARAM, name
        assert message().endswith(": an identity must be valid UTF-8"), (name, message())
        assert call(buf(b""), 0) == PARAM, name
        assert ": an identity is 1 to 1024 bytes of UTF-8" in message(), (name, message())
        assert call(None, 5) == NULL_POINTER, name
        assert message().endswith(" is NULL"), (name, message())
        assert h.value is None, name
    # The good identity passes the same calls (one partial key is below t = 3).
    assert lib.ehr_partial_key_verify(params._h, byref(index), pk, len(partial), buf(good), len(good)) == OK
    assert index.value == shares[0].index


def test_file_output_replaces_a_0644_file_with_a_0600_one(ta, tmp_path):
    import os
    import stat
    plain = tmp_path / "in.txt"
    plain.write_bytes(b"record")
    out = tmp_path / "out.sealed"
    out.write_bytes(b"old")
    os.chmod(out, 0o644)
    ta.ctx.seal_file(plain, out, test_pre.ALICE)
    assert stat.S_IMODE(os.lstat(out).st_mode) == 0o600
    assert ta.key(test_pre.ALICE).open(out.read_bytes()) == b"record"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "out.sealed"]


def test_file_output_does_not_follow_a_symlink(ta, tmp_path):
    import os
    plain = tmp_path / "in.txt"
    plain.write_bytes(b"record")
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep me")
    os.chmod(victim, 0o644)
    link = tmp_path / "out.sealed"
    os.symlink(victim, link)
    sealed = ta.ctx.seal(b"record", test_pre.ALICE)
    src = tmp_path / "sealed"
    src.write_bytes(sealed)
    ta.key(test_pre.ALICE).open_file(src, link)
    assert victim.read_bytes() == b"keep me"
    assert not os.path.islink(link)
    assert link.read_bytes() == b"record"
    assert (os.lstat(link).st_mode & 0o777) == 0o600


def test_open_into_the_callers_buffer_leaves_no_plaintext_on_failure(ta):
    """ehr_envelope_open decrypts straight into out: when the last of several
    chunks is tampered with, the verified chunks already written are zeroed."""
    DECRYPT = 21
    key = ta.key(test_pre.ALICE)
    record = b"P" * (3 * 65536 + 100)
    sealed = ta.ctx.seal(record, test_pre.ALICE)
    out = (ctypes.c_uint8 * len(record))()
    n = c_size_t()
    assert lib.ehr_envelope_open(key, out, len(out), byref(n), buf(sealed), len(sealed)) == OK
    assert bytes(out[: n.value]) == record
    bad = bytearray(sealed)
    bad[-1] ^= 1
    ctypes.memset(out, 0xAA, len(out))
    assert lib.ehr_envelope_open(key, out, len(out), byref(n), buf(bytes(bad)), len(bad)) == DECRYPT
    assert b"P" not in bytes(out)
    # Sealing into an exactly sized buffer gives an object that opens.
    size = c_size_t()
    o, ol = buf(b"patient:alice"), len(b"patient:alice")
    assert lib.ehr_envelope_seal(ta.ctx, None, 0, byref(size), o, ol, None, 0, buf(record), len(record)) == BUFFER_TOO_SMALL
    dst = (ctypes.c_uint8 * size.value)()
    assert lib.ehr_envelope_seal(ta.ctx, dst, size.value, byref(size), o, ol, None, 0, buf(record), len(record)) == OK
    assert key.open(bytes(dst[: size.value])) == record
