#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job: builds libehrshare in release mode and runs the end-to-end
# demo. Until the demo executable lands (issue "The main job"), the main job
# is the three examples (C, Python, Swift) that exercise the library.
# Usage: bash scripts/demo.sh      (from anywhere; installs what is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release 2>&1 | grep -E 'error|Build complete' || true
export EHRSHARE_LIB="$PWD/.build/release/libehrshare.so"
exec bash scripts/examples.sh
