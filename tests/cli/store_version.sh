#!/bin/bash
# A crafted PRAGMA user_version (negative, INT_MIN, unknown, too large),
# with and without samtale's application id, gives one clear message and
# exit status 1 on every command, read-only ones too: never a crash, never
# a migration run from outside the list of migrations. On PostgreSQL the
# version is the row of samtale_schema, crafted the same way.
. "$(dirname "$0")/../lib.sh"

# expect_refused DB WORDS: every command says WORDS in one line, exits 1,
# and leaves the database as it was.
expect_refused() {
	local db=$1 words=$2 cmd
	snapshot "$db" >"$T/before"
	for cmd in "case list" "export" "case add 2026-0009"; do
		# shellcheck disable=SC2086
		expect_status 1 samtale --db "$db" $cmd
		assert_eq 1 "$(wc -l <"$T/err")" "lines on stderr of '$cmd' on $(basename "$db")"
		assert_contains "$(cat "$T/err")" "samtale: "
		assert_contains "$(cat "$T/err")" "$words" "stderr of '$cmd' on $(basename "$db")"
	done
	snapshot "$db" | cmp -s - "$T/before" || fail "$(basename "$db") was changed"
}
# snapshot DB: what a refused command must not change: SQLite's whole
# file; PostgreSQL's version, cases and audit lines.
snapshot() {
	if [ "$ENGINE" = pg ]; then
		sql "$1" "SELECT v.version, (SELECT count(*) FROM cases), (SELECT count(*) FROM audit) FROM samtale_schema v"
	else
		cat "$1"
	fi
}

if [ "$ENGINE" = pg ]; then
	DB=$(test_db good)
	expect_status 0 samtale --db "$DB" case add 2026-0001
	for v in -1 -2 -2147483648 -7 0; do
		sql "$DB" "UPDATE samtale_schema SET version = $v"
		expect_refused "$DB" "ukendt skemaversion ($v)"
	done
	for v in 99 2147483647; do
		sql "$DB" "UPDATE samtale_schema SET version = $v"
		expect_refused "$DB" "lavet af en nyere samtale (skema $v"
	done
	sql "$DB" "UPDATE samtale_schema SET version = -1"
	samtale --lang en --db "$DB" case list 2>"$T/err" || true
	assert_contains "$(cat "$T/err")" "unknown schema version (-1)"
	# Another program's files and a trigger planted in them are SQLite's
	# (on a server, a database without the samtale schema is a new one, and
	# only the schema's owner makes triggers).
	exit 0
fi

expect_status 0 samtale --db "$T/good.db" case add 2026-0001
sql "$T/foreign.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"

# with_version SRC DEST V: a copy of SRC whose user_version (the big-endian
# 32-bit integer at byte 60 of the header) is V.
with_version() {
	cp "$1" "$2"
	printf "$(printf '%08x' $(($3 & 0xffffffff)) | sed 's/../\\x&/g')" |
		dd of="$2" bs=1 seek=60 conv=notrunc status=none
	assert_eq "$3" "$(sql "$2" 'PRAGMA user_version')" "user_version of $(basename "$2")"
}

for v in -1 -2 -2147483648 -7; do
	with_version "$T/good.db" "$T/v$v.db" "$v"
	expect_refused "$T/v$v.db" "ukendt skemaversion ($v)"
	# The same number in a file that is not samtale's.
	with_version "$T/foreign.db" "$T/f$v.db" "$v"
	expect_refused "$T/f$v.db" "ikke en samtale-database"
done
for v in 99 2147483647; do
	with_version "$T/good.db" "$T/v$v.db" "$v"
	expect_refused "$T/v$v.db" "lavet af en nyere samtale (skema $v"
	with_version "$T/foreign.db" "$T/f$v.db" "$v"
	expect_refused "$T/f$v.db" "ikke en samtale-database"
done
# Version 0 with samtale's id and tables already there: not a new database.
with_version "$T/good.db" "$T/v0.db" 0
expect_refused "$T/v0.db" "ukendt skemaversion (0)"
samtale --lang en --db "$T/v-1.db" case list 2>"$T/err" || true
assert_contains "$(cat "$T/err")" "unknown schema version (-1)"

# A trigger planted in the file would run its SQL on samtale's writes.
cp "$T/good.db" "$T/trigger.db"
sql "$T/trigger.db" "CREATE TABLE spy (ref); CREATE TRIGGER t AFTER INSERT ON cases BEGIN
	INSERT INTO spy VALUES (new.ref); DELETE FROM audit; END;"
expect_refused "$T/trigger.db" "triggere"
assert_eq 0 "$(sql "$T/trigger.db" 'SELECT count(*) FROM spy')" "rows the trigger wrote"
