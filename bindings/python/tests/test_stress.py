# SPDX-License-Identifier: Apache-2.0
"""Thread-safety stress test through the C ABI (issue 8).

Eight threads share one re-encryption context and the identity keys (both
documented as shareable) and seal, re-encrypt, open and sign concurrently,
while another thread appends blocks to a ledger (a ledger handle is used by
one thread at a time, as the header requires) and others run pairings.
ctypes releases the GIL during foreign calls, so the library really runs on
several threads at once. Every result is checked; an error in any thread
fails the test.
"""
import hashlib
import os
import threading

import pytest

from ehrshare.bls import G1, G2, GT, Scalar, pairing
from ehrshare.pre import Context, Envelope, IdentityKey, verify

from test_ledger import genesis, genesis_time, keys, produce  # noqa: F401  (fixtures)
from ehrshare.ledger import Ledger

H1E = b"EHRSHARE-V1-H1ENC_BLS12381G1_XMD:SHA-256_SSWU_RO_"
H1S = b"EHRSHARE-V1-H1SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_"
USERS = [f"doctor:stress-{i}" for i in range(8)]
ROUNDS = 6


def test_many_threads_encrypt_reencrypt_decrypt_sign_and_append(tmp_path, genesis, keys):  # noqa: F811
    s = Scalar.random()
    y = (s * G2.generator()).to_bytes()
    ctx = Context(y)
    ids = {u: IdentityKey(ctx, u, (s * G1.hash(u.encode(), H1E)).to_bytes(),
                          (s * G1.hash(u.encode(), H1S)).to_bytes()) for u in USERS}
    errors = []
    done = {"crypto": 0, "blocks": 0, "pairings": 0}
    lock = threading.Lock()
    start = threading.Barrier(len(USERS) + 2)

    def crypto_worker(i: int):
        try:
            start.wait()
            me, peer = USERS[i], USERS[(i + 1) % len(USERS)]
            for r in range(ROUNDS):
                record = os.urandom(1000 * (r + 1) + i)
                sealed = ctx.seal(record, me, record_context=f"{me}/{r}".encode())
                assert ids[me].open(sealed) == record
                rk = ids[me].rekey(peer)
                shared = Envelope.reencrypt(rk, sealed)
                assert ids[peer].open(shared) == record
                digest = hashlib.sha256(record).digest()
                signed = ids[me].sign(digest)
                assert verify(ctx, signed, me) == digest
            with lock:
                done["crypto"] += 1
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(f"crypto {i}: {exc!r}")

    def ledger_worker():
        try:
            with Ledger.open(tmp_path / "chain.db", genesis, None) as ledger:
                start.wait()
                for _ in range(12):
                    produce(ledger, keys)
                ledger.verify()
                with lock:
                    done["blocks"] = ledger.height
        except BaseException as exc:  # noqa: BLE001
            errors.append(f"ledger: {exc!r}")

    def pairing_worker():
        try:
            start.wait()
            for _ in range(4):
                a = Scalar.random()
                assert pairing(a * G1.generator(), G2.generator()) == GT.generator() ** a
            with lock:
                done["pairings"] += 1
        except BaseException as exc:  # noqa: BLE001
            errors.append(f"pairing: {exc!r}")

    threads = [threading.Thread(target=crypto_worker, args=(i,)) for i in range(len(USERS))]
    threads += [threading.Thread(target=ledger_worker), threading.Thread(target=pairing_worker)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)
    assert not any(t.is_alive() for t in threads), "a worker hung"
    assert errors == []
    assert done == {"crypto": len(USERS), "blocks": 12, "pairings": 1}
    for k in ids.values():
        k.close()
    ctx.close()
