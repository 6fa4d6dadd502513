# SPDX-License-Identifier: Apache-2.0
"""The ledger and record store through the C ABI (ehrshare.ledger and raw ctypes calls)."""
import ctypes
import hashlib
import sqlite3
import struct
import time

import pytest

from ehrshare import EhrError, Status, _ffi
from ehrshare.bls import G1, G2, Scalar
from ehrshare.ledger import (AppendResult, Genesis, Ledger, NodeKey, RecordStore, Recovery, make_dkg,
                             make_policy, make_receipt, make_record, make_register, make_request,
                             make_vote, sign_identity, signing_message, tx_id, verify_node_signature)

lib = _ffi.lib
K = 3
STAKES = [40, 30, 20, 10]
SLOT_MS = 1000
# Any fixed past time, for genesis objects that never open a ledger.
GENESIS_TIME = 1_700_000_000_000


@pytest.fixture
def genesis_time():
    """Slot 0 two minutes before the test: the slots a test fills (the first few dozen) lie in
    the past, so no block is "from the future", and their times are within the 300 s replay
    window of the slot running now, at which submissions are judged. Taken per test, so a
    slow run of earlier tests cannot age it."""
    return int(time.time() * 1000) - 120_000


@pytest.fixture
def keys():
    ks = [NodeKey.from_seed(bytes([i + 1]) * 32) for i in range(len(STAKES))]
    yield ks
    for k in ks:
        k.close()


@pytest.fixture
def genesis(keys, genesis_time):
    with Genesis.build(b"test-chain", genesis_time, SLOT_MS, K, b"\x07" * 32,
                       [(f"hospital-{i}".encode(), k.public_key, s)
                        for i, (k, s) in enumerate(zip(keys, STAKES))]) as g:
        yield g.to_bytes()


@pytest.fixture
def ledger(tmp_path, genesis):
    with Ledger.open(tmp_path / "chain.db", genesis, None) as l:
        yield l


def produce(ledger, keys, slot=None):
    """Makes and appends the next block (the first slot after the tip unless given)."""
    slot = ledger.tip_slot + 1 if slot is None else slot
    p = ledger.scheduled_producer(slot)
    block = ledger.make_block(keys[p], p, slot)
    assert ledger.append(block) == AppendResult.EXTENDED
    return block


def status_of(fn, *args):
    return Status(fn(*args))


# --- Node keys and genesis ------------------------------------------------------

def test_node_key_is_deterministic_and_signs():
    with NodeKey.from_seed(b"\x01" * 32) as a, NodeKey.from_seed(b"\x01" * 32) as b, NodeKey.generate() as c:
        assert a.public_key == b.public_key != c.public_key
        sig = a.sign(b"block header")
        assert len(sig) == 64
        assert verify_node_signature(a.public_key, b"block header", sig)
        assert not verify_node_signature(a.public_key, b"block headeR", sig)
        assert not verify_node_signature(c.public_key, b"block header", sig)


def test_genesis_round_trip_and_validation(keys, genesis):
    with Genesis.from_bytes(genesis) as g:
        assert g.to_bytes() == genesis
        assert g.hash == hashlib.sha256(genesis).digest()
    # K above the node count is caught when the genesis is encoded.
    with Genesis.build(b"bad", GENESIS_TIME, SLOT_MS, 5, b"\x00" * 32, [(b"a", keys[0].public_key, 1)]) as g:
        with pytest.raises(EhrError) as info:
            g.to_bytes()
    assert info.value.status == Status.ERR_LEDGER_REJECTED
    assert info.value.message.startswith("genesis:")
    with pytest.raises(EhrError) as info:
        Genesis.from_bytes(genesis[:-1])
    assert info.value.status == Status.ERR_LEDGER_REJECTED and info.value.message.startswith("encoding:")


# --- Producing, reopening, verifying ------------------------------------------------

