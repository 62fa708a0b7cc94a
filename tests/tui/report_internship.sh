#!/bin/bash
# The report screen's internship view: I on the report shows what came of
# the internships begun in the period, a row per caseworker and a total, in
# Danish numbers; p walks the periods.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60
samtale --db "$DB" --user mette case add 2026-0117 >/dev/null
add() { # USER FROM JOB [END OUTCOME]
	samtale --db "$DB" --user "$1" internship add 2026-0117 --workplace Arbejdspladsen --from "$2" \
		--job-possible "$3" >/dev/null
	[ $# -lt 4 ] || samtale --db "$DB" internship end "$(sql "$DB" 'SELECT max(id) FROM internships')" \
		--date "$4" --outcome "$5" >/dev/null
}
add mette 2025-06-02 yes 2025-07-11 employed
add mette 2026-01-05 yes 2026-02-01 employed
add mette 2026-02-02 no 2026-02-12 ended-early
add sofie 2026-01-12 unknown 2026-02-13 completed
add sofie 2026-02-16 yes

tui_run 80 24 --db "$DB" --user mette
tui_wait "2026-0117" $W
tui_keys R
tui_wait "Rapport:" $W
tui_keys I
tui_wait "Rapport: alle praktikker" $W
tui_wait "mette                  3     66,7 %     66,7 %     33,3 %        0         28" $W
tui_wait "sofie                  2     50,0 %      0,0 %      0,0 %        1         33" $W
tui_wait "I alt                  5     60,0 %     50,0 %     25,0 %        1       30,5" $W
# This year: the internship of 2025 drops out.
tui_keys p p p p
tui_wait "Rapport: praktikker, i år (2026-01-01–2026-03-01)" $W
tui_wait "mette                  2     50,0 %     50,0 %     50,0 %        0       19,5" $W
tui_wait "I alt                  4     50,0 %     33,3 %     33,3 %        1         28" $W
tui_keys q
tui_wait_gone "praktikker, i år"
tui_keys q q
tui_expect_exit 0
