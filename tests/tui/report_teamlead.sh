#!/bin/bash
# The report screen on a team lead's Monday: the band over the report
# (completion against the period before, overdue follow-ups, stale cases),
# Enter on a caseworker for her open cases with their overdue follow-ups
# and how long each has been without a meeting, a from–to period, the
# month trend, x for a spreadsheet, and item texts shown whole at 80 columns.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"
. "$(dirname "$0")/../cli/report_fixture.inc"
report_fixture
export NO_COLOR=1

tui_run 80 24 --db "$SAMTALE_DB" --user mette
tui_wait "2026-0003"
tui_keys R
tui_wait "Rapport: Afsnit, alle samtaler"
assert_contains "$(tui_screen)" " Udført: 50,0 %"
assert_contains "$(tui_screen)" " Forfaldne opfølgninger: 3   Sager i stå (30 dage): 1"

# Caseworkers: meetings, done, overdue follow-ups, stale cases.
tui_keys c
tui_wait "Rapport: Sagsbehandlere"
assert_contains "$(tui_screen)" "samt. udført  forf.  i stå"
assert_contains "$(tui_screen)" " mette                        [######....]  60,0 %      2      3      2      1"

# Enter on mette: her open cases; 2026-0003 has had no meeting since it
# opened on 2025-10-01, 151 days ago, and is stale.
tui_keys Enter
tui_wait "Rapport: sager for mette, alle samtaler"
assert_contains "$(tui_screen)" "sidst      dage forf."
assert_contains "$(tui_screen)" " 2026-0001                    [######....]  60,0 % 2026-02-25    4     1"
assert_contains "$(tui_screen)" " 2026-0003                    [..........]       -          -  151     1 i stå"
assert_not_contains "$(tui_screen)" "2026-0002"
# Enter on a case opens it; back comes to her cases, then to the caseworkers.
tui_keys Enter
tui_wait "Sag 2026-0001"
tui_keys q
tui_wait "Rapport: sager for mette"
tui_keys q
tui_wait "Rapport: Sagsbehandlere"
assert_contains "$(tui_screen)" " søren "

# A period of one's own: 2026-02-01 to 02-20 holds 2026-0002's meeting; the
# twenty days before (01-12 to 01-31) mette's of 01-15.
tui_keys f
tui_wait "Fra:"
tui_type 2026-02-01
tui_keys Enter
tui_wait "Til:"
tui_type 2026-02-20
tui_keys Enter
tui_wait "Rapport: Sagsbehandlere, 2026-02-01–2026-02-20"
assert_contains "$(tui_screen)" "Udført i perioden: 50,0 %   perioden før: 66,7 %"
assert_contains "$(tui_screen)" " mette                        [..........]       -      0      0      2      1"

# x: the view as a spreadsheet, private, in the database's directory; for
# a database on a server, which has none, in her own data directory.
if [ "$ENGINE" = pg ]; then sheets=$XDG_DATA_HOME/samtale; else sheets=$T/db; fi
tui_keys x
tui_wait "Regnearket er gemt i"
# A long path wraps at 80 columns: it is looked for in the lines joined.
tui_wait ".xlsx."
assert_contains "$(tui_screen | tr -d '\n')" "$sheets/rapport-caseworker-2026-03-01.xlsx." "the spreadsheet's path"
assert_eq 600 "$(stat -c %a "$sheets/rapport-caseworker-2026-03-01.xlsx")" "spreadsheet mode"
tui_keys x
tui_wait "-2.xlsx."
assert_contains "$(tui_screen | tr -d '\n')" "$sheets/rapport-caseworker-2026-03-01-2.xlsx." "the second one's path"

# The trend, readable without colour: every month of the period.
tui_keys p m
tui_wait "Rapport: Måneder, alle samtaler"
assert_contains "$(tui_screen)" " 2025-10                      [..........]       -      0      0      0      0"
assert_contains "$(tui_screen)" " 2026-02                      [##........]  20,0 %      2      1      4      1"
tui_keys q
tui_wait "2026-0003"
tui_keys q
tui_expect_exit 0

# Item texts whole at 80 columns: the guide's longest wraps over lines.
export SAMTALE_CONTENT=$SOURCE_DIR/content
DEMO=$(test_db demo)
expect_status 0 samtale --db "$DEMO" demo --cases 5 --seed 1
tui_run 80 24 --db "$DEMO" --user mette
tui_wait "Sager"
tui_keys R
tui_wait "Rapport: Afsnit"
tui_keys i
tui_wait "Rapport: Punkter"
tui_keys End
tui_wait " efter en vellykket"
assert_contains "$(tui_screen)" " Tilbyd i højere grad         [" "the item's first line, with its bar"
assert_contains "$(tui_screen)" " praktikperiode" "the item's last words"
