#!/bin/bash
# The team lead's questions, one command each, against numbers counted by
# hand (report_fixture.inc): overdue follow-ups and stale cases per
# caseworker, the section x caseworker matrix, the trend by month, and the
# named periods against a fixed today, future-dated meetings left out.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/report_fixture.inc"
report_fixture

check() {
	local want=$1
	shift
	expect_status 0 samtale report "$@" --format csv
	[ "$(cat "$T/out")" = "$want" ] || fail "report $*: expected
$want
got
$(cat "$T/out")"
}

H=meetings,done,open,not_relevant,completion_pct

# Per caseworker, with --stale 5 (quiet since 2026-02-24): søren's
# 2026-0002 (last met 02-20) is stale too; mette's 2026-0001 was met 02-25.
check "$(crlf caseworker,$H,followups_overdue,cases_stale \
	mette,2,3,2,1,60.0,2,1 \
	søren,3,3,4,2,42.9,1,1)" --by caseworker --stale 5
# A caseworker without a meeting in the period is still there: what waits on her.
check "$(crlf caseworker,$H,followups_overdue,cases_stale \
	mette,0,0,0,0,,2,1 \
	søren,2,1,4,1,20.0,1,0)" --by caseworker --period last-month
check "$(crlf caseworker,$H,followups_overdue,cases_stale \
	mette,2,3,2,1,60.0,2,1)" --by caseworker --caseworker mette
# followups --caseworker counts the same follow-ups.
expect_status 0 samtale followups --caseworker mette --overdue --format csv
assert_eq 3 "$(wc -l <"$T/out")" "mette's overdue follow-ups and the header"

# The matrix: every section for every caseworker who held a meeting.
check "$(crlf section,$H,caseworker \
	tro,2,2,0,1,100.0,mette \
	tro,3,2,3,0,40.0,søren \
	dialog,2,1,2,0,33.3,mette \
	dialog,3,1,1,2,50.0,søren)" --by section --split caseworker
check "$(crlf item,$H,caseworker \
	tro.a,2,2,0,0,100.0,mette \
	tro.a,3,1,2,0,33.3,søren \
	tro.b,1,0,0,1,,mette \
	tro.b,2,1,1,0,50.0,søren \
	dialog.c,2,1,1,0,50.0,mette \
	dialog.c,3,0,1,2,0.0,søren \
	dialog.d,1,0,1,0,0.0,mette \
	dialog.d,1,1,0,0,100.0,søren)" --by item --split caseworker
check "$(crlf item,$H,caseworker,title \
	'tro.a,1,1,0,0,100.0,mette,Punkt a' \
	'tro.a,1,0,1,0,0.0,søren,Punkt a' \
	'dialog.c,1,1,0,0,100.0,mette,Punkt c' \
	'dialog.c,1,0,0,1,,søren,Punkt c' \
	'dialog.d,1,0,1,0,0.0,mette,Punkt d' \
	'dialog.d,1,1,0,0,100.0,søren,Punkt d')" --by item --split caseworker --type opfoelgning --titles

# The trend: every month from the first meeting to the last, empty ones too.
check "$(crlf month,$H \
	2025-09,1,2,0,1,100.0 \
	2025-10,0,0,0,0, \
	2025-11,0,0,0,0, \
	2025-12,1,1,1,1,50.0 \
	2026-01,1,2,1,0,66.7 \
	2026-02,2,1,4,1,20.0)" --by month
check "$(crlf month,$H \
	2026-01,1,2,1,0,66.7 \
	2026-02,2,1,4,1,20.0 \
	2026-03,0,0,0,0,)" --by month --period this-year

# --titles: the guide's words in a last column.
check "$(crlf section,$H,title \
	'tro,5,4,3,1,57.1,Tro på kvinden' \
	'dialog,5,2,3,2,40.0,Dialog med kvinden')" --titles
check "$(crlf type,$H,title \
	'foerste,3,3,4,2,42.9,Første samtale' \
	opfoelgning,2,3,2,1,60.0,Opfølgningssamtale \
	'foer-praktik,0,0,0,0,,Før praktik')" --by type --titles

