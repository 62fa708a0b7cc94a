#!/bin/bash
# kill -9 at points spread over a large import: the database is untouched
# or complete, never partial; db check finds it consistent.
. "$(dirname "$0")/bulk_kill.inc"

# The file to import, made on SQLite whichever engine is under test.
expect_status 0 samtale --db "$T/src.db" demo --cases 250 --seed 7
samtale --db "$T/src.db" export >"$T/cases.json" || fail "export of the demo cases"
BASE=$(test_db base.db)
expect_status 0 samtale --db "$BASE" case add 1999-0001 --initials AB
expect_status 0 samtale --db "$BASE" case add 1999-0002

run_import() { exec "$SAMTALE_BIN" --db "$1" import "$T/cases.json"; }
kill_runs 4 run_import "$BASE"
assert_eq 252 "$(sql "$REF" 'SELECT count(*) FROM cases')" "cases after the uninterrupted import"
