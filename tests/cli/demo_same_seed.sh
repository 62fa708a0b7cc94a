#!/bin/bash
# samtale demo: the same seed gives the same database (as export shows it),
# another seed another; the counts are as asked.
. "$(dirname "$0")/../lib.sh"

A=$(test_db a)
B=$(test_db b)
C=$(test_db c)

expect_status 0 samtale --db "$A" demo --cases 50 --seed 1
assert_contains "$(cat "$T/out")" "50 opdigtede sager"
expect_status 0 samtale --db "$B" demo --cases 50 --seed 1
expect_status 0 samtale --db "$C" demo --cases 50 --seed 2

expect_status 0 samtale --db "$A" export
cp "$T/out" "$T/a.json"
expect_status 0 samtale --db "$B" export
cp "$T/out" "$T/b.json"
expect_status 0 samtale --db "$C" export
cp "$T/out" "$T/c.json"

[ "$(wc -c <"$T/a.json")" -gt 50000 ] || fail "export of 50 demo cases is too small"
cmp -s "$T/a.json" "$T/b.json" || fail "the same seed gave different exports: $(diff "$T/a.json" "$T/b.json" | head -5)"
cmp -s "$T/a.json" "$T/c.json" && fail "seeds 1 and 2 gave the same export"

assert_eq 50 "$(samtale --db "$A" case list --all --format csv | tail -n +2 | wc -l)" "cases listed"
# Danish text with æøå, several caseworkers, interpreters, meetings of every type.
assert_contains "$(cat "$T/a.json")" "æ"
assert_contains "$(cat "$T/a.json")" "\"interpreter\": null"
for type in foerste opfoelgning foer-praktik under-praktik efter-praktik; do
	assert_contains "$(cat "$T/a.json")" "\"type\": \"$type\""
done
n=$(grep -o '"caseworker": "[a-z]*"' "$T/a.json" | sort -u | wc -l)
[ "$n" -ge 4 ] || fail "only $n caseworkers"
