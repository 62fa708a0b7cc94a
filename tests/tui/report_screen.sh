#!/bin/bash
# The report screen: sections, items, caseworkers and types, bars that carry
# the number too (read the same under NO_COLOR), and the period switch.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../cli/report_fixture.inc"
report_fixture
export NO_COLOR=1

tui_start 80 24 --db "$SAMTALE_DB" --user mette
tui_wait "2026-0003"
tui_keys R
tui_wait "Rapport: Afsnit, alle samtaler"
screen=$(tui_screen)
assert_contains "$screen" " 1. Tro på kvinden            [######....]  57,1 %      5      4      3      1"
assert_contains "$screen" " 2. Dialog med kvinden        [####......]  40,0 %      5      2      3      2"
assert_contains "$screen" " I alt                        [#####.....]  50,0 %      5      6      6      3"

tui_keys i
tui_wait "Rapport: Punkter"
assert_contains "$(tui_screen)" " Punkt c                      [###.......]  33,3 %      5      1      2      2"
# Caseworkers: meetings, done, overdue follow-ups, stale cases.
tui_keys c
tui_wait "Rapport: Sagsbehandlere"
assert_contains "$(tui_screen)" " søren                        [####......]  42,9 %      3      3      1      0"
tui_keys t
tui_wait "Rapport: Samtaletyper"
assert_contains "$(tui_screen)" " Før praktik                  [..........]       -      0      0      0      0"
assert_contains "$(tui_screen)" " Opfølgningssamtale           [######....]  60,0 %      2      3      2      1"

# Periods: this month (nothing yet on 2026-03-01), last month (February),
# last quarter (2025's fourth), this year; the band compares each with the
# one before (January, the third quarter, 2025).
tui_keys s p
tui_wait "Rapport: Afsnit, denne måned (2026-03-01–2026-03-01)"
assert_contains "$(tui_screen)" " 1. Tro på kvinden            [..........]       -      0      0      0      0"
assert_contains "$(tui_screen)" "Udført i perioden: -   perioden før: 20,0 %"
tui_keys p
tui_wait "Rapport: Afsnit, sidste måned (2026-02-01–2026-02-28)"
assert_contains "$(tui_screen)" " 1. Tro på kvinden            [..........]   0,0 %      2      0      3      0"
assert_contains "$(tui_screen)" " 2. Dialog med kvinden        [#####.....]  50,0 %      2      1      1      1"
assert_contains "$(tui_screen)" "Udført i perioden: 20,0 %   perioden før: 66,7 %"
tui_keys p
tui_wait "Rapport: Afsnit, sidste kvartal (2025-10-01–2025-12-31)"
assert_contains "$(tui_screen)" " 1. Tro på kvinden            [##########] 100,0 %      1      1      0      1"
assert_contains "$(tui_screen)" " 2. Dialog med kvinden        [..........]   0,0 %      1      0      1      0"
assert_contains "$(tui_screen)" "Udført i perioden: 50,0 %   perioden før: 100,0 %"
tui_keys p
tui_wait "Rapport: Afsnit, i år (2026-01-01–2026-03-01)"
assert_contains "$(tui_screen)" " 1. Tro på kvinden            [###.......]  25,0 %      3      1      3      0"
assert_contains "$(tui_screen)" "Udført i perioden: 37,5 %   perioden før: 75,0 %"
tui_keys p
tui_wait "Rapport: Afsnit, alle samtaler"

# Two panes' width: longer bars.
tui_resize 120 30
tui_wait "[###########.........]  57,1 %"
tui_keys q
tui_wait "2026-0003"

# Enter on a section shows its items; Esc clears the filter.
tui_resize 80 24
tui_keys R
tui_wait "Rapport: Afsnit"
tui_keys j Enter
tui_wait "Rapport: Punkter"
assert_contains "$(tui_screen)" "/ dialog."
assert_contains "$(tui_screen)" " Punkt d                      [#####.....]  50,0 %"
assert_not_contains "$(tui_screen)" "Punkt a"
tui_keys Escape
tui_wait "Punkt a"
