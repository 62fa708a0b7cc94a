#!/bin/bash
# Erasure while another process has the database open: `case delete` and
# `db purge` wait a bounded time for the reader to finish and only then say
# "slettet", with none of the case's words left in any file of the
# database's directory (database, WAL, shared memory). When the reader
# outlasts the wait, they say what is left and exit 1, and the next samtale
# that opens the database finishes the erasure (on PostgreSQL, the next
# erasure: its rewrite of the tables waits for the readers).
. "$(dirname "$0")/../lib.sh"

D=$T/data
mkdir -m 0700 "$D"
DB=$(test_db data/s.db)
expect_status 0 samtale --db "$DB" demo --cases 12 --seed 3
expect_status 0 samtale --db "$DB" case add Zebrafinke-4711 --initials QX
expect_status 0 samtale --db "$DB" case add Purpurhejre-0815
sql "$DB" "UPDATE cases SET qualifications = 'Trompetfisk-uddannet' WHERE ref = 'Zebrafinke-4711';
	 INSERT INTO meetings (case_id, date, type, caseworker, note, agreed)
	   SELECT id, '2026-02-01', 'foerste', 'mette', 'Noten om Nattergalen', 'Aftalt Solsortesang'
	   FROM cases WHERE ref = 'Zebrafinke-4711';
	 INSERT INTO followups (case_id, due, text, assignee)
	   SELECT id, '2026-04-01', 'Ring om Stenpikkeren', 'mette' FROM cases WHERE ref = 'Zebrafinke-4711';
	 UPDATE cases SET qualifications = 'Kongeoern', closed = '2026-02-01' WHERE ref = 'Purpurhejre-0815';"

# wait_for_output FILE: polls until a reader has printed its first result.
wait_for_output() {
	for _ in $(seq 1200); do [ -s "$1" ] && return 0; sleep 0.05; done
	fail "the reader did not start"
}

# left WORDS...: the words still found in any file of the database's
# directory (on PostgreSQL, of the database).
left() {
	local w f found=
	for w in "$@"; do
		if [ "$ENGINE" = pg ]; then
			! db_holds "$DB" "$w" || found+="$w; "
			continue
		fi
		for f in "$D"/* "$D"/.[!.]*; do
			[ -f "$f" ] && grep -qa -- "$w" "$f" && found+="$w in $(basename "$f"); "
		done
	done
	echo "$found"
}
assert_contains "$(left Nattergalen)" "Nattergalen" "the test data"

# shell DB: the engine's shell, reading SQL from its standard input.
shell() {
	if [ "$ENGINE" = pg ]; then
		PGOPTIONS="-c search_path=samtale" psql -X -q -A -t "$1"
	else
		sqlite3 "$1"
	fi
}

# A reader holding a read transaction: the engine's shell inside BEGIN.
start_reader() {
	rm -f "$T/hold" "$T/reader.out"
	mkfifo "$T/hold"
	{ echo "BEGIN; SELECT count(*) FROM cases;"; cat "$T/hold"; } | shell "$DB" >"$T/reader.out" &
	reader=$!
	wait_for_output "$T/reader.out"
}

# 1. The reader finishes while samtale waits: erased, and nothing left.
start_reader
(sleep 1; echo "COMMIT;" >"$T/hold") &
expect_status 0 samtale --db "$DB" case delete Zebrafinke-4711 --yes
assert_eq "Sagen Zebrafinke-4711 og alt om den er slettet." "$(cat "$T/out")"
wait "$reader"
assert_eq "" "$(left Zebrafinke Trompetfisk Nattergalen Solsortesang Stenpikkeren)" "words left after 'slettet'"

# 2. A samtale export holds its read transaction past the wait (its stdout,
# a pipe, is full). Purge says what is left, and that the next open
# finishes; the next command does, although the export is still open.
mkfifo "$T/export"
samtale --db "$DB" export >"$T/export" &
exporter=$!
exec 3<"$T/export"
head -c 100 <&3 >/dev/null
if [ "$ENGINE" = pg ]; then
	n=$(sql "$DB" "SELECT count(*) FROM cases WHERE closed < '2026-03-01'")
	expect_status 1 samtale --db "$DB" db purge --closed-before 2026-03-01 --yes
	assert_eq "" "$(cat "$T/out")" "stdout of a purge that did not finish"
	assert_contains "$(cat "$T/err")" "samtale: $n afsluttede sager er fjernet, men ikke slettet helt endnu"
	assert_contains "$(cat "$T/err")" "så de slettede ord står stadig i tabellernes filer"
	assert_contains "$(cat "$T/err")" "VACUUM FULL"
	assert_eq 1 "$(wc -l <"$T/err")" "lines on stderr"
	assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM cases WHERE ref = 'Purpurhejre-0815'")" "the purged case"
	cat <&3 >/dev/null
	exec 3<&-
	wait "$exporter" || fail "the export failed"
	# The next erasure rewrites the tables.
	expect_status 0 samtale --db "$DB" case add Glente-1
	expect_status 0 samtale --db "$DB" case delete Glente-1 --yes
	assert_eq "" "$(left Purpurhejre Kongeoern)" "words left after the next erasure"
	exit 0
fi
# SQLite: the WAL and the mark beside the file.
# An idle connection stays open throughout, so that it is not SQLite's
# last close that does the work.
rm -f "$T/idle"; mkfifo "$T/idle"
{ echo "SELECT count(*) FROM audit;"; cat "$T/idle"; } | sqlite3 "$DB" >"$T/idle.out" &
idle=$!
wait_for_output "$T/idle.out"
n=$(sql "$DB" "SELECT count(*) FROM cases WHERE closed < '2026-03-01'")
expect_status 1 samtale --db "$DB" db purge --closed-before 2026-03-01 --yes
assert_eq "" "$(cat "$T/out")" "stdout of a purge that did not finish"
assert_contains "$(cat "$T/err")" "samtale: $n afsluttede sager er fjernet, men ikke slettet helt endnu"
assert_contains "$(cat "$T/err")" "$DB-wal"
assert_contains "$(cat "$T/err")" "næste gang"
assert_eq 1 "$(wc -l <"$T/err")" "lines on stderr"
[ -e "$DB-wipe" ] || fail "no mark that the erasure is unfinished"
assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM cases WHERE ref = 'Purpurhejre-0815'")" "the purged case"
cat <&3 >/dev/null
exec 3<&-
wait "$exporter" || fail "the export failed"
# The next open finishes the erasure.
expect_status 0 samtale --db "$DB" case list
assert_eq "" "$(left Purpurhejre Kongeoern)" "words left after the next open"
[ ! -e "$DB-wipe" ] || fail "the mark outlived the finished erasure"
echo >"$T/idle"
wait "$idle"
samtale --lang en --db "$DB" case list >/dev/null
