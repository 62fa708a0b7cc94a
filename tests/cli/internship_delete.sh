#!/bin/bash
# Erasure of a case takes its internships with it: after `case delete` and
# `db purge` none of an internship's words are left in the database's files
# (on SQLite the file and its WAL), and the audit log keeps no line about them.
. "$(dirname "$0")/../lib.sh"

DB=$(test_db s)
expect_status 0 samtale --db "$DB" case add 2026-0117
expect_status 0 samtale --db "$DB" case add 2026-0200
expect_status 0 samtale --db "$DB" internship add 2026-0117 --workplace "Plejecenter Pelikanhus" \
	--field Flamingopleje --from 2026-01-05 --to 2026-03-01 --contact "Gerda Gøgeurt, leder" \
	--job-possible yes --goal "Jeg vil passe Isfuglene"
expect_status 0 samtale --db "$DB" internship end 1 --outcome employed --date 2026-02-20 \
	--reason "Ansat hos Kolibrien"
expect_status 0 samtale --db "$DB" internship add 2026-0117 --workplace "Kantinen Tukan" --from 2026-02-23
expect_status 0 samtale --db "$DB" internship add 2026-0200 --workplace "Lageret Struds" --from 2026-02-23 \
	--goal "Truckcertifikat Pingvin"
words="Pelikanhus Flamingopleje Gøgeurt Isfuglene Kolibrien Tukan"
for w in $words; do
	db_holds "$DB" "$w" || fail "the test data '$w' is not in the database"
done

expect_status 0 samtale --db "$DB" case delete 2026-0117 --yes
for w in $words; do
	! db_holds "$DB" "$w" || fail "'$w' is still in the database's files"
done
assert_eq "1|0" "$(sql "$DB" "SELECT (SELECT count(*) FROM internships),
	(SELECT count(*) FROM audit WHERE action LIKE 'internship.%' AND case_id = 1)")" "rows left"
expect_status 1 samtale --db "$DB" internship end 1 --outcome completed
assert_contains "$(cat "$T/err")" "praktikken findes ikke"

# Retention: purging a closed case takes its internships too.
expect_status 0 samtale --db "$DB" case close 2026-0200 --date 2026-03-01
expect_status 0 samtale --db "$DB" db purge --closed-before 2026-03-02 --yes
for w in Struds Pingvin; do
	! db_holds "$DB" "$w" || fail "'$w' is still in the database's files"
done
assert_eq 0 "$(sql "$DB" 'SELECT count(*) FROM internships')" "internships after the purge"
expect_status 0 samtale --db "$DB" db check
