#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Multi-process test of ehrshare-node: N nodes on 127.0.0.1 (see scripts/node_harness.py).
# Builds nothing. Usage: bash scripts/node-harness.sh [BINARY] [harness options...]
#   BINARY defaults to .build/release/ehrshare-node
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/ehrshare-node}
[ $# -gt 0 ] && shift
# The harness has its own per-scenario deadlines; this bounds the whole run in any case.
exec timeout --kill-after=10 170 python3 scripts/node_harness.py --binary "$bin" "$@"
