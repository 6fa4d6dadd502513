#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Multi-process test of ehrshare-node on 127.0.0.1 (scripts/node_harness.py). Builds nothing.
# Usage: bash scripts/node-harness.sh [BINARY] [harness options...]
#   BINARY defaults to .build/release/ehrshare-node. Without options it runs two networks:
#   5 nodes (converge, restart, intruder, hostile, sigterm), then 7 nodes with 20 random kill -9s.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/ehrshare-node}
[ $# -gt 0 ] && shift
# The harness has per-scenario deadlines; `timeout` bounds each whole run regardless.
run() { timeout --kill-after=10 150 python3 scripts/node_harness.py --binary "$bin" "$@"; }
if [ $# -gt 0 ]; then
    run "$@"
else
    run --nodes 5 --scenarios converge,restart,intruder,hostile,sigterm
    run --nodes 7 --scenarios converge,chaos --kills 20
fi