def test_open_produce_reopen(tmp_path, genesis, keys):
    path = tmp_path / "chain.db"
    made = []
    with Ledger.open(path, genesis, None) as l:
        assert l.height == 0 and l.genesis_hash == hashlib.sha256(genesis).digest()
        assert l.tip_hash == l.genesis_hash
        assert l.active_producers == [0, 1, 2]
        assert sorted(l.schedule) == [0, 1, 2]
        for _ in range(6):
            made.append(produce(l, keys))
        assert l.height == 6
        # Two full rounds by three distinct producers: more than 2/3 built on block 3.
        assert 3 <= l.irreversible_height < 6
        tip = l.tip_hash
        assert l.block(4) == made[3]
        start = l.slot_time(0)
        assert l.slot_time(l.tip_slot) == start + l.tip_slot * SLOT_MS
        assert l.slot_at(start + 5 * SLOT_MS + 999) == 5
        with pytest.raises(EhrError) as info:
            l.slot_at(start - 1)
        assert info.value.status == Status.ERR_PARAM
    with Ledger.open(path, None, None) as l:
        assert (l.height, l.tip_hash) == (6, tip)
        report = l.open_report
        assert report.blocks_verified == 6 and report.truncated_from is None and report.reason == ""
        assert l.verify() == 6
        assert [l.block(h) for h in range(1, 7)] == made
        with pytest.raises(EhrError) as info:
            l.block(7)
        assert info.value.status == Status.ERR_NOT_FOUND


def test_other_chain_is_refused(tmp_path, genesis, keys):
    with Ledger.open(tmp_path / "c.db", genesis, None):
        pass
    with Genesis.build(b"other-chain", GENESIS_TIME, SLOT_MS, 1, b"\x01" * 32,
                       [(b"x", keys[0].public_key, 1)]) as g:
        other = g.to_bytes()
    with pytest.raises(EhrError) as info:
        Ledger.open(tmp_path / "c.db", other, None)
    assert info.value.status == Status.ERR_LEDGER_REJECTED and "genesis" in info.value.message
    with pytest.raises(EhrError) as info:
        Ledger.open(tmp_path / "new.db", None, None)
    assert info.value.status == Status.ERR_NOT_FOUND


def test_votes_change_the_schedule_at_the_next_round(ledger, keys):
    gh = ledger.genesis_hash
    # Nodes 0 and 1 (70 of 100 stake) approve node 3, which then outranks node 2.
    for voter in (0, 1):
        tx = make_vote(keys[voter], gh, voter, ledger.next_sequence(voter), [3])
        assert ledger.submit(tx) == tx_id(tx)
        assert ledger.submit(tx) == tx_id(tx)  # a pooled transaction again: no change
    assert ledger.pool_count == 2
    produce(ledger, keys)
    assert ledger.pool_count == 0
    assert ledger.next_sequence(0) == 2 and ledger.next_sequence(1) == 2
    vote_round = ledger.tip_slot // K
    assert ledger.active_producers == [0, 1, 2]  # not before the next round
    while ledger.tip_slot // K == vote_round:
        following = ledger.tip_slot + 1
        expected = (0, 1, 2) if following // K == vote_round else (0, 1, 3)
        assert ledger.scheduled_producer(following) in expected
        produce(ledger, keys)
    assert ledger.active_producers == [0, 1, 3]
    assert sorted(ledger.schedule) == [0, 1, 3]
    # A replayed vote (old sequence) is refused when submitted.
    stale = make_vote(keys[0], gh, 0, 1, [3])
    with pytest.raises(EhrError) as info:
        ledger.submit(stale)
    assert info.value.status == Status.ERR_LEDGER_REJECTED and info.value.message.startswith("sequence:")


def test_register_moves_stake_to_a_new_node(ledger, keys):
    gh = ledger.genesis_hash
    with NodeKey.from_seed(b"\x09" * 32) as newcomer:
        tx = make_register(keys[0], newcomer, gh, 0, ledger.next_sequence(0), b"hospital-new", 15)
        ledger.submit(tx)
        # The same name again (another key, next sequence) cannot join as well.
        with NodeKey.generate() as twin:
            with pytest.raises(EhrError) as info:
                ledger.submit(make_register(keys[1], twin, gh, 1, 1, b"hospital-new", 1))
        assert info.value.message.startswith("node:")
        produce(ledger, keys)
        assert ledger.node_count == len(STAKES) + 1
        assert ledger.node(len(STAKES)) == (15, 1, newcomer.public_key)
        assert ledger.node(0)[0] == STAKES[0] - 15
    with pytest.raises(EhrError) as info:
        ledger.node(99)
    assert info.value.status == Status.ERR_NOT_FOUND
    with NodeKey.generate() as greedy:
        with pytest.raises(EhrError) as info:
            ledger.submit(make_register(keys[3], greedy, gh, 3, 1, b"greedy", STAKES[3] + 1))
    assert info.value.message.startswith("stake:")


