#!/bin/bash
# The round trip holds for data written by another path than import: 300 demo
# cases, byte for byte, as JSON and as the Markdown record.
. "$(dirname "$0")/../lib.sh"

ONE=$(test_db one)
TWO=$(test_db two)

expect_status 0 samtale --db "$ONE" demo --cases 300 --seed 11
expect_status 0 samtale --db "$ONE" export
cp "$T/out" "$T/a.json"
assert_eq 300 "$(grep -c '^      "ref": ' "$T/a.json")" "cases exported"
expect_status 0 samtale --db "$TWO" import "$T/a.json"
assert_eq "Importerede 300 sager." "$(cat "$T/out")"
expect_status 0 samtale --db "$TWO" export
cmp "$T/a.json" "$T/out" || fail "demo round trip differs: $(diff "$T/a.json" "$T/out" | head -20)"
expect_status 0 samtale --db "$ONE" export --format md
cp "$T/out" "$T/a.md"
expect_status 0 samtale --db "$TWO" export --format md
cmp "$T/a.md" "$T/out" || fail "Markdown records differ: $(diff "$T/a.md" "$T/out" | head -20)"
# The same counts in both databases, table by table (the audit log aside).
for table in cases meetings checklist section_counts followups; do
	assert_eq "$(sql "$ONE" "SELECT count(*) FROM $table")" \
		"$(sql "$TWO" "SELECT count(*) FROM $table")" "rows in $table"
done
echo ok
