#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job: builds libehrshare and the demo in release mode and runs the
# end-to-end demo (.build/release/ehrshare-demo demo: DKG, threshold keys, DPoS,
# a sealed FHIR record, access request, proxy re-encryption, decryption, the
# paper's §3.2 attacks, verification of the chain from disk), then the three
# examples (C, Python, Swift) that exercise the C ABI.
# Usage: bash scripts/demo.sh [demo options, e.g. --authorities 5 --threshold 3 --threshold-proxies 2]
#        (from anywhere; installs what is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# A failed build stops the job: it must never run a demo left by an older build.
mkdir -p out
echo "demo: building libehrshare and ehrshare-demo (release)..."
if ! swift build -c release >out/demo-build.log 2>&1; then
    grep -E 'error:' out/demo-build.log || tail -40 out/demo-build.log
    echo "swift build -c release failed (full log: out/demo-build.log)"; exit 1
fi
[ -x .build/release/ehrshare-demo ] || { echo "ehrshare-demo was not built"; exit 1; }
# The demo exits 0 only if every check passed (2 for bad arguments).
.build/release/ehrshare-demo demo "$@"
export EHRSHARE_LIB="$PWD/.build/release/libehrshare.so"
exec bash scripts/examples.sh
