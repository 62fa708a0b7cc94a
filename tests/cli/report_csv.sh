#!/bin/bash
# report --format csv: every grouping, a period and the filters, byte for byte
# against numbers counted by hand (see report_fixture.inc).
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

check "$(crlf section,meetings,done,open,not_relevant,completion_pct \
	tro,5,4,3,1,57.1 \
	dialog,5,2,3,2,40.0)"
# --by section is the default
check "$(crlf section,meetings,done,open,not_relevant,completion_pct \
	tro,5,4,3,1,57.1 \
	dialog,5,2,3,2,40.0)" --by section

check "$(crlf item,meetings,done,open,not_relevant,completion_pct \
	tro.a,5,3,2,0,60.0 \
	tro.b,3,1,1,1,50.0 \
	dialog.c,5,1,2,2,33.3 \
	dialog.d,2,1,1,0,50.0)" --by item

# Beside her meetings: her overdue follow-ups (mette: 01-01 and 02-20; 03-01
# is today) and her open cases without a meeting for 30 days (2026-0003).
check "$(crlf caseworker,meetings,done,open,not_relevant,completion_pct,followups_overdue,cases_stale \
	mette,2,3,2,1,60.0,2,1 \
	søren,3,3,4,2,42.9,1,0)" --by caseworker

check "$(crlf case,meetings,last_meeting,done,open,not_relevant,completion_pct,followups_open,followups_overdue \
	2026-0001,3,2026-02-25,3,5,1,37.5,2,1 \
	2026-0002,1,2026-02-20,1,1,1,50.0,2,1 \
	2026-0004,1,2025-09-15,2,0,1,100.0,0,0)" --by case

check "$(crlf type,meetings,done,open,not_relevant,completion_pct \
	foerste,3,3,4,2,42.9 \
	opfoelgning,2,3,2,1,60.0 \
	foer-praktik,0,0,0,0,)" --by type

# A period includes both ends: 2026-01-15 and 2026-02-20 are meeting days.
check "$(crlf section,meetings,done,open,not_relevant,completion_pct \
	tro,2,1,1,0,50.0 \
	dialog,2,2,1,1,66.7)" --from 2026-01-15 --to 2026-02-20
check "$(crlf section,meetings,done,open,not_relevant,completion_pct \
	tro,0,0,0,0, \
	dialog,0,0,0,0,)" --from 2026-01-16 --to 2026-02-19

check "$(crlf item,meetings,done,open,not_relevant,completion_pct \
	tro.a,2,2,0,0,100.0 \
	tro.b,1,0,0,1, \
	dialog.c,2,1,1,0,50.0 \
	dialog.d,1,0,1,0,0.0)" --by item --caseworker mette

# Only what applies to the type: dialog.d belongs to opfoelgning.
check "$(crlf item,meetings,done,open,not_relevant,completion_pct \
	tro.a,3,2,1,0,66.7 \
	tro.b,3,1,1,1,50.0 \
	dialog.c,3,0,2,1,0.0)" --by item --type foerste
check "$(crlf section,meetings,done,open,not_relevant,completion_pct \
	tro,3,3,2,1,60.0 \
	dialog,3,0,2,1,0.0)" --type foerste

# Stale: open cases without a meeting for DAYS days (2026-0004 is closed).
check "$(crlf case,meetings,last_meeting,done,open,not_relevant,completion_pct,followups_open,followups_overdue,caseworker \
	2026-0003,0,,0,0,0,,1,1,mette)" --stale 30
check "$(crlf case,meetings,last_meeting,done,open,not_relevant,completion_pct,followups_open,followups_overdue,caseworker \
	2026-0002,1,2026-02-20,1,1,1,50.0,2,1,søren \
	2026-0003,0,,0,0,0,,1,1,mette)" --by case --stale 5
check "$(crlf case,meetings,last_meeting,done,open,not_relevant,completion_pct,followups_open,followups_overdue,caseworker \
	2026-0001,3,2026-02-25,3,5,1,37.5,2,1,mette \
	2026-0002,1,2026-02-20,1,1,1,50.0,2,1,søren \
	2026-0003,0,,0,0,0,,1,1,mette)" --stale 4
SAMTALE_TODAY=2026-03-05 check "$(crlf case,meetings,last_meeting,done,open,not_relevant,completion_pct,followups_open,followups_overdue,caseworker \
	2026-0001,3,2026-02-25,3,5,1,37.5,2,2,mette \
	2026-0002,1,2026-02-20,1,1,1,50.0,2,1,søren \
	2026-0003,0,,0,0,0,,1,1,mette)" --stale 8