def test_pool_keeps_dependent_transactions_in_order(ledger, keys):
    gh = ledger.genesis_hash
    ledger.submit(make_dkg(keys[2], gh, 2, 1, 0x02, b"commitment"))
    ledger.submit(make_dkg(keys[2], gh, 2, 2, 0x04, b""))  # needs the first one's sequence
    with pytest.raises(EhrError) as info:
        ledger.submit(make_dkg(keys[2], gh, 2, 4, 0x04, b"gap"))
    assert info.value.message.startswith("sequence:")
    produce(ledger, keys)
    assert ledger.next_sequence(2) == 3 and ledger.pool_count == 0


def test_rejected_blocks_name_their_rule(ledger, keys):
    slot = ledger.tip_slot + 1
    p = ledger.scheduled_producer(slot)
    q = next(i for i in range(K) if i != p)
    with pytest.raises(EhrError) as info:
        ledger.make_block(keys[q], q, slot)
    assert info.value.status == Status.ERR_LEDGER_REJECTED
    assert info.value.message.startswith("producer:")
    with pytest.raises(EhrError) as info:
        ledger.make_block(keys[q], p, slot)  # right producer, wrong key
    assert info.value.message.startswith("blockSignature:")

    block = ledger.make_block(keys[p], p, slot)
    forged = bytearray(block)
    forged[-1] ^= 1  # the last byte belongs to the Ed25519 signature
    with pytest.raises(EhrError) as info:
        ledger.append(bytes(forged))
    assert info.value.status == Status.ERR_LEDGER_REJECTED
    assert info.value.message.startswith("blockSignature:")
    assert ledger.height == 0

    assert ledger.append(block) == AppendResult.EXTENDED
    with pytest.raises(EhrError) as info:
        ledger.append(block)
    assert info.value.message.startswith("duplicateBlock:")
    with pytest.raises(EhrError) as info:
        ledger.append(b"EHRS\x01\x51")
    assert info.value.status == Status.ERR_LEDGER_REJECTED and info.value.message.startswith("encoding:")


def test_a_competing_block_goes_to_a_side_branch_then_wins(tmp_path, genesis, keys):
    # Two nodes see different blocks for the first slots; the longer branch wins.
    with Ledger.open(tmp_path / "a.db", genesis, None) as a, Ledger.open(tmp_path / "b.db", genesis, None) as b:
        a1 = produce(a, keys, slot=1)
        b_blocks = [produce(b, keys, slot=2), produce(b, keys, slot=3)]
        assert a.append(b_blocks[0]) == AppendResult.SIDE_BRANCH
        assert a.append(b_blocks[1]) == AppendResult.REORGANIZED
        assert a.tip_hash == b.tip_hash and a.height == 2
        assert b.append(a1) == AppendResult.SIDE_BRANCH


def test_catch_up_sync_appends_a_batch(tmp_path, genesis, keys):
    with Ledger.open(tmp_path / "a.db", genesis, None) as a, Ledger.open(tmp_path / "b.db", genesis, None) as b:
        gh = a.genesis_hash
        a.submit(make_dkg(keys[1], gh, 1, 1, 0x02, b"commit"))
        blocks = [produce(a, keys) for _ in range(8)]
        b.submit(make_dkg(keys[1], gh, 1, 1, 0x02, b"commit"))  # b heard it too
        assert b.append_batch(blocks[:5]) == 5
        assert b.pool_count == 0 and b.height == 5
        forged = bytearray(blocks[6])
        forged[-1] ^= 1
        with pytest.raises(EhrError) as info:
            b.append_batch([blocks[5], bytes(forged), blocks[7]])
        assert info.value.status == Status.ERR_LEDGER_REJECTED
        assert info.value.message.startswith("blockSignature: block 7")
        assert b.height == 6  # the valid prefix stays
        assert b.append_batch(blocks[6:]) == 2
        assert (b.height, b.tip_hash, b.verify()) == (8, a.tip_hash, 8)
        n = ctypes.c_size_t()
        cut = (ctypes.c_uint8 * 3)(0, 0, 9)
        assert status_of(lib.ehr_block_append_batch, b._h, ctypes.byref(n), cut, 3) == Status.ERR_PARAM
        assert n.value == 0


# --- Corruption -----------------------------------------------------------------

def flip_block_byte(path, height, offset=20):
    db = sqlite3.connect(path)
    (data,) = db.execute("SELECT bytes FROM blocks WHERE height = ?", (height,)).fetchone()
    data = bytearray(data)
    data[offset] ^= 0x40
    db.execute("UPDATE blocks SET bytes = ? WHERE height = ?", (bytes(data), height))
    db.commit()
    db.close()


