#!/bin/bash
# Peak RSS of `samtale import` on an export file of about MB megabytes
# (default 200), sound and damaged: a syntax error or a refused case at the
# end and in the middle, read from the file and from a pipe (`import -`).
# The aim: an import holds about twice its largest case, succeeding or
# failing, whatever the file's size. Prints a Markdown table. Not a test:
# ctest never runs it.
#
# Usage: bench/import_memory.sh [MB]
# Environment: SAMTALE_BIN (default: a Release build under bench/work/).
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
SRC=$(dirname "$BENCH")
MB=${1:-200}
WORK=$BENCH/work/import-$MB
mkdir -p "$WORK"
say() { printf 'bench: %s\n' "$*" >&2; }

[ -x /usr/bin/time ] || { say "needs /usr/bin/time (apt-get install time)"; exit 1; }
BIN=${SAMTALE_BIN:-}
if [ -z "$BIN" ]; then
	cmake -S "$SRC" -B "$BENCH/work/release" -DCMAKE_BUILD_TYPE=Release -DSAMTALE_TESTS=OFF >/dev/null
	cmake --build "$BENCH/work/release" -j "$(nproc)" >/dev/null
	BIN=$BENCH/work/release/samtale
fi
export SAMTALE_CONTENT=$SRC/content SAMTALE_TODAY=2026-03-01 TZ=UTC LC_ALL=C.UTF-8
unset SAMTALE_DB

# The sound file: the export of a demo database, about 18 kB a case.
good=$WORK/good.json
if [ ! -s "$good" ]; then
	say "making $MB MB of demo cases"
	rm -f "$WORK/demo.db"*
	"$BIN" --db "$WORK/demo.db" demo --cases $((MB * 1000000 / 18000)) >/dev/null
	"$BIN" --db "$WORK/demo.db" export >"$good"
fi
size=$(stat -c %s "$good")

# patch FILE OFFSET TEXT: overwrites bytes in place.
patch() { printf '%s' "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none; }
# The offset of the '"state": "done"' nearest to byte AT.
state_near() {
	{ grep -b -o '"state": "done"' "$good" || true; } | awk -F: -v at="$1" '$1 >= at && !found { print $1; found = 1 }'
}

make_bad() {
	local name=$1 at=$2 kind=$3 off
	[ -s "$WORK/$name.json" ] && return 0
	cp "$good" "$WORK/$name.json"
	off=$(state_near "$at")
	[ -n "$off" ] || { say "no item state in $good"; exit 1; }
	case $kind in
	syntax) patch "$WORK/$name.json" $((off + 7)) ";" ;;		# "state"; "done"
	case) patch "$WORK/$name.json" $((off + 10)) "dxne" ;;	# an unknown state
	esac
}
make_bad bad-middle-syntax $((size / 2)) syntax
make_bad bad-middle-case $((size / 2)) case
make_bad bad-end-syntax $((size - 20000)) syntax
make_bad bad-end-case $((size - 20000)) case
# Cut off before its end: the last bytes missing.
[ -s "$WORK/bad-end-cut.json" ] || head -c $((size - 3)) "$good" >"$WORK/bad-end-cut.json"

# peak FILE HOW: peak RSS in MB of one import into an empty database, and its exit status.
peak() {
	local file=$1 how=$2 kb rc=0
	rm -f "$WORK/into.db"*
	if [ "$how" = file ]; then
		/usr/bin/time -f %M -o "$WORK/rss" "$BIN" --db "$WORK/into.db" import "$file" \
			>/dev/null 2>"$WORK/err" || rc=$?
	else
		/usr/bin/time -f %M -o "$WORK/rss" sh -c 'cat "$3" | "$1" --db "$2" import -' sh \
			"$BIN" "$WORK/into.db" "$file" >/dev/null 2>"$WORK/err" || rc=$?
	fi
	kb=$(tail -1 "$WORK/rss")
	printf '%s|%s' "$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')" "$rc"
}

printf '| file (%s MB) | from the file | from a pipe | exit status |\n|---|---:|---:|---:|\n' \
	"$((size / 1000000))"
for name in good bad-middle-syntax bad-middle-case bad-end-syntax bad-end-case bad-end-cut; do
	IFS='|' read -r f frc <<<"$(peak "$WORK/$name.json" file)"
	IFS='|' read -r p prc <<<"$(peak "$WORK/$name.json" pipe)"
	printf '| %s | %s MB | %s MB | %s / %s |\n' "$name" "$f" "$p" "$frc" "$prc"
	say "$name: $(head -c 200 "$WORK/err")"
done