# A meeting written ahead of time, on 2026-03-05: all meetings count it,
# no period that ends today does.
cat >"$T/future.json" <<'JSON'
{ "format": "samtale-export/1",
  "cases": [ { "ref": "2026-0005", "caseworker": "mette", "opened": "2026-02-01",
    "meetings": [ { "date": "2026-03-05", "type": "opfoelgning", "caseworker": "mette",
      "items": [ { "id": "tro.a", "state": "done" }, { "id": "dialog.c", "state": "done" },
                 { "id": "dialog.d", "state": "done" } ] } ],
    "followups": [] } ] }
JSON
expect_status 0 samtale --user mette import "$T/future.json"
check "$(crlf section,$H \
	tro,6,5,3,1,62.5 \
	dialog,6,4,3,2,57.1)"
check "$(crlf section,$H \
	tro,0,0,0,0, \
	dialog,0,0,0,0,)" --period this-month
check "$(crlf section,$H \
	tro,2,0,3,0,0.0 \
	dialog,2,1,1,1,50.0)" --period last-month
check "$(crlf section,$H \
	tro,1,1,0,1,100.0 \
	dialog,1,0,1,0,0.0)" --period last-quarter
check "$(crlf section,$H \
	tro,3,1,3,0,25.0 \
	dialog,3,2,2,1,50.0)" --period this-year
# Today moves the periods: on 2026-03-06 this month holds the meeting of the 5th.
SAMTALE_TODAY=2026-03-06 check "$(crlf section,$H \
	tro,1,1,0,0,100.0 \
	dialog,1,2,0,0,100.0)" --period this-month
# In January, last month is the December before and this year is empty.
SAMTALE_TODAY=2026-01-10 check "$(crlf section,$H \
	tro,1,1,0,1,100.0 \
	dialog,1,0,1,0,0.0)" --period last-month
SAMTALE_TODAY=2026-01-10 check "$(crlf section,$H \
	tro,0,0,0,0, \
	dialog,0,0,0,0,)" --period this-year
# The last quarter of 2026-04-15 is January to March: all of 2026 until then.
SAMTALE_TODAY=2026-04-15 check "$(crlf section,$H \
	tro,4,2,3,0,40.0 \
	dialog,4,4,2,1,66.7)" --period last-quarter

# Several groupings: tables one after another (and sheets in xlsx).
expect_status 0 samtale report --by section,caseworker --period last-month
assert_contains "$(cat "$T/out")" "dialog         2       1     1              1    50,0 %"
assert_contains "$(cat "$T/out")" "søren                 2       1     4              1    20,0 %          1            0"

# The stale list names each case's caseworker; its totals row only what adds up.
expect_status 0 samtale report --stale 5
assert_eq "sag              samtaler  sidste samtale  udført  åbne  ikke relevant  udført %  opfølgninger  forfaldne  sagsbehandler
2026-0002               1  2026-02-20           1     1              1    50,0 %             2          1  søren
2026-0003               0                       0     0              0         -             1          1  mette
------------------------------------------------------------------------------------------------------------------------
I alt (2 sager)                                                                              3          2  " "$(cat "$T/out")" "report --stale 5"

# What is refused, and why.
refused() {
	local want=$1
	shift
	expect_status 2 samtale "$@"
	assert_contains "$(cat "$T/err")" "$want" "$*"
}
refused "ukendt --period 'last-week'" report --period last-week
refused "--period eller --from/--to" report --period this-year --from 2026-01-01
refused "--stale hører til --by case eller caseworker" report --by section --stale 30
refused "--split caseworker hører til --by section, item eller internship" report --by caseworker --split caseworker
refused "ukendt --split 'type'" report --split type
refused "flere grupperinger kræver --format table eller xlsx" report --by section,item --format csv
refused "ukendt --by 'sections'" report --by section,sections
refused "ukendt tilvalg '--caseworkers'" followups --caseworkers mette
