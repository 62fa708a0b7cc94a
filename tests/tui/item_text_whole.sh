#!/bin/bash
# A checklist item too long for its row is cut there, and shown whole beside
# or below the list when selected, so that the caseworker can read what the
# guide asks; one pane at 80 columns, two at 100 (where the checklist keeps
# its 62 columns and cuts the item with a "…").
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60

tui_first_meeting 80 24
tui_keys Tab Up			# the last item of the first section
tui_wait_cursor "[ ]   Vær realistisk i forhold til jobsøgningen" $W
tui_wait "jobsøgningen – både over for dig selv og over for" $W
tui_wait " hende" $W

tui_resize 100 30
tui_keys Home
tui_wait_cursor "Brug tid sammen med kvinden på at afdække hendes kval… │" $W
tui_wait "│ Brug tid sammen med kvinden på at" $W
tui_wait "│ afdække hendes kvalifikationer" $W

tui_keys Escape
tui_wait "Sag 2026-0117" $W
tui_keys q
tui_wait "Hvad blev I enige om?" $W
tui_keys Escape
tui_wait "Sager (1)" $W
tui_keys q
tui_expect_exit 0 $W
