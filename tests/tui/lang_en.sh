#!/bin/bash
# --lang en: the screens, keys and help in English.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60

tui_run 80 24 --db "$DB" --user mette --lang en
tui_wait "There are no cases yet." $W
tui_wait "Press a to add a case" $W
tui_wait "a add case" $W
tui_wait "q quit" $W
tui_keys '?'
tui_wait "Keys on this screen" $W
tui_wait "demo data (empty database only)" $W
tui_keys q
tui_wait "There are no cases yet." $W
tui_keys a
tui_wait "Journal number (not CPR):" $W
tui_type "2026-0200"
tui_keys Enter
tui_wait "Her initials" $W
tui_keys Enter
tui_wait "Case 2026-0200" $W
tui_wait "Her profile, in her words" $W
tui_keys m
tui_wait "What kind of meeting?" $W
tui_wait "First meeting" $W
tui_keys Enter
tui_wait "Section 1/3" $W
tui_wait "Why" $W
tui_wait "Space done" $W
assert_eq "2026-0200|" "$(sql "$DB" "SELECT ref, initials FROM cases")" "case without initials"
tui_keys C-c
tui_wait "Quit samtale?" $W
tui_wait "Yes, quit" $W
tui_keys C-c
tui_expect_exit 0 $W
