#!/bin/bash
# The first run: reading the default database before it exists says how to
# begin, not an errno, and creates nothing; a database named with --db,
# SAMTALE_DB or the config file in a directory that does not exist is
# refused (a typo never becomes a new tree of directories), with the hint
# to run db init, which makes the directory and the database. On
# PostgreSQL, whose databases are named and never the default, a database
# the server does not have is refused however it is named, and none is made.
. "$(dirname "$0")/../lib.sh"

# refused_however_named TYPO COMMANDS...: each command on the mistyped
# database named with --db, then SAMTALE_DB and the config file, is refused
# as check_refused (each engine's own) requires.
refused_however_named() {
	local typo=$1 cmd
	shift
	for cmd in "$@"; do
		# shellcheck disable=SC2086
		expect_status 1 samtale --db "$typo" $cmd </dev/null
		check_refused "--db … $cmd"
	done
	expect_status 1 env SAMTALE_DB="$typo" "$SAMTALE_BIN" case add 2026-0001
	check_refused "SAMTALE_DB"
	mkdir -p "$XDG_CONFIG_HOME/samtale"
	echo "db = $typo" >"$XDG_CONFIG_HOME/samtale/config"
	expect_status 1 samtale case add 2026-0001
	check_refused "the config file's db"
	rm "$XDG_CONFIG_HOME/samtale/config"
}

if [ "$ENGINE" = pg ]; then
	DB=$(test_db db)
	typo=${DB}_nope
	check_refused() {
		assert_contains "$(cat "$T/err")" "samtale: kan ikke forbinde til PostgreSQL-databasen $typo:" "$1"
		assert_contains "$(cat "$T/err")" "database \"${typo##*/}\" does not exist" "$1"
		assert_eq 0 "$(psql -X -A -t -c "SELECT count(*) FROM pg_database WHERE datname = '${typo##*/}'" postgres)" \
			"databases made by $1"
	}
	refused_however_named "$typo" "case add 2026-0001" "case list" "demo --cases 2" "import -" "followups" "db init"
	exit 0
fi
# The default database, and a path whose directory is not there, are SQLite's files.

for cmd in "case list" "case show 2026-0117" "followups" "report" "export" "db check" "internship list"; do
	# shellcheck disable=SC2086
	expect_status 1 samtale $cmd
	assert_contains "$(cat "$T/err")" "samtale: Der er ingen database endnu ($XDG_DATA_HOME/samtale/samtale.db)." "$cmd"
	assert_contains "$(cat "$T/err")" "'samtale db init'" "$cmd"
	assert_not_contains "$(cat "$T/err")" "No such file" "$cmd"
	assert_not_contains "$(cat "$T/err")" "kan ikke" "$cmd"
	[ ! -e "$XDG_DATA_HOME/samtale" ] || fail "$cmd made the data directory"
done
expect_status 1 samtale --lang en case list
assert_contains "$(cat "$T/err")" "samtale: There is no database yet ($XDG_DATA_HOME/samtale/samtale.db). It is made when you open samtale"

# The first case makes the default database, 0600 in a 0700 directory.
expect_status 0 samtale case add 2026-0117
assert_eq 700 "$(stat -c %a "$XDG_DATA_HOME/samtale")" "the data directory's mode"
assert_eq 600 "$(stat -c %a "$XDG_DATA_HOME/samtale/samtale.db")" "the database's mode"
expect_status 0 samtale case list
assert_contains "$(cat "$T/out")" "2026-0117"

# A named database whose directory is not there: refused, nothing made,
# whichever way it was named and whatever the command.
typo=$T/teamm/samtale.db
check_refused() {
	assert_contains "$(cat "$T/err")" "samtale: Mappen $T/teamm findes ikke, så der er ingen database i $typo." "$1"
	assert_contains "$(cat "$T/err")" "samtale db init --db $typo" "$1"
	assert_not_contains "$(cat "$T/err")" "No such file" "$1"
	[ ! -e "$T/teamm" ] || fail "$1 made the directory of a mistyped --db"
}
refused_however_named "$typo" "case add 2026-0001" "case list" "demo --cases 2" "import -" "followups"
expect_status 1 samtale --lang en --db "$typo" case add 2026-0001
assert_contains "$(cat "$T/err")" "samtale: The directory $T/teamm does not exist, so there is no database at $typo. Is the path spelt right?"

# A named database in a directory that exists is made by the first write,
# and read before that says where it is missing.
expect_status 1 samtale --db "$T/new.db" case list
assert_contains "$(cat "$T/err")" "der er ingen database i $T/new.db (opret den med 'samtale db init')"
expect_status 0 samtale --db "$T/new.db" case add 2026-0001

# The hint works: db init makes the directory (0700) and the database.
expect_status 0 samtale db init --db "$typo"
assert_contains "$(cat "$T/out")" "Databasen er klar: $typo"
assert_eq 700 "$(stat -c %a "$T/teamm")" "db init's directory"
assert_eq 600 "$(stat -c %a "$typo")" "db init's database"
expect_status 0 samtale --db "$typo" case add 2026-0001
expect_status 0 samtale --db "$typo" case list
assert_contains "$(cat "$T/out")" "2026-0001"
