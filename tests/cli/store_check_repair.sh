#!/bin/bash
# The counts per meeting and section that the reports read, and each case's
# last meeting, put out of step beneath the store: db check says what is
# wrong and how to mend it, and db check --repair counts them again.
. "$(dirname "$0")/../lib.sh"

DB=$(test_db samtale.db)
expect_status 0 samtale --db "$DB" demo --cases 20 --seed 2
expect_status 0 samtale --db "$DB" db check
expect_status 0 samtale --db "$DB" report --by section --format csv
cp "$T/out" "$T/report.csv"
expect_status 0 samtale --db "$DB" case list --all --format csv
cp "$T/out" "$T/cases.csv"

sql "$DB" "UPDATE section_counts SET done = done + 3 WHERE meeting_id = 3;
	DELETE FROM section_counts WHERE meeting_id = 5 AND section = 2;
	UPDATE cases SET last_meeting = '2001-01-01' WHERE id = 2"
# The report reads the counts as they are ...
expect_status 0 samtale --db "$DB" report --by section --format csv
! cmp -s "$T/report.csv" "$T/out" || fail "the report did not read section_counts"
# ... and db check finds them wrong.
nsections=$(sql "$DB" "SELECT count(*) FROM section_counts WHERE meeting_id = 3")
expect_status 1 samtale --db "$DB" db check
assert_contains "$(cat "$T/out")" "optællingen pr. afsnit af $((nsections + 1)) samtaler og afsnit passer ikke"
assert_contains "$(cat "$T/out")" "den seneste samtale, der er noteret for 1 sag, er ikke dens seneste"
assert_contains "$(cat "$T/out")" "'samtale db check --repair'"
assert_eq "samtale: databasen $DB har fejl (se ovenfor)" "$(cat "$T/err")" "stderr"
expect_status 1 samtale --db "$DB" --lang en db check
assert_contains "$(cat "$T/out")" "the counts per section of $((nsections + 1)) meetings and sections do not agree"

expect_status 0 samtale --db "$DB" db check --repair
assert_eq "$((nsections + 2)) rækker talt op igen.
Databasen $DB er i orden." "$(cat "$T/out")" "the repair"
assert_eq 1 "$(sql "$DB" "SELECT count(*) FROM audit WHERE action = 'db.repair' AND case_id IS NULL")" \
	"the repair's audit line"
expect_status 0 samtale --db "$DB" report --by section --format csv
cmp -s "$T/report.csv" "$T/out" || fail "the report after the repair: $(diff "$T/report.csv" "$T/out")"
expect_status 0 samtale --db "$DB" case list --all --format csv
cmp -s "$T/cases.csv" "$T/out" || fail "the case list after the repair: $(diff "$T/cases.csv" "$T/out")"
# Nothing left to mend: nothing written.
expect_status 0 samtale --db "$DB" db check --repair
assert_eq "Databasen $DB er i orden." "$(cat "$T/out")" "a second repair"
assert_eq 1 "$(sql "$DB" "SELECT count(*) FROM audit WHERE action = 'db.repair'")" "audit lines"
