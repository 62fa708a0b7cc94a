#!/bin/bash
# A first meeting held in the TUI, end to end: add a case, open a first
# meeting, tick one item done and another not relevant, write a note with
# æøå, agree a follow-up due +7; then kill -9 and find all of it again, on
# the screen, in the database and in the export.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60		# seconds to wait for a screen: generous, for ASan builds
NOTE="Hun vil gerne være sygeplejerske – æøå ÆØÅ"

tui_run 80 24 --db "$DB" --user mette
tui_wait "Der er ingen sager endnu" $W
tui_wait "Tryk a for at oprette en sag" $W

# Add a case: reference, then initials.
tui_keys a
tui_wait "Journalnummer (ikke CPR):" $W
tui_type "2026-0117"
tui_keys Enter
tui_wait "Hendes initialer" $W
tui_type "AB"
tui_keys Enter
tui_wait "Sag 2026-0117 · AB" $W
tui_wait "Ingen samtaler endnu" $W
assert_eq "2026-0117|AB|mette|2026-03-01" \
	"$(sql "$DB" "SELECT ref, initials, caseworker, opened FROM cases")" "the case"

# A first meeting: the type is asked, the first meeting is offered first.
tui_keys m
tui_wait "Hvilken slags samtale?" $W
tui_wait "> 1 Første samtale" $W
tui_keys Enter
tui_wait "Afsnit 1/3: Tro på kvinden" $W
tui_wait "Hvorfor" $W
assert_eq "foerste|2026-03-01|mette" \
	"$(sql "$DB" "SELECT type, date, caseworker FROM meetings")" "the meeting"
assert_eq "open" "$(sql "$DB" "$WITH_ITEMS SELECT DISTINCT state FROM items")" "fresh items"

# Done, then not relevant on the next item, then a note with æøå.
tui_keys Space			# ticks it and goes on to the next item
tui_wait "[x]   Brug tid sammen med kvinden" $W
tui_wait_cursor "Mød hende med en forventning" $W
tui_keys n
tui_wait "[-]   Mød hende med en forventning" $W
tui_wait_cursor "Husk at fortælle hende" $W
tui_keys Up
tui_keys e
tui_wait "Note:" $W
tui_type "$NOTE"
tui_keys Enter
tui_wait "Noten er gemt." $W
tui_wait "Note: $NOTE" $W
assert_eq "tro.afdaek-kvalifikationer|done" \
	"$(sql "$DB" "$WITH_ITEMS SELECT item_id, state FROM items WHERE state = 'done'")" "done item"
assert_eq "tro.forvent-vaerdi|not_relevant|$NOTE" \
	"$(sql "$DB" "$WITH_ITEMS SELECT item_id, state, note FROM items WHERE state = 'not_relevant'")" \
	"not relevant item with its note"

# A follow-up: text, then the due date; +7 is a week from today.
tui_keys f
tui_wait "Opfølgning (hvad skal ske):" $W
tui_type "Ring til praktikstedet"
tui_keys Enter
tui_wait "Frist" $W
tui_keys C-u
tui_type "+7"
tui_keys Enter
tui_wait "Opfølgning med frist 2026-03-08 (søndag) er gemt." $W
assert_eq "2026-03-08|Ring til praktikstedet|mette|0|1" \
	"$(sql "$DB" "SELECT due, text, assignee, done, CASE WHEN meeting_id IS NOT NULL THEN 1 ELSE 0 END FROM followups")" "follow-up"

# kill -9 mid-meeting: nothing shown as entered may be lost.
kill -9 "$(tui_samtale_pid)"
tui_expect_exit 137 $W

tui_run 80 24 --db "$DB" --user mette
tui_wait "Sager (1)" $W
tui_wait "2026-0117" $W
tui_wait "2026-03-01" $W	# its last meeting
tui_keys Enter
tui_wait "Sag 2026-0117 · AB" $W
tui_wait "2026-03-08" $W	# the follow-up
tui_wait "Ring til praktikstedet" $W
tui_wait "Første samtale" $W
tui_wait "1:1/3" $W		# section 1: one done of three (one not relevant)
tui_keys Enter			# the newest meeting is selected first
tui_wait "Afsnit 1/3" $W
tui_wait "[x]   Brug tid sammen med kvinden" $W
tui_wait "[-]   Mød hende med en forventning" $W
tui_wait "Note: $NOTE" $W

assert_eq "2" "$(sql "$DB" "$WITH_ITEMS SELECT count(*) FROM items WHERE state != 'open'")" "states after kill"
assert_eq "$NOTE" "$(sql "$DB" "$WITH_ITEMS SELECT note FROM items WHERE note IS NOT NULL")" "note after kill"

# The note comes out of the export unchanged.
samtale --db "$DB" export 2026-0117 --format json >"$T/export.json"
assert_contains "$(cat "$T/export.json")" "\"note\": \"$NOTE\"" "export"

# Going back to the case does not close the meeting; leaving the case for
# the list does, and asks for the agreed summary (Esc would skip it).
tui_keys q
tui_wait "Sag 2026-0117 · AB" $W
tui_keys q
tui_wait "Aftalt:" $W
tui_type "Du ringer til praktikstedet, jeg sender papirerne"
tui_keys Enter
tui_wait "Sager (1)" $W
assert_eq "Du ringer til praktikstedet, jeg sender papirerne" \
	"$(sql "$DB" "SELECT agreed FROM meetings")" "agreed summary"

# Out: exit status 0, the terminal restored.
tui_keys q
tui_expect_exit 0 $W
