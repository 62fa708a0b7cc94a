#!/bin/bash
# Corrections from the command line (SPEC §1 rule 6): meeting set and
# delete, picked by REF DATE (and --type or --nth when a day has several);
# followup edit, done, undone and delete by the id that `followups` prints;
# case reopen. Refusals: a future date, a date before the case opened, an
# unknown id, an ambiguous REF DATE. Every correction is one audit line.
. "$(dirname "$0")/../lib.sh"

mkdir -m 0700 "$T/db"
DB=$(test_db db/samtale.db)
cat >"$T/case.json" <<'JSON'
{ "format": "samtale-export/1",
  "cases": [
    { "ref": "2026-0117", "initials": "AB", "caseworker": "mette", "opened": "2026-01-10", "closed": null,
      "meetings": [
        { "date": "2026-02-28", "type": "foerste", "caseworker": "mette",
          "items": [ { "id": "tro.sig-det", "state": "done", "note": "Sagt tydeligt" } ] },
        { "date": "2026-02-28", "type": "opfoelgning", "caseworker": "mette",
          "items": [ { "id": "tro.sig-det", "state": "done" },
                     { "id": "tro.afdaek-kvalifikationer", "state": "done" } ], "agreed": "Hun ringer" },
        { "date": "2026-03-01", "type": "opfoelgning", "caseworker": "mette",
          "items": [ { "id": "tro.sig-det", "state": "done", "note": "Igen" },
                     { "id": "tro.afdaek-kvalifikationer", "state": "not_relevant" },
                     { "id": "forventning.ansaettelse", "state": "done", "note": "Sygeplejerske" } ] },
        { "date": "2026-03-01", "type": "opfoelgning", "caseworker": "mette", "items": [] } ],
      "followups": [
        { "due": "2026-03-05", "text": "Ring til sprogskolen", "assignee": "mette", "done": false },
        { "due": "2026-03-20", "text": "Find praktiksted", "assignee": "mette", "done": false } ] } ] }
JSON
expect_status 0 samtale --db "$DB" --user mette import "$T/case.json"
audit() {
	sql "$DB" "SELECT count(*) FROM audit WHERE action = '$1'"
}
meetings() {
	sql "$DB" "SELECT date || ' ' || type FROM meetings ORDER BY date, id" | paste -sd '\t' | sed 's/\t/, /g'
}

# Two meetings on one day: the message says how to pick one.
expect_status 1 samtale --db "$DB" meeting delete 2026-0117 2026-02-28 --yes
assert_eq "samtale: sagen 2026-0117 har 2 samtaler 2026-02-28; vælg en med --type foerste eller --type opfoelgning" \
	"$(cat "$T/err")" "ambiguous REF DATE"
expect_status 1 samtale --db "$DB" --lang en meeting set 2026-0117 28.02.2026 --date 2026-02-27
assert_contains "$(cat "$T/err")" "pick one with --type foerste or --type opfoelgning" "ambiguous, English"
# ... and when they are of one type, by the order they were opened.
expect_status 1 samtale --db "$DB" meeting delete 2026-0117 2026-03-01 --type opfoelgning --yes
assert_contains "$(cat "$T/err")" "alle af typen opfoelgning; vælg en med --nth 1 til --nth 2" "one type"
expect_status 1 samtale --db "$DB" meeting delete 2026-0117 2026-03-01 --nth 3 --yes
expect_status 2 samtale --db "$DB" meeting delete 2026-0117 2026-03-01 --nth nul --yes
# Nothing on that day, no such case.
expect_status 1 samtale --db "$DB" meeting delete 2026-0117 2026-02-01 --yes
assert_contains "$(cat "$T/err")" "sagen 2026-0117 har ingen samtale 2026-02-01 (den har: 2026-02-28 foerste" "no meeting"
expect_status 1 samtale --db "$DB" meeting delete 2026-9999 2026-03-01 --yes
assert_contains "$(cat "$T/err")" "der er ingen sag '2026-9999'"
expect_status 2 samtale --db "$DB" meeting delete 2026-0117 2026-02-31 --yes
assert_contains "$(cat "$T/err")" "'2026-02-31' er ikke en dato: februar 2026 har kun 28 dage."
expect_status 2 samtale --db "$DB" meeting delete 2026-0117 --yes
assert_eq 4 "$(sql "$DB" 'SELECT count(*) FROM meetings')" "meetings after refusals"

# meeting delete: without --yes it says what would go; with it, it goes,
# and the report counts one meeting less.
expect_status 0 samtale --db "$DB" report --by type --format csv
before=$(grep '^opfoelgning,' "$T/out" | cut -d, -f2)
expect_status 2 samtale --db "$DB" meeting delete 2026-0117 2026-02-28 --type opfoelgning
assert_contains "$(cat "$T/err")" "samtalen 2026-02-28 (opfoelgning) slettes med 2 afkrydsede punkter og det aftalte"
assert_contains "$(cat "$T/err")" "--yes"
expect_status 0 samtale --db "$DB" --user mette meeting delete 2026-0117 2026-02-28 --type opfoelgning --yes
assert_eq "Samtalen 2026-02-28 (Opfølgningssamtale) i sag 2026-0117 er slettet med 2 afkrydsede punkter og det aftalte." \
	"$(cat "$T/out")"
