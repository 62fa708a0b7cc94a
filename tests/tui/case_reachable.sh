#!/bin/bash
# On the open demo case with the most meetings (and an open follow-up), at 80x24, every open follow-up and every
# item left open can be reached from the case screen: they come before the
# meetings, each is a row one moves to, the items in the wording of the
# meeting that left them open; the latest five meetings are shown, and a
# row shows them all.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60

samtale --db "$DB" --user mette demo --cases 40 --seed 1 >/dev/null
CASE=$(sql "$DB" "SELECT c.id FROM cases c WHERE c.closed IS NULL
	AND EXISTS (SELECT 1 FROM followups f WHERE f.case_id = c.id AND f.done = 0)
	ORDER BY (SELECT count(*) FROM meetings m WHERE m.case_id = c.id) DESC, c.id LIMIT 1")
[ -n "$CASE" ] || fail "the demo has no open case with an open follow-up"
MEETINGS=$(sql "$DB" "SELECT count(*) FROM meetings WHERE case_id = $CASE")
[ "$MEETINGS" -ge 10 ] || fail "the demo's longest open case with an open follow-up has only $MEETINGS meetings"
REF=$(sql "$DB" "SELECT ref FROM cases WHERE id = $CASE")
CASEWORKER=$(sql "$DB" "SELECT caseworker FROM cases WHERE id = $CASE")	# the case list shows her own
FIRST=$(sql "$DB" "SELECT min(date) FROM meetings WHERE case_id = $CASE")
INTERNSHIPS=$(sql "$DB" "SELECT count(*) FROM internships WHERE case_id = $CASE")

# What should be reached, in the order of the screen.
sql "$DB" "SELECT due, substr(text, 1, 30) FROM followups WHERE case_id = $CASE AND done = 0
	ORDER BY due, id" >"$T/followups"
samtale --db "$DB" case show "$REF" >"$T/show"
sed -n '/^Punkter der stod åbne sidst$/,/^$/p' "$T/show" |
	sed -n 's/^  [a-z0-9.-]*  \(.*\)  (\([0-9-]*\))$/\2|\1/p' >"$T/left_open"
[ -s "$T/left_open" ] || fail "case $REF has no items left open: $(cat "$T/show")"

# cursor_line: the screen line the terminal cursor is on.
cursor_line() {
	tui_screen | sed -n "$(($(tmux -L "$TMUX_SOCKET" display-message -p -t t '#{cursor_y}') + 1))p"
}

tui_run 80 24 --db "$DB" --user "$CASEWORKER"
tui_wait "Sager (" $W
tui_keys /
tui_type "$REF"
tui_keys Enter Enter
tui_wait "Sag $REF" $W
tui_keys Home
[ "$INTERNSHIPS" = 0 ] || tui_keys Down	# her internship is the first row one can select
n=0
while IFS='|' read -r -u 3 due text; do
	[ $n -gt 0 ] && tui_keys Down
	tui_wait_cursor "$due" $W
	assert_contains "$(cursor_line)" "$text" "the follow-up row"
	n=$((n + 1))
done 3<"$T/followups"
while IFS='|' read -r -u 3 date text; do
	tui_keys Down
	tui_wait_cursor "↻ $date ${text:0:30}" $W
	n=$((n + 1))
done 3<"$T/left_open"
[ $n -ge 2 ] || fail "nothing to reach"

# The latest five meetings, then all of them.
tui_keys Down
tui_wait "Samtaler (gennemført pr. afsnit)" $W
for _ in 1 2 3 4 5; do tui_keys Down; done
tui_wait_cursor "Vis alle $MEETINGS samtaler (Enter)" $W
assert_not_contains "$(tui_screen)" "$FIRST" "the first meeting before all are shown"
tui_keys Enter
tui_keys End
tui_wait_cursor "$FIRST" $W
tui_keys q
tui_wait "Sager (" $W
tui_keys q
tui_expect_exit 0 $W
