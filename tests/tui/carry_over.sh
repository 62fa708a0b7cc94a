#!/bin/bash
# Items left open carry over: the case shows them, the next meeting marks
# them ↻; Tab walks the sections; an old meeting keeps its own wording; the
# interpreter is recorded. Two panes at 120 columns.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60

tui_first_meeting 120 30
tui_keys Space			# tro.afdaek-kvalifikationer done; the rest stay open
tui_wait "[x]" $W
tui_keys i
tui_wait "Tolkning til sprog" $W
tui_type "arabisk"
tui_keys Enter
tui_wait "Tolk: arabisk" $W
assert_eq "arabisk" "$(sql "$DB" "SELECT interpreter FROM meetings")" "interpreter"
tui_keys Tab
tui_wait "Afsnit 2/3: Brug kvinden som aktiv medspiller" $W
tui_keys Tab
tui_wait "Afsnit 3/3: Afstem forventninger" $W
tui_keys Tab
tui_wait "Afsnit 1/3" $W

# The meeting was held "earlier": move it back a week, and change its stored
# wording as if the content had been edited since.
tui_keys Escape
tui_wait "Ikke nået ved sidste samtale" $W
sql "$DB" "UPDATE meetings SET date = '2026-02-22'; UPDATE wordings SET text = 'Gammel formulering af punktet'
	WHERE item IN (SELECT id FROM item_keys WHERE key = 'tro.sig-det')"
tui_keys m
tui_wait "Hvilken slags samtale?" $W
tui_wait "> 2 Opfølgningssamtale" $W	# the follow-up meeting is offered after the first
tui_keys Enter
tui_wait "Afsnit 1/3" $W
tui_wait "↻" $W
screen=$(tui_screen)
assert_contains "$screen" "│" "two panes"
assert_not_contains "$screen" "[ ] ↻ Brug tid sammen med kvinden" "done last time: not carried over"
tui_keys q
tui_wait "Samtaler (gennemført pr. afsnit)" $W
tui_wait "2026-02-22" $W

# The old meeting keeps its wording.
tui_keys Down			# newest first: the old one is second
tui_keys Enter
tui_wait "2026-02-22" $W
tui_wait "Afsnit 1/3" $W
tui_wait "Gammel formulering af punktet" $W
tui_keys q
tui_wait "Samtaler (gennemført pr. afsnit)" $W
tui_keys q			# today's meeting is closed with the case
tui_wait "Hvad blev I enige om?" $W
tui_keys Escape
tui_wait "Sager (1)" $W
tui_keys q
tui_expect_exit 0 $W
