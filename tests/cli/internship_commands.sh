#!/bin/bash
# samtale internship add / list / edit / end: what each records, and the
# refusals of bad input (unknown words, dates out of order, a CPR number,
# an unknown number) that leave the database as it was.
. "$(dirname "$0")/../lib.sh"

DB=$(test_db s.db)
expect_status 0 samtale --db "$DB" --user mette case add 2026-0117 --initials AB
expect_status 0 samtale --db "$DB" case add 2026-0200

# add
expect_status 0 samtale --db "$DB" --user mette internship add 2026-0117 --workplace "Plejecenter Solhøj" \
	--from 2026-01-12 --to 2026-04-24 --field ældrepleje --contact "Hanne Jensen, afdelingsleder" \
	--job-possible yes --goal "Jeg vil arbejde med ældre, som jeg gjorde i Syrien."
assert_eq "Praktik nr. 1 er registreret i sag 2026-0117." "$(cat "$T/out")"
expect_status 0 samtale --db "$DB" --user lars internship add 2026-0200 --workplace Kantinen --from 2026-02-02
expect_status 0 samtale --db "$DB" --user aisha --lang en internship add 2026-0117 --workplace Netto --from 2025-10-01
assert_eq "Internship 3 recorded in case 2026-0117." "$(cat "$T/out")"

# list: every case's, or one case's; the id first.
expect_status 0 samtale --db "$DB" internship list --format csv
assert_eq "id,case,workplace,field,from,planned_to,ended,contact,goal,job_possible,outcome,outcome_reason,caseworker
3,2026-0117,Netto,,2025-10-01,,,,,unknown,,,aisha
1,2026-0117,Plejecenter Solhøj,ældrepleje,2026-01-12,2026-04-24,,\"Hanne Jensen, afdelingsleder\",\"Jeg vil arbejde med ældre, som jeg gjorde i Syrien.\",yes,,,mette
2,2026-0200,Kantinen,,2026-02-02,,,,,unknown,,,lars" "$(tr -d '\r' <"$T/out")"
expect_status 0 samtale --db "$DB" internship list 2026-0200 --format json
assert_contains "$(cat "$T/out")" '"id": 2,'
assert_contains "$(cat "$T/out")" '"outcome": null,'
assert_not_contains "$(cat "$T/out")" "Solhøj"
expect_status 0 samtale --db "$DB" internship list 2026-0117
assert_contains "$(head -1 "$T/out")" "nr."
assert_contains "$(head -1 "$T/out")" "arbejdsplads"
assert_contains "$(cat "$T/out")" "Plejecenter Solhøj"
assert_contains "$(cat "$T/out")" "ikke afsluttet"
expect_status 1 samtale --db "$DB" internship list 2026-9999
expect_status 2 samtale --db "$DB" internship list --format xml
expect_status 2 samtale --db "$DB" internship list 2026-0117 2026-0200

# edit: the options given, the others kept; "" clears a field.
expect_status 0 samtale --db "$DB" internship edit 1 --to 2026-05-01 --contact ""
assert_eq "Praktik nr. 1 er rettet." "$(cat "$T/out")"
assert_eq "2026-05-01||ældrepleje|yes" "$(sql "$DB" 'SELECT planned_to, contact, field, job_possible FROM internships WHERE id = 1')"
expect_status 0 samtale --db "$DB" internship edit 2 --job-possible no --field kantine
assert_eq "kantine|no|Kantinen" "$(sql "$DB" 'SELECT field, job_possible, workplace FROM internships WHERE id = 2')"

# end
expect_status 0 samtale --db "$DB" internship end 1 --outcome employed --date 2026-02-20 --reason "Fast job 25 timer."
assert_eq "Praktik nr. 1 er afsluttet: ansat." "$(cat "$T/out")"
expect_status 0 samtale --db "$DB" internship end 2 --outcome ended-early
assert_eq "2026-02-20|employed|Fast job 25 timer.
2026-03-01|ended-early|" "$(sql "$DB" 'SELECT ended, outcome, outcome_reason FROM internships WHERE id IN (1, 2) ORDER BY id')"
assert_eq "3|2|2" "$(sql "$DB" "SELECT count(*) FILTER (WHERE action = 'internship.add'),
	count(*) FILTER (WHERE action = 'internship.edit'), count(*) FILTER (WHERE action = 'internship.end') FROM audit")" "audit lines"
assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM audit WHERE detail LIKE '%Fast job%' OR detail LIKE '%Solhøj%'")" \
	"text in the audit log"

# case show lists them, oldest first, with her goal and the reason.
expect_status 0 samtale --db "$DB" case show 2026-0117
assert_contains "$(cat "$T/out")" "Praktikker
  3  2025-10-01 – ?  Netto  job muligt: ved ikke  ikke afsluttet
  1  2026-01-12 – 2026-02-20  Plejecenter Solhøj (ældrepleje)  job muligt: ja  ansat 2026-02-20
      Hendes mål:
        Jeg vil arbejde med ældre, som jeg gjorde i Syrien.
      Begrundelse:
        Fast job 25 timer."

snapshot=$(sql "$DB" 'SELECT * FROM internships')
# Bad input: a message, a non-zero status, nothing changed.
refused() {
	local status=$1 want=$2
	shift 2
	expect_status "$status" samtale --db "$DB" internship "$@"
	assert_contains "$(cat "$T/err")" "$want" "the message for '$*'"
	assert_contains "$(cat "$T/err")" "samtale: "
}
refused 2 "ukendt værdi 'hired' til --outcome" end 3 --outcome hired
refused 2 "employed, education, extended, ended-early, completed" end 3 --outcome ""
refused 2 "--outcome" end 3
refused 2 "ukendt værdi 'maybe' til --job-possible (kendte: unknown, yes, no)" add 2026-0117 \
	--workplace X --from 2026-03-01 --job-possible maybe
refused 1 "kan ikke slutte, før den begynder" add 2026-0117 --workplace Lageret --from 2026-03-10 --to 2026-03-01
refused 1 "kan ikke slutte, før den begynder" edit 3 --to 2025-09-30
refused 1 "kan ikke slutte, før den begynder" end 3 --outcome completed --date 2025-09-01
refused 1 "kontaktpersonen ligner et CPR-nummer" add 2026-0117 --workplace Lageret --from 2026-03-10 \
	--contact "Ole, 010190-1234"
assert_not_contains "$(cat "$T/err")" "010190"
refused 1 "ligner et CPR-nummer" edit 3 --contact "2311851234"
refused 1 "ligner et CPR-nummer" edit 3 --goal "Mit cpr: 231185-1234"
refused 1 "ligner et CPR-nummer" end 3 --outcome completed --reason "231185-1234"
refused 1 "styretegn" edit 3 --goal $'godt\e[31m'
refused 1 "kontroltegn" add 2026-0117 --workplace $'Lager\nvej' --from 2026-03-10
refused 1 "praktikken findes ikke" edit 99 --to 2026-05-01
refused 1 "praktikken findes ikke" end 99 --outcome employed
refused 2 "'abc' er ikke et praktiknummer" edit abc --to 2026-05-01
refused 2 "'0' er ikke et praktiknummer" end 0 --outcome employed
refused 2 "angiv praktikkens nummer" end --outcome employed
refused 2 "angiv, hvad der skal rettes" edit 3
refused 2 "--from: 'snart' er ikke en dato" add 2026-0117 --workplace X --from snart
refused 2 "--to: '2026-02-30' er ikke en dato: februar 2026 har kun 28 dage." edit 3 --to 2026-02-30
refused 2 "--date: 'snart' er ikke en dato" end 3 --outcome employed --date snart
refused 2 "--workplace" add 2026-0117 --from 2026-03-01
refused 2 "--from" add 2026-0117 --workplace X
refused 1 "arbejdspladsen mangler" edit 3 --workplace ""
refused 1 "der er ingen sag '2026-9999'" add 2026-9999 --workplace X --from 2026-03-01
refused 2 "ukendt tilvalg '--outcome'" add 2026-0117 --workplace X --from 2026-03-01 --outcome employed
assert_eq "$snapshot" "$(sql "$DB" 'SELECT * FROM internships')" "the internships after refused commands"

# Every command has --help.
for c in add list edit end; do
	expect_status 0 samtale internship "$c" --help
	assert_contains "$(cat "$T/out")" "samtale internship $c"
done
expect_status 0 samtale internship --help
assert_contains "$(cat "$T/out")" "internship end ID --outcome employed|education|extended|ended-early|completed"
