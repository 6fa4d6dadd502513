#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Side-by-side table: EhrProtocol IBP1 (release ehrshare-pre-bench) vs the pymcl reference, and the
envelope's 64 MiB throughput vs `openssl speed -evp aes-256-gcm -bytes 16384`.

Runs the three measurements `--repeat` times, interleaved (the machine is shared, so
interleaving spreads the load evenly), and reports the best (lowest) median of each.
Usage: python3 scripts/bench/pre_side_by_side.py .build/release/ehrshare-pre-bench [--repeat 3] [--rounds 9]
"""
import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run_json(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def openssl_speed(elapsed=False):
    """MB/s; by default openssl speed divides by user CPU time, with -elapsed by wall time."""
    cmd = ["openssl", "speed"] + (["-elapsed"] if elapsed else []) + ["-evp", "aes-256-gcm", "-bytes", "16384",
                                                                       "-seconds", "3"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    m = re.search(r"AES-256-GCM\s+([\d.]+)k", out)
    return float(m.group(1)) * 1000 / 1e6  # MB/s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bench")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=9)
    a = ap.parse_args()
    ours, ours_cpu, ref, ossl, ossl_wall = {}, {}, {}, [], []
    for _ in range(a.repeat):
        for r in run_json([a.bench, str(a.rounds)]):
            key = r["case"]
            val = r.get("ours_us", r.get("MB_per_s"))
            better = min if "ours_us" in r else max
            ours[key] = better(ours.get(key, val), val)
            if "MB_per_user_cpu_s" in r:
                ours_cpu[key] = max(ours_cpu.get(key, 0), r["MB_per_user_cpu_s"])
        for r in run_json([sys.executable, str(HERE / "ibpre_pymcl.py"), "--json", "--rounds", str(a.rounds)]):
            ref[r["case"]] = min(ref.get(r["case"], r["pymcl_us"]), r["pymcl_us"])
        ossl.append(openssl_speed())
        ossl_wall.append(openssl_speed(elapsed=True))
    print(f"{'IBP1 operation':<26}{'ours µs':>10}{'pymcl µs':>10}{'ours/pymcl':>12}")
    for k, v in ref.items():
        if k in ours:
            print(f"{k:<26}{ours[k]:>10.1f}{v:>10.1f}{ours[k] / v:>12.2f}")
    for k in ("sign (SIGNED envelope)", "verify (decode + check)"):
        if k in ours:
            print(f"{k:<26}{ours[k]:>10.1f}")
    best, best_wall = max(ossl), max(ossl_wall)
    print(f"\nopenssl speed -evp aes-256-gcm -bytes 16384 (user CPU time): best {best:.0f} MB/s "
          f"(runs: {', '.join(f'{x:.0f}' for x in ossl)})")
    print(f"openssl speed -elapsed (wall time): best {best_wall:.0f} MB/s (runs: {', '.join(f'{x:.0f}' for x in ossl_wall)})")
    print(f"{'envelope case (64 MiB)':<42}{'wall MB/s':>10}{'vs -elapsed':>12}{'CPU MB/s':>10}{'vs CPU':>8}")
    for k, v in ours.items():
        if k.startswith("envelope"):
            c = ours_cpu.get(k, float("nan"))
            print(f"{k:<42}{v:>10.0f}{v / best_wall:>11.0%}{c:>10.0f}{c / best:>8.0%}")


if __name__ == "__main__":
    main()
