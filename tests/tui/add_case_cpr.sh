#!/bin/bash
# A reference shaped like a CPR number is refused in the add dialog with the
# store's message, the question is asked again, and nothing is saved.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60

tui_run 80 24 --db "$DB" --user mette
tui_wait "Der er ingen sager endnu" $W
tui_keys a
tui_wait "Journalnummer (ikke CPR):" $W
tui_type "010190-1234"
tui_keys Enter
tui_wait "ligner et CPR-nummer" $W
tui_wait "Journalnummer (ikke CPR):" $W		# asked again
assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM cases")" "cases after a CPR reference"

# Also without the dash, after clearing the field.
tui_keys C-u
tui_type "0101901234"
tui_keys Enter
tui_wait "ligner et CPR-nummer" $W
assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM cases")" "cases after a CPR reference"
# The whole message, wrapped rather than cut, at 80 columns and at 40.
tui_wait "prøv igen" $W
tui_resize 40 12
tui_wait "prøv igen" $W
tui_wait "Journalnummer (ikke CPR):" $W
tui_resize 80 24
tui_wait "Der er ingen sager endnu" $W

# Esc leaves the dialog; the empty database still says what to press.
tui_keys Escape
tui_wait "Tryk a for at oprette en sag" $W
tui_wait_gone "Journalnummer" $W
assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM cases")" "cases after Esc"
# No CPR number in the audit log either.
assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM audit WHERE detail LIKE '%0101901234%' OR detail LIKE '%010190-1234%'")" "audit"

tui_keys q
tui_expect_exit 0 $W
