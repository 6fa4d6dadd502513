#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs what libehrshare needs on a Debian machine that has the Swift
# toolchain: the system libraries (GMP, OpenSSL's libcrypto, SQLite), a C
# compiler and binutils, and the Python packages the tests use. Installs
# only what is missing, so it is cheap to run again.
set -euo pipefail

need_apt=()
for pkg in libgmp-dev libssl-dev libsqlite3-dev gcc binutils valgrind python3 python3-pip; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$pkg")
done
# A python3 from elsewhere (e.g. pyenv) is fine; only install Debian's if none is on PATH.
if command -v python3 >/dev/null 2>&1; then
    need_apt=("${need_apt[@]/python3}")
    need_apt=("${need_apt[@]/python3-pip}")
fi
pkgs=()
for p in "${need_apt[@]}"; do [ -n "$p" ] && pkgs+=("$p"); done
if [ ${#pkgs[@]} -gt 0 ]; then
    echo "setup: installing ${pkgs[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${pkgs[@]}" >/dev/null
fi

if [ "${1:-}" = "--python-tests" ]; then
    # Test-only packages: pytest, and the independent BLS12-381 implementations
    # (py_ecc, pymcl) that the cross-checks and side-by-side benchmarks use.
    missing=()
    for mod in pytest:pytest py_ecc:py_ecc pymcl:pymcl; do
        python3 -c "import ${mod%%:*}" 2>/dev/null || missing+=("${mod##*:}")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "setup: pip installing ${missing[*]}"
        python3 -m pip install -q --disable-pip-version-check "${missing[@]}" \
            || python3 -m pip install -q --disable-pip-version-check --break-system-packages "${missing[@]}"
    fi
fi
