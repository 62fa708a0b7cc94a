#!/bin/bash
# The terminal cursor sits on the focused item (screen readers and
# magnifiers follow it): the selected case, the selected option of the
# meeting type dialog as it moves, the selected checklist item, the field
# of a prompt.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60

samtale --db "$DB" --user mette case add 2026-0117 --initials AB >/dev/null
samtale --db "$DB" --user mette case add 2026-0118 --initials CD >/dev/null
tui_run 80 24 --db "$DB" --user mette
tui_wait "Sager (2)" $W
tui_wait_cursor "> 2026-0117" $W
tui_keys Down
tui_wait_cursor "> 2026-0118" $W

tui_keys Enter
tui_wait "Sag 2026-0118 · CD" $W
tui_keys m
tui_wait "Hvilken slags samtale?" $W
tui_wait_cursor "> 1 Første samtale" $W
tui_keys Down
tui_wait_cursor "> 2 Opfølgningssamtale" $W
tui_keys Up
tui_wait_cursor "> 1 Første samtale" $W
tui_keys Enter
tui_wait "Afsnit 1/3" $W
tui_wait_cursor "Brug tid sammen med kvinden" $W
tui_keys Down
tui_wait_cursor "Mød hende med en forventning" $W

tui_keys e
tui_wait "Note:" $W
tui_type "æøå"
tui_wait_cursor "Note: æøå" $W
assert_eq "9" "$(tmux -L "$TMUX_SOCKET" display-message -p -t t '#{cursor_x}')" "cursor after æøå"
tui_keys Escape
tui_wait_gone "Note: æøå" $W
tui_wait_cursor "Mød hende med en forventning" $W

tui_keys Escape
tui_wait "Sag 2026-0118" $W
tui_keys q
tui_wait "Hvad blev I enige om?" $W
tui_keys Escape
tui_wait "Sager (2)" $W
tui_keys q
tui_expect_exit 0 $W
