#!/usr/bin/env bash
# Installs what the build and the tests need (Debian 12, as root), builds
# samtale twice and runs the whole suite on each build:
#   1. gcc, warnings as errors: unit, command-line, TUI (tmux) and content tests;
#   2. clang with AddressSanitizer + UndefinedBehaviorSanitizer: the same suite
#      plus the libFuzzer targets, run briefly.
# The last lines are ctest's summary of the sanitizer run.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config clang libclang-rt-14-dev
	  libncurses-dev libsqlite3-dev libyaml-dev libjansson-dev libcmocka-dev
	  libxlsxwriter-dev python3-openpyxl libpango1.0-dev libcairo2-dev libinih-dev fonts-noto-core poppler-utils
	  sqlite3 tmux ncurses-term locales time)
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	missing=()
	for p in "${packages[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	fi
fi

jobs=$(nproc)
export CTEST_OUTPUT_ON_FAILURE=1

echo "== gcc build (-Werror) =="
cmake -S . -B build/gcc -DCMAKE_BUILD_TYPE=Debug -DSAMTALE_WERROR=ON >/dev/null
cmake --build build/gcc -j "$jobs"
ctest --test-dir build/gcc -j "$jobs" --timeout 600

echo "== clang build with ASan + UBSan, and fuzz targets =="
CC=clang cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DSAMTALE_WERROR=ON \
	-DSAMTALE_SANITIZE=ON -DSAMTALE_FUZZ=ON >/dev/null
cmake --build build/asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	ctest --test-dir build/asan -j "$jobs" --timeout 900
