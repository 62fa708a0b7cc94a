#!/bin/bash
# A full disk: a clean "samtale: ..." with exit status 1 for every change,
# and nothing half-written — once there is room again, the database holds
# exactly what was saved before. Reading still works while it is full. Needs a small file system of its own: a tmpfs mounted
# in a private mount namespace (root, and a kernel that allows it).
. "$(dirname "$0")/../lib.sh"
# A full file system beneath SQLite's file; a server's disk is its operators'.
sqlite_only

mkdir "$T/full"
if [ "$(id -u)" != 0 ] ||
   ! unshare -m sh -c 'mount -t tmpfs -o size=64k tmpfs "$1"' sh "$T/full" 2>/dev/null; then
	echo "SKIP: needs root and mount namespaces for a small file system"
	exit 77
fi
export T SAMTALE_BIN
unshare -m bash -euo pipefail -c '
	mount -t tmpfs -o size=256k tmpfs "$T/full"
	DB=$T/full/s.db
	"$SAMTALE_BIN" --db "$DB" case add 2026-0001 >/dev/null
	dd if=/dev/zero of="$T/full/filler" bs=4k 2>/dev/null || true
	for cmd in "case add 2026-0002" "case add 2026-0003 --initials AB" "case close 2026-0001" \
		   "case delete 2026-0001 --yes" "db backup $T/full/copy.db"; do
		rc=0
		# shellcheck disable=SC2086
		"$SAMTALE_BIN" --db "$DB" $cmd >"$T/out" 2>"$T/err" || rc=$?
		[ "$rc" = 1 ] || { echo "FAIL: $cmd exited $rc: $(cat "$T/err")" >&2; exit 1; }
		grep -q "^samtale: .*er fuld" "$T/err" || { echo "FAIL: $cmd said: $(cat "$T/err")" >&2; exit 1; }
		[ "$(wc -l <"$T/err")" = 1 ] || { echo "FAIL: $cmd said: $(cat "$T/err")" >&2; exit 1; }
	done
	[ ! -e "$T/full/copy.db" ] || { echo "FAIL: half a backup was left" >&2; exit 1; }
	# Reading needs no room: the case list, an export, a check, a report.
	for cmd in "case list" "case list --format csv" "case show 2026-0001" "export" \
		   "export --format md" "db check" "report" "followups --all"; do
		# shellcheck disable=SC2086
		"$SAMTALE_BIN" --db "$DB" $cmd >"$T/out" 2>"$T/err" ||
			{ echo "FAIL: $cmd on a full disk: $(cat "$T/err")" >&2; exit 1; }
	done
	"$SAMTALE_BIN" --db "$DB" export >"$T/out"
	grep -q "\"ref\": \"2026-0001\"" "$T/out" || { echo "FAIL: export on a full disk: $(cat "$T/out")" >&2; exit 1; }
	rm "$T/full/filler"
	"$SAMTALE_BIN" --db "$DB" case list --all --format csv >"$T/list"
	"$SAMTALE_BIN" --db "$DB" db check >/dev/null
'
assert_eq "ref,initials,caseworker,opened,closed,last_meeting,followups_open,followups_overdue
2026-0001,,$(id -un),2026-03-01,,,0,0" "$(tr -d '\r' <"$T/list")" "cases after the disk was full"
