#!/bin/bash
# db backup FILE writes only a new file, or with --force replaces a samtale
# backup (a regular file with samtale's application id). It never writes to
# another database, a text file, a device, a FIFO or through a symbolic
# link, and its temporary file lives in the private directory, which the
# next start cleans when a backup was killed.
. "$(dirname "$0")/../lib.sh"
# db backup copies SQLite's file; a PostgreSQL database is backed up on its
# server (pg_dump), and samtale's refusal to is tested in tests/pg/run.sh.
sqlite_only

DB=$T/s.db
mkdir -m 0700 "$T/run"
export XDG_RUNTIME_DIR=$T/run
expect_status 0 samtale --db "$DB" case add 2026-0001
B=$T/b
mkdir "$B"

# expect_refused WORDS ARGS...: exit 1, one "samtale: " line saying WORDS.
expect_refused() {
	local words=$1
	shift
	expect_status 1 timeout 20 "$SAMTALE_BIN" --db "$DB" db backup "$@"
	assert_eq 1 "$(wc -l <"$T/err")" "lines on stderr of 'db backup $*'"
	assert_contains "$(cat "$T/err")" "samtale: "
	assert_contains "$(cat "$T/err")" "$words" "stderr of 'db backup $*'"
	assert_eq "" "$(cat "$T/out")" "stdout of a refused backup"
}

# A new file: written, 0600.
expect_status 0 samtale --db "$DB" db backup "$B/one.db"
assert_eq 600 "$(stat -c %a "$B/one.db")" "backup mode"
assert_eq 2026-0001 "$(sql "$B/one.db" 'SELECT group_concat(ref) FROM cases')" "cases in the backup"
assert_eq "one.db" "$(ls -A "$B")" "files beside the backup"
assert_eq "" "$(ls -A "$T/run/samtale")" "temporary files left"

# The same name again: refused, then replaced with --force.
expect_status 0 samtale --db "$DB" case add 2026-0002
expect_refused "findes allerede" "$B/one.db"
assert_eq 2026-0001 "$(sql "$B/one.db" 'SELECT group_concat(ref) FROM cases')" "a refused backup's target"
expect_status 0 samtale --db "$DB" db backup --force "$B/one.db"
assert_eq 2026-0001,2026-0002 "$(sql "$B/one.db" 'SELECT group_concat(ref) FROM cases')" "a replaced backup"
assert_eq 600 "$(stat -c %a "$B/one.db")" "replaced backup mode"
assert_eq "one.db" "$(ls -A "$B")" "files beside the replaced backup"

# Files that are not samtale backups, with and without --force.
echo "Mine egne noter" >"$B/notes.txt"
sql "$B/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (42);"
for f in notes.txt other.db; do
	cp "$B/$f" "$T/$f.orig"
	expect_refused "findes allerede" "$B/$f"
	expect_refused "ikke en sikkerhedskopi fra samtale" --force "$B/$f"
	cmp -s "$B/$f" "$T/$f.orig" || fail "$f was changed"
done
# A FIFO (a write would hang or feed whoever reads it), a device, a link.
mkfifo "$B/fifo"
ln -s "$B/one.db" "$B/link.db"
ln -s "$B/nowhere.db" "$B/dangling.db"
for args in "$B/fifo" "--force $B/fifo" "/dev/full" "--force /dev/full" "/dev/null" "--force /dev/null"; do
	# shellcheck disable=SC2086
	expect_refused "ikke en almindelig fil" $args
done
for args in "$B/link.db" "--force $B/link.db" "$B/dangling.db" "--force $B/dangling.db"; do
	# shellcheck disable=SC2086
	expect_refused "symbolsk link" $args
done
[ -p "$B/fifo" ] || fail "the FIFO was replaced"
[ -c /dev/full ] && [ -c /dev/null ] || fail "a device was replaced"
[ -L "$B/link.db" ] && [ -L "$B/dangling.db" ] && [ ! -e "$B/nowhere.db" ] || fail "a link was replaced or followed"
assert_eq 2026-0001,2026-0002 "$(sql "$B/one.db" 'SELECT group_concat(ref) FROM cases')" "the link's target"
samtale --lang en --db "$DB" db backup "$B/notes.txt" 2>"$T/err" || true
assert_contains "$(cat "$T/err")" "exists already"

# A backup killed with kill -9 leaves its temporary file in the private
# directory only; the next start removes it.
sleep 600 &
dead=$!
kill -9 "$dead"
wait "$dead" 2>/dev/null || true
echo "Zebrafinke" >"$T/run/samtale/$dead-backup-AbCdEf"
echo "Zebrafinke" >"$T/run/samtale/$dead-backup-AbCdEf-journal"
echo "kept" >"$T/run/samtale/$$-backup-AbCdEf"
expect_status 0 samtale --db "$DB" case list
assert_eq "$$-backup-AbCdEf" "$(ls -A "$T/run/samtale")" "the private directory after a start"
