# SPDX-License-Identifier: Apache-2.0
"""The DKG and threshold-key C ABI (PROTOCOL.md sections 4 and 5), driven
entirely through ctypes: honest and adversarial runs, partial keys, and the
C conventions (statuses for NULL pointers and wrong lengths, the
buffer-too-small protocol, handles)."""
import ctypes
import hashlib
import itertools
import os

import pytest

from ehrshare import EhrError, Status, _ffi
from ehrshare.bls import G1, G2, Scalar
from ehrshare.dkg import (Blinding, DKGSession, FaultKind, IdentityKey, KeyShare, NodeKey, PublicParams, Round,
                          combine_partial_keys, issue_partial_key, roster_bytes, verify_partial_key)

lib = _ffi.lib
R = 0x73EDA753299D7D483339D80809A1D80553BDA402FFFE5BFEFFFFFFFF00000001
DST_H1E = b"EHRSHARE-V1-H1ENC_BLS12381G1_XMD:SHA-256_SSWU_RO_"
DST_H1S = b"EHRSHARE-V1-H1SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_"
ALICE = "patient:alice|2026"


class Consortium:
    """n authorities with fresh node keys, one DKG session each, and a
    delivery loop standing in for the ledger and the private links.
    `tamper(sender, round, message)` may rewrite or drop (None) a message;
    `silent` authorities neither send nor advance. Every refusal is recorded
    as (recipient, sender, EhrError)."""

    def __init__(self, t, n, silent=(), tamper=None):
        self.t, self.n = t, n
        # Known secrets, so that a test can sign messages as a cheating authority.
        self.secrets = [os.urandom(64) for _ in range(n)]
        self.keys = [NodeKey.from_secret(secret) for secret in self.secrets]
        self.roster = [(f"hospital-{k}", key.public_key) for k, key in enumerate(self.keys, 1)]
        self.nonce = os.urandom(32)
        self.sessions = [DKGSession(self.roster, t, self.nonce, k, self.keys[k - 1]) for k in range(1, n + 1)]
        self.silent = set(silent)
        self.tamper = tamper or (lambda sender, rnd, m: m)
        self.refusals = []

    def session(self, k):
        return self.sessions[k - 1]

    def active(self):
        return [s for s in self.sessions if s.index not in self.silent]

    def deliver(self, sender, messages, rnd):
        for m in messages:
            m = self.tamper(sender, rnd, m)
            if m is None:
                continue
            for s in self.active():
                if s.index != sender and m.to in (0, s.index):
                    try:
                        s.receive(m.data, sender)
                    except EhrError as err:
                        self.refusals.append((s.index, sender, err))

    def run(self):
        # Deliver at once: later authorities get next-round messages before
        # their own deadline, which the DKG must tolerate.
        for s in self.active():
            self.deliver(s.index, s.start(), Round.DEALING)
        return self.advance_all()

    def advance_all(self):
        """The six deadlines, each followed by delivery."""
        for _ in range(6):
            for s in self.active():
                rnd = s.round
                self.deliver(s.index, s.advance(), Round(rnd + 1))
        return self

    def close(self):
        for obj in self.sessions + self.keys:
            obj.close()


def lagrange_secret(shares):
    """sum of lambda_i * x_i at 0 over {index: secret int} (mod r)."""
    total = 0
    for i, x in shares.items():
        num, den = 1, 1
        for j in shares:
            if j != i:
                num = num * j % R
                den = den * (j - i) % R
        total = (total + x * num * pow(den, -1, R)) % R
    return total


def assert_agreement(net, honest, qual):
    first = net.session(honest[0])
    for k in honest:
        s = net.session(k)
        assert s.round == Round.DONE
        assert s.qual == qual
        assert s.params_bytes() == first.params_bytes()
        assert s.master_public_key == first.master_public_key
        assert s.fingerprint == first.fingerprint
        assert s.session_id == first.session_id
    params = first.params()
    assert params.threshold == net.t and params.n == net.n
    assert params.to_bytes() == first.params_bytes()
    assert len(first.params_bytes()) == 138 + 96 * net.n
    assert params.master_public_key == first.master_public_key
    assert params.fingerprint == first.fingerprint
    assert params.fingerprint == hashlib.sha256(b"EHRSHARE-V1-MPK" + first.master_public_key).digest()
    # x_j * g2 = Y_j, and any t shares interpolate to log y (independent arithmetic).
    xs = {}
    for k in honest:
        with net.session(k).key_share() as share:
            assert share.index == k
            xs[k] = int.from_bytes(share.secret(), "big")
        assert (Scalar.from_int(xs[k]) * G2.generator()).to_bytes() == params.public_share(k)
    for subset in itertools.combinations(sorted(xs), net.t):
        s = lagrange_secret({i: xs[i] for i in subset})
        assert (Scalar.from_int(s) * G2.generator()).to_bytes() == params.master_public_key
    return params


# MARK: - Honest runs

