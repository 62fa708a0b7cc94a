#!/bin/bash
# samtale report --by internship: the internships that began in a period,
# as a table, CSV and JSON, split by caseworker; and its refusals.
SAMTALE_TODAY=2026-06-01	# every end below is in the past
. "$(dirname "$0")/../lib.sh"

DB=$(test_db s.db)
expect_status 0 samtale --db "$DB" case add 2026-0001
expect_status 0 samtale --db "$DB" case add 2026-0002
add() { # USER REF FROM JOB [END OUTCOME]
	expect_status 0 samtale --db "$DB" --user "$1" internship add "$2" --workplace Arbejdspladsen \
		--from "$3" --job-possible "$4"
	if [ $# -gt 4 ]; then
		local id
		id=$(sql "$DB" 'SELECT max(id) FROM internships')
		expect_status 0 samtale --db "$DB" internship end "$id" --date "$5" --outcome "$6"
	fi
}
add mette 2026-0001 2025-12-15 yes 2026-01-20 employed      # before the period
add mette 2026-0001 2026-01-01 yes 2026-01-28 employed      # 28 days
add sofie 2026-0002 2026-02-10 no 2026-02-19 ended-early    # 10 days
add sofie 2026-0002 2026-03-31 unknown 2026-04-30 completed # 31 days, ends after the period
add mette 2026-0002 2026-02-20 yes                          # still running
add sofie 2026-0001 2026-04-01 no                           # after the period

expect_status 0 samtale --db "$DB" report --by internship --from 2026-01-01 --to 2026-03-31 --format csv
assert_eq "internships,job_possible,job_possible_pct,ended,employed,employed_pct,ended_early,ended_early_pct,running,median_days
4,2,50.0,3,1,33.3,1,33.3,1,28" "$(tr -d '\r' <"$T/out")"

expect_status 0 samtale --db "$DB" report --by internship --from 2026-01-01 --to 2026-03-31 \
	--split caseworker --format csv
assert_eq "caseworker,internships,job_possible,job_possible_pct,ended,employed,employed_pct,ended_early,ended_early_pct,running,median_days
mette,2,2,100.0,1,1,100.0,0,0.0,1,28
sofie,2,0,0.0,2,0,0.0,1,50.0,0,20.5" "$(tr -d '\r' <"$T/out")"

expect_status 0 samtale --db "$DB" report --by internship --split caseworker --from 2026-01-01 --to 2026-03-31
assert_eq "sagsbehandler  praktikker  job muligt  job muligt %  afsluttede  ansat  ansat %  afbrudt før tid  afbrudt %  i gang  median dage
mette                   2           2       100,0 %           1      1  100,0 %                0      0,0 %       1           28
sofie                   2           0         0,0 %           2      0    0,0 %                1     50,0 %       0         20,5
--------------------------------------------------------------------------------------------------------------------------------
I alt                   4           2        50,0 %           3      1   33,3 %                1     33,3 %       1           28" \
	"$(cat "$T/out")"

expect_status 0 samtale --db "$DB" report --by internship --format json
assert_eq '[
  {
    "internships": 6,
    "job_possible": 3,
    "job_possible_pct": 50.0,
    "ended": 4,
    "employed": 2,
    "employed_pct": 50.0,
    "ended_early": 1,
    "ended_early_pct": 25.0,
    "running": 2,
    "median_days": 29.5
  }
]' "$(cat "$T/out")"

# A period without internships: zeros, no shares, no median.
expect_status 0 samtale --db "$DB" report --by internship --from 2027-01-01 --format csv
assert_eq "0,0,,0,0,,0,,0," "$(tr -d '\r' <"$T/out" | tail -1)"
expect_status 0 samtale --db "$DB" report --by internship --from 2027-01-01 --format json
assert_contains "$(cat "$T/out")" '"median_days": null'

expect_status 2 samtale --db "$DB" report --by internship --split section
expect_status 2 samtale --db "$DB" report --by internship --type foerste
expect_status 2 samtale --db "$DB" report --by internship --stale 30
expect_status 2 samtale --db "$DB" report --by internship --from 2026-13-01
expect_status 2 samtale --db "$DB" report --by internship --from 2026-03-01 --to 2026-01-01
expect_status 2 samtale --db "$DB" report --by internships
assert_contains "$(cat "$T/err")" "internship"
