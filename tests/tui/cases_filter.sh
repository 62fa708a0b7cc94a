#!/bin/bash
# The case list: filter as you type (æøå and case folded), Esc clears the
# filter; a case added by another instance appears when the list is shown
# again; the demo data key works only on an empty database.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=${W:-60}

for ref in 2026-0117 2026-0200 2025-0999; do
	samtale --db "$DB" --user mette case add "$ref" >/dev/null
done
samtale --db "$DB" --user mette case add 2026-0300 --initials ØÅ >/dev/null
tui_run 80 24 --db "$DB" --user mette
tui_wait "Sager (4)" $W

tui_keys /
tui_type "2026"
tui_wait "Sager (3)" $W
tui_wait "/ 2026" $W
screen=$(tui_screen)
assert_not_contains "$screen" "2025-0999" "filtered list"
tui_keys BSpace BSpace BSpace BSpace
tui_wait "Sager (4)" $W
tui_type "2026-02"
tui_wait "Sager (1)" $W
tui_wait "2026-0200" $W
tui_keys C-u
tui_wait "Sager (4)" $W
tui_type "øå"			# initials ØÅ, folded
tui_wait "Sager (1)" $W
tui_wait "2026-0300" $W
# While typing, the footer says what the keys do, not the screen's keys.
footer=$(tui_screen | tail -1)
assert_contains "$footer" "Enter beholder filteret · Esc fjerner det" "footer while filtering"
assert_not_contains "$footer" "a ny sag" "footer while filtering"
tui_keys Enter			# keeps the filter, leaves typing
tui_wait "Esc fjerner filteret" $W
tui_wait "a ny sag" $W
tui_keys Escape
tui_wait "Sager (4)" $W
tui_wait_gone "Esc fjerner filteret" $W

# D does nothing on a database with cases.
tui_keys D
tui_wait "Demodata kan kun fyldes i en tom database." $W
assert_eq 4 "$(sql "$DB" "SELECT count(*) FROM cases")" "cases after D"

# Another instance adds a case while this one shows a case; back on the
# list it is there.
tui_keys Enter
tui_wait "Sag 2025-0999" $W
samtale --db "$DB" --user jonas case add 2026-0400 >/dev/null
tui_keys q
tui_wait "Sager (4) · skjult: 1 andres (A)" $W
tui_keys A
tui_wait "Sager (5) · alles" $W
tui_wait "2026-0400" $W
tui_keys q
tui_expect_exit 0 $W

# On an empty database, D fills in demo cases.
EMPTY=$(test_db empty)
tui_run 80 24 --db "$EMPTY" --user mette
tui_wait "Tryk D" $W
tui_keys D
tui_wait "opdigtede sager er lagt ind" $W
n=$(sql "$EMPTY" "SELECT count(*) FROM cases WHERE closed IS NULL AND caseworker = 'mette'")
others=$(sql "$EMPTY" "SELECT count(*) FROM cases WHERE closed IS NULL AND caseworker <> 'mette'")
tui_wait "Sager ($n) · skjult: $others andres (A)" $W
[ "$n" -gt 0 ] || fail "no demo cases of mette's"
tui_keys q
tui_expect_exit 0 $W
