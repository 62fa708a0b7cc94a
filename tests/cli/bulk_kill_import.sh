#!/bin/bash
# kill -9 at points spread over a large import: the database is untouched
# or complete, never partial; db check finds it consistent.
. "$(dirname "$0")/bulk_kill.inc"

expect_status 0 samtale --db "$T/src.db" demo --cases 250 --seed 7
samtale --db "$T/src.db" export >"$T/cases.json" || fail "export of the demo cases"
expect_status 0 samtale --db "$T/base.db" case add 1999-0001 --initials AB
expect_status 0 samtale --db "$T/base.db" case add 1999-0002

run_import() { exec "$SAMTALE_BIN" --db "$1" import "$T/cases.json"; }
kill_runs 4 run_import "$T/base.db"
assert_eq 252 "$(sql "$T/ref.db" 'SELECT count(*) FROM cases')" "cases after the uninterrupted import"
