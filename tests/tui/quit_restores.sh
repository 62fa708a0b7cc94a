#!/bin/bash
# q on the case list exits 0 and leaves the terminal as it was: the shell
# that started samtale echoes again and is back on the primary screen.
# SIGTERM also ends it cleanly; the SAMTALE_QUIT_AFTER_DRAW hook exits after
# the first screen.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60

samtale --db "$DB" --user mette case add 2026-0117 >/dev/null
tmux -L "$TMUX_SOCKET" -f /dev/null new-session -d -s t -x 80 -y 24 \
	env TERM=xterm-256color HOME="$HOME" PS1='$ ' bash --norc --noprofile
tui_wait '$' $W
tui_type "SAMTALE_CONTENT='$SAMTALE_CONTENT' SAMTALE_TODAY=$SAMTALE_TODAY LC_ALL=C.UTF-8 '$SAMTALE_BIN' --db '$DB' --user mette; echo rc=\$?"
tui_keys Enter
tui_wait "Sager (1)" $W
[ "$(tmux -L "$TMUX_SOCKET" display-message -p -t t '#{alternate_on}')" = 1 ] || fail "not on the alternate screen"
tui_keys q
tui_wait "rc=0" $W
[ "$(tmux -L "$TMUX_SOCKET" display-message -p -t t '#{alternate_on}')" = 0 ] || fail "still on the alternate screen"
tui_type "echo typed-and-echoed"
tui_keys Enter
tui_wait "typed-and-echoed" $W		# echo and line mode restored
tui_wait_gone "Sager (1)" $W

# SIGTERM: the terminal is restored too, and the status says so.
tui_type "clear; '$SAMTALE_BIN' --db '$DB' --user mette; echo rc=\$?"
tui_keys Enter
tui_wait "Sager (1)" $W
kill -TERM "$(tui_samtale_pid)"
tui_wait "rc=143" $W
[ "$(tmux -L "$TMUX_SOCKET" display-message -p -t t '#{alternate_on}')" = 0 ] || fail "still on the alternate screen"
tui_type "echo again-echoed"
tui_keys Enter
tui_wait "again-echoed" $W

# The benchmark hook: out after the first full screen, status 0.
SAMTALE_QUIT_AFTER_DRAW=1 timeout 60 script -qec "'$SAMTALE_BIN' --db '$DB' --user mette" /dev/null \
	>"$T/out" </dev/null || fail "SAMTALE_QUIT_AFTER_DRAW run failed"
assert_contains "$(cat "$T/out")" "2026-0117" "first screen"

# NO_COLOR: not one colour sequence; without it the title bar has colour.
SAMTALE_QUIT_AFTER_DRAW=1 NO_COLOR=1 TERM=xterm-256color timeout 60 \
	script -qec "'$SAMTALE_BIN' --db '$DB' --user mette" /dev/null >"$T/out" </dev/null ||
	fail "NO_COLOR run failed"
assert_eq 0 "$(grep -caP '\x1b\[(3[0-7]|4[0-7]|39|49|[0-9;]*;[34][0-9])m' "$T/out" || true)" "colour sequences under NO_COLOR"
SAMTALE_QUIT_AFTER_DRAW=1 NO_COLOR= TERM=xterm-256color timeout 60 \
	script -qec "'$SAMTALE_BIN' --db '$DB' --user mette" /dev/null >"$T/out" </dev/null ||
	fail "colour run failed"
[ "$(grep -caP '\x1b\[(3[0-7]|4[0-7]|39|49|[0-9;]*;[34][0-9])m' "$T/out" || true)" -gt 0 ] ||
	fail "no colour without NO_COLOR (the test would not see it)"
