#!/bin/bash
# What the first screen does without is loaded right after it is drawn:
# the guide's content (invalid content still ends the program with its
# messages and status 1, the terminal restored) and the count of the cases.
# SAMTALE_QUIT_AFTER_DRAW=2 ends the program once both are on the screen.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60
BAD=$SOURCE_DIR/tests/fixtures/content/bad/duplicate-item-id

samtale --db "$DB" --user mette demo --cases 240 --seed 1 >/dev/null
# the list shows mette's open cases
n=$(sql "$DB" "SELECT count(*) FROM cases WHERE closed IS NULL AND caseworker = 'mette'")
[ "$n" -gt 25 ] || fail "too few open demo cases for more than a screen: $n"

# The first draw (script's terminal is 80x24): the rows without the count.
SAMTALE_QUIT_AFTER_DRAW=1 TERM=xterm timeout 60 \
	script -qec "'$SAMTALE_BIN' --db '$DB' --user mette" /dev/null >"$T/first" </dev/null ||
	fail "SAMTALE_QUIT_AFTER_DRAW=1 run failed"
first_ref=$(sql "$DB" "SELECT min(ref) FROM cases WHERE closed IS NULL AND caseworker = 'mette'")
assert_contains "$(cat "$T/first")" "$first_ref" "first draw"
assert_contains "$(cat "$T/first")" "samtale · Sager " "first draw"
assert_not_contains "$(cat "$T/first")" "($n)" "first draw"
# Then the count, drawn into the title.
SAMTALE_QUIT_AFTER_DRAW=2 TERM=xterm timeout 60 \
	script -qec "'$SAMTALE_BIN' --db '$DB' --user mette" /dev/null >"$T/full" </dev/null ||
	fail "SAMTALE_QUIT_AFTER_DRAW=2 run failed"
assert_contains "$(cat "$T/full")" "($n)" "complete first screen"

# Invalid content: the list shows, then the program ends as it would have
# before drawing: the content's messages, status 1, the shell echoing again
# on the primary screen.
tmux -L "$TMUX_SOCKET" -f /dev/null new-session -d -s t -x 100 -y 30 \
	env TERM=xterm-256color HOME="$HOME" PS1='$ ' bash --norc --noprofile
tui_wait '$' $W
tui_type "SAMTALE_TODAY=$SAMTALE_TODAY LC_ALL=C.UTF-8 '$SAMTALE_BIN' --content '$BAD' --db '$DB' --user mette; echo rc=\$?"
tui_keys Enter
tui_wait "rc=1" $W
screen=$(tui_screen)
assert_contains "$screen" "$BAD/da/tro.yaml:10:9: error:" "messages after the screen"
assert_contains "$screen" "samtale: indholdet er ugyldigt; ret fejlene ovenfor" "messages after the screen"
[ "$(tmux -L "$TMUX_SOCKET" display-message -p -t t '#{alternate_on}')" = 0 ] || fail "still on the alternate screen"
tui_type "echo typed-and-echoed"
tui_keys Enter
tui_wait "typed-and-echoed" $W