def test_corruption_is_reported_with_its_height(tmp_path, genesis, keys):
    path = tmp_path / "chain.db"
    with Ledger.open(path, genesis, None) as l:
        for _ in range(4):
            produce(l, keys)
        flip_block_byte(str(path), 2)
        with pytest.raises(EhrError) as info:
            l.verify()
        assert info.value.status == Status.ERR_CORRUPT and "height 2" in info.value.message
    for mode in (Recovery.NONE, Recovery.TAIL_ONLY):
        with pytest.raises(EhrError) as info:
            Ledger.open(path, genesis, None, mode)
        assert info.value.status == Status.ERR_CORRUPT and "height 2" in info.value.message
    # Explicit repair keeps the good prefix and says what it cut.
    with Ledger.open(path, genesis, None, Recovery.TRUNCATE) as l:
        assert l.height == 1 and l.open_report.truncated_from == 2 and l.verify() == 1
        produce(l, keys)  # the chain goes on from the repaired tip
        assert l.height == 2


def test_a_damaged_tail_is_cut_and_reported(tmp_path, genesis, keys):
    path = tmp_path / "chain.db"
    with Ledger.open(path, genesis, None) as l:
        for _ in range(3):
            produce(l, keys)
    flip_block_byte(str(path), 3)
    with pytest.raises(EhrError) as info:
        Ledger.open(path, genesis, None, Recovery.NONE)
    assert "height 3" in info.value.message
    with Ledger.open(path, genesis, None) as l:
        report = l.open_report
        assert (report.blocks_verified, report.truncated_from) == (2, 3)
        assert report.reason
        assert l.height == 2 and l.verify() == 2


# --- Identity transactions with Cha-Cheon signatures ------------------------------------

R = 0x73EDA753299D7D483339D80809A1D80553BDA402FFFE5BFEFFFFFFFF00000001
H1SIG = b"EHRSHARE-V1-H1SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_"
SIGCHAL = b"EHRSHARE-V1-SIGCHAL_BLS12381FR_XMD:SHA-256_"


class Authority:
    """A test stand-in for the DKG's result: master secret s, y = s*g2, and identity signing
    keys s*H1s(id). Signing follows PROTOCOL.md section 9 on the library's primitives, so the
    library's verifier is checked against an independent signer."""

    def __init__(self, secret: int):
        self.s = secret
        self.y = (secret * G2.generator()).to_bytes()
        self.fp = hashlib.sha256(b"EHRSHARE-V1-MPK" + self.y).digest()

    def sign(self, identity: bytes, payload: bytes, ts: int = 0, nonce: bytes = b"\x05" * 16) -> bytes:
        qs = G1.hash(identity, H1SIG)
        sks = self.s * qs
        msg = (b"EHRS\x01\x31" + bytes([2]) + self.fp + struct.pack(">H", len(identity)) + identity
               + struct.pack(">Q", ts) + nonce + struct.pack(">I", len(payload)) + payload)
        k = int(Scalar.random())
        u = (k * qs).to_bytes()
        h = int(Scalar.hash(u + msg, SIGCHAL))
        v = (((k + h) % R) * sks).to_bytes()
        return msg + u + v


def signed_record(ledger, authority, owner, record_id, digest, uri, grants, ts, signer=None,
                  nonce=b"\x11" * 16):
    unsigned = make_record(owner, record_id, digest, uri, grants, ts, nonce)
    sig = authority.sign(signer or owner, signing_message(ledger.genesis_hash, unsigned))
    return make_record(owner, record_id, digest, uri, grants, ts, nonce, sig)


