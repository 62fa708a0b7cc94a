#!/bin/bash
# followups: the user's open follow-ups by due date (overdue first), or
# everybody's; --overdue only those due before today.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/report_fixture.inc"
report_fixture

check() {
	local want=$1
	shift
	expect_status 0 samtale "$@"
	[ "$(cat "$T/out")" = "$want" ] || fail "$*: expected
$want
got
$(cat "$T/out")"
}

check "$(crlf id,due,case,assignee,text,overdue_days \
	'6,2026-01-01,2026-0003,mette,Find tolk,59' \
	'1,2026-02-20,2026-0001,mette,"Ring til hende, ""praktik""",9' \
	'2,2026-03-01,2026-0001,mette,Følg op på sprogskole,')" --user mette followups --format csv
check "$(crlf id,due,case,assignee,text,overdue_days \
	'6,2026-01-01,2026-0003,mette,Find tolk,59' \
	'1,2026-02-20,2026-0001,mette,"Ring til hende, ""praktik""",9')" --user mette followups --overdue --format csv
check "$(crlf id,due,case,assignee,text,overdue_days \
	'5,2026-02-27,2026-0002,søren,Tjek praktikaftale,2')" --user søren followups --overdue --format csv
check "$(crlf id,due,case,assignee,text,overdue_days \
	'6,2026-01-01,2026-0003,mette,Find tolk,59' \
	'1,2026-02-20,2026-0001,mette,"Ring til hende, ""praktik""",9' \
	'5,2026-02-27,2026-0002,søren,Tjek praktikaftale,2')" --user mette followups --all --overdue --format csv
check "$(crlf id,due,case,assignee,text,overdue_days \
	'6,2026-01-01,2026-0003,mette,Find tolk,59' \
	'1,2026-02-20,2026-0001,mette,"Ring til hende, ""praktik""",9' \
	'5,2026-02-27,2026-0002,søren,Tjek praktikaftale,2' \
	'2,2026-03-01,2026-0001,mette,Følg op på sprogskole,' \
	'4,2026-03-10,2026-0002,søren,Møde med virksomheden,')" --user mette followups --all --format csv
# SAMTALE_TODAY moves "overdue" along.
SAMTALE_TODAY=2026-03-02 check "$(crlf id,due,case,assignee,text,overdue_days \
	'6,2026-01-01,2026-0003,mette,Find tolk,60' \
	'1,2026-02-20,2026-0001,mette,"Ring til hende, ""praktik""",10' \
	'2,2026-03-01,2026-0001,mette,Følg op på sprogskole,1')" --user mette followups --overdue --format csv

check '[
  {
    "id": 5,
    "due": "2026-02-27",
    "case": "2026-0002",
    "assignee": "søren",
    "text": "Tjek praktikaftale",
    "overdue_days": 2
  },
  {
    "id": 4,
    "due": "2026-03-10",
    "case": "2026-0002",
    "assignee": "søren",
    "text": "Møde med virksomheden",
    "overdue_days": null
  }
]' --user søren followups --format json

check "id  frist       sag        ansvarlig  tekst                      dage forfalden
 6  2026-01-01  2026-0003  mette      Find tolk                              59
 1  2026-02-20  2026-0001  mette      Ring til hende, \"praktik\"               9
 2  2026-03-01  2026-0001  mette      Følg op på sprogskole                    " --user mette followups

# One caseworker's, whoever asks; with --overdue only those due before today.
check "$(crlf id,due,case,assignee,text,overdue_days \
	'5,2026-02-27,2026-0002,søren,Tjek praktikaftale,2' \
	'4,2026-03-10,2026-0002,søren,Møde med virksomheden,')" --user mette followups --caseworker søren --format csv
check "$(crlf id,due,case,assignee,text,overdue_days \
	'6,2026-01-01,2026-0003,mette,Find tolk,59' \
	'1,2026-02-20,2026-0001,mette,"Ring til hende, ""praktik""",9')" --user søren followups --caseworker mette --overdue --format csv
check "$(crlf id,due,case,assignee,text,overdue_days \
	'5,2026-02-27,2026-0002,søren,Tjek praktikaftale,2')" followups --caseworker søren --all --overdue --format csv

check "$(crlf id,due,case,assignee,text,overdue_days)" --user nobody followups --format csv
