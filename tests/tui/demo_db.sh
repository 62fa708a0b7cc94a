#!/bin/bash
# D on an empty default database opens the demo database beside it
# ($XDG_DATA_HOME/samtale/demo.db) and fills that one: the real database is
# left without cases. A database with made-up cases shows "DEMO" in the
# title bar of every screen, however it is opened; the real one never does.
# On PostgreSQL, where there is no default database, the part of a
# database named with --db.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

W=${W:-60}
REAL=$XDG_DATA_HOME/samtale/samtale.db
DEMO=$XDG_DATA_HOME/samtale/demo.db

# shows_demo DB: opened by name, DB says DEMO on the case list, the
# follow-ups and the report.
shows_demo() {
	tui_run 100 30 --db "$1" --user mette
	tui_wait "Sager (" $W
	tui_screen | head -1 | grep -q "^ DEMO " || fail "no DEMO on --db $1: $(tui_screen | head -1)"
	for key in F R; do
		tui_keys "$key"
		tui_wait_gone "Sager (" $W
		tui_screen | head -1 | grep -q "^ DEMO " || fail "no DEMO after $key: $(tui_screen | head -1)"
		tui_keys Escape
		tui_wait "Sager (" $W
	done
	tui_keys q
	tui_expect_exit 0 $W
}

# case_shows_demo: from the case list of made-up cases, a case opens with
# the banner too; then samtale quits.
case_shows_demo() {
	tui_keys Enter
	tui_wait "Hendes profil" $W
	tui_screen | head -1 | grep -q "^ DEMO " || fail "no DEMO on the case screen: $(tui_screen | head -1)"
	tui_keys q
	tui_wait "Sager (" $W
	tui_keys q
	tui_expect_exit 0 $W
}

# D on an empty database named with --db fills that one, which then shows
# the banner.
OWN=$(test_db own)
expect_status 0 samtale --db "$OWN" db init
tui_run 100 30 --db "$OWN" --user mette
tui_wait "Tryk D" $W
tui_screen | head -1 | grep -q DEMO && fail "an empty database shows DEMO"
tui_keys D
tui_wait "opdigtede sager er lagt ind" $W
tui_wait " DEMO " $W
case_shows_demo
shows_demo "$OWN"

# The default database and the demo database beside it are SQLite's files.
[ "$ENGINE" = sqlite ] || exit 0
tui_run 100 30 --user mette
tui_wait "Tryk D" $W
tui_screen | head -1 | grep -q DEMO && fail "an empty real database shows DEMO"
tui_keys D
tui_wait "demodatabasen $DEMO" $W
tui_wait " DEMO " $W
tui_wait "database er urørt" $W
assert_eq 0 "$(sql "$REAL" "SELECT count(*) FROM cases")" "cases in the real database"
n=$(sql "$DEMO" "SELECT count(*) FROM cases")
[ "$n" -gt 0 ] || fail "no cases in the demo database"
case_shows_demo

# The real database again: still empty, no banner; D opens the demo
# database as it was (filled once, not again).
tui_run 100 30 --user mette
tui_wait "Tryk D" $W
tui_screen | head -1 | grep -q DEMO && fail "the real database shows DEMO"
tui_keys D
tui_wait "demodatabasen $DEMO" $W
assert_eq "$n" "$(sql "$DEMO" "SELECT count(*) FROM cases")" "cases in the demo database after a second D"
assert_eq 0 "$(sql "$REAL" "SELECT count(*) FROM cases")" "cases in the real database after a second D"
tui_keys q
tui_expect_exit 0 $W

# Opened by name, the demo database still says DEMO.
shows_demo "$DEMO"
