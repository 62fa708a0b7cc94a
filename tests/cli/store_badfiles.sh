#!/bin/bash
# Bad conditions give a clean "samtale: ..." and exit status 1 (never a
# signal, never a half-written change): a corrupt file, a read-only
# database, a missing or unwritable directory, a newer schema.
. "$(dirname "$0")/../lib.sh"
# Damaged, foreign, linked and read-only files and directories are SQLite's.
sqlite_only

# expect_clean_failure CMD...: exit status 1 and one "samtale: " line.
expect_clean_failure() {
	expect_status 1 "$@"
	assert_eq 1 "$(wc -l <"$T/err")" "lines on stderr of '$*'"
	assert_contains "$(cat "$T/err")" "samtale: "
}

# Random bytes.
head -c 65536 /dev/urandom >"$T/junk.db"
cp "$T/junk.db" "$T/junk.orig"
for cmd in "case list" "case add 2026-0001" "db check" "case show X" "db backup $T/b.db"; do
	# shellcheck disable=SC2086
	expect_clean_failure samtale --db "$T/junk.db" $cmd
	assert_contains "$(cat "$T/err")" "ikke en samtale-database"
done
cmp -s "$T/junk.db" "$T/junk.orig" || fail "the corrupt file was changed"
[ ! -e "$T/b.db" ] || fail "a backup of a corrupt file was written"

# Another program's SQLite database.
sql "$T/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
expect_clean_failure samtale --db "$T/other.db" case add 2026-0001
assert_contains "$(cat "$T/err")" "ikke en samtale-database"

# A symbolic link instead of the database.
expect_status 0 samtale --db "$T/real.db" case add 2026-0001
ln -s "$T/real.db" "$T/link.db"
expect_clean_failure samtale --db "$T/link.db" case list
assert_contains "$(cat "$T/err")" "symbolsk link"

# A newer schema.
expect_status 0 samtale --db "$T/new.db" case add 2026-0001
sql "$T/new.db" "PRAGMA user_version = 99"
expect_clean_failure samtale --db "$T/new.db" case list
assert_contains "$(cat "$T/err")" "lavet af en nyere samtale"
expect_clean_failure samtale --lang en --db "$T/new.db" case add 2026-0002
assert_contains "$(cat "$T/err")" "made by a newer samtale"

# A directory that is a file; a database that is a directory; no database.
touch "$T/plain"
expect_clean_failure samtale --db "$T/plain/s.db" case add 2026-0001
expect_clean_failure samtale --db "$T" case list
expect_clean_failure samtale --db "$T/none.db" case list
assert_contains "$(cat "$T/err")" "der er ingen database"
[ ! -e "$T/none.db" ] || fail "a read-only command created a database"

# Read-only: root passes permission bits, so run as an unprivileged user.
if [ "$(id -u)" = 0 ]; then
	as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	chmod 0711 "$T"
else
	as_user() { "$@"; }
fi
mkdir "$T/ro"
[ "$(id -u)" != 0 ] || chown 65534:65534 "$T/ro"
as_user "$SAMTALE_BIN" --db "$T/ro/s.db" case add 2026-0001 >/dev/null
chmod 0400 "$T/ro/s.db"
expect_clean_failure as_user "$SAMTALE_BIN" --db "$T/ro/s.db" case add 2026-0002
assert_contains "$(cat "$T/err")" "skrivebeskyttet"
chmod 0500 "$T/ro"
expect_clean_failure as_user "$SAMTALE_BIN" --db "$T/ro/s.db" case add 2026-0002
expect_status 0 as_user "$SAMTALE_BIN" --db "$T/ro/s.db" case list --format csv
assert_eq 2 "$(wc -l <"$T/out")" "lines of case list on a read-only database"
# An unwritable directory for a new database.
expect_clean_failure as_user "$SAMTALE_BIN" --db "$T/ro/new.db" case add 2026-0002
chmod 0700 "$T/ro"
# A writable file in a read-only directory: SQLite cannot make its WAL
# files, so a change is refused; a database nobody has open is read as it
# lies (a team lead's read access).
mkdir "$T/ro2"
[ "$(id -u)" != 0 ] || chown 65534:65534 "$T/ro2"
as_user "$SAMTALE_BIN" --db "$T/ro2/s.db" case add 2026-0001 >/dev/null
[ ! -e "$T/ro2/s.db-shm" ] || fail "the WAL files outlived the last connection"
chmod 0500 "$T/ro2"
expect_status 0 as_user "$SAMTALE_BIN" --db "$T/ro2/s.db" case list --format csv
assert_contains "$(cat "$T/out")" "2026-0001" "case list in a read-only directory"
expect_clean_failure as_user "$SAMTALE_BIN" --db "$T/ro2/s.db" case add 2026-0002
chmod 0700 "$T/ro2"
assert_eq 2026-0001 "$(sql "$T/ro/s.db" 'SELECT group_concat(ref) FROM cases')" "cases after the refusals"

# A database whose pages are damaged in the middle: db check says so.
expect_status 0 samtale --db "$T/dmg.db" case add 2026-0001
sql "$T/dmg.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
	INSERT INTO cases (ref, caseworker, opened, qualifications)
	SELECT 'R-' || i, 'mette', '2026-01-01', printf('%.200c', 'x') FROM n;
	PRAGMA journal_mode=DELETE;" >/dev/null
printf 'damaged%.0s' $(seq 1000) | dd of="$T/dmg.db" bs=4096 seek=20 conv=notrunc 2>/dev/null
expect_status 1 samtale --db "$T/dmg.db" db check
assert_contains "$(cat "$T/out")" "Page "
assert_contains "$(cat "$T/err")" "samtale: databasen $T/dmg.db har fejl"
