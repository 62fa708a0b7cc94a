#!/bin/bash
# The content editor's guard rails (SPEC §2): ids that meetings use cannot
# vanish, every error in one run and in Danish, and a diff before rollout.
. "$(dirname "$0")/../lib.sh"

fixtures=$SOURCE_DIR/tests/fixtures/content

# A database whose meetings use the shipped ids.
DB=$(test_db db)
expect_status 0 samtale --db "$DB" demo --cases 40 --seed 7
uses=$(sql "$DB" "$WITH_ITEMS SELECT count(*) FROM items WHERE item_id = 'tro.sig-det'")
[ "$uses" -gt 0 ] || fail "the demo holds no meeting with tro.sig-det"

# Renaming a shipped id in both languages passes alone ...
cp -r "$SOURCE_DIR/content" "$T/renamed"
sed -i 's/^  - id: sig-det$/  - id: sig-det-igen/' "$T/renamed"/*/tro.yaml
expect_status 0 samtale content check "$T/renamed"
# ... and fails against the database, with the meeting count and a "did you mean".
expect_status 1 samtale --db "$DB" content check "$T/renamed"
assert_eq "$T/renamed/da/tro.yaml:16:1: error: punktet 'tro.sig-det' bruges af $uses samtaler i databasen, men findes ikke her; mente du 'tro.sig-det-igen'? Et id må aldrig ændres, når det er brugt
samtale: indholdet i $T/renamed har fejl (1)" "$(cat "$T/err")" "content check --db"
# $SAMTALE_DB is a database at hand too.
SAMTALE_DB=$DB expect_status 1 samtale content check "$T/renamed"
# The shipped content has every id the meetings use.
expect_status 0 samtale --db "$DB" content check

# Every error in one run, in Danish.
expect_status 1 samtale content check "$fixtures/bad/every-error"
err=$(cat "$T/err")
assert_contains "$err" "every-error/da/tro.yaml:4:22: error: YAML-syntaksfejl: et kolon med mellemrum efter"
assert_contains "$err" "every-error/en/dialog.yaml:54:9: error: punktet 'dialog.patient' findes ikke i da/"
assert_contains "$err" "every-error/da/forventning.yaml:3:9: error: afsnittet har samme nummer (2) som 'dialog'"
assert_contains "$err" "samtale: indholdet i $fixtures/bad/every-error har fejl (4)"

# The diff of two trees: the exact listing, exit 1 for the vanished id.
expect_status 1 samtale content diff "$fixtures/diff/old" "$fixtures/diff/new"
assert_eq "fejl: fjernet dialog.lyt – et id må aldrig forsvinde, når det er brugt
tilføjet dialog.lyt-inddrag
tilføjet dialog.taalmodig
samtaletyper tro.sig-det: foerste → foerste, opfoelgning
art tro.realistisk: handling → refleksion
afsnittenes rækkefølge: tro, dialog → dialog, tro
omformuleret tro.realistisk [da]
  før:   Vær realistisk
  efter: Vær realistisk – også over for dig selv" "$(cat "$T/out")" "content diff"
assert_eq "samtale: Et id er forsvundet; et brugt id må aldrig ændres." "$(cat "$T/err")"
expect_status 0 samtale --lang en content diff "$fixtures/diff/old" "$fixtures/diff/old"
assert_eq "No changes." "$(cat "$T/out")"

# Machine-readable, the same words in every UI language.
expect_status 1 samtale content diff "$fixtures/diff/old" "$fixtures/diff/new" --format json
python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))
got = [(r["change"], r["id"], r["error"]) for r in rows]
assert got[0] == ("removed", "dialog.lyt", "yes"), got
assert ("reworded", "tro.realistisk", "no") in got, got
assert [r for r in rows if r["change"] == "order"][0]["after"] == "dialog, tro"
assert all(r["meetings"] is None for r in rows)
' "$T/out" || fail "the JSON of content diff"

# With a database: how many held meetings each change touches.
expect_status 1 samtale --db "$DB" content diff "$SOURCE_DIR/content" "$T/renamed"
assert_contains "$(cat "$T/out")" "fejl: fjernet tro.sig-det ($uses samtaler)"
assert_contains "$(cat "$T/out")" "tilføjet tro.sig-det-igen (0 samtaler)"
assert_contains "$(cat "$T/out")" "Holdte samtaler beholder den ordlyd, de blev holdt med; rapporten tæller efter id."

# The report splits actions from reflections: together they are the whole.
for kind in "" action reflection; do
	expect_status 0 samtale --db "$DB" report --by section ${kind:+--kind $kind} --format csv
	cp "$T/out" "$T/report-${kind:-all}.csv"
done
for col in 3 4 5; do
	assert_eq "$(cut -d, -f$col "$T/report-all.csv" | tail -n +2)" \
		"$(paste -d, "$T/report-action.csv" "$T/report-reflection.csv" | tail -n +2 |
		   awk -F, -v c=$col -v n=6 '{ print $c + $(c + n) }')" "column $col, actions + reflections"
done
expect_status 0 samtale --db "$DB" --lang en report --by item --kind reflection --format csv
assert_eq "item
tro.forvent-vaerdi
tro.realistisk
dialog.anerkendende
dialog.taalmodig" "$(cut -d, -f1 "$T/out")" "the reflections' rows"
expect_status 2 samtale --db "$DB" report --kind attitude
assert_eq "samtale: ukendt --kind 'attitude' (action eller reflection)" "$(cat "$T/err")"

# Bad use: an invalid tree is not compared; operands are two folders.
expect_status 1 samtale content diff "$fixtures/diff/old" "$fixtures/bad/yaml-syntax"
assert_contains "$(cat "$T/err")" "yaml-syntax/da/tro.yaml:8:4: error:"
assert_contains "$(cat "$T/err")" "samtale: indholdet kan ikke sammenlignes; ret fejlene ovenfor"
expect_status 2 samtale content diff "$fixtures/diff/old"
assert_eq "samtale: angiv to indholdsmapper: den gamle og den nye" "$(cat "$T/err")"
expect_status 2 samtale content diff a b --format yaml
echo ok
