#!/bin/bash
# 20 `samtale case add` started at once on one database (on SQLite, a file
# not yet created) all succeed, none says "database is locked", and 20
# cases are listed.
. "$(dirname "$0")/../lib.sh"

DB=$(test_db samtale.db)
pids=()
for i in $(seq -w 1 20); do
	samtale --db "$DB" --user "cw$i" case add "2026-00$i" --initials "K$i" \
		>"$T/out.$i" 2>"$T/err.$i" &
	pids+=($!)
done
failed=0
for i in "${!pids[@]}"; do
	wait "${pids[$i]}" || { failed=$((failed + 1)); cat "$T/err.$((10#$i + 1))" >&2 || true; }
done
assert_eq 0 "$failed" "failed case add processes"
for i in $(seq -w 1 20); do
	assert_eq "" "$(cat "$T/err.$i")" "stderr of case add $i"
done

expect_status 0 samtale --db "$DB" case list --format csv
assert_eq 21 "$(wc -l <"$T/out")" "lines of case list (header + 20)"
for i in $(seq -w 1 20); do
	grep -q "^2026-00$i,K$i,cw$i," "$T/out" || fail "case 2026-00$i missing: $(cat "$T/out")"
done
assert_eq 20 "$(sql "$DB" 'SELECT count(*) FROM cases')" "cases in the database"
assert_eq 20 "$(sql "$DB" "SELECT count(*) FROM audit WHERE action = 'case.add'")" "audit lines"
# SQLite's writers wait for each other in WAL mode.
[ "$ENGINE" != sqlite ] || assert_eq wal "$(sql "$DB" 'PRAGMA journal_mode')" "journal mode"

# The same again on the database that now exists, with readers beside the writers.
pids=()
for i in $(seq -w 21 40); do
	samtale --db "$DB" case add "2026-00$i" >/dev/null 2>"$T/err.$i" &
	pids+=($!)
	samtale --db "$DB" case list >/dev/null 2>"$T/rerr.$i" &
	pids+=($!)
done
for p in "${pids[@]}"; do
	wait "$p" || failed=$((failed + 1))
done
assert_eq 0 "$failed" "failed processes in the second round"
! grep -l "locked" "$T"/err.* "$T"/rerr.* || fail "someone was told the database is locked"
assert_eq 40 "$(sql "$DB" 'SELECT count(*) FROM cases')" "cases after the second round"