def test_identity_transactions_with_cha_cheon(tmp_path, genesis, keys):
    auth = Authority(0x1234567890ABCDEF)
    owner, doctor = b"hospital:a", b"doctor:b"
    rid = hashlib.sha256(b"record 1").digest()
    digest = hashlib.sha256(b"sealed envelope").digest()
    uri = b"ehrstore://hosp-a/" + digest.hex().encode()
    with Ledger.open(tmp_path / "chain.db", genesis, auth.y) as l:
        ts = l.slot_time(l.tip_slot + 1)
        # Signed by another identity's key: refused with the rule named.
        forged = signed_record(l, auth, owner, rid, digest, uri, [(doctor, 0)], ts, signer=b"hospital:z")
        with pytest.raises(EhrError) as info:
            l.submit(forged)
        assert info.value.status == Status.ERR_LEDGER_REJECTED
        assert info.value.message.startswith("txSignature:")
        # Signed under another master key: refused too.
        other = signed_record(l, Authority(99), owner, rid, digest, uri, [(doctor, 0)], ts)
        with pytest.raises(EhrError) as info:
            l.submit(other)
        assert info.value.message.startswith("txSignature:")

        record = signed_record(l, auth, owner, rid, digest, uri, [(doctor, 0)], ts)
        l.submit(record)
        produce(l, keys)
        info = l.record(rid)
        assert (info.owner, info.ciphertext_sha256, info.uri, info.height) == (owner, digest, uri, 1)
        assert l.grant(rid, doctor) == (False, 0)
        with pytest.raises(EhrError) as e:
            l.grant(rid, b"nurse:c")
        assert e.value.status == Status.ERR_NOT_FOUND

        ts = l.slot_time(l.tip_slot + 1)
        unsigned = make_request(doctor, rid, 1, ts, b"\x22" * 16)
        request = make_request(doctor, rid, 1, ts, b"\x22" * 16,
                               auth.sign(doctor, signing_message(l.genesis_hash, unsigned)))
        request_id = l.submit(request)
        block = produce(l, keys)
        slot = l.tip_slot
        req = l.request(request_id)
        assert (req.requester, req.record_id, req.height, req.receipts) == (doctor, rid, 2, 0)
        assert req.proxies == [l.schedule[slot % K]]
        proxy = req.proxies[0]
        outsider = next(i for i in range(len(keys)) if i != proxy)
        with pytest.raises(EhrError) as e:
            l.submit(make_receipt(keys[outsider], l.genesis_hash, outsider, request_id, b"\x01" * 32))
        assert e.value.message.startswith("receipt:")
        with pytest.raises(EhrError) as e:
            l.receipt(request_id, proxy)
        assert e.value.status == Status.ERR_NOT_FOUND
        ct2 = hashlib.sha256(b"ct2").digest()
        l.submit(make_receipt(keys[proxy], l.genesis_hash, proxy, request_id, ct2))
        produce(l, keys)
        assert l.request(request_id).receipts == 1
        assert l.receipt(request_id, proxy) == ct2

        ts = l.slot_time(l.tip_slot + 1)
        unsigned = make_policy(owner, rid, 2, doctor, 0, ts, b"\x33" * 16)
        revoke = make_policy(owner, rid, 2, doctor, 0, ts, b"\x33" * 16,
                             auth.sign(owner, signing_message(l.genesis_hash, unsigned)))
        l.submit(revoke)
        produce(l, keys)
        assert l.grant(rid, doctor) == (True, 0)
        assert l.verify() == 4
    with pytest.raises(EhrError) as e:
        Ledger.open(tmp_path / "chain.db", None, None)  # the stored signatures need y
    assert e.value.status == Status.ERR_CORRUPT and "height 1" in e.value.message
    with Ledger.open(tmp_path / "chain.db", None, auth.y) as l:
        assert l.height == 4


def test_the_library_signs_identity_transactions(tmp_path, genesis, keys):
    auth = Authority(0xC0FFEE)
    owner = b"hospital:a"
    sks = (auth.s * G1.hash(owner, H1SIG)).to_bytes()
    rid = hashlib.sha256(b"record 9").digest()
    with Ledger.open(tmp_path / "chain.db", genesis, auth.y) as l:
        gh = l.genesis_hash
        unsigned = make_record(owner, rid, rid, b"ehrstore://a/" + rid.hex().encode(), [(b"doctor:b", 0)],
                               l.slot_time(l.tip_slot + 1), b"\x44" * 16)
        signed = sign_identity(unsigned, sks, auth.y, gh)
        assert signing_message(gh, signed) == signing_message(gh, unsigned)
        # Someone else's key, or a node transaction, is refused before anything is signed.
        other = (auth.s * G1.hash(b"hospital:z", H1SIG)).to_bytes()
        with pytest.raises(EhrError) as info:
            sign_identity(unsigned, other, auth.y, gh)
        assert info.value.status == Status.ERR_VERIFY
        with pytest.raises(EhrError) as info:
            sign_identity(make_vote(keys[0], gh, 0, 1, [1]), sks, auth.y, gh)
        assert info.value.status == Status.ERR_PARAM
        # The size query reports the length without signing.
        n = ctypes.c_size_t()
        buf = (ctypes.c_uint8 * len(unsigned)).from_buffer_copy(unsigned)
        key = (ctypes.c_uint8 * 48).from_buffer_copy(sks)
        y = (ctypes.c_uint8 * 96).from_buffer_copy(auth.y)
        g = (ctypes.c_uint8 * 32).from_buffer_copy(gh)
        assert status_of(lib.ehr_tx_sign_identity, None, 0, ctypes.byref(n), key, y, g, buf,
                         len(unsigned)) == Status.ERR_BUFFER_TOO_SMALL
        assert n.value == len(signed)
        l.submit(signed)
        produce(l, keys)
        assert l.record(rid).owner == owner


