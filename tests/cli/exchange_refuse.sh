#!/bin/bash
# Import is all or nothing: a refused file leaves the database exactly as it was,
# and the message says which case and meeting, and what is wrong.
. "$(dirname "$0")/../lib.sh"

rich=$SOURCE_DIR/tests/fixtures/exchange/rich.json
db=$(test_db)
expect_status 0 samtale --db "$db" --user anna import "$rich"

# The engine's own list of its tables.
if [ "$ENGINE" = pg ]; then
	tables="SELECT table_name FROM information_schema.tables
		WHERE table_schema = 'samtale' AND table_type = 'BASE TABLE' ORDER BY 1"
else
	tables="SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
fi
rows() {
	local total=0 table
	for table in $(sql "$db" "$tables"); do
		total=$((total + $(sql "$db" "SELECT count(*) FROM \"$table\"")))
	done
	echo "$total"
}
# Less the counter of batch ids, which a refused import that took more
# than one step (a loaded machine) leaves one higher: ids are never reused
# (on PostgreSQL every identity's counter: a rolled back insert takes its id;
# and the random key pg_dump guards its output with).
snapshot() {
	if [ "$ENGINE" = pg ]; then
		pg_dump --data-only --schema=samtale --dbname="$db" | grep -v -e "setval" -e '^\\\(un\)\?restrict ' | sha256sum
	else
		sqlite3 "$db" .dump | grep -v "sqlite_sequence" | sha256sum
	fi
}
rows_before=$(rows)
dump_before=$(snapshot)
unchanged() {
	assert_eq "$rows_before" "$(rows)" "rows after $1"
	assert_eq "$dump_before" "$(snapshot)" "database after $1"
}

# refuse NAME EXPECTED-STDERR: imports $T/NAME.json, which must fail and change nothing.
refuse() {
	expect_status 1 samtale --db "$db" --lang en import "$T/$1.json"
	assert_eq "$2" "$(cat "$T/err")" "message for $1"
	assert_eq "" "$(cat "$T/out")" "stdout for $1"
	unchanged "$1"
}

# One bad item id in the last of three new cases, after good ones.
python3 - "$rich" "$T/bad_item.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
for c in doc["cases"]:
    c["ref"] = "N-" + c["ref"]
doc["cases"][2]["meetings"][1]["items"].append({"id": "tro.xyz", "state": "done", "note": None})
json.dump(doc, open(sys.argv[2], "w"), ensure_ascii=False)
PY
refuse bad_item "samtale: import: case N-2026-0117, meeting 2026-02-03 (opfoelgning): unknown item id 'tro.xyz'"

# A ref the database already holds, found only while writing: earlier cases roll back.
sed 's/"ref": "2025-0999"/"ref": "N-1"/' "$rich" >"$T/existing.json"
refuse existing "samtale: import: case 2026-0042: already exists in the database"
assert_eq "" "$(sql "$db" "SELECT ref FROM cases WHERE ref = 'N-1'")" "first case rolled back"

