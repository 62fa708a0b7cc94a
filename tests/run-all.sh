#!/usr/bin/env bash
# Installs what the build and the tests need (Debian 12, as root), builds
# samtale three times and runs the tests on each build:
#   1. gcc, warnings as errors: unit, command-line, TUI (tmux) and content tests,
#      on SQLite, then again on PostgreSQL in a throwaway cluster (pg_virtualenv);
#   2. the Debian package (debian/, with its unit and command-line tests),
#      lintian-clean, its files listed, unpacked and tried with the source
#      tree out of sight;
#   3. clang with AddressSanitizer + UndefinedBehaviorSanitizer: the same suite
#      plus the libFuzzer targets, run briefly.
# The last lines count the tests per engine and build, from ctest's summaries.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config clang libclang-rt-14-dev
	  libncurses-dev libsqlite3-dev libyaml-dev libjansson-dev libcmocka-dev
	  libxlsxwriter-dev python3-openpyxl libpango1.0-dev libcairo2-dev libinih-dev fonts-noto-core poppler-utils
	  sqlite3 tmux ncurses-term locales time debhelper lintian gettext
	  libpq-dev postgresql-15 postgresql-common postgresql-client-15)
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
mkdir -p build
# suite NAME CTEST-ARGS...: runs ctest, its output also in build/NAME.log,
# whose summary the last lines repeat.
suite() {
	local name=$1
	shift
	"$@" 2>&1 | tee "build/$name.log"
}
# summary NAME LABEL: ctest's count of that run, and the tests it skipped.
summary() {
	local counts skipped
	counts=$(grep -E '^[0-9]+% tests passed' "build/$1.log" | tail -n 1)
	skipped=$(grep -c -E '\(Skipped\)$' "build/$1.log" || true)
	printf '%-28s %s, %s skipped\n' "$2:" "$counts" "$skipped"
}

echo "== gcc build (-Werror) =="
cmake -S . -B build/gcc -DCMAKE_BUILD_TYPE=Debug -DSAMTALE_WERROR=ON >/dev/null
cmake --build build/gcc -j "$jobs"
suite sqlite ctest --test-dir build/gcc -j "$jobs" --timeout 600 -LE pg

echo "== gcc build on PostgreSQL 15 =="
# -t: the cluster in a temporary directory, also as root, which initdb
# refuses to be by hand. Without a server every pg test says it is skipped.
if command -v pg_virtualenv >/dev/null && [ -x /usr/lib/postgresql/15/bin/initdb ]; then
	suite pg pg_virtualenv -t -v 15 ctest --test-dir build/gcc -j "$jobs" --timeout 600 -L pg
else
	suite pg ctest --test-dir build/gcc -j "$jobs" --timeout 600 -L pg
fi

echo "== Debian package =="
# Built in a copy of the tree (what git tracks, and new files it does not
# ignore), so that neither the package's build nor the .deb lands in it.
pkg=$(mktemp -d "${TMPDIR:-/tmp}/samtale-deb.XXXXXX")
trap 'rm -rf "$pkg"' EXIT
# Open to all, as a source tree is: store_shared runs the build's samtale as other users.
chmod 0755 "$pkg"
mkdir "$pkg/samtale" "$pkg/root"
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$pkg/samtale"
if ! (cd "$pkg/samtale" && DEB_BUILD_OPTIONS="parallel=$jobs terse" dpkg-buildpackage -us -uc -b) \
	>"$pkg/build.log" 2>&1; then
	mkdir -p build && cp "$pkg/build.log" build/deb-build.log
	tail -n 100 "$pkg/build.log"
	echo "dpkg-buildpackage failed; its whole log is in build/deb-build.log" >&2
	exit 1
fi
grep -E '^[0-9]+% tests passed' "$pkg/build.log"
deb=$(ls "$pkg"/samtale_*.deb)
dpkg-deb -c "$deb" | awk '{ print $6 }' >"$pkg/files"
for f in ./usr/bin/samtale ./usr/share/samtale/content/da/guide.yaml ./usr/share/samtale/content/en/guide.yaml \
	./usr/share/man/man1/samtale.1.gz ./usr/share/bash-completion/completions/samtale \
	./usr/share/locale/da/LC_MESSAGES/samtale.mo ./usr/share/doc/samtale/copyright; do
	grep -qxF "$f" "$pkg/files" || { echo "$deb has no $f" >&2; exit 1; }
done
# Every tag is shown; an error or a warning fails (explain one with an override).
lintian_rc=0
lintian --fail-on error,warning --display-info --pedantic "$pkg"/samtale_*.changes >"$pkg/lintian" 2>&1 || lintian_rc=$?
grep -v 'running with root' "$pkg/lintian" || true
[ "$lintian_rc" = 0 ] || { echo "lintian: errors or warnings (status $lintian_rc)" >&2; exit 1; }
echo "lintian: no errors, no warnings"
dpkg -x "$deb" "$pkg/root"
test_rc=0
SAMTALE_INSTALLED="$pkg/root/usr" SAMTALE_BIN="$pkg/root/usr/bin/samtale" bash tests/cli/install_prefix.sh ||
	test_rc=$?
case $test_rc in
0) echo "the unpacked package runs with the source tree out of sight" ;;
77) echo "the unpacked package runs (the source tree could not be hidden here)" ;;
*) exit 1 ;;
esac
rm -rf "$pkg"
trap - EXIT

echo "== clang build with ASan + UBSan, and fuzz targets =="
CC=clang cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DSAMTALE_WERROR=ON \
	-DSAMTALE_SANITIZE=ON -DSAMTALE_FUZZ=ON >/dev/null
cmake --build build/asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	suite asan ctest --test-dir build/asan -j "$jobs" --timeout 900 -LE pg

echo "== tests per engine =="
summary sqlite "SQLite, gcc"
summary pg "PostgreSQL 15, gcc"
summary asan "SQLite, ASan + UBSan"