def test_identity_transactions_need_the_master_key(ledger):
    auth = Authority(7)
    rid = hashlib.sha256(b"r").digest()
    tx = signed_record(ledger, auth, b"hospital:a", rid, rid, b"ehrstore://a/" + rid.hex().encode(), [],
                       ledger.slot_time(1))
    with pytest.raises(EhrError) as info:
        ledger.submit(tx)
    assert info.value.message.startswith("txSignature:")


# --- Record store -------------------------------------------------------------------

def test_store_round_trip(tmp_path):
    data = b"sealed envelope \x00\xff" * 100
    with RecordStore.open(tmp_path / "store.db", "hosp-a") as s:
        uri, digest = s.put(data)
        assert digest == hashlib.sha256(data).digest()
        assert uri == b"ehrstore://hosp-a/" + digest.hex().encode()
        assert s.put(data) == (uri, digest)  # idempotent
        assert s.get(uri, digest) == data
        assert s.put(b"") [1] == hashlib.sha256(b"").digest()
        assert s.verify() == 0
        with pytest.raises(EhrError) as info:
            s.get(uri, hashlib.sha256(b"other").digest())
        assert info.value.status == Status.ERR_PARAM
        absent = hashlib.sha256(b"absent").digest()
        with pytest.raises(EhrError) as info:
            s.get(b"ehrstore://hosp-a/" + absent.hex().encode(), absent)
        assert info.value.status == Status.ERR_NOT_FOUND
        with pytest.raises(EhrError) as info:
            s.get(b"ehrstore://hosp-b/" + digest.hex().encode(), digest)
        assert info.value.status == Status.ERR_PARAM
    with RecordStore.open(tmp_path / "store.db", "hosp-a") as s:
        assert s.get(uri, digest) == data
    with pytest.raises(EhrError) as info:
        RecordStore.open(tmp_path / "x.db", "bad name/")
    assert info.value.status == Status.ERR_PARAM


def test_fetch_envelope_checks_the_chain_digest(tmp_path, genesis, keys):
    auth = Authority(31337)
    owner = b"hospital:a"
    with RecordStore.open(tmp_path / "store.db", "hosp-a") as store, \
            Ledger.open(tmp_path / "chain.db", genesis, auth.y) as l:
        envelope = b"sealed patient record" * 10
        uri, digest = store.put(envelope)
        rid = hashlib.sha256(b"record 7").digest()
        l.submit(signed_record(l, auth, owner, rid, digest, uri, [], l.slot_time(l.tip_slot + 1)))
        produce(l, keys)
        assert l.fetch_envelope(store, rid) == envelope
        with pytest.raises(EhrError) as info:
            l.fetch_envelope(store, hashlib.sha256(b"no such record").digest())
        assert info.value.status == Status.ERR_NOT_FOUND
        with RecordStore.open(tmp_path / "other.db", "hosp-b") as other:
            with pytest.raises(EhrError) as info:
                l.fetch_envelope(other, rid)
            assert info.value.status == Status.ERR_PARAM


def test_tampered_store_entry_is_detected(tmp_path):
    path = tmp_path / "store.db"
    with RecordStore.open(path, "hosp-a") as s:
        uri, digest = s.put(b"patient record ciphertext")
        good_uri, good = s.put(b"another record")
    db = sqlite3.connect(str(path))
    db.execute("UPDATE envelopes SET bytes = ? WHERE sha256 = ?", (b"patient record ciphertexT", digest))
    db.commit()
    db.close()
    with RecordStore.open(path, "hosp-a") as s:
        with pytest.raises(EhrError) as info:
            s.get(uri, digest)
        assert info.value.status == Status.ERR_CORRUPT
        assert s.get(good_uri, good) == b"another record"
        with pytest.raises(EhrError) as info:
            s.verify()
        assert info.value.status == Status.ERR_CORRUPT and digest.hex() in info.value.message


