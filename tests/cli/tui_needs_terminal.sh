#!/bin/bash
# The guide needs a terminal that can draw screens: with a standard input or
# output that is not a terminal, or TERM=dumb (or no TERM), it says so and
# exits 1 before any database is created.
. "$(dirname "$0")/../lib.sh"

DB=$T/new/samtale.db
expect_status 1 samtale --db "$DB" </dev/null
assert_contains "$(cat "$T/err")" "samtale: samtaleguiden kræver en terminal" "stdin not a terminal"
[ ! -e "$T/new" ] || fail "a database was created for a guide that could not start"
expect_status 1 samtale --db "$DB" --lang en </dev/null
assert_contains "$(cat "$T/err")" "samtale: the conversation guide needs a terminal" "in English"
echo | expect_status 1 samtale --db "$DB"
[ ! -e "$T/new" ] || fail "a database was created from a pipe"

# On a terminal that cannot place the cursor. script(1) gives samtale a
# pseudo-terminal; its output there is the message.
command -v script >/dev/null || { echo "SKIP: needs script(1)"; exit 77; }
for term in dumb ""; do
	rc=0
	TERM=$term script -qec "\"$SAMTALE_BIN\" --db \"$DB\"" /dev/null </dev/null >"$T/out" 2>&1 || rc=$?
	assert_eq 1 "$rc" "exit status with TERM='$term'"
	assert_contains "$(cat "$T/out")" "samtaleguiden kan ikke vises i en terminal uden skærmstyring" "TERM='$term'"
	[ ! -e "$T/new" ] || fail "a database was created for TERM='$term'"
done
