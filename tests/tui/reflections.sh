#!/bin/bash
# A reflection (the caseworker's own attitude) is never left open: no ↻ in
# the next meeting and not listed on the case screen, while an action is;
# the report still counts it. The team's help is marked as local guidance,
# and a meeting is not started on content that lost an id the case uses.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=${W:-60}
reflection="Mød hende med en forventning om, at hun er værdifuld"
action="Husk at fortælle hende, at du tror på hende"

# A first meeting a week ago with every item left open.
cat >"$T/case.json" <<'JSON'
{ "format": "samtale-export/2",
  "cases": [ { "ref": "2026-0117", "initials": "AB", "caseworker": "mette", "opened": "2026-02-20",
    "meetings": [ { "date": "2026-02-22", "type": "foerste", "caseworker": "mette", "items": [] } ] } ] }
JSON
expect_status 0 samtale --db "$DB" --user mette import "$T/case.json"
expect_status 0 samtale --db "$DB" report --by item --format csv
assert_contains "$(cat "$T/out")" "tro.forvent-vaerdi,1,0,1,0,0.0" "the report counts the reflection"

tui_run 120 40 --db "$DB" --user mette
tui_wait "2026-0117" $W
tui_keys Enter
tui_wait "↻ 2026-02-22 $action" $W	# with the date of the meeting that left it open
assert_not_contains "$(tui_screen)" "$reflection" "a reflection listed as left open"
tui_keys m
tui_wait "Hvilken slags samtale?" $W
tui_keys Enter
tui_wait "Lokal vejledning" $W
screen=$(tui_screen)
assert_contains "$(grep -F "$action" <<<"$screen")" "↻" "the action left open"
assert_not_contains "$(grep -F "$reflection" <<<"$screen")" "↻" "the reflection left open"

# Content that renamed an id the case's meetings use: no new meeting.
cp -r "$SOURCE_DIR/content" "$T/renamed"
sed -i 's/^  - id: sig-det$/  - id: sig-det-igen/' "$T/renamed"/*/tro.yaml
meetings=$(sql "$DB" "SELECT count(*) FROM meetings")
SAMTALE_CONTENT=$T/renamed tui_run 120 40 --db "$DB" --user mette
tui_wait "2026-0117" $W
tui_keys Enter
tui_wait "Sag 2026-0117" $W
tui_keys m
tui_wait "Indholdet mangler 'tro.sig-det'" $W
assert_eq "$meetings" "$(sql "$DB" "SELECT count(*) FROM meetings")" "meetings after a refused start"
echo ok
