#!/bin/bash
# The demo's phrase bank (data/demo/*.yaml) is checked like content: the
# shipped one is valid, and each kind of mistake in a copy of it is
# reported as FILE:LINE:COLUMN: error: ... with exit status 1 and nothing
# written. SAMTALE_DEMO_DATA names another bank.
. "$(dirname "$0")/../lib.sh"

expect_status 0 samtale --db "$(test_db ok)" demo --cases 3
assert_eq "" "$(cat "$T/err")" "stderr with the shipped bank"

# broken FILE SED-EXPRESSION: a copy of the bank with one file edited.
broken() {
	rm -rf "$T/bank"
	cp -r "$SOURCE_DIR/data/demo" "$T/bank"
	sed -i "$2" "$T/bank/$1"
	cmp -s "$T/bank/$1" "$SOURCE_DIR/data/demo/$1" && fail "the edit of $1 changed nothing: $2"
	return 0
}

# expect_error FILE:LINE:COLUMN WORDS: the demo refuses the broken bank,
# given a new database each time.
n=0
expect_error() {
	local db
	n=$((n + 1))
	db=$(test_db "x$n")
	SAMTALE_DEMO_DATA=$T/bank expect_status 1 samtale --db "$db" demo --cases 3
	assert_contains "$(cat "$T/err")" "$T/bank/$1: error: $2"
	assert_contains "$(cat "$T/err")" "samtale: demoens sætninger er ugyldige; ret fejlene ovenfor"
	assert_eq "" "$(cat "$T/out")" "stdout of a refused demo"
	# A file that is not there holds no cases; a server's database is there.
	if [ "$ENGINE" = pg ] || [ -e "$db" ]; then
		assert_eq 0 "$(sql "$db" "SELECT count(*) FROM cases")" "cases written from a broken bank"
	fi
}

broken items.yaml '5s/.*/  - Det gik: godt: nu/'
expect_error items.yaml:5:18 "YAML-syntaksfejl"

broken followups.yaml '7s/opfoelgning,/opfoelgnig,/'
expect_error followups.yaml:7:25 "ukendt samtaletype 'opfoelgnig'; mente du 'opfoelgning'?"

broken women.yaml '46s/{land}/{lnad}/'
expect_error women.yaml:46:5 "ukendt pladsholder {lnad}"

broken women.yaml '46s/{land}/{arbejde}/'
expect_error women.yaml:46:5 "pladsholderen {arbejde} kan ikke bruges her"

broken items.yaml '40s/tro.sig-det/tro.sig-de/'
expect_error items.yaml:40:3 "ukendt punkt 'tro.sig-de'"

broken caseworkers.yaml 's/done: 78/done: 178/'
expect_error caseworkers.yaml:10:26 "'done' skal være fra 0 til 100"

broken meetings.yaml 's/^note_closings:/note_closing:/'
expect_error meetings.yaml:54:1 "ukendt nøgle 'note_closing'; mente du 'note_closings'?"

# In English too.
X=$(test_db x)
SAMTALE_DEMO_DATA=$T/bank expect_status 1 samtale --lang en --db "$X" demo --cases 3
assert_contains "$(cat "$T/err")" "samtale: the demo's phrases are invalid; fix the errors above"

# No bank at all.
SAMTALE_DEMO_DATA=$T/none expect_status 1 samtale --db "$X" demo --cases 3
assert_contains "$(cat "$T/err")" "samtale: demoens sætninger er ikke i $T/none"
