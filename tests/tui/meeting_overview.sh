#!/bin/bash
# A follow-up meeting has what it needs on its own screen: at 120x40, as it
# opens and with no other key, what was agreed last time, the open
# follow-ups (the one due today marked so), her job wish, and an item left
# open with the note it had then; the interpreter is last time's. At 80x24
# the overview is one key (o) away, under the checklist. Space and n go on
# to the next item. The summary for her is asked for once, when the
# meeting is closed (x, or leaving its case for the case list), not when
# the caseworker goes to the case screen.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60
AGREED="Du tager papirerne fra skolen med næste gang"
OLD_NOTE="Hun var træt; tag det op igen"

cat >"$T/case.json" <<EOF
{ "format": "samtale-export/1",
  "cases": [ {
    "ref": "2026-0117", "initials": "AB", "caseworker": "mette",
    "opened": "2026-02-01", "closed": null,
    "profile": { "qualifications": "Syerske i tolv år", "job_wishes": "Arbejde på et vaskeri",
                 "education_wishes": null },
    "meetings": [ {
      "date": "2026-02-15", "type": "foerste", "caseworker": "mette",
      "items": [ { "id": "tro.afdaek-kvalifikationer", "state": "done", "note": null },
                 { "id": "tro.sig-det", "state": "open", "note": "$OLD_NOTE" } ],
      "note": null, "agreed": "$AGREED", "interpreter": "dari" } ],
    "followups": [
      { "due": "2026-03-01", "text": "Ring til vaskeriet", "assignee": "mette", "done": false },
      { "due": "2026-02-20", "text": "Send CV til jobcentret", "assignee": "mette", "done": false },
      { "due": "2026-03-20", "text": "Tjek sprogskolen", "assignee": "mette", "done": false } ] } ] }
EOF
samtale --db "$DB" --user mette import "$T/case.json" >/dev/null

tui_run 120 40 --db "$DB" --user mette
tui_wait "2026-0117" $W
tui_keys Enter
tui_wait "Sag 2026-0117 · AB" $W
tui_keys m
tui_wait "> 2 Opfølgningssamtale" $W
tui_keys Enter
tui_wait "Afsnit 1/3" $W
screen=$(tui_screen)
assert_contains "$screen" "$AGREED" "last time's agreement"
assert_contains "$screen" "2026-03-01 i dag: Ring til vaskeriet" "the follow-up due today"
assert_contains "$screen" "2026-02-20 forfalden: Send CV til jobcentret" "the overdue follow-up"
assert_contains "$screen" "2026-03-20: Tjek sprogskolen" "a follow-up due later"
assert_contains "$screen" "Ønsker til job: Arbejde på et vaskeri" "her job wish"
assert_contains "$screen" "[ ] ↻ Husk at fortælle hende, at du tror på hende" "the item left open"
assert_contains "$screen" "↻ 2026-02-15: $OLD_NOTE" "its note then"
assert_not_contains "$screen" "[ ] ↻ Brug tid sammen med kvinden" "done last time: not carried over"
assert_contains "$screen" "Tolk: dari" "last time's interpreter"
assert_eq "dari" "$(sql "$DB" "SELECT interpreter FROM meetings WHERE date = '2026-03-01'")" \
	"the interpreter stored"

# A follow-up agreed now shows under this meeting's, not under the open ones.
tui_keys f
tui_wait "Opfølgning (hvad skal ske)" $W
tui_type "Hun søger tre job"
tui_keys Enter
tui_wait "Frist" $W
tui_keys Enter
tui_wait "Opfølgning med frist 2026-03-08 (søndag) er gemt." $W
tui_wait "Aftalt i denne samtale" $W
tui_wait "  2026-03-08: Hun søger tre job (mette)" $W

# Space and n go on to the next item.
tui_wait_cursor "Brug tid sammen med kvinden" $W
tui_keys Space
tui_wait_cursor "Mød hende med en forventning" $W
tui_keys n
tui_wait_cursor "Husk at fortælle hende" $W
assert_eq "tro.afdaek-kvalifikationer|done
tro.forvent-vaerdi|not_relevant" \
	"$(sql "$DB" "$WITH_ITEMS SELECT item_id, state FROM items WHERE state != 'open' AND meeting_id = 2 ORDER BY position")" \
	"the states"

# At 80x24 the overview is one key away, in the pane under the checklist.
tui_resize 80 24
tui_wait "Vejledning (o: overblik)" $W
tui_wait "[ ] ↻ Husk at fortælle hende, at du tror på hende" $W
tui_wait "↻ 2026-02-15: $OLD_NOTE" $W
tui_keys o
tui_wait "Overblik (o: vejledning)" $W
tui_wait "$AGREED" $W
tui_wait "Ønsker til job: Arbejde på et vaskeri" $W
tui_wait "[ ] ↻ Husk at fortælle hende" $W	# the checklist stays
tui_keys PgDn
tui_wait "2026-03-01 i dag: Ring til vaskeriet" $W
tui_keys PgDn
tui_wait "Hun søger tre job" $W

# Going to the case screen does not ask for the summary; leaving the case does, once.
tui_keys q
tui_wait "Sag 2026-0117 · AB" $W
assert_not_contains "$(tui_screen)" "Hvad blev I enige om?" "the case screen"
tui_keys q
tui_wait "Hvad blev I enige om?" $W
tui_keys Escape
tui_wait "Sager (1)" $W
tui_keys Enter
tui_wait "Sag 2026-0117 · AB" $W
tui_keys q
tui_wait "Sager (1)" $W
assert_not_contains "$(tui_screen)" "Hvad blev I enige om?" "asked once"

# x closes a meeting: the summary is asked for and kept.
tui_keys Enter
tui_wait "Sag 2026-0117 · AB" $W
tui_keys m
tui_wait "> 2 Opfølgningssamtale" $W
tui_keys Enter
tui_wait "Afsnit 1/3" $W
tui_keys x
tui_wait "Hvad blev I enige om?" $W
tui_type "Du søger tre job"
tui_keys Enter
tui_wait "Sag 2026-0117 · AB" $W
assert_eq "Du søger tre job" "$(sql "$DB" "SELECT agreed FROM meetings WHERE id = 3")" "the summary"
tui_keys q
tui_wait "Sager (1)" $W
assert_not_contains "$(tui_screen)" "Hvad blev I enige om?" "written: not asked again"
tui_keys q
tui_expect_exit 0 $W
