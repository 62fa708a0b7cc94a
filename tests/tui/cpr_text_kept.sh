#!/bin/bash
# Text holding a CPR number is refused wherever it is typed, and what was
# typed stays in the field to be corrected, never lost: an item's note, a
# follow-up, the agreed summary asked for when the meeting is left.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60

tui_first_meeting 80 24

# An item's note.
tui_keys e
tui_wait "Note:" $W
tui_type "Hun læser dansk cpr 010190-1234"
tui_keys Enter
tui_wait "ligner et CPR-nummer" $W
tui_wait "Note: Hun læser dansk cpr 010190-1234" $W
tui_keys C-w C-w BSpace
tui_keys Enter
tui_wait "Noten er gemt." $W
assert_eq "Hun læser dansk" "$(sql "$DB" "$WITH_ITEMS SELECT note FROM items WHERE note IS NOT NULL")" "note"

# A follow-up's text.
tui_keys f
tui_wait "Opfølgning (hvad skal ske):" $W
tui_type "Ring 0101901234 op"
tui_keys Enter
tui_wait "Frist" $W
tui_keys Enter
tui_wait "ligner et CPR-nummer" $W
tui_wait "Opfølgning (hvad skal ske): Ring 0101901234 op" $W
tui_keys Escape
tui_wait_gone "Opfølgning (hvad skal ske)" $W
assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM followups")" "follow-ups"

# The agreed summary, asked for when the meeting is closed (x).
tui_keys x
tui_wait "Aftalt:" $W
tui_type "Du kommer tirsdag dit cpr 010190-1234"
tui_keys Enter
tui_wait "ligner et CPR-nummer" $W
tui_wait "Aftalt: Du kommer tirsdag dit cpr 010190-1234" $W
assert_eq "" "$(sql "$DB" "SELECT agreed FROM meetings")" "refused"
tui_keys C-w C-w C-w BSpace
tui_keys Enter
tui_wait "Sag 2026-0117 · AB" $W
assert_eq "Du kommer tirsdag" "$(sql "$DB" "SELECT agreed FROM meetings")" "agreed, corrected"
assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM audit WHERE detail LIKE '%010190%'")" "audit"

tui_keys q
tui_wait "Sager (1)" $W
tui_keys q
tui_expect_exit 0 $W
