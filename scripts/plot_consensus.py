#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Plots docs/consensus.csv (written by ehrshare-consensus-sim) into
docs/consensus_cpu.png and docs/consensus_latency.png.

Usage: python3 scripts/plot_consensus.py [docs/consensus.csv] [docs]
Needs matplotlib (pip install matplotlib)."""
import csv
import os
import sys

try:
    import matplotlib
    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt
except ImportError:
    sys.exit("matplotlib is missing: pip install matplotlib")

COLORS = {"dpos": "tab:blue", "pbft": "tab:orange", "pow": "tab:red"}
STYLES = {"normal": "-", "crash": "--", "byzantine": ":"}
MARKERS = {"normal": "o", "crash": "s", "byzantine": "^"}


def load(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def series(rows, column):
    """(protocol, scenario) -> sorted [(N, value)]."""
    out = {}
    for r in rows:
        out.setdefault((r["protocol"], r["scenario"]), []).append((int(r["nodes"]), float(r[column])))
    return {k: sorted(v) for k, v in out.items()}


def plot(rows, column, scale, ylabel, title, path, log=True):
    fig, ax = plt.subplots(figsize=(7.5, 4.8))
    for (proto, scenario), points in sorted(series(rows, column).items()):
        xs = [n for n, _ in points]
        ys = [v * scale for _, v in points]
        ax.plot(xs, ys, STYLES.get(scenario, "-"), marker=MARKERS.get(scenario, "o"),
                color=COLORS.get(proto, "black"), label=f"{proto.upper()} {scenario}")
    ax.set_xscale("log", base=2)
    xs = sorted({int(r["nodes"]) for r in rows})
    ax.set_xticks(xs)
    ax.set_xticklabels([str(x) for x in xs])
    if log:
        ax.set_yscale("log")
    ax.set_xlabel("nodes N")
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8, ncol=3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    print("wrote", path)


def main():
    csv_path = sys.argv[1] if len(sys.argv) > 1 else "docs/consensus.csv"
    out_dir = sys.argv[2] if len(sys.argv) > 2 else "docs"
    rows = load(csv_path)
    os.makedirs(out_dir, exist_ok=True)
    plot(rows, "cpu_s_per_chain_block", 1000, "process CPU ms per block (all N nodes)",
         "CPU per block vs N (measured, one process simulating all nodes)",
         os.path.join(out_dir, "consensus_cpu.png"))
    plot(rows, "latency_mean_ms", 1 / 1000, "mean submission → finality (simulated s)",
         "Latency to finality vs N (simulated time)",
         os.path.join(out_dir, "consensus_latency.png"))


if __name__ == "__main__":
    main()
