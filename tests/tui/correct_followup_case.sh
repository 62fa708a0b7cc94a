#!/bin/bash
# Correcting follow-ups and cases in the TUI: +14 typed into the due-date
# prompt replaces its default +7; e edits a follow-up's date and who acts
# (her), u undoes it; c closes the case on a date and reopens it, u undoes;
# the case list shows my cases, says what it hides, A shows everybody's
# with the caseworker and c the closed ones.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=${W:-60}
samtale --db "$DB" --user søren case add 2026-0200 --initials CD >/dev/null
tui_one_case 80 24
tui_wait "samtale · Sager (1) · skjult: 1 andres (A)" $W
assert_not_contains "$(tui_screen)" "2026-0200" "another caseworker's case"

# f: the due date's default +7 is replaced by what is typed.
tui_keys Enter
tui_wait "Sag 2026-0117" $W
tui_keys f
tui_wait "Opfølgning (hvad skal ske):" $W
tui_type "Tag dit bevis med"
tui_keys Enter
tui_wait "Frist" $W
assert_contains "$(tui_screen)" ": +7"
tui_type "+14"
tui_keys Enter
tui_wait "Opfølgning med frist 2026-03-15 (søndag) er gemt." $W
assert_eq "2026-03-15|0" "$(sql "$DB" 'SELECT due, her FROM followups')" "due +14"

# e: a new date and she is the one to act.
tui_keys End
tui_wait "> [ ] 2026-03-15 Tag dit bevis med" $W
tui_keys e
tui_wait "Opfølgning (hvad skal ske): Tag dit bevis med" $W
tui_keys Enter
tui_wait "Frist" $W
tui_type "31.03"
tui_keys Enter
tui_wait "Hvem skal gøre det?" $W
tui_keys 2
tui_wait "Opfølgningen er rettet: frist 2026-03-31 (tirsdag), hun gør det selv." $W
assert_eq "2026-03-31|1|mette" "$(sql "$DB" 'SELECT due, her, assignee FROM followups')" "edited"
assert_eq 1 "$(sql "$DB" "SELECT count(*) FROM audit WHERE action = 'followup.edit' AND detail = 'due,assignee'")"
tui_keys u
tui_wait "Fortrudt." $W
assert_eq "2026-03-15|0|mette" "$(sql "$DB" 'SELECT due, her, assignee FROM followups')" "undone"
# Space marks it done (it leaves the list); u brings it back.
tui_keys End Space
tui_wait "Opfølgningen er markeret udført. u fortryder." $W
tui_wait "Ingen. Tryk f for at aftale en." $W
tui_keys u
tui_wait "2026-03-15 Tag dit bevis med" $W
assert_eq 0 "$(sql "$DB" 'SELECT done FROM followups')" "open again"

# c: the case closed today, then reopened; u undoes each.
tui_keys c
tui_wait "Afslut sagen pr." $W
tui_keys Enter
tui_wait "Sagen er afsluttet 2026-03-01 (søndag). u fortryder." $W
tui_wait "· afsluttet 2026-03-01" $W
assert_eq 2026-03-01 "$(sql "$DB" "SELECT closed FROM cases WHERE ref = '2026-0117'")" "closed"
tui_keys q
tui_wait "samtale · Sager (0) · skjult: 1 andres (A), 1 afsluttede (c)" $W
tui_wait "Du har ingen åbne sager her" $W
tui_keys c
tui_wait "samtale · Sager (1) · skjult: 1 andres (A)" $W
tui_wait "afsluttet 2026-03-01" $W
tui_keys Enter
tui_wait "Sag 2026-0117" $W
tui_keys c
tui_wait "Genåbn sag 2026-0117?" $W
tui_keys 1
tui_wait "Sagen er åben igen. u fortryder." $W
assert_eq "" "$(sql "$DB" "SELECT closed FROM cases WHERE ref = '2026-0117'")" "reopened"
assert_eq 1 "$(sql "$DB" "SELECT count(*) FROM audit WHERE action = 'case.reopen'")"
tui_keys u
tui_wait "Fortrudt." $W
assert_eq 2026-03-01 "$(sql "$DB" "SELECT closed FROM cases WHERE ref = '2026-0117'")" "closed again by u"
tui_keys u
tui_wait "Intet at fortryde." $W

# A: everybody's cases, with their caseworker.
tui_keys q
tui_wait "samtale · Sager (1)" $W
tui_keys A
tui_wait "samtale · Sager (2) · alles" $W
tui_wait "2026-0200  CD         søren" $W
assert_contains "$(tui_screen)" "Sagsbehandler"
tui_keys q
tui_expect_exit 0 $W
