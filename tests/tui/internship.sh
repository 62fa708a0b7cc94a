#!/bin/bash
# Her internship in the TUI: I on the case screen adds one; a
# during-internship meeting shows it at the top; opening an after-internship
# meeting asks how it ended, and the outcome is recorded.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60
GOAL="Jeg vil arbejde med ældre, som jeg gjorde i Syrien"

tui_one_case 80 24
tui_keys Enter
tui_wait "Ingen samtaler endnu" $W
tui_keys I
tui_wait "Sag 2026-0117 · praktikker (0)" $W
tui_wait "Ingen praktikker endnu. Tryk a" $W

# Add: workplace, field, from, planned to, contact, her goal, job possible.
tui_keys a
tui_wait "Arbejdsplads:" $W
tui_type "Plejecenter Solhøj"
tui_keys Enter
tui_wait "Branche" $W
tui_type "ældrepleje"
tui_keys Enter
tui_wait "Fra (ÅÅÅÅ-MM-DD" $W
tui_keys C-u
tui_type "2026-02-02"
tui_keys Enter
tui_wait "Planlagt til" $W
tui_type "snart"
tui_keys Enter
tui_wait "'snart' er ikke en dato" $W
tui_keys C-u
tui_type "2026-04-24"
tui_keys Enter
tui_wait "Kontaktperson" $W
tui_type "Hanne, 010190-1234"
tui_keys Enter
tui_wait "Hendes mål" $W
tui_type "$GOAL"
tui_keys Enter
tui_wait "Kan praktikken føre til job?" $W
tui_keys Down
tui_keys Enter
# The CPR number is refused, and every field asked again with what was typed.
tui_wait "Kontaktpersonen ligner et CPR-nummer" $W
tui_wait "Arbejdsplads: Plejecenter Solhøj" $W
for i in 1 2 3 4; do
	tui_keys Enter
done
tui_wait "Kontaktperson" $W
tui_keys C-u
tui_type "Hanne Jensen, afdelingsleder"
tui_keys Enter
tui_wait "Hendes mål" $W
tui_keys Enter
tui_wait "Kan praktikken føre til job?" $W
tui_wait "> 2 ja" $W
tui_keys Enter
tui_wait "Praktikken er registreret." $W
tui_wait "2026-02-02 – 2026-04-24  Plejecenter" $W
tui_wait "Plejecenter Solhøj · i gang · job muligt: ja" $W
tui_wait "Kontakt: Hanne Jensen, afdelingsleder" $W
assert_eq "Plejecenter Solhøj|ældrepleje|2026-02-02|2026-04-24|Hanne Jensen, afdelingsleder|$GOAL|yes||mette" \
	"$(sql "$DB" 'SELECT workplace, field, from_date, planned_to, contact, goal, job_possible, outcome, caseworker FROM internships')" \
	"the internship"

# The case screen shows the current internship.
tui_keys q
tui_wait "Praktik (I: alle)" $W
tui_wait "Plejecenter Solhøj · i gang" $W

# A during-internship meeting has it at the top.
tui_keys m
tui_wait "Hvilken slags samtale?" $W
tui_keys 4
tui_wait "Under praktik" $W
tui_wait "Praktik: Plejecenter Solhøj (ældrepleje) · 2026-02-02 – 2026-04-24 (planlagt)" $W
tui_wait "Job muligt bagefter: ja" $W
tui_wait "Hendes mål: $GOAL" $W
tui_wait "Afsnit 1/" $W
tui_keys Escape			# back to the case: the meeting is not closed, nothing asked
tui_wait "Praktik (I: alle)" $W

# Opening an after-internship meeting asks how it ended.
tui_keys m
tui_wait "Hvilken slags samtale?" $W
tui_keys 5
tui_wait "Praktikken hos Plejecenter Solhøj har intet udfald endnu." $W
tui_wait "Hvordan endte praktikken?" $W
tui_wait "1 ansat" $W
tui_keys Enter
tui_wait "Sluttede" $W
tui_keys C-u
tui_type "2026-01-20"
tui_keys Enter
tui_wait "Kort begrundelse" $W
tui_type "Fast stilling 25 timer"
tui_keys Enter
tui_wait "kan ikke slutte, før den begynder" $W
tui_wait "Sluttede" $W
tui_keys C-u
tui_type "i dag"
tui_keys Enter
tui_wait "(kan være tom): Fast stilling 25 timer" $W
tui_keys Enter
tui_wait "Praktikken hos Plejecenter Solhøj er afsluttet: ansat." $W
tui_wait "Udfald: ansat" $W
tui_wait "Efter praktik" $W
assert_eq "2026-03-01|employed|Fast stilling 25 timer" \
	"$(sql "$DB" 'SELECT ended, outcome, outcome_reason FROM internships')" "the outcome"

# Once recorded, opening it again asks nothing.
tui_keys Escape
tui_wait "Praktik (I: alle)" $W
tui_wait "Plejecenter Solhøj · ansat" $W
tui_keys Enter
tui_wait "Udfald: ansat" $W
tui_wait_gone "Hvordan endte praktikken?"
tui_keys q
tui_wait "Sag 2026-0117" $W

# s on the internships screen corrects the end.
tui_keys I
tui_wait "praktikker (1)" $W
tui_keys s
tui_wait "Hvordan endte praktikken?" $W
tui_wait "> 1 ansat" $W
tui_keys 4
tui_wait "i dag): 2026-03-01" $W
tui_keys Enter Enter
tui_wait "er afsluttet: afbrudt før tid." $W
assert_eq "ended-early" "$(sql "$DB" 'SELECT outcome FROM internships')" "the corrected outcome"
tui_keys q q
tui_wait "Hvad blev I enige om?" $W	# leaving the case closes today's meeting
tui_keys Escape
tui_wait "Sager (1)" $W
tui_keys q
tui_expect_exit 0
