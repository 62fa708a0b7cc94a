#!/bin/bash
# A database made by schema version 1 (tests/fixtures/db/v1.db) opens under
# this version after an automatic backup beside it.
. "$(dirname "$0")/../lib.sh"
# The fixture is a schema 1 SQLite file, and the backup beside it a file copy.
sqlite_only

DB=$T/samtale.db
cp "$SOURCE_DIR/tests/fixtures/db/v1.db" "$DB"
chmod 0600 "$DB"
expect_status 0 samtale --db "$DB" case list --format csv
assert_eq "ref,initials,caseworker,opened,last_meeting,followups_open,followups_overdue
2025-0042,FH,mette,2025-11-03,2025-11-03,1,1" "$(tr -d '\r' <"$T/out")"
assert_eq 6 "$(sql "$DB" 'PRAGMA user_version')" "schema version after the upgrade"
[ -f "$DB.v1-backup" ] || fail "no backup before the migration"
assert_eq 600 "$(stat -c %a "$DB.v1-backup")" "mode of the backup"
assert_eq 1 "$(sql "$DB.v1-backup" 'PRAGMA user_version')" "schema version of the backup"
cmp -s <(sql "$DB.v1-backup" 'SELECT * FROM meeting_items') \
	<(sql "$SOURCE_DIR/tests/fixtures/db/v1.db" 'SELECT * FROM meeting_items') ||
	fail "the backup differs from the database it was taken of"
expect_status 0 samtale --db "$DB" db check
expect_status 0 samtale --db "$DB" case show 2025-0042
assert_contains "$(cat "$T/out")" "Arbejde på et plejehjem"
assert_contains "$(cat "$T/out")" "Ring til sprogskolen"
assert_eq 1 "$(sql "$DB" "SELECT count(*) FROM audit WHERE action = 'db.migrate'")" "migrations logged"

# 20 processes meeting the old database at once: one migrates, all succeed.
DB=$T/many/samtale.db
mkdir -m 0700 "$T/many"
cp "$SOURCE_DIR/tests/fixtures/db/v1.db" "$DB"
chmod 0600 "$DB"
pids=()
for i in $(seq -w 1 20); do
	samtale --db "$DB" case add "2026-00$i" >/dev/null 2>"$T/err.$i" &
	pids+=($!)
done
failed=0
for p in "${pids[@]}"; do
	wait "$p" || failed=$((failed + 1))
done
assert_eq 0 "$failed" "failed case add processes: $(cat "$T"/err.*)"
assert_eq 21 "$(sql "$DB" 'SELECT count(*) FROM cases')" "cases after the concurrent upgrade"
assert_eq 1 "$(sql "$DB" "SELECT count(*) FROM audit WHERE action = 'db.migrate'")" "migrations"
assert_eq "samtale.db samtale.db.v1-backup" "$(cd "$T/many" && echo *)" "files beside the database"