# --- The C conventions: NULL, bad lengths, short buffers, freeing -------------------------

def test_null_pointers_and_bad_lengths_give_statuses(ledger, keys, tmp_path):
    h = ledger._h
    u64 = ctypes.c_uint64()
    n = ctypes.c_size_t()
    out = (ctypes.c_uint8 * 32)()
    buf = (ctypes.c_uint8 * 8)()
    huge = 2 ** 64 - 1  # a negative length cast to size_t
    assert status_of(lib.ehr_ledger_get_height, None, ctypes.byref(u64)) == Status.ERR_NULL_POINTER
    assert status_of(lib.ehr_ledger_get_height, h, None) == Status.ERR_NULL_POINTER
    assert status_of(lib.ehr_ledger_submit, h, out, None, 5) == Status.ERR_NULL_POINTER
    assert status_of(lib.ehr_ledger_submit, h, None, buf, 8) == Status.ERR_NULL_POINTER
    assert status_of(lib.ehr_ledger_submit, h, out, buf, huge) == Status.ERR_PARAM
    assert status_of(lib.ehr_ledger_submit, h, out, buf, 8) == Status.ERR_LEDGER_REJECTED
    assert status_of(lib.ehr_block_append, h, None, buf, 8) == Status.ERR_NULL_POINTER
    assert status_of(lib.ehr_block_make, h, None, 0, ctypes.byref(n), None, 0, 1) == Status.ERR_NULL_POINTER
    assert status_of(lib.ehr_ledger_get_block, h, None, 0, None, 1) == Status.ERR_NULL_POINTER
    assert status_of(lib.ehr_ledger_get_record, h, out, ctypes.byref(u64), None, 0, None, None, 0, None,
                     out) == Status.ERR_NULL_POINTER
    assert status_of(lib.ehr_ledger_grant, h, buf, ctypes.byref(u64), out, buf, huge) == Status.ERR_PARAM
    assert status_of(lib.ehr_ledger_grant, h, buf, ctypes.byref(u64), None, buf, 1) == Status.ERR_NULL_POINTER
    assert status_of(lib.ehr_ledger_open, None, b"x.db", None, 0, None, 0) == Status.ERR_NULL_POINTER
    handle = ctypes.c_void_p()
    assert status_of(lib.ehr_ledger_open, ctypes.byref(handle), None, None, 0, None, 0) == Status.ERR_NULL_POINTER
    assert status_of(lib.ehr_ledger_open, ctypes.byref(handle), str(tmp_path / "r.db").encode(), None, 0, None,
                     7) == Status.ERR_PARAM
    assert not handle.value
    bad_y = (ctypes.c_uint8 * 96)()
    assert status_of(lib.ehr_ledger_open, ctypes.byref(handle), str(tmp_path / "y.db").encode(), None, 0, bad_y,
                     0) == Status.ERR_ENCODING
    assert status_of(lib.ehr_node_key_from_seed, ctypes.byref(handle), None) == Status.ERR_NULL_POINTER
    assert status_of(lib.ehr_node_key_sign, keys[0]._h, out, None, 3) == Status.ERR_NULL_POINTER
    assert status_of(lib.ehr_node_key_sign, keys[0]._h, out, buf, huge) == Status.ERR_PARAM
    assert status_of(lib.ehr_genesis_new, ctypes.byref(handle), buf, 0, 0, 1, 1, 0, 0, out) == Status.ERR_PARAM
    assert status_of(lib.ehr_tx_make_vote, None, 0, ctypes.byref(n), keys[0]._h, out, 0, 1, None,
                     2) == Status.ERR_NULL_POINTER
    assert status_of(lib.ehr_tx_make_vote, None, 0, ctypes.byref(n), keys[0]._h, out, 0, 1, None,
                     huge) == Status.ERR_PARAM
    assert status_of(lib.ehr_tx_make_policy, None, 0, ctypes.byref(n), buf, 1, out, 3, buf, 1, 0, 0, out, None,
                     0) == Status.ERR_PARAM
    with RecordStore.open(tmp_path / "s.db", "s") as s:
        assert status_of(lib.ehr_store_get, s._h, None, 0, ctypes.byref(n), buf, huge, out) == Status.ERR_PARAM
        assert status_of(lib.ehr_store_get, s._h, None, 0, ctypes.byref(n), None, 4, out) == Status.ERR_NULL_POINTER
        assert status_of(lib.ehr_store_put, s._h, None, 0, ctypes.byref(n), out, None, 4) == Status.ERR_NULL_POINTER
        assert status_of(lib.ehr_store_put, s._h, None, 0, ctypes.byref(n), None, buf, 8) == Status.ERR_NULL_POINTER
    assert status_of(lib.ehr_store_open, ctypes.byref(handle), None, b"s") == Status.ERR_NULL_POINTER
    # A failed call leaves a message; the message names the argument.
    assert status_of(lib.ehr_ledger_submit, h, out, None, 5) == Status.ERR_NULL_POINTER
    assert b"tx" in lib.ehr_last_error_message()


