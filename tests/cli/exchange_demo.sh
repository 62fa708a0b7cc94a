#!/bin/bash
# The round trip holds for data written by another path than import (demo data).
. "$(dirname "$0")/../lib.sh"

expect_status 0 samtale --db "$T/one.db" demo --cases 40 --seed 11
expect_status 0 samtale --db "$T/one.db" export
cp "$T/out" "$T/a.json"
assert_eq 40 "$(grep -c '^      "ref": ' "$T/a.json")" "cases exported"
expect_status 0 samtale --db "$T/two.db" import "$T/a.json"
assert_eq "Importerede 40 sager." "$(cat "$T/out")"
expect_status 0 samtale --db "$T/two.db" export
cmp "$T/a.json" "$T/out" || fail "demo round trip differs: $(diff "$T/a.json" "$T/out" | head -20)"
# The same counts in both databases, table by table (the audit log aside).
for table in cases meetings meeting_items followups; do
	assert_eq "$(sql "$T/one.db" "SELECT count(*) FROM $table")" \
		"$(sql "$T/two.db" "SELECT count(*) FROM $table")" "rows in $table"
done
echo ok