@pytest.mark.parametrize("t,n", [(2, 3), (3, 5)])
def test_honest_dkg_all_authorities_agree(t, n):
    net = Consortium(t, n).run()
    assert net.refusals == []
    for s in net.sessions:
        assert s.faults == []
        assert s.fault_log == ""
    assert_agreement(net, list(range(1, n + 1)), list(range(1, n + 1)))
    net.close()


def test_messages_have_the_documented_shape():
    net = Consortium(2, 3)
    out = net.session(1).start()
    # One signed commitment (broadcast), one 260-byte sealed share per other authority.
    assert [m.to for m in out] == [0, 2, 3]
    assert all(m.data[:4] == b"EHRS" for m in out)
    assert out[0].data[5] == 0x08 and len(out[0].data) == 108 + 42 + 96 * 2
    assert [len(m.data) for m in out[1:]] == [260, 260]
    assert net.session(1).round == Round.DEALING
    assert net.session(2).round == Round.IDLE
    net.close()


def test_replayed_messages_are_reported_as_duplicates():
    net = Consortium(2, 3)
    out = net.session(1).start()
    assert net.session(2).receive(out[0].data, 1) is False
    assert net.session(2).receive(out[0].data, 1) is True
    assert net.session(2).receive(out[1].data, 1) is False
    assert net.session(2).receive(out[1].data, 1) is True
    # An authority's own broadcast echoed back by the ledger is a repeat too.
    assert net.session(1).receive(out[0].data, 1) is True
    net.close()


# MARK: - Misbehaviour through the C ABI

def flip(data, pos):
    b = bytearray(data)
    b[pos] ^= 0x01
    return bytes(b)


def test_tampered_share_is_refused_answered_and_the_dealer_stays():
    # Dealer 1's sealed share to authority 3 is altered in transit: 3 refuses
    # it (the dealer's signature covers the ciphertext), complains, dealer 1
    # reveals the share, and one complaint (< t) keeps it in QUAL.
    def tamper(sender, rnd, m):
        if sender == 1 and rnd == Round.DEALING and m.to == 3:
            return m._replace(data=flip(m.data, 150))
        return m

    net = Consortium(3, 5, tamper=tamper).run()
    assert [(to, frm, e.status) for to, frm, e in net.refusals] == [(3, 1, Status.ERR_VERIFY)]
    assert "authority 1" in net.refusals[0][2].message
    assert_agreement(net, [1, 2, 3, 4, 5], [1, 2, 3, 4, 5])
    for s in net.sessions:
        assert s.faults == []
    net.close()


def test_shares_refused_by_t_authorities_disqualify_the_dealer():
    # t = 2 recipients lose dealer 1's share: two complaints, so dealer 1 is
    # out of QUAL at every authority, itself included.
    def tamper(sender, rnd, m):
        if sender == 1 and rnd == Round.DEALING and m.to in (2, 3):
            return m._replace(data=flip(m.data, 200))
        return m

    net = Consortium(2, 3, tamper=tamper).run()
    assert sorted((to, frm) for to, frm, _ in net.refusals) == [(2, 1), (3, 1)]
    assert_agreement(net, [1, 2, 3], [2, 3])
    for s in net.sessions:
        assert (1, FaultKind.TOO_MANY_COMPLAINTS) in s.faults
        assert "authority 1: tooManyComplaints" in s.fault_log
    net.close()


def test_silent_authority_is_left_out_of_qual():
    net = Consortium(2, 3, silent={3}).run()
    assert net.refusals == []
    assert_agreement(net, [1, 2], [1, 2])
    for k in (1, 2):
        assert net.session(k).faults == [(3, FaultKind.MISSING_COMMITMENT)]
        assert net.session(k).fault_log.splitlines() == ["authority 3: missingCommitment (no valid DKG_COMMIT)"]
    assert net.session(3).round == Round.IDLE
    net.close()


def open_signed(data):
    """(sid, sender, body) of a DKG_SIGNED envelope (108 bytes + body)."""
    assert data[:6] == b"EHRS\x01\x08"
    length = int.from_bytes(data[40:44], "big")
    return data[6:38], int.from_bytes(data[38:40], "big"), data[44:44 + length]


