#!/bin/bash
# Erasure: after `case delete` and `db purge`, none of the case's words are
# left in the database's files (db_holds: SQLite's file and its WAL,
# PostgreSQL's files of the database); the audit log keeps one line without
# personal data.
. "$(dirname "$0")/../lib.sh"

DB=$(test_db s.db)
expect_status 0 samtale --db "$DB" case add Zebrafinke-4711 --initials QX
expect_status 0 samtale --db "$DB" case add 2026-0002
expect_status 0 samtale --db "$DB" case add Purpurhejre-0815
# Notes and her profile, written as the program's other parts write them.
sql "$DB" "UPDATE cases SET qualifications = 'Trompetfisk-uddannet', job_wishes = 'Blaekspruttekok'
	   WHERE ref = 'Zebrafinke-4711';
	 INSERT INTO meetings (case_id, date, type, caseworker, note, agreed)
	   SELECT id, '2026-02-01', 'foerste', 'mette', 'Noten om Nattergalen', 'Aftalt Solsortesang'
	   FROM cases WHERE ref = 'Zebrafinke-4711';
	 $(add_item_sql 1 0 tro.sig-det tro 'Sig det' open "'Punktnote Havoern'")
	 INSERT INTO followups (case_id, meeting_id, due, text, assignee)
	   SELECT id, 1, '2026-04-01', 'Ring om Stenpikkeren', 'mette' FROM cases WHERE ref = 'Zebrafinke-4711';
	 UPDATE cases SET qualifications = 'Kongeoern' WHERE ref = 'Purpurhejre-0815';"
words="Zebrafinke Trompetfisk Blaekspruttekok Nattergalen Solsortesang Havoern Stenpikkeren"
db_holds "$DB" Nattergalen || fail "the test data is not in the database's files"

# Without --yes nothing happens.
expect_status 2 samtale --db "$DB" case delete Zebrafinke-4711
assert_contains "$(cat "$T/err")" "--yes"
assert_eq 1 "$(sql "$DB" "SELECT count(*) FROM cases WHERE ref = 'Zebrafinke-4711'")" "case after a refused delete"

expect_status 0 samtale --db "$DB" case delete Zebrafinke-4711 --yes
for w in $words; do
	! db_holds "$DB" "$w" || fail "'$w' is still in the database's files"
done
assert_eq "0|0|0|0" "$(sql "$DB" 'SELECT (SELECT count(*) FROM meetings), (SELECT count(*) FROM checklist),
	(SELECT count(*) FROM followups), (SELECT count(*) FROM audit WHERE case_id = 1)')" "rows left"
assert_eq "1|" "$(sql "$DB" "SELECT count(*), max(detail) FROM audit WHERE action = 'case.delete' AND object_id = 1 AND case_id IS NULL")" "the erasure's audit line"
expect_status 1 samtale --db "$DB" case delete Zebrafinke-4711 --yes
expect_status 0 samtale --db "$DB" case list --format csv
assert_eq 3 "$(wc -l <"$T/out")" "cases left"

# Retention: purge closed cases.
expect_status 0 samtale --db "$DB" case close Purpurhejre-0815 --date 2026-03-01
expect_status 2 samtale --db "$DB" db purge --closed-before 2026-04-01
expect_status 2 samtale --db "$DB" db purge --closed-before soon --yes
expect_status 0 samtale --db "$DB" db purge --closed-before 2026-03-01 --yes
assert_contains "$(cat "$T/out")" "0 afsluttede sager slettet"
expect_status 0 samtale --db "$DB" db purge --closed-before 2026-04-01 --yes
assert_eq "1 afsluttet sag slettet." "$(cat "$T/out")"
for w in Purpurhejre Kongeoern; do
	! db_holds "$DB" "$w" || fail "'$w' is still in the database's files"
done
assert_eq 2026-0002 "$(sql "$DB" 'SELECT ref FROM cases')" "cases after the purge"

# Several cases at once: all of them, or none when one is not there.
expect_status 0 samtale --db "$DB" case add Glente-1
expect_status 0 samtale --db "$DB" case add Musvaage-2 --initials MV
expect_status 1 samtale --db "$DB" case delete Glente-1 Musvaage-2 Vandrefalk-3 --yes
assert_eq "samtale: der er ingen sag 'Vandrefalk-3'" "$(cat "$T/err")"
expect_status 2 samtale --db "$DB" case delete Glente-1 Musvaage-2
assert_eq 3 "$(sql "$DB" 'SELECT count(*) FROM cases')" "cases after refused deletions"
expect_status 0 samtale --db "$DB" case delete Glente-1 Musvaage-2 Glente-1 --yes
assert_eq "2 sager og alt om dem er slettet." "$(cat "$T/out")"
assert_eq 2026-0002 "$(sql "$DB" 'SELECT ref FROM cases')" "cases after deleting two"
assert_eq 0 "$(sql "$DB" 'SELECT count(*) FROM batches')" "unfinished batches"
! db_holds "$DB" Musvaage || fail "'Musvaage' is still in the database's files"
