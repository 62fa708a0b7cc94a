#!/bin/bash
# samtale demo refuses a database that holds cases unless --yes; bad options
# are usage errors; nothing is written when it refuses.
. "$(dirname "$0")/../lib.sh"

db=$(test_db real)
expect_status 0 samtale --db "$db" case add 2026-0001 --initials AB
expect_status 1 samtale --db "$db" demo --cases 5
assert_contains "$(cat "$T/err")" "samtale: databasen indeholder allerede sager"
assert_contains "$(cat "$T/err")" "--yes"
assert_eq "" "$(cat "$T/out")" "stdout on refusal"
assert_eq 1 "$(samtale --db "$db" case list --all --format csv | tail -n +2 | wc -l)" "cases after refusal"

expect_status 1 samtale --lang en --db "$db" demo
assert_contains "$(cat "$T/err")" "samtale: the database already holds cases"

expect_status 0 samtale --db "$db" demo --cases 5 --yes
assert_eq 6 "$(samtale --db "$db" case list --all --format csv | tail -n +2 | wc -l)" "cases after --yes"

# Defaults: 40 cases.
new=$(test_db new)
expect_status 0 samtale --db "$new" demo
assert_eq 40 "$(samtale --db "$new" case list --all --format csv | tail -n +2 | wc -l)" "default count"

bad_db=$(test_db bad)
for bad in "--cases 0" "--cases -3" "--cases many" "--cases 10x" "--seed -1" "--seed x" "--frob" "extra"; do
	# shellcheck disable=SC2086
	expect_status 2 samtale --db "$bad_db" demo $bad
	assert_contains "$(cat "$T/err")" "samtale: "
done
expect_status 2 samtale --db "$bad_db" demo --cases