def sign_as(secret, sid, sender, body):
    """A DKG_SIGNED envelope signed with an authority's Ed25519 node seed."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    unsigned = b"EHRS\x01\x08" + sid + sender.to_bytes(2, "big") + len(body).to_bytes(4, "big") + body
    return unsigned + Ed25519PrivateKey.from_private_bytes(secret[:32]).sign(b"EHRSHARE-V1-DKG-SIGNED" + unsigned)


def test_wrong_feldman_vector_is_reconstructed_in_phase_2():
    # Authority 2 signs a DKG_FELDMAN vector with A_1 + g2 (consistent with no
    # share). Every other authority files a Feldman complaint revealing its
    # share, the complaints are valid, and 2's polynomial is rebuilt from the
    # reveals: 2 stays in QUAL and y is the same at every honest authority.
    net = None

    def tamper(sender, rnd, m):
        if sender != 2 or m.to != 0:
            return m
        sid, _, body = open_signed(m.data)
        if body[5] != 0x06:
            return m
        a1 = G2(body[42 + 96:42 + 192]) + G2.generator()
        body = body[:42 + 96] + a1.to_bytes() + body[42 + 192:]
        return m._replace(data=sign_as(net.secrets[1], sid, 2, body))

    net = Consortium(3, 5, tamper=tamper)
    net.run()
    assert net.refusals == []
    honest = [1, 3, 4, 5]
    assert_agreement(net, honest, [1, 2, 3, 4, 5])
    for k in honest:
        assert net.session(k).faults == [(2, FaultKind.FELDMAN_MISMATCH)]
    # The cheater's own view (its genuine vector) gives the same key.
    assert net.session(2).master_public_key == net.session(1).master_public_key
    net.close()


def test_equivocating_commitment_is_refused_and_disqualifies():
    # Authority 3 signs a second, different DKG_COMMIT: it is refused with
    # EHR_ERR_VERIFY naming 3, and 3 is out of QUAL at the honest authorities.
    net = Consortium(2, 3)
    first = {}
    for s in net.sessions:
        first[s.index] = s.start()
        net.deliver(s.index, first[s.index], Round.DEALING)
    sid, _, body = open_signed(first[3][0].data)
    c1 = G2(body[42 + 96:42 + 192]) + G2.generator()
    second = sign_as(net.secrets[2], sid, 3, body[:42 + 96] + c1.to_bytes() + body[42 + 192:])
    for k in (1, 2):
        with pytest.raises(EhrError) as info:
            net.session(k).receive(second, 3)
        assert info.value.status == Status.ERR_VERIFY
        assert "authority 3" in info.value.message
    net.advance_all()
    assert_agreement(net, [1, 2], [1, 2])
    for k in (1, 2):
        assert (3, FaultKind.EQUIVOCATION) in net.session(k).faults
    net.close()


def test_forged_and_foreign_messages_get_the_right_status():
    net = Consortium(2, 3)
    other = Consortium(2, 3)
    commit1 = net.session(1).start()[0].data
    receiver = net.session(2)

    def refused(data, sender):
        with pytest.raises(EhrError) as info:
            receiver.receive(data, sender)
        assert f"authority {sender}" in info.value.message
        return info.value.status

    assert refused(commit1, 3) == Status.ERR_PARAM             # sender is not the signer
    assert refused(flip(commit1, len(commit1) - 1), 1) == Status.ERR_VERIFY  # signature
    assert refused(flip(commit1, 60), 1) == Status.ERR_VERIFY  # body under the signature
    assert refused(other.session(1).start()[0].data, 1) == Status.ERR_PARAM  # other session
    assert refused(commit1[:-1], 1) == Status.ERR_LENGTH
    assert refused(b"EHRX" + commit1[4:], 1) == Status.ERR_MAGIC
    assert refused(commit1[:4] + b"\x02" + commit1[5:], 1) == Status.ERR_VERSION
    assert refused(commit1[:5] + b"\x10" + commit1[6:], 1) == Status.ERR_TYPE
    assert refused(commit1, 9) == Status.ERR_PARAM             # no such authority
    # None of that was stored: the genuine message is still new.
    assert receiver.receive(commit1, 1) is False
    net.close()
    other.close()


def test_state_errors():
    net = Consortium(2, 3)
    s = net.session(1)
    for getter in (lambda: s.qual, s.params_bytes, lambda: s.master_public_key,
                   lambda: s.fingerprint, s.key_share):
        with pytest.raises(EhrError) as info:
            getter()
        assert info.value.status == Status.ERR_STATE
    with pytest.raises(EhrError) as info:
        s.advance()
    assert info.value.status == Status.ERR_STATE
    s.start()
    with pytest.raises(EhrError) as info:
        s.start()
    assert info.value.status == Status.ERR_STATE
    net.close()
    done = Consortium(2, 3).run()
    late = done.session(1)
    with pytest.raises(EhrError) as info:
        late.advance()
    assert info.value.status == Status.ERR_STATE
    with pytest.raises(EhrError) as info:
        late.receive(b"EHRS\x01\x08" + bytes(200), 2)
    assert info.value.status == Status.ERR_STATE
    done.close()


def test_session_parameters_are_checked():
    keys = [NodeKey.generate() for _ in range(3)]
    roster = [(f"a{k}", key.public_key) for k, key in enumerate(keys, 1)]
    nonce = os.urandom(32)
    cases = [
        (roster, 0, nonce, 1, keys[0]),          # t = 0
        (roster, 4, nonce, 1, keys[0]),          # t > n
        (roster, 2, nonce[:8], 1, keys[0]),      # short nonce
        (roster, 2, nonce, 4, keys[0]),          # index > n
        (roster, 2, nonce, 2, keys[0]),          # keys of another roster entry
        (roster[:1] * 2, 1, nonce, 1, keys[0]),  # repeated entry
        ([("", keys[0].public_key)], 1, nonce, 1, keys[0]),       # empty name
        ([(b"\xff", keys[0].public_key)], 1, nonce, 1, keys[0]),  # not UTF-8
        ([("a", bytes(64))], 1, nonce, 1, keys[0]),               # invalid keys
    ]
    for args in cases:
        with pytest.raises(EhrError) as info:
            DKGSession(*args)
        assert info.value.status == Status.ERR_PARAM, args
    with pytest.raises(EhrError) as info:
        DKGSession(roster_bytes(roster)[:-1], 2, nonce, 1, keys[0])
    assert info.value.status == Status.ERR_LENGTH
    assert "roster entry 3" in info.value.message
    for key in keys:
        key.close()


def test_node_key_from_secret_is_deterministic():
    secret = os.urandom(64)
    with NodeKey.from_secret(secret) as a, NodeKey.from_secret(secret) as b:
        assert a.public_key == b.public_key and len(a.public_key) == 64
    from cryptography.hazmat.primitives.asymmetric import ed25519, x25519
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    raw = (Encoding.Raw, PublicFormat.Raw)
    expected = (ed25519.Ed25519PrivateKey.from_private_bytes(secret[:32]).public_key().public_bytes(*raw)
                + x25519.X25519PrivateKey.from_private_bytes(secret[32:]).public_key().public_bytes(*raw))
    with NodeKey.from_secret(secret) as a:
        assert a.public_key == expected
    with pytest.raises(EhrError) as info:
        NodeKey.from_secret(secret[:63])
    assert info.value.status == Status.ERR_LENGTH


# MARK: - Threshold keys

@pytest.fixture(scope="module")
def dkg35():
    net = Consortium(3, 5).run()
    params = net.session(1).params()
    shares = {s.index: s.key_share() for s in net.sessions}
    yield net, params, shares
    for share in shares.values():
        share.close()
    params.close()
    net.close()


def expected_keys(shares, identity: bytes):
    s = lagrange_secret({k: int.from_bytes(v.secret(), "big") for k, v in list(shares.items())[:3]})
    return ((Scalar.from_int(s) * G1.hash(identity, DST_H1E)).to_bytes(),
            (Scalar.from_int(s) * G1.hash(identity, DST_H1S)).to_bytes())


def test_any_t_partial_keys_combine_to_the_same_key(dkg35):
    _, params, shares = dkg35
    partials = {k: issue_partial_key(share, ALICE) for k, share in shares.items()}
    for k, pk in partials.items():
        assert len(pk) == 138 + len(ALICE)
        assert verify_partial_key(params, pk, ALICE) == k
    ske, sks = expected_keys(shares, ALICE.encode())
    assert ske != sks
    for subset in list(itertools.combinations(sorted(partials), 3)) + [(5, 1, 3, 2), (1, 2, 3, 4, 5)]:
        with combine_partial_keys(params, [partials[k] for k in subset], ALICE) as key:
            assert (key.decryption_key, key.signing_key) == (ske, sks), subset
            assert key.identity == ALICE.encode()
    # The exported keys load back, checked against y.
    with IdentityKey.from_bytes(params, ALICE, ske, sks) as again:
        assert again.decryption_key == ske
    with pytest.raises(EhrError) as info:
        IdentityKey.from_bytes(params, ALICE, sks, ske)
    assert info.value.status == Status.ERR_VERIFY
    with pytest.raises(EhrError) as info:
        IdentityKey.from_bytes(params, "patient:bob", ske, sks)
    assert info.value.status == Status.ERR_VERIFY


def test_too_few_or_duplicate_partial_keys_give_param(dkg35):
    _, params, shares = dkg35
    p = {k: shares[k].issue(ALICE) for k in (1, 2, 4)}
    for bad in ([p[1], p[2]], [p[1], p[2], p[2]], [p[4]], []):
        with pytest.raises(EhrError) as info:
            params.combine(bad, ALICE)
        assert info.value.status == Status.ERR_PARAM
    with pytest.raises(EhrError) as info:
        params.combine([p[1], p[2], p[2]], ALICE)
    assert "authority 2" in info.value.message


def test_forged_partial_key_is_named(dkg35):
    _, params, shares = dkg35
    honest = {k: shares[k].issue(ALICE) for k in (1, 4, 5)}
    # Authority 4 answers with authority 5's K_e (a valid point, wrong share).
    forged = honest[4][:-96] + honest[5][-96:-48] + honest[4][-48:]
    with pytest.raises(EhrError) as info:
        params.verify_partial_key(forged, ALICE)
    assert info.value.status == Status.ERR_VERIFY
    assert "authority 4" in info.value.message
    index = ctypes.c_uint16(0)
    data = (ctypes.c_uint8 * len(forged)).from_buffer_copy(forged)
    ident = (ctypes.c_uint8 * len(ALICE)).from_buffer_copy(ALICE.encode())
    assert lib.ehr_partial_key_verify(params._h, ctypes.byref(index), data, len(forged), ident,
                                      len(ALICE)) == Status.ERR_VERIFY
    assert index.value == 4, "the index is reported even when the check fails"
    with pytest.raises(EhrError) as info:
        params.combine([honest[1], forged, honest[5]], ALICE)
    assert info.value.status == Status.ERR_VERIFY
    assert "authority 4" in info.value.message
    # A partial key for another identity, or checked for another one.
    bob = shares[4].issue("patient:bob")
    with pytest.raises(EhrError) as info:
        params.combine([honest[1], bob, honest[5]], ALICE)
    assert info.value.status == Status.ERR_PARAM
    with pytest.raises(EhrError) as info:
        params.verify_partial_key(honest[1], "patient:bob")
    assert info.value.status == Status.ERR_PARAM


def test_partial_keys_of_another_dkg_are_refused(dkg35):
    _, params, _ = dkg35
    other = Consortium(2, 3).run()
    with other.session(1).key_share() as share:
        foreign = share.issue(ALICE)
    with pytest.raises(EhrError) as info:
        params.verify_partial_key(foreign, ALICE)
    assert info.value.status == Status.ERR_PARAM
    assert "master public key" in info.value.message
    other.close()


def test_key_share_export_and_import(dkg35):
    _, params, shares = dkg35
    secret = shares[2].secret()
    with KeyShare.from_secret(params, 2, secret) as again:
        assert again.index == 2
        assert again.issue(ALICE) == shares[2].issue(ALICE)
    for index, value, status in [(3, secret, Status.ERR_VERIFY), (0, secret, Status.ERR_PARAM),
                                 (6, secret, Status.ERR_PARAM), (2, bytes(32), Status.ERR_SCALAR),
                                 (2, b"\xff" * 32, Status.ERR_SCALAR)]:
        with pytest.raises(EhrError) as info:
            KeyShare.from_secret(params, index, value)
        assert info.value.status == status, (index, status)


def test_params_decoding(dkg35):
    _, params, _ = dkg35
    data = params.to_bytes()
    for bad, status in [(data[:-1], Status.ERR_LENGTH), (data + b"\0", Status.ERR_LENGTH),
                        (b"EHRX" + data[4:], Status.ERR_MAGIC), (data[:5] + b"\x02" + data[6:], Status.ERR_TYPE),
                        (data[:-96] + b"\xc0" + bytes(95), Status.ERR_IDENTITY)]:
        with pytest.raises(EhrError) as info:
            PublicParams.from_bytes(bad)
        assert info.value.status == status
    for index in (0, 6):
        with pytest.raises(EhrError) as info:
            params.public_share(index)
        assert info.value.status == Status.ERR_PARAM


def test_identity_arguments_are_checked(dkg35):
    _, params, shares = dkg35
    for identity in ("", b"\xc3\x28", "x" * 1025):
        with pytest.raises(EhrError) as info:
            shares[1].issue(identity)
        assert info.value.status == Status.ERR_PARAM


# MARK: - C conventions

def test_null_pointers_give_a_status(dkg35):
    _, params, shares = dkg35
    buf = (ctypes.c_uint8 * 4096)()
    n = ctypes.c_size_t(0)
    h = ctypes.c_void_p()
    u16 = ctypes.c_uint16()
    with NodeKey.generate() as key:
        roster = roster_bytes([("a", key.public_key)])
        rb = (ctypes.c_uint8 * len(roster)).from_buffer_copy(roster)
        nonce = (ctypes.c_uint8 * 32)()
        calls = [
            lambda: lib.ehr_dkg_node_key_generate(None),
            lambda: lib.ehr_dkg_node_key_from_secret(ctypes.byref(h), None),
            lambda: lib.ehr_dkg_node_key_get_public(None, buf),
            lambda: lib.ehr_dkg_node_key_get_public(key._h, None),
            lambda: lib.ehr_dkg_new(None, rb, len(roster), 1, nonce, 32, 1, key._h),
            lambda: lib.ehr_dkg_new(ctypes.byref(h), None, len(roster), 1, nonce, 32, 1, key._h),
            lambda: lib.ehr_dkg_new(ctypes.byref(h), rb, len(roster), 1, None, 32, 1, key._h),
            lambda: lib.ehr_dkg_new(ctypes.byref(h), rb, len(roster), 1, nonce, 32, 1, None),
            lambda: lib.ehr_dkg_start(None, None),
            lambda: lib.ehr_dkg_advance(None, None),
            lambda: lib.ehr_dkg_next_message(None, ctypes.byref(u16), buf, 4096, ctypes.byref(n)),
            lambda: lib.ehr_dkg_receive(None, None, buf, 10, 1),
            lambda: lib.ehr_dkg_get_round(None, None),
            lambda: lib.ehr_dkg_get_faults(None, None, 0, ctypes.byref(n)),
            lambda: lib.ehr_dkg_get_qual(None, None, 0, ctypes.byref(n)),
            lambda: lib.ehr_dkg_get_key_share(None, ctypes.byref(h)),
            lambda: lib.ehr_params_from_bytes(ctypes.byref(h), None, 10),
            lambda: lib.ehr_params_to_bytes(params._h, buf, 4096, None),
            lambda: lib.ehr_params_get_threshold(params._h, ctypes.byref(u16), None),
            lambda: lib.ehr_params_get_fingerprint(None, buf),
            lambda: lib.ehr_key_share_new(ctypes.byref(h), params._h, 1, None),
            lambda: lib.ehr_key_share_new(ctypes.byref(h), None, 1, buf),
            lambda: lib.ehr_key_share_get_secret(shares[1]._h, None),
            lambda: lib.ehr_key_share_issue(shares[1]._h, buf, 4096, ctypes.byref(n), None, 5),
            lambda: lib.ehr_key_share_issue(shares[1]._h, buf, 4096, None, buf, 5),
            lambda: lib.ehr_partial_key_verify(params._h, None, None, 10, buf, 5),
            lambda: lib.ehr_identity_key_combine(ctypes.byref(h), params._h, None, None, 3, buf, 5),
            lambda: lib.ehr_identity_key_get_signing_key(None, buf),
        ]
        for k, call in enumerate(calls):
            assert call() == Status.ERR_NULL_POINTER, k
            assert lib.ehr_last_error_message() != b""
        with DKGSession([("a", key.public_key)], 1, bytes(32), 1, key) as s:
            assert lib.ehr_dkg_receive(s._h, None, None, 10, 1) == Status.ERR_NULL_POINTER
            assert lib.ehr_dkg_next_message(s._h, None, buf, 4096, ctypes.byref(n)) == Status.ERR_NULL_POINTER
            assert lib.ehr_dkg_get_session_id(s._h, None) == Status.ERR_NULL_POINTER
    # Every free function accepts NULL.
    for free in ("ehr_dkg_node_key_free", "ehr_dkg_free", "ehr_params_free", "ehr_key_share_free",
                 "ehr_identity_key_free"):
        getattr(lib, free)(None)


def test_wrong_lengths_give_a_status_before_memory_is_read(dkg35):
    _, params, shares = dkg35
    small = (ctypes.c_uint8 * 16)()
    h = ctypes.c_void_p()
    # The lengths claim far more than the 16 bytes there are; the library
    # refuses them without reading (a read would fault or return garbage).
    with NodeKey.generate() as key, DKGSession([("a", key.public_key)], 1, bytes(32), 1, key) as s:
        assert lib.ehr_dkg_receive(s._h, None, small, 1 << 40, 1) == Status.ERR_LENGTH
        assert lib.ehr_dkg_new(ctypes.byref(h), small, 1 << 40, 1, small, 16, 1, key._h) == Status.ERR_LENGTH
    assert lib.ehr_params_from_bytes(ctypes.byref(h), small, 1 << 40) == Status.ERR_LENGTH
    assert lib.ehr_key_share_issue(shares[1]._h, None, 0, ctypes.byref(ctypes.c_size_t()), small,
                                   1 << 40) == Status.ERR_PARAM
    assert lib.ehr_partial_key_verify(params._h, None, small, 1 << 40, small, 4) == Status.ERR_LENGTH
    ptrs = (ctypes.POINTER(ctypes.c_uint8) * 1)()
    lens = (ctypes.c_size_t * 1)(16)
    assert lib.ehr_identity_key_combine(ctypes.byref(h), params._h, ptrs, lens, 1 << 40, small,
                                        4) == Status.ERR_PARAM
    assert not h.value, "*out stays NULL after a failure"
    # A NULL entry inside the array is named.
    ident = (ctypes.c_uint8 * 5).from_buffer_copy(b"alice")
    assert lib.ehr_identity_key_combine(ctypes.byref(h), params._h, ptrs, lens, 1, ident, 5) \
        == Status.ERR_NULL_POINTER
    assert b"partial_keys[0]" in lib.ehr_last_error_message()
    # Truncated partial key.
    pk = shares[1].issue(ALICE)
    with pytest.raises(EhrError) as info:
        params.verify_partial_key(pk[:-1], ALICE)
    assert info.value.status == Status.ERR_LENGTH


def test_buffer_too_small_protocol():
    net = Consortium(2, 3)
    s = net.session(1)
    queued = ctypes.c_size_t(0)
    assert lib.ehr_dkg_start(s._h, ctypes.byref(queued)) == Status.OK
    assert queued.value == 3
    to, n = ctypes.c_uint16(99), ctypes.c_size_t(0)
    # Size query: out = NULL. The message stays first in the queue.
    assert lib.ehr_dkg_next_message(s._h, ctypes.byref(to), None, 0, ctypes.byref(n)) == Status.ERR_BUFFER_TOO_SMALL
    assert (to.value, n.value) == (0, 108 + 42 + 96 * 2)
    small = (ctypes.c_uint8 * 10)()
    assert lib.ehr_dkg_next_message(s._h, ctypes.byref(to), small, 10, ctypes.byref(n)) == Status.ERR_BUFFER_TOO_SMALL
    assert n.value == 342
    exact = (ctypes.c_uint8 * n.value)()
    assert lib.ehr_dkg_next_message(s._h, ctypes.byref(to), exact, n.value, ctypes.byref(n)) == Status.OK
    assert to.value == 0 and bytes(exact)[:6] == b"EHRS\x01\x08"
    big = (ctypes.c_uint8 * lib.ehr_dkg_message_max_bytes())()
    got = []
    while lib.ehr_dkg_next_message(s._h, ctypes.byref(to), big, len(big), ctypes.byref(n)) == Status.OK:
        got.append((to.value, n.value))
    assert got == [(2, 260), (3, 260)]
    assert lib.ehr_dkg_next_message(s._h, ctypes.byref(to), big, len(big), ctypes.byref(n)) == Status.ERR_NOT_FOUND
    assert (to.value, n.value) == (0, 0)
    net.close()

    done = Consortium(2, 3).run().session(2)
    n = ctypes.c_size_t(0)
    assert lib.ehr_dkg_get_params(done._h, None, 0, ctypes.byref(n)) == Status.ERR_BUFFER_TOO_SMALL
    assert n.value == 138 + 96 * 3
    assert lib.ehr_dkg_get_qual(done._h, None, 0, ctypes.byref(n)) == Status.ERR_BUFFER_TOO_SMALL
    assert n.value == 3
    two = (ctypes.c_uint16 * 2)()
    assert lib.ehr_dkg_get_qual(done._h, two, 2, ctypes.byref(n)) == Status.ERR_BUFFER_TOO_SMALL
    assert lib.ehr_dkg_get_faults(done._h, None, 0, ctypes.byref(n)) == Status.OK and n.value == 0
    with done.key_share() as share:
        ident = (ctypes.c_uint8 * 5).from_buffer_copy(b"alice")
        assert lib.ehr_key_share_issue(share._h, None, 0, ctypes.byref(n), ident, 5) == Status.ERR_BUFFER_TOO_SMALL
        assert n.value == 143


def test_closed_handles_report_null_pointer():
    key = NodeKey.generate()
    key.close()
    key.close()  # idempotent
    with pytest.raises(EhrError) as info:
        key.public_key
    assert info.value.status == Status.ERR_NULL_POINTER


def test_session_outlives_its_node_key_handle():
    # The DKG keeps its own reference to the node keys: the host may free
    # them right after ehr_dkg_new.
    keys = [NodeKey.generate() for _ in range(3)]
    roster = [(f"x{k}", key.public_key) for k, key in enumerate(keys, 1)]
    nonce = os.urandom(16)
    sessions = [DKGSession(roster, 2, nonce, k, keys[k - 1]) for k in (1, 2, 3)]
    for key in keys:
        key.close()
    out = {s.index: s.start() for s in sessions}
    for _ in range(6):
        for s in sessions:
            for m in out[s.index]:
                for r in sessions:
                    if r is not s and m.to in (0, r.index):
                        r.receive(m.data, s.index)
        out = {s.index: s.advance() for s in sessions}
    assert len({s.params_bytes() for s in sessions}) == 1
    for s in sessions:
        s.close()


# MARK: - Blinded issuance

def test_blinded_issuance_gives_the_same_key(dkg35):
    _, params, shares = dkg35
    with Blinding(params, ALICE) as blinding:
        request = blinding.request
        assert len(request) == 200 + len(ALICE)
        answers = {k: shares[k].answer_blind(request, ALICE) for k in (2, 3, 5)}
        assert all(len(a) == 138 + len(ALICE) for a in answers.values())
        # The authority never saw x_i * H1(id): the answer is not the partial key.
        assert answers[2][-96:] != shares[2].issue(ALICE)[-96:]
        partials = [blinding.unblind(a) for a in answers.values()]
    assert partials == [shares[k].issue(ALICE) for k in (2, 3, 5)]
    with params.combine(partials, ALICE) as key:
        assert (key.decryption_key, key.signing_key) == expected_keys(shares, ALICE.encode())


def test_blinded_issuance_failures(dkg35):
    _, params, shares = dkg35
    blinding = Blinding(params, ALICE)
    request = blinding.request
    # The requester was authenticated as someone else.
    with pytest.raises(EhrError) as info:
        shares[1].answer_blind(request, "patient:mallory")
    assert info.value.status == Status.ERR_PARAM
    # A proof that does not match its points (z changed by one).
    with pytest.raises(EhrError) as info:
        shares[1].answer_blind(request[:-1] + bytes([request[-1] ^ 1]), ALICE)
    assert info.value.status == Status.ERR_VERIFY
    with pytest.raises(EhrError) as info:
        shares[1].answer_blind(request[:-1], ALICE)
    assert info.value.status == Status.ERR_LENGTH
    # Authority 3's answer relabelled as authority 4's is named on unblinding.
    answer = shares[3].answer_blind(request, ALICE)
    index_at = 6 + 32
    relabelled = answer[:index_at] + (4).to_bytes(2, "big") + answer[index_at + 2:]
    with pytest.raises(EhrError) as info:
        blinding.unblind(relabelled)
    assert info.value.status == Status.ERR_VERIFY
    assert "authority 4" in info.value.message
    blinding.close()
    with pytest.raises(EhrError) as info:
        blinding.request
    assert info.value.status == Status.ERR_NULL_POINTER


def test_immutable_handles_are_shared_between_threads(dkg35):
    # The header lets threads share an ehr_key_share and an ehr_params;
    # ctypes releases the GIL during each call, so these calls overlap.
    import threading
    _, params, shares = dkg35
    results, errors = {}, []

    def work(k):
        try:
            identity = f"patient:thread-{k}"
            pks = [shares[i].issue(identity) for i in (1, 3, 5)]
            for pk in pks:
                params.verify_partial_key(pk, identity)
            with params.combine(pks, identity) as key:
                results[k] = (identity, key.decryption_key)
        except Exception as exc:  # reported below with the thread's number
            errors.append((k, exc))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    for identity, ske in results.values():
        assert ske == expected_keys(shares, identity.encode())[0]
    assert len(results) == 8


def test_rounds_advance_in_order():
    net = Consortium(2, 3)
    seen = {s.index: [s.round] for s in net.sessions}
    for s in net.sessions:
        net.deliver(s.index, s.start(), Round.DEALING)
        seen[s.index].append(s.round)
    for _ in range(6):
        for s in net.sessions:
            net.deliver(s.index, s.advance(), Round(s.round + 1))
            seen[s.index].append(s.round)
    assert all(rounds == list(Round)[:-1] for rounds in seen.values())
    net.close()


def test_mutated_inputs_never_crash_or_report_internal_errors(dkg35):
    # Deterministic mutations of genuine messages, PARAMS and partial keys:
    # each must come back as a documented status, never EHR_ERR_INTERNAL
    # and never a crash; afterwards the runs still complete.
    import random
    rng = random.Random(0xD6C)
    _, params, shares = dkg35
    net = Consortium(2, 3)
    outs = {s.index: s.start() for s in net.sessions}
    samples = [(m.data, s) for s, msgs in outs.items() for m in msgs]

    def mutate(data):
        b = bytearray(data)
        choice = rng.randrange(4)
        if choice == 0:
            for _ in range(rng.randrange(1, 4)):
                b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
        elif choice == 1:
            del b[rng.randrange(len(b)):]
        elif choice == 2:
            b += bytes(rng.randrange(1, 40))
        else:
            pos = rng.randrange(len(b))
            b[pos:pos + 4] = bytes(rng.randrange(256) for _ in range(4))
        return bytes(b)

    seen = set()
    for _ in range(600):
        data, sender = samples[rng.randrange(len(samples))]
        target = net.session(rng.choice([k for k in (1, 2, 3) if k != sender]))
        bad = mutate(data)
        try:
            target.receive(bad, sender)
            seen.add(Status.OK)  # a mutation that left the message unchanged in meaning
        except EhrError as err:
            assert err.status != Status.ERR_INTERNAL, err
            seen.add(err.status)
    assert {Status.ERR_VERIFY, Status.ERR_LENGTH} <= seen
    for k, msgs in outs.items():
        net.deliver(k, msgs, Round.DEALING)
    net.advance_all()
    assert_agreement(net, [1, 2, 3], [1, 2, 3])
    net.close()

    pdata, pk = params.to_bytes(), shares[1].issue(ALICE)
    for _ in range(200):
        for fn in (lambda: PublicParams.from_bytes(mutate(pdata)).close(),
                   lambda: params.verify_partial_key(mutate(pk), ALICE)):
            try:
                fn()
            except EhrError as err:
                assert err.status != Status.ERR_INTERNAL, err


def test_a_handle_of_another_kind_is_a_status_not_a_crash():
    # Every handle is a void * to ctypes: a context passed where PARAMS are expected
    # must be refused by the library, and a free of the wrong kind must be harmless.
    from ehrshare.pre import Context
    ctx = Context(G2.generator().to_bytes())
    out = (ctypes.c_uint8 * 96)()
    assert lib.ehr_params_get_master_public_key(ctx._h, out) == Status.ERR_PARAM
    assert b"another kind" in lib.ehr_last_error_message()
    lib.ehr_params_free(ctx._h)          # ignored: not PARAMS
    assert len(ctx.fingerprint) == 32    # the context is still alive
    ctx.close()
