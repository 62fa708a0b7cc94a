#!/bin/bash
# report --format json: the same fields as the CSV, numbers as numbers, an
# empty percentage and a missing last meeting as null; no totals row.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/report_fixture.inc"
report_fixture

expect_status 0 samtale report --by type --format json
assert_eq '[
  {
    "type": "foerste",
    "meetings": 3,
    "done": 3,
    "open": 4,
    "not_relevant": 2,
    "completion_pct": 42.9
  },
  {
    "type": "opfoelgning",
    "meetings": 2,
    "done": 3,
    "open": 2,
    "not_relevant": 1,
    "completion_pct": 60.0
  },
  {
    "type": "foer-praktik",
    "meetings": 0,
    "done": 0,
    "open": 0,
    "not_relevant": 0,
    "completion_pct": null
  }
]' "$(cat "$T/out")" "report --by type --format json"

expect_status 0 samtale report --stale 5 --format json
assert_eq '[
  {
    "case": "2026-0002",
    "meetings": 1,
    "last_meeting": "2026-02-20",
    "done": 1,
    "open": 1,
    "not_relevant": 1,
    "completion_pct": 50.0,
    "followups_open": 2,
    "followups_overdue": 1,
    "caseworker": "søren"
  },
  {
    "case": "2026-0003",
    "meetings": 0,
    "last_meeting": null,
    "done": 0,
    "open": 0,
    "not_relevant": 0,
    "completion_pct": null,
    "followups_open": 1,
    "followups_overdue": 1,
    "caseworker": "mette"
  }
]' "$(cat "$T/out")" "report --stale 5 --format json"

expect_status 0 samtale report --caseworker nobody --by caseworker --format json
assert_eq '[]' "$(cat "$T/out")" "no meetings"
