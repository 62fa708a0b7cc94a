#!/bin/bash
# export → import into an empty database → export is byte-identical (SPEC §4).
. "$(dirname "$0")/../lib.sh"

rich=$SOURCE_DIR/tests/fixtures/exchange/rich.json
ONE=$(test_db one)
TWO=$(test_db two)
THREE=$(test_db three)
EMPTY=$(test_db empty)
V1=$(test_db v1)

expect_status 0 samtale --db "$ONE" --user anna import "$rich"
assert_eq "Importerede 3 sager." "$(cat "$T/out")" "import summary"
expect_status 0 samtale --db "$ONE" export
cp "$T/out" "$T/a.json"
# The fixture is written as export writes it, nulls, æøå and all.
cmp "$rich" "$T/a.json" || fail "export of the imported fixture differs: $(diff "$rich" "$T/a.json")"

# From stdin into a second, empty database, and out again.
expect_status 0 samtale --db "$TWO" --user bo import - <"$T/a.json"
expect_status 0 samtale --db "$TWO" --lang en export --format json
cp "$T/out" "$T/b.json"
cmp "$T/a.json" "$T/b.json" || fail "round trip differs: $(diff "$T/a.json" "$T/b.json")"

# The importer is not the caseworker: the record keeps who did what.
assert_eq "jonas" "$(sql "$TWO" "SELECT caseworker FROM meetings WHERE date = '2026-01-12'")" \
	"meeting caseworker"
assert_eq "sara|" "$(sql "$TWO" "SELECT caseworker, interpreter FROM meetings WHERE date = '2026-02-03'")" \
	"second meeting"

# Named cases: ref order, each once; a single case round-trips on its own.
expect_status 0 samtale --db "$ONE" export 2026-0117 2025-0999 2026-0117
assert_eq "2025-0999 2026-0117" "$(grep -o '"ref": "[^"]*"' "$T/out" | cut -d'"' -f4 | tr '\n' ' ' | sed 's/ $//')" \
	"refs exported"
expect_status 0 samtale --db "$ONE" export 2026-0042
cp "$T/out" "$T/c.json"
expect_status 0 samtale --db "$THREE" import "$T/c.json"
assert_eq "Importerede 1 sag." "$(cat "$T/out")" "import summary, one case"
expect_status 0 samtale --db "$THREE" export
cmp "$T/c.json" "$T/out" || fail "single case round trip differs"

# An unknown ref: exit 1, a message, and nothing at all on stdout.
expect_status 1 samtale --db "$ONE" export 2026-0117 1999-0001
assert_eq "" "$(cat "$T/out")" "stdout of a failed export"
assert_contains "$(cat "$T/err")" "samtale: "
assert_contains "$(cat "$T/err")" "1999-0001"

# An empty database exports an empty list.
expect_status 0 samtale --db "$EMPTY" import - <<<'{"format": "samtale-export/1", "cases": []}'
assert_eq "Importerede 0 sager." "$(cat "$T/out")"
expect_status 0 samtale --db "$EMPTY" export
assert_eq '{
  "format": "samtale-export/2",
  "cases": []
}' "$(cat "$T/out")" "empty export"

# A format 1 file still imports, and exports as format 2 with the new fields empty.
expect_status 0 samtale --db "$V1" import "$SOURCE_DIR/tests/fixtures/exchange/rich-v1.json"
expect_status 0 samtale --db "$V1" export
assert_contains "$(cat "$T/out")" '"format": "samtale-export/2"'
assert_contains "$(cat "$T/out")" '"next_meeting": null'
assert_contains "$(cat "$T/out")" '"work_experience": null'
assert_eq "0" "$(sql "$V1" "SELECT count(*) FROM followups WHERE her = 1")" "her tasks from format 1"
# Her task in format 2 is followed up by the case's caseworker.
assert_eq "mette|1" "$(sql "$TWO" "SELECT assignee, her FROM followups WHERE text LIKE 'Du tager%'")" \
	"her task"

expect_status 2 samtale --db "$ONE" export --format yaml
assert_contains "$(cat "$T/err")" "samtale: ukendt format 'yaml'"
echo ok
