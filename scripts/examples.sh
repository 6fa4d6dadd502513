#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds and runs the three examples (C, Python, Swift) against a release
# build and compares each one's output with its expected-output file. The
# sharing workflow (Examples/C/workflow.c, Examples/Python/workflow.py,
# Examples/Swift/Workflow.swift) runs in all three; their "workflow:" lines
# must be identical.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
lib="${EHRSHARE_LIB:-$root/.build/release/libehrshare.so}"
libdir=$(dirname "$lib")
mkdir -p out

echo "== C example =="
gcc -std=c11 -Wall -Wextra -Werror -pedantic -Iinclude Examples/C/main.c \
    -L"$libdir" -lehrshare -Wl,-rpath,"$libdir" -o out/c-example
./out/c-example | tee out/c-example.txt
diff -u Examples/C/main.exp out/c-example.txt

echo "== C ledger example =="
gcc -std=c11 -Wall -Wextra -Werror -pedantic -Iinclude Examples/C/ledger.c \
    -L"$libdir" -lehrshare -Wl,-rpath,"$libdir" -o out/c-ledger-example
./out/c-ledger-example out | tee out/c-ledger-example.txt
diff -u Examples/C/ledger.exp out/c-ledger-example.txt

record="$root/Examples/data/st-mary-discharge-bundle.fhir.json"

echo "== C workflow example =="
gcc -std=c11 -Wall -Wextra -Werror -pedantic -Iinclude Examples/C/workflow.c \
    -L"$libdir" -lehrshare -Wl,-rpath,"$libdir" -o out/c-workflow
./out/c-workflow "$record" | tee out/c-workflow.txt
diff -u Examples/C/workflow.exp out/c-workflow.txt

echo "== Python example =="
PYTHONPATH="$root/bindings/python" EHRSHARE_LIB="$lib" python3 Examples/Python/example.py | tee out/python-example.txt
diff -u Examples/Python/example.exp out/python-example.txt

echo "== Python workflow example =="
PYTHONPATH="$root/bindings/python" EHRSHARE_LIB="$lib" python3 Examples/Python/workflow.py "$record" | tee out/python-workflow.txt
diff -u Examples/Python/workflow.exp out/python-workflow.txt

echo "== C re-encryption example =="
gcc -std=c11 -Wall -Wextra -Werror -pedantic -Iinclude Examples/C/pre.c \
    -L"$libdir" -lehrshare -Wl,-rpath,"$libdir" -o out/c-pre-example
./out/c-pre-example | tee out/c-pre-example.txt
diff -u Examples/C/pre.exp out/c-pre-example.txt

if [ -f Examples/Swift/main.swift ]; then
    echo "== Swift example =="
    swift run -c release ehrshare-swift-example "$record" 2>/dev/null | tee out/swift-example.txt
    diff -u Examples/Swift/example.exp out/swift-example.txt
    # The three languages run the same workflow: their "workflow:" lines must be identical.
    echo "== workflow lines: C, Python and Swift agree =="
    grep '^workflow:' out/c-workflow.txt > out/workflow-c.txt
    grep '^workflow:' out/python-workflow.txt > out/workflow-python.txt
    grep '^workflow:' out/swift-example.txt > out/workflow-swift.txt
    if [ ! -s out/workflow-c.txt ]; then echo "no workflow lines from C" >&2; exit 1; fi
    diff -u out/workflow-c.txt out/workflow-python.txt
    diff -u out/workflow-c.txt out/workflow-swift.txt
    echo "workflow: $(wc -l < out/workflow-c.txt) identical lines in C, Python and Swift"
fi
if [ "${EHRSHARE_VALGRIND:-1}" = "1" ] && command -v valgrind >/dev/null 2>&1; then
    # Memory errors, and definite or indirect leaks, fail the run. The Swift runtime's own
    # metadata caches live as long as the process ("still reachable" / "possibly lost").
    echo "== C examples under valgrind (memcheck) =="
    vg="valgrind --quiet --error-exitcode=1 --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect"
    $vg ./out/c-example > out/c-example-valgrind.txt
    diff -u Examples/C/main.exp out/c-example-valgrind.txt
    mkdir -p out/valgrind-ledger && rm -f out/valgrind-ledger/*
    $vg ./out/c-ledger-example out/valgrind-ledger > out/c-ledger-valgrind.txt
    diff -u Examples/C/ledger.exp out/c-ledger-valgrind.txt
    $vg ./out/c-workflow "$record" > out/c-workflow-valgrind.txt
    diff -u Examples/C/workflow.exp out/c-workflow-valgrind.txt
    $vg ./out/c-pre-example > out/c-pre-valgrind.txt
    diff -u Examples/C/pre.exp out/c-pre-valgrind.txt
    echo "valgrind: no memory errors, no definite or indirect leaks (main, ledger, workflow, pre)"
fi
echo "examples: all outputs match"
