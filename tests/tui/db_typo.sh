#!/bin/bash
# The guide on a database named in a directory that does not exist: the
# same refusal as the commands, on the terminal it gives back, and nothing
# made.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

W=60
# Wide enough for the message on one line.
tui_run 400 24 --db "$T/nope/samtale.db"
tui_wait "samtale: Mappen $T/nope findes ikke" $W
tui_wait "samtale db init --db" $W
tui_expect_exit 1 $W
[ ! -e "$T/nope" ] || fail "the guide made the directory of a mistyped --db"
