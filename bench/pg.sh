#!/bin/bash
# samtale on PostgreSQL beside SQLite, side by side in one run: `report --by
# section`, `followups --all --overdue` and the first usable screen on both
# engines, each against its engine's own shell (psql, sqlite3) running the
# same SQL, and the first screen against bare curses; then 50 writers at once
# on PostgreSQL. Runs itself inside pg_virtualenv (a throwaway cluster) unless
# PGHOST names one. Writes bench/RESULTS-pg.md. Not a test: ctest never runs it.
#
# Usage: bench/pg.sh [SIZES...]     (default: 5000 50000)
# Environment: BENCH_RUNS (hyperfine runs, default 10; 3 at 50,000 cases),
#   BENCH_WRITERS (default 50), BENCH_WRITES (changes per writer, default 40).
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
SRC=$(dirname "$BENCH")
WORK=$BENCH/work
if [ -z "${PGHOST:-}" ]; then
	exec pg_virtualenv -t -v 15 bash "$0" "$@"
fi
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(5000 50000)
RUNS=${BENCH_RUNS:-10}
WRITERS=${BENCH_WRITERS:-50}
WRITES=${BENCH_WRITES:-40}
OUT=$BENCH/RESULTS-pg.md

# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"

command -v hyperfine >/dev/null || { say "hyperfine is missing (apt-get install hyperfine)"; exit 1; }

build_samtale
build_anchor bare_curses ncursesw
build_anchor pty_run

SAMTALE=$WORK/build/samtale
export HOME=$WORK/home-pg XDG_DATA_HOME=$WORK/home-pg/.local/share
export SAMTALE_CONTENT=$SRC/content TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8 TERM=xterm NO_COLOR=1
unset SAMTALE_TODAY SAMTALE_DB
mkdir -p "$HOME"
TODAY=$(date +%F)
# psql and samtale alike see the samtale schema first, and plan without JIT
# as samtale's connection does (src/store/pg/pg.c).
export PGOPTIONS="-c search_path=samtale -c jit=off"

# The SQL of `report --by section` and `followups --all --overdue`
# (src/store/report_queries.c, followups.c), as both shells run it.
SQL_REPORT="SELECT cs.key, NULL, count(*), sum(c.done), sum(c.open), sum(c.not_relevant)
 FROM section_counts c JOIN section_keys cs ON cs.id = c.section WHERE 1 = 1
 AND (NOT EXISTS (SELECT 1 FROM batches) OR c.meeting_id NOT IN (SELECT hm.id FROM cases hc
 JOIN meetings hm ON hm.case_id = hc.id WHERE hc.batch IN (SELECT id FROM batches)))
 GROUP BY cs.key ORDER BY cs.key;
 SELECT count(*) FROM meetings m WHERE EXISTS (SELECT 1 FROM section_counts c WHERE c.meeting_id = m.id)
 AND (NOT EXISTS (SELECT 1 FROM batches) OR m.case_id NOT IN (SELECT hc.id FROM cases hc
 WHERE hc.batch IN (SELECT id FROM batches)));"
SQL_FOLLOWUPS="SELECT f.due, c.ref, f.assignee, f.text FROM followups f JOIN cases c ON c.id = f.case_id
 WHERE f.done = 0 AND f.due < '$TODAY' ORDER BY f.due, c.ref, f.id;"

# As files: hyperfine -N splits a command line at its spaces.
printf '%s\n' "$SQL_REPORT" >"$WORK/pg-report.sql"
printf '%s\n' "$SQL_FOLLOWUPS" >"$WORK/pg-followups.sql"

declare -A MS IMPORT_S

