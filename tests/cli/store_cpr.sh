#!/bin/bash
# A reference or initials that look like a CPR number are refused, and the
# number is never repeated in the message.
. "$(dirname "$0")/../lib.sh"

DB=$(test_db s.db)
for ref in 010190-1234 0101901234 "J.nr. 010190-1234"; do
	expect_status 1 samtale --db "$DB" case add "$ref"
	assert_contains "$(cat "$T/err")" "samtale: journalnummeret ligner et CPR-nummer"
	assert_not_contains "$(cat "$T/err")" "1234" "the message"
done
expect_status 1 samtale --db "$DB" case add 2026-0001 --initials 3112991234
assert_not_contains "$(cat "$T/err")" "3112991234" "the message"
# Not a real date: not a CPR number, so a valid reference.
expect_status 0 samtale --db "$DB" case add 320190-1234
# Limits of a reference.
expect_status 1 samtale --db "$DB" case add ""
expect_status 1 samtale --db "$DB" case add "$(printf 'x%.0s' $(seq 65))"
expect_status 1 samtale --db "$DB" case add "$(printf 'a\tb')"
expect_status 2 samtale --db "$DB" case add
expect_status 2 samtale --db "$DB" case add a b
assert_eq "320190-1234" "$(sql "$DB" 'SELECT ref FROM cases')" "cases stored"
