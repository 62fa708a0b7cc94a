#!/bin/bash
# Resizes to 40x12, to 30x8 (too small: a message, nothing else) and to
# 200x60, on the case list and in a meeting, with the process alive; then q
# leaves with status 0.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60

tui_one_case 80 24

tui_resize 40 12
tui_wait "Sager (1)" $W
tui_wait "2026-0117" $W
tui_resize 30 8
tui_wait "Vinduet er for lille" $W
tui_wait_gone "2026-0117" $W
tui_resize 200 60
tui_wait "2026-0117" $W
tui_wait_gone "Vinduet er for lille" $W
tui_dead && fail "samtale died on resize"

# In a meeting: two panes from 100 columns, one below the other under that.
tui_keys Enter
tui_wait "Sag 2026-0117 · AB" $W
tui_keys m
tui_wait "Hvilken slags samtale?" $W
tui_keys Enter
tui_wait "Afsnit 1/3" $W
screen=$(tui_screen)
line=$(grep -F "[ ]" <<<"$screen" | head -1)
assert_contains "$line" "│" "two panes at 200 columns"
tui_resize 80 24
tui_wait "Afsnit 1/3" $W
tui_wait "Hvorfor" $W
tui_resize 40 12
tui_wait "Afsnit 1/3" $W
tui_resize 30 8
tui_wait "Vinduet er for lille" $W
tui_resize 39 12
tui_wait "Vinduet er for lille" $W
tui_resize 40 11
tui_wait "Vinduet er for lille" $W
# Keys do nothing while the window is too small.
tui_keys Space
tui_resize 80 24
tui_wait "[ ]" $W
assert_eq 0 "$(sql "$DB" "$WITH_ITEMS SELECT count(*) FROM items WHERE state != 'open'")" "no blind keys"
tui_dead && fail "samtale died on resize"

# Nor in a dialog: the meeting type is not chosen, the note not typed.
tui_keys e
tui_wait "Note:" $W
tui_resize 30 8
tui_wait "Vinduet er for lille" $W
tui_type "blindt"
tui_keys Enter
tui_resize 80 24
tui_wait "Note:" $W
tui_wait_gone "blindt" $W
tui_keys Escape
tui_wait_gone "Note:" $W
assert_eq 0 "$(sql "$DB" "$WITH_ITEMS SELECT count(*) FROM items WHERE note IS NOT NULL")" "no blind note"

tui_keys Escape
tui_wait "Sag 2026-0117" $W
tui_keys m
tui_wait "> 2 Opfølgningssamtale" $W
tui_resize 30 8
tui_wait "Vinduet er for lille" $W
tui_keys Up Enter
tui_resize 80 24
tui_wait "> 2 Opfølgningssamtale" $W
assert_eq 1 "$(sql "$DB" "SELECT count(*) FROM meetings")" "no blind meeting"
tui_keys Escape
tui_wait_gone "Hvilken slags samtale?" $W
tui_keys q
tui_wait "Hvad blev I enige om?" $W
tui_keys Escape
tui_wait "Sager (1)" $W
tui_keys q
tui_expect_exit 0 $W
