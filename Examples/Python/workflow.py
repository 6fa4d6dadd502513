#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The common sharing workflow through the ctypes package (the C and Swift
examples run the same steps; scripts/examples.sh checks that the three print
the same "workflow:" lines):

1. a 2-of-3 GJKR DKG among three in-process authorities (ehrshare.dkg);
2. threshold extraction of hospital:st-mary's and doctor:bob's keys from
   2 verified partial keys each (1 partial key is refused);
3. the hospital seals a record (context "record-1"), re-encrypts it to Bob
   through a proxy, Bob opens it;
4. Bob's signed access request passes the hospital's policy once; its replay
   is refused.

Usage: workflow.py <record file>. Prints deterministic lines only.
"""
import hashlib
import os
import sys

from ehrshare import EhrError, Status, dkg, pre

N, T = 3, 2
HOSPITAL, BOB, RID = "hospital:st-mary", "doctor:bob", b"record-1"
NOW = 1764000000000


def run_dkg():
    """Step 1: three authorities in one process; the loop is the transport."""
    keys = [dkg.NodeKey.generate() for _ in range(N)]
    roster = [(f"authority-{k + 1}", key.public_key) for k, key in enumerate(keys)]
    nonce = os.urandom(32)
    sessions = [dkg.DKGSession(roster, T, nonce, k + 1, keys[k]) for k in range(N)]

    def deliver(sender, messages):
        for m in messages:
            for s in sessions:
                if s.index != sender.index and m.to in (0, s.index):
                    s.receive(m.data, sender.index)

    for s in sessions:
        deliver(s, s.start())
    for _ in range(6):
        for s in sessions:
            deliver(s, s.advance())
    if any(s.round != dkg.Round.DONE for s in sessions):
        raise RuntimeError("the DKG did not finish")
    params = sessions[0].params_bytes()
    if any(s.params_bytes() != params for s in sessions):
        raise RuntimeError("authorities disagree on PARAMS")
    pp = dkg.PublicParams.from_bytes(params)
    print(f"workflow: {pp.n} authorities agree on PARAMS (t = {pp.threshold})")
    return pp, [s.key_share() for s in sessions]


def extract(pp, shares, identity, refuse_one):
    """Step 2: partial keys from authorities 1 and 2, verified, combined."""
    partials = []
    for k, share in enumerate(shares[:T]):
        partial = share.issue(identity)
        if pp.verify_partial_key(partial, identity) != k + 1:
            raise RuntimeError("partial key index")
        partials.append(partial)
    if refuse_one:
        try:
            pp.combine(partials[:1], identity)
            raise RuntimeError("one partial key made a key")
        except EhrError as err:
            print(f"workflow: 1 partial key for {identity} refused: EHR_{err.status.name}")
    key = pp.combine(partials, identity)
    print(f"workflow: {identity} key combined from {T} verified partial keys")
    return key


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: workflow.py <record file>", file=sys.stderr)
        return 2
    with open(sys.argv[1], "rb") as f:
        record = f.read()
    pp, shares = run_dkg()
    hk = extract(pp, shares, HOSPITAL, True)
    bk = extract(pp, shares, BOB, False)

    # Step 3: the combined keys are already the re-encryption layer's
    # IdentityKey handles (checked against y by ehr_identity_key_combine): the
    # secret keys stay in library memory, never in Python bytes.
    ctx = pre.Context(pp.master_public_key)
    hospital, bob = hk, bk
    sealed = pre.Envelope.seal(ctx, record, HOSPITAL, RID)
    print(f"workflow: {HOSPITAL} sealed a record of {len(record)} bytes with context {RID.decode()}")
    sealed2 = pre.Envelope.reencrypt(hospital.rekey(BOB), sealed)
    opened = bob.open(sealed2)
    print(f"workflow: SHA-256 of the record Bob decrypted: {hashlib.sha256(opened).hexdigest()}")
    same = opened == record
    print(f"workflow: Bob's record equals the hospital's: {'yes' if same else 'NO'}")
    body_same = pre.split_envelope(sealed)[1] == pre.split_envelope(sealed2)[1]
    print(f"workflow: sealed body unchanged by re-encryption: {'yes' if body_same else 'NO'}")

    # Step 4: Bob's signed request against the hospital's policy, then its replay.
    policy = pre.AccessPolicy(RID, HOSPITAL)
    policy.grant(BOB)
    guard = pre.ReplayGuard(300_000, 1024)
    request = pre.create_request(bob, RID, NOW)

    def verify(now):
        try:
            pre.verify_request(hospital, request, guard, policy, now)
            return Status.OK
        except EhrError as err:
            return err.status

    first = verify(NOW + 1000)
    print(f"workflow: Bob's signed access request to {RID.decode()} -> EHR_{first.name}")
    second = verify(NOW + 2000)
    print(f"workflow: its replay -> EHR_{second.name}")
    ok = same and body_same and first == Status.OK and second == Status.ERR_REPLAY
    print("workflow complete" if ok else "workflow FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