assert_eq "2026-02-28 foerste, 2026-03-01 opfoelgning, 2026-03-01 opfoelgning" "$(meetings)" "meetings left"
expect_status 0 samtale --db "$DB" report --by type --format csv
assert_eq $((before - 1)) "$(grep '^opfoelgning,' "$T/out" | cut -d, -f2)" "report's meeting count"
assert_eq "1|mette" "$(sql "$DB" "SELECT count(*), \"user\" FROM audit WHERE action = 'meeting.delete' AND detail IS NULL GROUP BY \"user\"")"
assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM meetings WHERE agreed = 'Hun ringer'")" "the deleted meeting's row"
# SQLite overwrites whatever a change deletes (secure_delete); PostgreSQL
# rewrites its table files on erasure only (README), so there the deleted
# meeting's old row is in them until the server's next VACUUM.
if [ "$ENGINE" = sqlite ]; then
	! grep -qa "Hun ringer" "$DB" || fail "the deleted meeting's summary is still in the database file"
fi

# meeting set --date: never in the future, never before the case opened;
# the typed date is echoed back resolved.
expect_status 2 samtale --db "$DB" meeting set 2026-0117 2026-02-28 --date "i morgen"
assert_eq "samtale: --date: 'i morgen' (2026-03-02) er i fremtiden; datoen kan højst være i dag." "$(cat "$T/err")"
expect_status 2 samtale --db "$DB" meeting set 2026-0117 2026-02-28 --date 2026-12-24
assert_contains "$(cat "$T/err")" "2026-12-24 er i fremtiden"
expect_status 1 samtale --db "$DB" meeting set 2026-0117 2026-02-28 --date 2026-01-09
assert_eq "samtale: samtalens dato 2026-01-09 er før sagen blev oprettet (2026-01-10)" "$(cat "$T/err")"
expect_status 2 samtale --db "$DB" meeting set 2026-0117 2026-02-28
assert_eq 0 "$(audit meeting.date)" "audit lines of refused dates"
expect_status 0 samtale --db "$DB" meeting set 2026-0117 "i går" --date 27.02
assert_eq "Samtalen er flyttet fra 2026-02-28 til 2026-02-27 (fredag)." "$(cat "$T/out")"
assert_contains "$(cat "$T/err")" "datoen i går = 2026-02-28 (lørdag)"
assert_contains "$(cat "$T/err")" "--date 27.02 = 2026-02-27 (fredag)"
assert_eq "2026-02-27 foerste" "$(sql "$DB" "SELECT date || ' ' || type FROM meetings WHERE id = 1")"
assert_eq 1 "$(audit meeting.date)" "the date's audit line"

# meeting set --type: the items both types share keep their state and
# note, the others go, the new ones come open.
expect_status 0 samtale --db "$DB" meeting set 2026-0117 2026-03-01 --nth 1 --type under-praktik
assert_eq "Samtalen er nu Under praktik: 9 punkter beholdt (1 afkrydset), 2 fjernet (2 afkrydset, 1 med note), 1 nye." \
	"$(cat "$T/out")"
assert_eq "tro.sig-det done Igen" \
	"$(sql "$DB" "$WITH_ITEMS SELECT item_id || ' ' || state || ' ' || note FROM items WHERE meeting_id = 3 AND note IS NOT NULL")"
assert_eq 10 "$(sql "$DB" "$WITH_ITEMS SELECT count(*) FROM items WHERE meeting_id = 3")" "under-praktik's items"
assert_eq 0 "$(sql "$DB" "$WITH_ITEMS SELECT count(*) FROM items WHERE meeting_id = 3 AND item_id = 'forventning.ansaettelse'")"
assert_eq "under-praktik|meeting.type" "$(sql "$DB" "SELECT detail, action FROM audit WHERE action = 'meeting.type'")"
# Now the day's meetings differ in type: --type picks one, and only moves it.
expect_status 1 samtale --db "$DB" meeting set 2026-0117 2026-03-01 --type foerste
assert_contains "$(cat "$T/err")" "vælg en med --type under-praktik eller --type opfoelgning"
expect_status 0 samtale --db "$DB" meeting set 2026-0117 2026-03-01 --type under-praktik --date 2026-02-26
assert_eq "2026-02-26 under-praktik" "$(sql "$DB" "SELECT date || ' ' || type FROM meetings WHERE id = 3")"
expect_status 2 samtale --db "$DB" meeting set 2026-0117 2026-02-26 --type praktik
assert_contains "$(cat "$T/err")" "ukendt samtaletype 'praktik'"

