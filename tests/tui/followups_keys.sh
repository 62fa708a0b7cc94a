#!/bin/bash
# The follow-ups screen: opens on what is due today and overdue ("59 dage
# over", never a bare date); Space marks done and + moves a week on, each in
# one key, the selection walking down the list; m takes a date; u undoes;
# a shows everybody's; Enter opens the case.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../cli/report_fixture.inc"
report_fixture

due_of() {
	sql "$SAMTALE_DB" "SELECT due || ':' || done FROM followups WHERE text = '$1'"
}

tui_start 80 24 --db "$SAMTALE_DB" --user mette
tui_wait "2026-0003"
tui_keys F
tui_wait "Opfølgninger · mine · forfaldne og i dag (3)"
screen=$(tui_screen)
assert_contains "$screen" "59 dage forfalden   2026-0003    Find tolk"
assert_contains "$screen" "9 dage forfalden    2026-0001    Ring til hende, \"praktik\""
assert_contains "$screen" "i dag               2026-0001    Følg op på sprogskole"
assert_not_contains "$screen" "2026-01-01" "overdue as a bare date"
assert_not_contains "$screen" "Tjek praktikaftale" "somebody else's"

# Space: the first is done; the selection is now on the second, which +
# moves a week on from today; then m moves the third to a typed date.
tui_keys Space
tui_wait "forfaldne og i dag (2)"
assert_eq "2026-01-01:1" "$(due_of 'Find tolk')" "done"
tui_keys +
tui_wait "forfaldne og i dag (1)"
assert_eq "2026-03-08:0" "$(due_of 'Ring til hende, "praktik"')" "moved a week"
assert_eq "2026-03-01:0" "$(due_of 'Følg op på sprogskole')" "untouched"
tui_keys m
tui_wait "Ny frist"
tui_type "+3"
tui_keys Enter
tui_wait "Intet forfaldent i dag."
assert_eq "2026-03-04:0" "$(due_of 'Følg op på sprogskole')" "moved to +3"

# u undoes the last change; l shows the later ones too, dated.
tui_keys u
tui_wait "forfaldne og i dag (1)"
assert_eq "2026-03-01:0" "$(due_of 'Følg op på sprogskole')" "undone"
tui_keys l
tui_wait "alle åbne (2)"
assert_contains "$(tui_screen)" "i dag               2026-0001    Følg op på sprogskole"
assert_contains "$(tui_screen)" "2026-03-08          2026-0001    Ring til hende"

# Everybody's, with the assignee.
tui_keys l a
tui_wait "alles · forfaldne og i dag (2)"
assert_contains "$(tui_screen)" "2 dage forfalden    2026-0002    søren      Tjek praktikaftale"

# Enter opens the selected follow-up's case (the selection stayed on the
# one due today, now second).
tui_keys k Enter
tui_wait "Sag 2026-0002"
tui_keys q
tui_wait "alles · forfaldne og i dag"
tui_keys q q
tui_wait_exit
