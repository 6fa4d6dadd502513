#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Valgrind memcheck constant-time check of the MULX/ADX Fp kernels (issue #14): fails on any
# secret-dependent branch, CMOV or memory index in ehrfk_fp_mul_mulx / ehrfk_fp_sqr_mulx.
# Needs valgrind and its headers (apt-get install valgrind).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if ! grep -qw adx /proc/cpuinfo || ! grep -qw bmi2 /proc/cpuinfo; then
    echo "field_kernels_ct: SKIP, this CPU lacks BMI2/ADX"; exit 0
fi
cc=${CC:-clang}
"$cc" -O2 -gdwarf-4 -I"$root/Sources/CEhrFieldAsm/include" "$root/scripts/ct/field_kernels_ct.c" \
    "$root/Sources/CEhrFieldAsm/dispatch.c" "$root/Sources/CEhrFieldAsm/fp_mulx.S" -o "$out/ct"
valgrind --tool=memcheck --error-exitcode=3 --quiet "$out/ct"
# Negative control: the same program with one secret-dependent branch must be flagged.
"$cc" -O2 -gdwarf-4 -DCT_NEGATIVE_CONTROL -I"$root/Sources/CEhrFieldAsm/include" "$root/scripts/ct/field_kernels_ct.c" \
    "$root/Sources/CEhrFieldAsm/dispatch.c" "$root/Sources/CEhrFieldAsm/fp_mulx.S" -o "$out/ct_neg"
if valgrind --tool=memcheck --error-exitcode=3 --quiet "$out/ct_neg" >/dev/null 2>&1; then
    echo "field_kernels_ct: negative control was not flagged; the check is not working" >&2; exit 1
fi
echo "field_kernels_ct: no secret-dependent branch or index in the MULX/ADX kernels"