head='{"format": "samtale-export/1", "cases": ['
m='{"ref": "N-1", "meetings": [{"date": "2026-01-10", "type": "foerste"'
echo "$head"'{"ref": "N-1"}, {"ref": "N-1"}]}' >"$T/dup.json"
refuse dup "samtale: import: case N-1 is listed twice"
echo "$head$m"', "items": [{"id": "tro.sig-det", "state": "maybe"}]}]}]}' >"$T/state.json"
refuse state "samtale: import: case N-1, meeting 2026-01-10 (foerste): item 'tro.sig-det': unknown state 'maybe' (done, not_relevant or open)"
echo "$head$m"', "note": "\u001b]2;x\u0007\u001b[2J"}]}]}' >"$T/escape.json"
refuse escape "samtale: import: case N-1, meeting 2026-01-10 (foerste): the note must not hold control characters (byte 1)"
echo "$head"'{"ref": "N-1", "meetings": [{"date": "2026-01-10", "type": "kaffe"}]}]}' >"$T/type.json"
refuse type "samtale: import: case N-1, meeting #1: unknown meeting type 'kaffe'"
echo "$head$m"', "items": [{"id": "forventning.loebende", "state": "done"}]}]}]}' >"$T/applies.json"
refuse applies "samtale: import: case N-1, meeting 2026-01-10 (foerste): item 'forventning.loebende' does not apply to a meeting of type 'foerste'"
echo "$head"'{"ref": "N-1", "opened": "2026-13-01"}]}' >"$T/date.json"
refuse date "samtale: import: case N-1: invalid date \"2026-13-01\" in \"opened\" (YYYY-MM-DD)"
echo "$head"'{"ref": "N-1", "initials": ["A"]}]}' >"$T/types.json"
refuse types "samtale: import: case N-1: \"initials\" must be a string or null"
echo "$head"'{"ref": "N-1", "colsed": null}]}' >"$T/key.json"
refuse key "samtale: import: case N-1: unknown key \"colsed\"; did you mean \"closed\"?"
echo "$head$m"', "agreed": "Dit cpr er 010190-1234"}]}]}' >"$T/cpr.json"
refuse cpr "samtale: import: case N-1, meeting 2026-01-10 (foerste): \"agreed\" looks like it holds a CPR number; remove it"
assert_not_contains "$(cat "$T/err")" "010190" "CPR message"
echo "$head"'{"ref": "010190-1234"}]}' >"$T/cprref.json"
refuse cprref "samtale: import: case #1: \"ref\" looks like a CPR number; use the journal number"
echo '{"format": "samtale-export/9", "cases": []}' >"$T/format.json"
refuse format "samtale: import: $T/format.json: unknown format \"samtale-export/9\" (expected \"samtale-export/2\")"
echo '{"cases": []}' >"$T/noformat.json"
refuse noformat "samtale: import: $T/noformat.json: \"format\" is missing"

# Broken JSON: where it broke, as FILE:LINE:COLUMN.
head -c 700 "$SOURCE_DIR/tests/fixtures/exchange/rich-v1.json" >"$T/truncated.json"
refuse truncated "samtale: import: $T/truncated.json:29:0: string or '}' expected near end of file"
printf '{"format": "samtale-export/1",\n "cases": [}\n' >"$T/syntax.json"
refuse syntax "samtale: import: $T/syntax.json:2:12: unexpected token near '}'"
printf '{"format": "samtale-export/1", "cases": [{"ref": "\xff"}]}' >"$T/utf8.json"
expect_status 1 samtale --db "$db" import "$T/utf8.json"
assert_contains "$(cat "$T/err")" "samtale: import: $T/utf8.json:1:"
unchanged utf8

# The default language is Danish.
expect_status 1 samtale --db "$db" import "$T/bad_item.json"
assert_eq "samtale: import: sag N-2026-0117, samtale 2026-02-03 (opfoelgning): ukendt punkt-id 'tro.xyz'" \
	"$(cat "$T/err")"

# Files that are not there or not files, and a wrong command line.
expect_status 1 samtale --db "$db" --lang en import "$T/nowhere.json"
assert_eq "samtale: import: cannot open '$T/nowhere.json': No such file or directory" "$(cat "$T/err")"
expect_status 1 samtale --db "$db" --lang en import "$T"
assert_eq "samtale: import: cannot read '$T': Is a directory" "$(cat "$T/err")"
expect_status 2 samtale --db "$db" import
expect_status 2 samtale --db "$db" import "$rich" "$rich"
expect_status 2 samtale --db "$db" --lang en export --bogus
assert_eq "samtale: unknown option '--bogus'" "$(cat "$T/err")"
expect_status 2 samtale --db "$db" --lang en export --format
assert_eq "samtale: --format needs a value" "$(cat "$T/err")"
assert_eq "" "$(cat "$T/out")" "export's stdout on a usage error"
unchanged "usage errors"
echo ok
