#!/bin/bash
# The footer and the ? help show what each key does on that screen, and
# nothing it does not: in a meeting Enter ticks the item (not "open"); on
# the help screen there is nothing to filter, so / is not offered and q
# still goes back, and Enter goes back too.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60

tui_first_meeting 160 30
tui_wait "q tilbage" $W			# the whole footer fits at 160 columns
footer=$(tui_screen | tail -1)
assert_contains "$footer" "Space udført" "meeting footer"
assert_not_contains "$footer" "Enter åbn" "meeting footer"

# Where the footer cannot hold every key, it still says where help is.
tui_resize 80 24
tui_wait_gone "q tilbage" $W
tui_wait "PgDn tekst ned  ? hjælp" $W
tui_resize 40 12
tui_wait_gone "e note" $W
tui_wait "? hjælp" $W
tui_resize 160 30
tui_wait "q tilbage" $W

tui_keys Enter
tui_wait "[x]   Brug tid sammen med kvinden" $W
assert_eq "tro.afdaek-kvalifikationer|done" \
	"$(sql "$DB" "$WITH_ITEMS SELECT item_id, state FROM items WHERE state != 'open'")" "Enter ticks"

tui_keys '?'
tui_wait "Hjælp: Sag 2026-0117" $W
screen=$(tui_screen)
assert_contains "$screen" "  Enter       udført" "meeting help"
assert_not_contains "$screen" "åbn" "meeting help"
assert_not_contains "$screen" "filtrér" "meeting help"
assert_not_contains "$(tui_screen | tail -1)" "filtrér" "help footer"
assert_not_contains "$(tui_screen | tail -1)" "Enter åbn" "help footer"

# / does nothing on the help screen: q right after it still goes back.
tui_keys /
tui_keys q
tui_wait_gone "Hjælp:" $W
tui_wait "Afsnit 1/3" $W
# Enter leaves the help too.
tui_keys '?'
tui_wait "Hjælp: Sag 2026-0117" $W
tui_keys Enter
tui_wait_gone "Hjælp:" $W
assert_eq 1 "$(sql "$DB" "$WITH_ITEMS SELECT count(*) FROM items WHERE state != 'open'")" "nothing else ticked"

tui_keys Escape
tui_wait "Sag 2026-0117" $W

# On the case, Enter opens a meeting but does not close a follow-up (done,
# it would leave the list); it says which key does. Space does.
tui_keys f
tui_wait "Opfølgning (hvad skal ske):" $W
tui_type "Ring til sprogskolen"
tui_keys Enter
tui_wait "Frist" $W
tui_keys Enter
tui_wait "Opfølgning med frist 2026-03-08 (søndag) er gemt." $W
tui_keys Home			# what is open comes first
tui_wait "> [ ] 2026-03-08 Ring til sprogskolen" $W
tui_keys Enter
tui_wait "Tryk Space for at markere opfølgningen udført." $W
assert_eq 0 "$(sql "$DB" "SELECT done FROM followups")" "Enter on a follow-up"
tui_keys Space
tui_wait "Opfølgningen er markeret udført." $W
assert_eq 1 "$(sql "$DB" "SELECT done FROM followups")" "Space on a follow-up"
tui_keys q
tui_wait "Hvad blev I enige om?" $W	# today's meeting is closed with the case
tui_keys Escape
tui_wait "Sager (1)" $W
tui_keys q
tui_expect_exit 0 $W