# followups prints the ids; followup edit/done/undone/delete take them.
expect_status 0 samtale --db "$DB" --user mette followups --all --format csv
assert_eq "id,due,case,assignee,text,overdue_days" "$(head -1 "$T/out" | tr -d '\r')"
id=$(grep "Ring til sprogskolen" "$T/out" | cut -d, -f1)
assert_eq 1 "$id" "the follow-up's id"
expect_status 1 samtale --db "$DB" followup edit 999 --text "Noget"
assert_eq "samtale: der er ingen opfølgning 999" "$(cat "$T/err")"
expect_status 1 samtale --db "$DB" followup done 999
expect_status 1 samtale --db "$DB" followup delete 999 --yes
expect_status 2 samtale --db "$DB" followup edit abc --text "Noget"
assert_contains "$(cat "$T/err")" "'abc' er ikke et id"
expect_status 2 samtale --db "$DB" followup edit "$id"
expect_status 2 samtale --db "$DB" followup edit "$id" --due 2026-02-01
assert_eq "samtale: --due: 2026-02-01 er før i dag; datoen skal være i dag eller senere." "$(cat "$T/err")"
expect_status 2 samtale --db "$DB" followup edit "$id" --due 31.02
expect_status 1 samtale --db "$DB" followup edit "$id" --text "Ring 010190-1234"
assert_not_contains "$(cat "$T/err")" "010190"
expect_status 0 samtale --db "$DB" --user mette followup edit "$id" --due +14 --text "Ring til jobcentret" --assignee søren
assert_eq "Opfølgning 1 (sag 2026-0117): frist 2026-03-15 (søndag), ansvarlig søren, åben: Ring til jobcentret" \
	"$(cat "$T/out")"
assert_contains "$(cat "$T/err")" "--due +14 = 2026-03-15 (søndag)"
assert_eq "2026-03-15|Ring til jobcentret|søren|0" "$(sql "$DB" "SELECT due, text, assignee, done FROM followups WHERE id = $id")"
assert_eq "text,due,assignee" "$(sql "$DB" "SELECT detail FROM audit WHERE action = 'followup.edit' AND object_id = $id")" \
	"edit's audit line"
expect_status 0 samtale --db "$DB" followup edit "$id" --due mandag
assert_eq 2026-03-02 "$(sql "$DB" "SELECT due FROM followups WHERE id = $id")" "due on the next Monday"
# She is the one to act: --assignee her (or hende); the caseworker who
# follows it up stays, and a name makes it a caseworker's again.
expect_status 0 samtale --db "$DB" followup edit 2 --assignee her
assert_eq "Opfølgning 2 (sag 2026-0117): frist 2026-03-20 (fredag), ansvarlig hende, åben: Find praktiksted" \
	"$(cat "$T/out")"
assert_eq "1|mette" "$(sql "$DB" "SELECT her, assignee FROM followups WHERE id = 2")"
expect_status 0 samtale --db "$DB" --user mette followups --format csv
assert_contains "$(cat "$T/out")" "2,2026-03-20,2026-0117,her,Find praktiksted,"
expect_status 0 samtale --db "$DB" --user mette followups
assert_contains "$(cat "$T/out")" "2026-0117  hende      Find praktiksted"
expect_status 0 samtale --db "$DB" followup edit 2 --assignee mette
assert_eq "0|mette" "$(sql "$DB" "SELECT her, assignee FROM followups WHERE id = 2")"
expect_status 0 samtale --db "$DB" followup edit 2 --assignee hende
assert_eq "1|mette" "$(sql "$DB" "SELECT her, assignee FROM followups WHERE id = 2")"
expect_status 0 samtale --db "$DB" followup done "$id"
assert_eq 1 "$(sql "$DB" "SELECT done FROM followups WHERE id = $id")"
assert_contains "$(cat "$T/out")" "udført: Ring til jobcentret"
expect_status 0 samtale --db "$DB" followup undone "$id"
assert_eq 0 "$(sql "$DB" "SELECT done FROM followups WHERE id = $id")"
expect_status 2 samtale --db "$DB" followup delete "$id"
assert_contains "$(cat "$T/err")" "opfølgning 1 (sag 2026-0117, frist 2026-03-02) slettes helt; bekræft med --yes"
expect_status 0 samtale --db "$DB" followup delete "$id" --yes
assert_eq "Opfølgning 1 (sag 2026-0117) er slettet." "$(cat "$T/out")"
assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM followups WHERE id = $id")"
assert_eq 1 "$(audit followup.delete)"
expect_status 1 samtale --db "$DB" followup delete "$id" --yes

# case close and reopen.
expect_status 1 samtale --db "$DB" case reopen 2026-0117
assert_contains "$(cat "$T/err")" "sagen 2026-0117 er ikke afsluttet"
expect_status 0 samtale --db "$DB" case close 2026-0117 --date "i dag"
expect_status 0 samtale --db "$DB" case reopen 2026-0117
assert_eq "Sagen 2026-0117 er åben igen (den var afsluttet 2026-03-01)." "$(cat "$T/out")"
assert_eq "" "$(sql "$DB" "SELECT closed FROM cases")"
assert_eq 1 "$(audit case.reopen)"

# No audit line holds text.
assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM audit WHERE detail LIKE '%Ring%' OR detail LIKE '%Igen%'")"
expect_status 0 samtale meeting set --help
assert_contains "$(cat "$T/out")" "samtale meeting set REF DATE [--date D] [--type T]"
