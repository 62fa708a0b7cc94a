#!/bin/bash
# kill -9 at points spread over a large purge: the database is untouched or
# complete (every closed case gone), never partial; the next open finishes
# an erasure that was decided; db check finds it consistent.
. "$(dirname "$0")/bulk_kill.inc"

# The demo cases made on SQLite and imported, whichever engine is under
# test: the same cases, and on PostgreSQL in one transaction.
expect_status 0 samtale --db "$T/src.db" demo --cases 400 --seed 5
samtale --db "$T/src.db" export >"$T/cases.json" || fail "export of the demo cases"
BASE=$(test_db base.db)
expect_status 0 samtale --db "$BASE" import "$T/cases.json"
closed=$(sql "$BASE" "SELECT count(*) FROM cases WHERE closed < '2026-03-01'")
[ "$closed" -ge 50 ] || fail "only $closed closed cases to purge"

run_purge() { exec "$SAMTALE_BIN" --db "$1" db purge --closed-before 2026-03-01 --yes; }
kill_runs 4 run_purge "$BASE"
assert_eq 0 "$(sql "$REF" "SELECT count(*) FROM cases WHERE closed IS NOT NULL")" \
	"closed cases after the uninterrupted purge"
assert_eq "$closed" "$(sql "$REF" "SELECT count(*) FROM audit WHERE action = 'case.purge'")" \
	"audit lines of the purge"
