#!/bin/bash
# kill -9 at points spread over a large purge: the database is untouched or
# complete (every closed case gone), never partial; the next open finishes
# an erasure that was decided; db check finds it consistent.
. "$(dirname "$0")/bulk_kill.inc"

expect_status 0 samtale --db "$T/base.db" demo --cases 400 --seed 5
closed=$(sql "$T/base.db" "SELECT count(*) FROM cases WHERE closed < '2026-03-01'")
[ "$closed" -ge 50 ] || fail "only $closed closed cases to purge"

run_purge() { exec "$SAMTALE_BIN" --db "$1" db purge --closed-before 2026-03-01 --yes; }
kill_runs 4 run_purge "$T/base.db"
assert_eq 0 "$(sql "$T/ref.db" "SELECT count(*) FROM cases WHERE closed IS NOT NULL")" \
	"closed cases after the uninterrupted purge"
assert_eq "$closed" "$(sql "$T/ref.db" "SELECT count(*) FROM audit WHERE action = 'case.purge'")" \
	"audit lines of the purge"
