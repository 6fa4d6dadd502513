#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The one side-by-side benchmark harness: libehrshare beside the fastest peers on this machine.

  side_by_side.py bls       our C ABI (ctypes, full input validation) vs mcl (pymcl), same process
  side_by_side.py pre       `ehrshare-bench pre_` (EhrProtocol's IBP1) vs the pymcl IBP1 reference
  side_by_side.py envelope  `ehrshare-bench envelope` (64 MiB records) vs `openssl speed -evp aes-256-gcm`
  side_by_side.py all       the three in turn

Every side is timed the same way: `--repeat` interleaved repetitions (the machine may be shared,
and interleaving spreads any load over both sides alike), each of `--rounds` batches; a
repetition's value is the fastest batch (`--stat min`, as ehrshare-bench reports) or the median
batch (`--stat median`), and the table shows the best repetition. One JSON line per result, then a
table. Needs a release build: `swift build -c release --product ehrshare --product ehrshare-bench`.
"""
import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def batch_us(fn, inner: int, rounds: int, stat: str) -> float:
    """µs per call of `fn`: `rounds` batches of `inner` calls after a warm-up call."""
    fn()
    samples = []
    for _ in range(rounds):
        t = time.perf_counter()
        for _ in range(inner):
            fn()
        samples.append((time.perf_counter() - t) / inner * 1e6)
    return min(samples) if stat == "min" else statistics.median(samples)


def bench_binary(args) -> str:
    path = Path(args.bench_binary)
    if not path.is_file():
        raise SystemExit(f"{path} not found: swift build -c release --product ehrshare-bench")
    return str(path)


def run_bench(args, filt: str) -> dict:
    """Runs ehrshare-bench with a filter and returns its JSON lines by case name."""
    proc = subprocess.run([bench_binary(args), filt], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"ehrshare-bench {filt} failed ({proc.returncode}): {proc.stderr.strip()}")
    rows = {}
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            if "error" in r:
                raise SystemExit(f"ehrshare-bench {filt}: {r['case']}: {r['error']}")
            rows[r["case"]] = r
    return rows


def emit(row: dict) -> None:
    print(json.dumps({k: (round(v, 2) if isinstance(v, float) else v) for k, v in row.items()}), flush=True)


def machine() -> str:
    model = ""
    try:
        model = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{platform.node()} {platform.machine()} {model} {os.cpu_count()} cores, python {platform.python_version()}"


def side_bls(args) -> None:
    import mcl_cases  # noqa: PLC0415 (imports ctypes bindings and pymcl only when asked for)

    best = {}
    cases = mcl_cases.cases()
    for name, ours, *_ in cases:
        status = ours()
        if status != 0:
            raise SystemExit(f"{name}: ehrshare call failed with status {status}")
    for _ in range(args.repeat):
        for name, ours, mcl_obj, mcl_bytes, inner in cases:
            r = best.setdefault(name, {})
            for side, fn in (("ours_us", ours), ("mcl_obj_us", mcl_obj), ("mcl_bytes_us", mcl_bytes)):
                if fn is not None:
                    v = batch_us(fn, inner, args.rounds, args.stat)
                    r[side] = min(r.get(side, v), v)
    for name, r in best.items():
        row = {"side": "bls", "case": name, **r, "ours_over_mcl": r["ours_us"] / r["mcl_obj_us"]}
        if "mcl_bytes_us" in r:
            row["ours_over_mcl_bytes"] = r["ours_us"] / r["mcl_bytes_us"]
        best[name] = row
        emit(row)
    if "pairing" in best and "pairing_product_2" in best:
        emit({"side": "bls", "case": "product_of_2_over_one_pairing",
              "ratio": best["pairing_product_2"]["ours_us"] / best["pairing"]["ours_us"]})
    if not args.json:
        print(f"\n{'operation':<20}{'ours µs':>10}{'mcl µs':>10}{'mcl bytes µs':>14}{'ours/mcl':>10}{'ours/mcl bytes':>16}")
        for r in best.values():
            print(f"{r['case']:<20}{r['ours_us']:>10.1f}{r['mcl_obj_us']:>10.1f}{r.get('mcl_bytes_us', float('nan')):>14.1f}"
                  f"{r['ours_over_mcl']:>10.2f}{r.get('ours_over_mcl_bytes', float('nan')):>16.2f}")


def side_pre(args) -> None:
    import ibpre_pymcl  # noqa: PLC0415

    ours, ref = {}, {}
    cases = ibpre_pymcl.cases()
    for _ in range(args.repeat):
        for case, r in run_bench(args, "pre_").items():
            us = r["ns_per_op"] / 1000
            ours[case] = min(ours.get(case, us), us)
        for name, _, fn, inner in cases:
            v = batch_us(fn, inner, args.rounds, args.stat)
            ref[name] = min(ref.get(name, v), v)
    rows = []
    for name, case, _, _ in cases:
        if case not in ours:
            raise SystemExit(f"ehrshare-bench printed no {case}")
        rows.append({"side": "pre", "case": name, "ours_us": ours[case], "pymcl_us": ref[name],
                     "ours_over_pymcl": ours[case] / ref[name]})
        emit(rows[-1])
    if not args.json:
        print(f"\n{'IBP1 operation':<26}{'ours µs':>10}{'pymcl µs':>10}{'ours/pymcl':>12}")
        for r in rows:
            print(f"{r['case']:<26}{r['ours_us']:>10.1f}{r['pymcl_us']:>10.1f}{r['ours_over_pymcl']:>12.2f}")
        for case in ("pre_sign", "pre_verify"):
            if case in ours:
                print(f"{case:<26}{ours[case]:>10.1f}")


def openssl_speed(elapsed: bool) -> float:
    """AES-256-GCM MB/s on 16 KiB buffers; openssl divides by user CPU time unless -elapsed."""
    cmd = ["openssl", "speed"] + (["-elapsed"] if elapsed else []) + [
        "-evp", "aes-256-gcm", "-bytes", "16384", "-seconds", "3"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    m = re.search(r"AES-256-GCM\s+([\d.]+)k", out, re.IGNORECASE)
    if not m:
        raise SystemExit("could not read `openssl speed` output")
    return float(m.group(1)) * 1000 / 1e6


def side_envelope(args) -> None:
    wall, cpu, ossl_cpu, ossl_wall = {}, {}, [], []
    for _ in range(args.repeat):
        for case, r in run_bench(args, "envelope").items():
            wall[case] = max(wall.get(case, 0), r["MB_per_s"])
            cpu[case] = max(cpu.get(case, 0), r["MB_per_user_cpu_s"])
        ossl_cpu.append(openssl_speed(elapsed=False))
        ossl_wall.append(openssl_speed(elapsed=True))
    best_cpu, best_wall = max(ossl_cpu), max(ossl_wall)
    emit({"side": "envelope", "case": "openssl_speed_aes256gcm_16KiB", "MB_per_user_cpu_s": best_cpu,
          "MB_per_s": best_wall})
    for case in wall:
        emit({"side": "envelope", "case": case, "MB_per_s": wall[case], "MB_per_user_cpu_s": cpu[case],
              "wall_vs_openssl_elapsed": wall[case] / best_wall, "cpu_vs_openssl": cpu[case] / best_cpu})
    if not args.json:
        print(f"\nopenssl speed -evp aes-256-gcm -bytes 16384: {best_cpu:.0f} MB/s per user CPU second, "
              f"{best_wall:.0f} MB/s per wall second (-elapsed)")
        print(f"{'envelope case':<42}{'wall MB/s':>10}{'vs -elapsed':>12}{'CPU MB/s':>10}{'vs CPU':>8}")
        for case in wall:
            print(f"{case:<42}{wall[case]:>10.0f}{wall[case] / best_wall:>11.0%}{cpu[case]:>10.0f}"
                  f"{cpu[case] / best_cpu:>8.0%}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("what", choices=["bls", "pre", "envelope", "all"])
    ap.add_argument("--rounds", type=int, default=15, help="batches per repetition (default 15)")
    ap.add_argument("--repeat", type=int, default=3, help="interleaved repetitions (default 3)")
    ap.add_argument("--stat", choices=["min", "median"], default="min")
    ap.add_argument("--json", action="store_true", help="JSON lines only")
    ap.add_argument("--bench-binary", default=str(ROOT / ".build" / "release" / "ehrshare-bench"))
    args = ap.parse_args()
    if args.rounds < 1 or args.repeat < 1:
        ap.error("--rounds and --repeat must be at least 1")
    sys.path.insert(0, str(HERE))
    if not args.json:
        print(f"machine: {machine()}; stat: {args.stat} of {args.rounds} batches, best of {args.repeat}")
    for what in (["bls", "pre", "envelope"] if args.what == "all" else [args.what]):
        {"bls": side_bls, "pre": side_pre, "envelope": side_envelope}[what](args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
