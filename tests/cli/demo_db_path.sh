#!/bin/bash
# samtale demo without a database of its own choosing writes the demo
# database beside the default one, never the default (real) one; --db and
# SAMTALE_DB choose the database as for any command. Either way the
# database is marked as holding made-up cases.
. "$(dirname "$0")/../lib.sh"

REAL=$XDG_DATA_HOME/samtale/samtale.db
DEMO=$XDG_DATA_HOME/samtale/demo.db

# The default database and demo.db beside it are SQLite's files whatever
# the engine under test: tested once, there.
if [ "$ENGINE" = sqlite ]; then
	expect_status 0 samtale demo --cases 5
	assert_contains "$(cat "$T/out")" "skrevet til $DEMO"
	assert_eq 5 "$(sql "$DEMO" "SELECT count(*) FROM cases")" "cases in the demo database"
	[ -e "$REAL" ] && assert_eq 0 "$(sql "$REAL" "SELECT count(*) FROM cases")" "cases in the real database"
	assert_eq 1 "$(sql "$DEMO" "SELECT count(*) FROM audit WHERE action = 'db.demo'")" "the demo mark"
	assert_eq "700" "$(stat -c %a "$(dirname "$DEMO")")" "mode of its directory"
	assert_eq "600" "$(stat -c %a "$DEMO")" "mode of the demo database"

	# The default database named as such is still the real one.
	expect_status 0 samtale --db "$REAL" case add 2026-0001
	expect_status 0 samtale --db "$REAL" demo --cases 5 --yes
	assert_eq 1 "$(sql "$REAL" "SELECT count(*) FROM cases")" "cases in the real database after demo --db it"
	assert_eq 10 "$(sql "$DEMO" "SELECT count(*) FROM cases")" "cases in the demo database after a second demo"
fi

# Another database, by --db or SAMTALE_DB, is filled itself.
OTHER=$(test_db other.db)
expect_status 0 samtale --db "$OTHER" demo --cases 3
assert_contains "$(cat "$T/out")" "skrevet til $OTHER"
assert_eq 3 "$(sql "$OTHER" "SELECT count(*) FROM cases")" "cases in --db"
assert_eq 1 "$(sql "$OTHER" "SELECT count(*) FROM audit WHERE action = 'db.demo'")" "the mark in --db"
ENV_DB=$(test_db env.db)
SAMTALE_DB=$ENV_DB expect_status 0 samtale demo --cases 2
assert_eq 2 "$(sql "$ENV_DB" "SELECT count(*) FROM cases")" "cases in SAMTALE_DB"
assert_eq 0 "$(sql "$ENV_DB" "SELECT count(*) FROM audit WHERE action = 'db.demo' AND case_id IS NOT NULL")" \
	"the mark names no case"