def test_buffer_too_small_protocol(ledger, keys, tmp_path):
    block = produce(ledger, keys)
    h = ledger._h
    n = ctypes.c_size_t(0)
    assert status_of(lib.ehr_ledger_get_block, h, None, 0, ctypes.byref(n), 1) == Status.ERR_BUFFER_TOO_SMALL
    assert n.value == len(block)
    small = (ctypes.c_uint8 * 10)()
    assert status_of(lib.ehr_ledger_get_block, h, small, 10, ctypes.byref(n), 1) == Status.ERR_BUFFER_TOO_SMALL
    assert n.value == len(block)
    full = (ctypes.c_uint8 * len(block))()
    assert status_of(lib.ehr_ledger_get_block, h, full, len(block), ctypes.byref(n), 1) == Status.OK
    assert bytes(full) == block
    one = (ctypes.c_uint16 * 1)()
    assert status_of(lib.ehr_ledger_get_schedule, h, one, 1, ctypes.byref(n)) == Status.ERR_BUFFER_TOO_SMALL
    assert n.value == K
    with RecordStore.open(tmp_path / "s.db", "hosp-a") as s:
        digest = (ctypes.c_uint8 * 32)()
        data = (ctypes.c_uint8 * 3)(1, 2, 3)
        assert status_of(lib.ehr_store_put, s._h, None, 0, ctypes.byref(n), digest, data, 3) \
            == Status.ERR_BUFFER_TOO_SMALL
        assert n.value == len(b"ehrstore://hosp-a/") + 64
        # The size query stored nothing.
        d = hashlib.sha256(bytes([1, 2, 3])).digest()
        with pytest.raises(EhrError) as info:
            s.get(b"ehrstore://hosp-a/" + d.hex().encode(), d)
        assert info.value.status == Status.ERR_NOT_FOUND


def test_handles_freed_twice_through_the_classes_are_harmless(tmp_path, genesis):
    key = NodeKey.generate()
    key.close()
    key.close()
    with pytest.raises(EhrError) as info:
        key.sign(b"x")
    # One handle base for the package: a closed handle reaches the library as NULL.
    assert info.value.status == Status.ERR_NULL_POINTER
    l = Ledger.open(tmp_path / "c.db", genesis, None)
    with l:
        assert l.height == 0
    l.close()
    del l
    s = RecordStore.open(tmp_path / "s.db", "s")
    s.close()
    s.__del__()
    assert s.closed
    for free in (lib.ehr_ledger_free, lib.ehr_store_free, lib.ehr_node_key_free, lib.ehr_genesis_free):
        free(None)


def test_a_handle_of_another_kind_is_refused(ledger, keys, tmp_path):
    # ctypes passes any void *: a key where a ledger belongs is a status, not a crash.
    height = ctypes.c_uint64()
    assert status_of(lib.ehr_ledger_get_height, keys[0]._h, ctypes.byref(height)) == Status.ERR_PARAM
    assert b"another kind" in lib.ehr_last_error_message()
    out = (ctypes.c_uint8 * 32)()
    assert status_of(lib.ehr_node_key_get_public, ledger._h, out) == Status.ERR_PARAM
    with RecordStore.open(tmp_path / "s.db", "s") as s:
        n = ctypes.c_size_t()
        assert status_of(lib.ehr_ledger_fetch_envelope, ledger._h, None, 0, ctypes.byref(n), ledger._h,
                         out) == Status.ERR_PARAM
        # Freeing through the wrong function leaves the object alone: both stay usable.
        lib.ehr_ledger_free(s._h)
        lib.ehr_store_free(ledger._h)
        assert s.verify() == 0
    assert ledger.height == 0