# time_of NAME N CMD: the median of hyperfine's runs, in milliseconds.
time_of() {
	local name=$1 n=$2 runs=$RUNS json
	shift 2
	[ "$n" -ge 50000 ] && runs=3
	json=$WORK/pg-$name-$n.json
	hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$json" "$*" >/dev/null 2>"$WORK/pg-hyperfine.err" ||
		{ say "$name failed: $(cat "$WORK/pg-hyperfine.err")"; exit 1; }
	MS[$name,$n]=$(python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$json")
}

seconds_since() { python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$1" "$(date +%s.%N)"; }

ratio() { python3 -c 'import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print("%.2f" % (a / b) if b else "-")' "$1" "$2"; }

# team_db URI: db init, a team, and in it the caseworker every timed command
# and writer connects as: an ordinary role, so that the row-level policies a
# caseworker meets are in the figures (the cluster's superuser, who imports,
# bypasses them).
team_db() {
	"$SAMTALE" --db "$1" db init >/dev/null
	psql -X -q -v ON_ERROR_STOP=1 -c "DO \$\$ BEGIN CREATE ROLE bench_team NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END \$\$;
		DO \$\$ BEGIN CREATE ROLE bench_worker LOGIN PASSWORD 'bench' IN ROLE bench_team, samtale_caseworker;
			EXCEPTION WHEN duplicate_object THEN NULL; END \$\$;
		INSERT INTO samtale.teams (name) VALUES ('bench_team') ON CONFLICT DO NOTHING;
		GRANT bench_team TO current_user" "${1#postgresql:///}" >/dev/null
}

as_caseworker() { PGUSER=bench_worker PGPASSWORD=bench "$@"; }

# time_size N SQLITE_FILE PG_DATABASE: every timing at N cases.
time_size() {
	local n=$1 lite=$2 pgdb=$3 uri=postgresql:///$3

	say "timing at $n cases"
	time_of report_lite "$n" "$SAMTALE" --db "$lite" report --by section
	time_of report_sqlite3 "$n" sqlite3 -init "$WORK/pg-report.sql" -readonly "$lite" .exit
	time_of report_pg "$n" "$SAMTALE" --db "$uri" report --by section
	time_of report_psql "$n" psql -X -q -A -t -o /dev/null -f "$WORK/pg-report.sql" "$pgdb"
	time_of followups_lite "$n" "$SAMTALE" --db "$lite" followups --all --overdue
	time_of followups_sqlite3 "$n" sqlite3 -init "$WORK/pg-followups.sql" -readonly "$lite" .exit
	time_of followups_pg "$n" "$SAMTALE" --db "$uri" followups --all --overdue
	time_of followups_psql "$n" psql -X -q -A -t -o /dev/null -f "$WORK/pg-followups.sql" "$pgdb"
	time_of connect_psql "$n" psql -X -q -f /dev/null "$pgdb"
	time_of bare_curses "$n" "$WORK/pty_run" "$WORK/bare_curses"
	time_of tui_lite "$n" env SAMTALE_QUIT_AFTER_DRAW=2 "$WORK/pty_run" "$SAMTALE" --db "$lite"
	time_of tui_pg "$n" env SAMTALE_QUIT_AFTER_DRAW=2 "$WORK/pty_run" "$SAMTALE" --db "$uri"
}

for n in "${SIZES[@]}"; do
	lite=$WORK/pg-bench-$n.db pgdb=bench_$n uri=postgresql:///bench_$n
	say "$n demo cases on SQLite and on PostgreSQL"
	rm -f "$lite" "$lite"-*
	"$SAMTALE" --db "$lite" --user bench demo --cases "$n" --seed 1 >/dev/null
	dropdb --if-exists "$pgdb"
	createdb "$pgdb"
	team_db "$uri"
	"$SAMTALE" --db "$lite" --user bench export >"$WORK/pg-bench-$n.json"
	start=$(date +%s.%N)
	"$SAMTALE" --db "$uri" --user bench import "$WORK/pg-bench-$n.json" >/dev/null
	IMPORT_S[$n]=$(seconds_since "$start")
	psql -X -q -c "VACUUM ANALYZE" "$pgdb"
	as_caseworker time_size "$n" "$lite" "$pgdb"
done

# writers URI: WRITERS processes at once, each adding WRITES cases; sets
# secs (how long) and failed (how many changes failed).
writers() {
	local uri=$1 start pids=() p

	say "$WRITERS writers at once on PostgreSQL"
	start=$(date +%s.%N)
	failed=0
	: >"$WORK/pg-writers.err"
	for w in $(seq "$WRITERS"); do
		(
			fails=0
			for i in $(seq "$WRITES"); do
				"$SAMTALE" --db "$uri" --user bench case add "W$w-$i" \
					>/dev/null 2>>"$WORK/pg-writers.err" || fails=$((fails + 1))
			done
			exit "$fails"
		) &
		pids+=($!)
	done
	for p in "${pids[@]}"; do wait "$p" || failed=$((failed + $?)); done
	secs=$(seconds_since "$start")
}
as_caseworker writers "postgresql:///bench_${SIZES[-1]}"

{
	echo "# samtale on PostgreSQL 15 beside SQLite"
	echo
	echo "Made by \`bench/pg.sh\` on $(date -u +%F) ($(nproc) cores; $(psql -X -A -t -c 'SHOW server_version' postgres),"
	echo "a throwaway cluster of pg_virtualenv with its default settings). Medians in milliseconds"
	echo "from hyperfine (\`-N\`, $RUNS runs, 3 at 50,000 cases). The same demo cases on both engines"
	echo "(made on SQLite, exported, imported into PostgreSQL). Each shell runs the SQL samtale runs;"
	echo "on PostgreSQL both connect as a caseworker (an ordinary role under the row-level policies)"
	echo "with a password over TCP, as pg_virtualenv's cluster allows."
	echo
	printf '| %s |' "" ; for n in "${SIZES[@]}"; do printf ' %s cases |' "$n"; done; echo
	printf '|---|' ; for n in "${SIZES[@]}"; do printf -- '---:|'; done; echo
	row() {
		local label=$1 key=$2 base=${3:-}
		printf '| %s |' "$label"
		for n in "${SIZES[@]}"; do
			if [ -n "$base" ]; then printf ' %s× |' "$(ratio "${MS[$key,$n]}" "${MS[$base,$n]}")"
			else printf ' %s |' "${MS[$key,$n]}"; fi
		done
		echo
	}
	row "\`report --by section\`, SQLite" report_lite
	row "the same SQL in sqlite3" report_sqlite3
	row "ratio" report_lite report_sqlite3
	row "\`report --by section\`, PostgreSQL" report_pg
	row "the same SQL in psql" report_psql
	row "ratio" report_pg report_psql
	row "\`followups --all --overdue\`, SQLite" followups_lite
	row "the same SQL in sqlite3" followups_sqlite3
	row "ratio" followups_lite followups_sqlite3
	row "\`followups --all --overdue\`, PostgreSQL" followups_pg
	row "the same SQL in psql" followups_psql
	row "ratio" followups_pg followups_psql
	row "bare curses (in pty_run)" bare_curses
	row "first usable screen, SQLite" tui_lite
	row "ratio to bare curses" tui_lite bare_curses
	row "first usable screen, PostgreSQL" tui_pg
	row "ratio to bare curses" tui_pg bare_curses
	row "psql connecting and running nothing" connect_psql
	row "first usable screen, PostgreSQL, ratio to that" tui_pg connect_psql
	echo
	for n in "${SIZES[@]}"; do
		echo "Importing the $n cases into PostgreSQL took ${IMPORT_S[$n]} s (one \`samtale import\`, one transaction)."
	done
	echo
	echo "$WRITERS writers at once on PostgreSQL, $WRITES new cases each ($((WRITERS * WRITES)) changes,"
	echo "one \`samtale case add\` process per change): ${secs} s in all, $failed failed."
} >"$OUT"
cat "$OUT"
