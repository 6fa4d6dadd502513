#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs every test of libehrshare: the Swift test suites, the export check,
# the C, Python and Swift examples, and the Python package's tests.
# Usage: bash scripts/test.sh      (from anywhere; installs what is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bash scripts/setup.sh --python-tests
mkdir -p out

echo "== swift test (release) =="
swift_rc=0
if ls -d Tests/*Tests >/dev/null 2>&1; then
swift test -c release >out/swift-test.log 2>&1 || swift_rc=$?
# Progress and per-test "passed" lines are noise; failures and summaries stay.
grep -vE '^\[[0-9]+/[0-9]+\] |^Test Case .* (started|passed)|^Building|^Compiling|^Write ' out/swift-test.log || true
fi
[ "$swift_rc" -eq 0 ] || { echo "swift test failed with status $swift_rc (full log: out/swift-test.log)"; exit "$swift_rc"; }

echo "== build libehrshare.so and executables (release) =="
# A failed build stops here: the tests below must never run against a library left by an older build.
if ! swift build -c release >out/swift-build.log 2>&1; then
    grep -E 'error:' out/swift-build.log || tail -40 out/swift-build.log
    echo "swift build -c release failed (full log: out/swift-build.log)"; exit 1
fi
grep -E 'warning: unre|Build complete' out/swift-build.log || true
lib="$root/.build/release/libehrshare.so"
[ -f "$lib" ] || { echo "libehrshare.so was not built"; exit 1; }
export EHRSHARE_LIB="$lib"

bash scripts/examples.sh

echo "== end-to-end demo (default consortium, and 8 authorities with 3-of-n threshold proxies) =="
.build/release/ehrshare-demo demo > out/demo.log 2>&1 || { cat out/demo.log; echo "demo failed"; exit 1; }
tail -1 out/demo.log
.build/release/ehrshare-demo demo --authorities 8 --threshold 5 --threshold-proxies 3 > out/demo-8.log 2>&1 \
    || { cat out/demo-8.log; echo "demo (8 authorities) failed"; exit 1; }
tail -1 out/demo-8.log

echo "== command-line node (scripts/cli-smoke.sh) =="
bash scripts/cli-smoke.sh > out/cli-smoke.txt 2>&1 || { cat out/cli-smoke.txt; echo "cli smoke test failed"; exit 1; }
tail -1 out/cli-smoke.txt

echo "== consortium node across processes (scripts/node-harness.sh: 5 nodes, then 7 with kill -9s) =="
bash scripts/node-harness.sh .build/release/ehrshare-node > out/node-harness.txt 2>&1 \
    || { cat out/node-harness.txt; echo "node harness failed"; exit 1; }
grep '^node harness:' out/node-harness.txt

echo "== consensus simulation (quick: N = 4, 7, 16; safety counters must stay 0) =="
.build/release/ehrshare-consensus-sim --quick --out out/consensus-quick.csv > out/consensus-quick.txt 2>&1 \
    || { cat out/consensus-quick.txt; echo "consensus simulation failed"; exit 1; }
if grep -qE 'unsafe [1-9]' out/consensus-quick.txt; then
    cat out/consensus-quick.txt; echo "consensus simulation reported a safety violation"; exit 1
fi
echo "consensus simulation: $(($(wc -l < out/consensus-quick.csv) - 1)) runs, no safety violation"

echo "== python tests =="
python3 -m pip install -q --disable-pip-version-check ./bindings/python 2>/dev/null \
    || python3 -m pip install -q --disable-pip-version-check --break-system-packages ./bindings/python
python3 -m pytest -q bindings/python/tests

echo "== side-by-side benchmark harness (smoke: one batch each, no timing asserted) =="
python3 scripts/bench/side_by_side.py bls --rounds 1 --repeat 1 --json > out/bench-smoke.txt
python3 scripts/bench/side_by_side.py pre --rounds 1 --repeat 1 --json >> out/bench-smoke.txt
echo "side_by_side.py: $(grep -c '^{' out/bench-smoke.txt) results (bls, pre)"

echo "== constant-time check of the MULX/ADX field kernels (valgrind memcheck, with a negative control) =="
sh scripts/ct/field_kernels_ct.sh
