#!/bin/bash
# The case list on more cases than fit on a screen, read a screenful at a
# time: the count in the title, End and Home (also as vt220 keys: tmux sends
# those under TERM=xterm-256color), PgDn past the rows loaded first,
# the selection kept after a case was opened, the filter counted in SQL,
# closed cases left out, and the columns of a row (last meeting, open and
# overdue follow-ups) as the database has them.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=${W:-60}

samtale --db "$DB" --user mette demo --cases 300 --seed 1 >/dev/null
open_cases() { sql "$DB" "SELECT count(*) FROM cases WHERE closed IS NULL ${1:-}"; }
ref_at() { sql "$DB" "SELECT ref FROM cases WHERE closed IS NULL ORDER BY ref LIMIT 1 OFFSET $1"; }
n=$(open_cases)
[ "$n" -gt 100 ] || fail "too few open demo cases: $n"

# 80x24: 20 rows of cases; a page moves 19.
tui_run 80 24 --db "$DB" --user mette
tui_wait "skjult: " $W	# mette's cases first; A shows every caseworker's
tui_keys A
tui_wait "Sager ($n) · alles" $W
tui_keys Home	# A kept the case selected; the list starts at the top
tui_wait "> $(ref_at 0)" $W

tui_keys End
tui_wait "> $(ref_at $((n - 1)))" $W
tui_keys Home
tui_wait "> $(ref_at 0)" $W
tui_keys NPage NPage NPage
tui_wait "> $(ref_at 57)" $W
for ((i = 0; i < 25; i++)); do
	tui_keys j
done
tui_wait "> $(ref_at 82)" $W
tui_keys Down Down Up
tui_wait "> $(ref_at 83)" $W
tui_keys k

# Opened and left, the case stays selected, though the list was read again.
ref=$(ref_at 82)
tui_keys Enter
tui_wait "Sag $ref" $W
tui_keys q
tui_wait "> $ref" $W
tui_wait "Sager ($n)" $W

# A row as the database has it: last meeting, open and overdue follow-ups.
id=$(sql "$DB" "SELECT id FROM cases WHERE ref = '$ref'")
last=$(sql "$DB" "SELECT max(date) FROM meetings WHERE case_id = $id")
open=$(sql "$DB" "SELECT count(*) FROM followups WHERE case_id = $id AND done = 0")
overdue=$(sql "$DB" "SELECT count(*) FROM followups WHERE case_id = $id AND done = 0 AND due < '$SAMTALE_TODAY'")
if [ "$overdue" -gt 0 ]; then
	fu="$open ($overdue forfalden!)"
	[ "$overdue" -gt 1 ] && fu="$open ($overdue forfaldne!)"	# Danish plural
elif [ "$open" -gt 0 ]; then
	fu=$open
else
	fu=-
fi
row=$(tui_screen | grep -F "> $ref")
assert_contains "$row" "${last:-ingen}" "the selected row"
assert_contains "$row" "$fu" "the selected row"

# The filter: counted in the database; a year matches every case of it.
year=${ref:0:4}
m=$(open_cases "AND instr(ref, '$year') > 0")
tui_keys /
tui_type "$year"
tui_wait "Sager ($m)" $W
tui_keys End
tui_wait "> $(sql "$DB" "SELECT max(ref) FROM cases WHERE closed IS NULL AND instr(ref, '$year') > 0")" $W
tui_keys Escape
tui_wait "Sager ($n)" $W

# A closed case is not in the list, even when the filter names it.
closed=$(sql "$DB" "SELECT ref FROM cases WHERE closed IS NOT NULL ORDER BY ref LIMIT 1")
[ -n "$closed" ] || fail "no closed demo case"
tui_keys /
tui_type "$closed"
tui_wait "Sager (0)" $W
tui_wait "Ingen sager passer til filteret." $W
tui_keys Escape
tui_wait "Sager ($n)" $W

# A filter that matches one case.
tui_keys /
tui_type "$(ref_at 5)"
tui_wait "Sager (1)" $W
tui_wait "> $(ref_at 5)" $W
tui_keys Escape
tui_wait "Sager ($n)" $W

# Danish plural: "2 (2 forfaldne!)", never "2 forfalden!".
plural=$(sql "$DB" "SELECT ref FROM cases c WHERE closed IS NULL AND (SELECT count(*) FROM followups f
	WHERE f.case_id = c.id AND f.done = 0 AND f.due < '$SAMTALE_TODAY') > 1 ORDER BY ref LIMIT 1")
[ -n "$plural" ] || fail "no open demo case with two overdue follow-ups"
tui_keys /
tui_type "$plural"
tui_wait "Sager (1)" $W
tui_wait "forfaldne!)" $W
tui_screen | grep -E '[02-9] forfalden!' && fail "a plural count with the singular 'forfalden'"
tui_keys Escape
tui_keys q
tui_expect_exit 0 $W
