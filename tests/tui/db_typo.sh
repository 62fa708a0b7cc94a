#!/bin/bash
# The guide on a mistyped database: the same refusal as the commands, on
# the terminal it gives back, and nothing made. On SQLite a file in a
# directory that does not exist, on PostgreSQL a database the server does
# not have.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

W=60
DB=$(test_db db)
if [ "$ENGINE" = sqlite ]; then
	typo=$T/nope/samtale.db
	refusal="samtale: Mappen $T/nope findes ikke"
	hint="samtale db init --db"
else
	typo=${DB}_nope
	refusal="samtale: kan ikke forbinde til PostgreSQL-databasen $typo:"
	hint="database \"${typo##*/}\" does not exist"
fi
expect_status 1 samtale --db "$typo" case list
assert_contains "$(cat "$T/err")" "$refusal" "the command's refusal"
# Wide enough for the message on one line.
tui_run 400 24 --db "$typo"
tui_wait "$refusal" $W
tui_wait "$hint" $W
tui_expect_exit 1 $W
if [ "$ENGINE" = sqlite ]; then
	[ ! -e "$T/nope" ] || fail "the guide made the directory of a mistyped --db"
else
	assert_eq 0 "$(psql -X -A -t -c "SELECT count(*) FROM pg_database WHERE datname = '${typo##*/}'" postgres)" \
		"databases of a mistyped --db"
fi
