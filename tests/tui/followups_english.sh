#!/bin/bash
# Overdue in English, and a bad typed date refused without a change.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../cli/report_fixture.inc"
report_fixture

tui_start 80 24 --db "$SAMTALE_DB" --user mette --lang en
tui_wait "2026-0003"
tui_keys F
tui_wait "Follow-ups · mine · overdue and today (3)"
assert_contains "$(tui_screen)" "59 days overdue     2026-0003    Find tolk"
assert_contains "$(tui_screen)" "9 days overdue      2026-0001"
assert_contains "$(tui_screen)" "today               2026-0001"
tui_keys m
tui_wait "New due date"
tui_type "next week"
tui_keys Enter
tui_wait "'next week' is not a date; write e.g."
assert_contains "$(tui_screen)" "New due date (31.12, +7, +2w, tomorrow, monday): next week"
assert_eq "2026-01-01" "$(sql "$SAMTALE_DB" "SELECT due FROM followups WHERE text = 'Find tolk'")"
tui_keys Escape
tui_wait_gone "New due date"
tui_keys d
tui_wait "overdue and today (2)"
assert_eq 1 "$(sql "$SAMTALE_DB" "SELECT done FROM followups WHERE text = 'Find tolk'")"
