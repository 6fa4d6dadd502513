#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Smoke test of ehrshare-cli: the whole flow on a fresh node directory, plus the refusals.
# Exits non-zero on any unexpected result.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product ehrshare-cli >/dev/null
CLI="$(swift build -c release --show-bin-path)/ehrshare-cli"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ehrshare-cli-smoke-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
D="$WORK/node"
OWNER="hospital:st-mary"
READER="doctor:bob@city-clinic"

fail() { echo "cli-smoke: FAIL: $*" >&2; exit 1; }
# expect CODE CMD...: runs CMD, which must exit with CODE.
expect() {
    local want=$1; shift
    local got=0
    "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
    [ "$got" -eq "$want" ] || { cat "$WORK/out" "$WORK/err" >&2; fail "'$*' exited $got, expected $want"; }
}

# Misuse before anything exists.
expect 2 "$CLI"
expect 2 "$CLI" frobnicate --dir "$D"
expect 2 "$CLI" init --dir "$D" --authorities 4
expect 1 "$CLI" verify --dir "$WORK/missing"

"$CLI" init --dir "$D" --authorities 4 --threshold 3
expect 1 "$CLI" issue --dir "$D" --id "$OWNER"          # DKG not run
"$CLI" dkg --dir "$D"
"$CLI" issue --dir "$D" --id "$OWNER"
"$CLI" issue --dir "$D" --id "$READER"
"$CLI" schedule --dir "$D"
for f in "$D"/authorities/* "$D"/identities/*; do
    [ "$(stat -c %a "$f")" = 600 ] || fail "$f is not private (mode $(stat -c %a "$f"))"
done

head -c 100000 /dev/urandom > "$WORK/ehr.bin"
echo "discharge summary" >> "$WORK/ehr.bin"
RID=$("$CLI" put --dir "$D" --owner "$OWNER" --file "$WORK/ehr.bin" --grant "$READER")
echo "record $RID"
expect 1 "$CLI" put --dir "$D" --owner "doctor:nobody" --file "$WORK/ehr.bin"   # unknown identity
expect 1 "$CLI" request --dir "$D" --as "$OWNER" --record "$RID"                # no policy entry

"$CLI" get --dir "$D" --as "$OWNER" --record "$RID" --out "$WORK/owner.out"
cmp "$WORK/ehr.bin" "$WORK/owner.out" || fail "the owner's copy differs"

REQ=$("$CLI" request --dir "$D" --as "$READER" --record "$RID")
echo "request $REQ"
"$CLI" reencrypt --dir "$D" --request "$REQ"
"$CLI" get --dir "$D" --as "$READER" --record "$RID" --out "$WORK/reader.out"
cmp "$WORK/ehr.bin" "$WORK/reader.out" || fail "the reader's copy differs"

"$CLI" revoke --dir "$D" --owner "$OWNER" --record "$RID" --to "$READER"
expect 1 "$CLI" request --dir "$D" --as "$READER" --record "$RID"               # refused after revoke
grep -q "revoked" "$WORK/err" || fail "the refusal does not say the access is revoked"

expect 1 "$CLI" get --dir "$D" --as "$READER" --record "$RID" --out "$WORK/again.out" # revoked reader
"$CLI" grant --dir "$D" --owner "$OWNER" --record "$RID" --to "$READER"              # grant again
REQ2=$("$CLI" request --dir "$D" --as "$READER" --record "$RID")
"$CLI" reencrypt --dir "$D" --request "$REQ2"
expect 1 "$CLI" reencrypt --dir "$D" --request "$REQ2"                             # served already
# A request the owner refuses because the grant was revoked before re-encryption.
REQ3=$("$CLI" request --dir "$D" --as "$READER" --record "$RID")
"$CLI" revoke --dir "$D" --owner "$OWNER" --record "$RID" --to "$READER"
expect 1 "$CLI" reencrypt --dir "$D" --request "$REQ3"
grep -q "owner refused" "$WORK/err" || fail "reencrypt after revoke was not refused by the owner"

# Two commands at once on one directory: the node lock serialises them.
"$CLI" put --dir "$D" --owner "$OWNER" --file "$WORK/ehr.bin" >"$WORK/p1" &
P1=$!
"$CLI" put --dir "$D" --owner "$OWNER" --file "$WORK/ehr.bin" >"$WORK/p2" &
P2=$!
wait "$P1" || fail "concurrent put 1 failed"
wait "$P2" || fail "concurrent put 2 failed"

"$CLI" verify --dir "$D"

# Tampering with a stored envelope: the owner's get (re-hash against the chain) and verify fail.
python3 - "$D/records.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for digest, blob in db.execute("SELECT sha256, bytes FROM envelopes").fetchall():
    b = bytearray(blob); b[-1] ^= 1
    db.execute("UPDATE envelopes SET bytes = ? WHERE sha256 = ?", (bytes(b), digest))
db.commit()
PY
expect 1 "$CLI" get --dir "$D" --as "$OWNER" --record "$RID" --out "$WORK/tampered.out"
expect 1 "$CLI" verify --dir "$D"
[ ! -e "$WORK/tampered.out" ] || fail "a tampered record was written out"
echo "cli-smoke: all checks passed"
