#!/bin/bash
# Carry-over follows the course: an item left open at a first meeting, and
# not part of the before-internship meeting after it, still has its ↻ and
# its note from then at the follow-up meeting after that, at 80x24; the
# case screen lists it under what is open. An item done at the
# before-internship meeting is not carried over, though it was open before.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60
NOTE="Hun vil tale med sin mand først"

cat >"$T/case.json" <<EOF2
{ "format": "samtale-export/1",
  "cases": [ {
    "ref": "2026-0117", "initials": "AB", "caseworker": "mette",
    "opened": "2026-02-01", "closed": null,
    "profile": { "qualifications": null, "job_wishes": null, "education_wishes": null },
    "meetings": [
      { "date": "2026-02-01", "type": "foerste", "caseworker": "mette",
        "items": [ { "id": "tro.afdaek-kvalifikationer", "state": "open", "note": "$NOTE" },
                   { "id": "tro.sig-det", "state": "open", "note": null } ],
        "note": null, "agreed": null, "interpreter": null },
      { "date": "2026-02-15", "type": "foer-praktik", "caseworker": "mette",
        "items": [ { "id": "tro.forvent-vaerdi", "state": "done", "note": null },
                   { "id": "tro.sig-det", "state": "done", "note": null } ],
        "note": null, "agreed": null, "interpreter": null } ],
    "followups": [] } ] }
EOF2
samtale --db "$DB" --user mette import "$T/case.json" >/dev/null
# Before internship leaves the item out: it was not held there.
assert_eq 0 "$(sql "$DB" "$WITH_ITEMS SELECT count(*) FROM items i JOIN meetings m ON m.id = i.meeting_id
	WHERE m.type = 'foer-praktik' AND i.item_id = 'tro.afdaek-kvalifikationer'")" "the item at the internship meeting"

tui_run 80 24 --db "$DB" --user mette
tui_wait "2026-0117" $W
tui_keys Enter
tui_wait "Ikke nået ved sidste samtale" $W
tui_wait "↻ 2026-02-01 Brug tid sammen med kvinden" $W
tui_keys m
tui_wait "> 2 Opfølgningssamtale" $W
tui_keys Enter
tui_wait "Afsnit 1/3" $W
tui_wait "[ ] ↻ Brug tid sammen med kvinden" $W
tui_wait "↻ 2026-02-01: $NOTE" $W
screen=$(tui_screen)
# Open at the first meeting, done at the later one that held it: not carried over.
assert_not_contains "$screen" "[ ] ↻ Husk at fortælle hende" "done before the internship"
assert_not_contains "$screen" "[ ] ↻ Mød hende med en forventning" "done before the internship"
assert_contains "$screen" "[ ] ↻ Lyt til hende" "open at both"
assert_contains "$screen" "↻ Ikke nået ved samtalen 2026-02-01." "why it is marked"
tui_keys q
tui_wait "Samtaler (gennemført pr. afsnit)" $W
tui_keys q
tui_wait "Hvad blev I enige om?" $W
tui_keys Escape
tui_wait "Sager (1)" $W
tui_keys q
tui_expect_exit 0 $W
