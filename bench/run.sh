#!/bin/bash
# samtale's benchmarks, side by side with the anchors they are judged against:
#   process floor (true); a bare curses program vs samtale's first drawn screen
#   and its first usable screen (case count and content loaded); a count(*) of
#   every table by the sqlite3 shell (the floor) and the shell running the same
#   SQL vs `report --by section`, over all meetings and over the last year; the
#   shell vs `followups --all --overdue`; taskwarrior's `task overdue` holding
#   the same follow-ups (when taskwarrior is installed); a bare libyaml parse
#   vs `content check`; peak RSS of every samtale command; the database size;
#   at 500, 5,000 and 50,000 demo cases. Then the load test (bench/load.sh):
#   50 processes on the 5,000-case database and a scripted TUI.
# Writes bench/RESULTS.md. Not a test: ctest never runs it.
#
# Usage: bench/run.sh [SIZES...]     (default: 500 5000 50000)
# Environment: BENCH_RUNS (hyperfine runs at the smaller sizes, default 20);
#   BENCH_DATA (where the demo databases are kept, default /tmp/samtale-bench:
#   each size is made once per version of the store and the demo, and reused);
#   BENCH_LOAD_SIZE (the load test's database, default 5000; 0: no load test);
#   BENCH_LOAD_SECONDS (default 60).
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
SRC=$(dirname "$BENCH")
WORK=$BENCH/work
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(500 5000 50000)
RUNS=${BENCH_RUNS:-20}
DATA=${BENCH_DATA:-/tmp/samtale-bench}
LOAD_SIZE=${BENCH_LOAD_SIZE:-5000}
LOAD_SECONDS=${BENCH_LOAD_SECONDS:-60}

# shellcheck source=bench/lib.sh
. "$BENCH/lib.sh"

#
# Tools: installed with apt-get when we are root, else named.
#

install_missing() {
	local pkgs=()

	command -v hyperfine >/dev/null || pkgs+=(hyperfine)
	[ -x /usr/bin/time ] || pkgs+=(time)
	command -v sqlite3 >/dev/null || pkgs+=(sqlite3)
	command -v jq >/dev/null || pkgs+=(jq)
	command -v cmake >/dev/null || pkgs+=(cmake)
	pkg-config --exists ncursesw yaml-0.1 sqlite3 2>/dev/null || pkgs+=(libncurses-dev libyaml-dev libsqlite3-dev)
	[ ${#pkgs[@]} -eq 0 ] && return 0
	if [ "$(id -u)" != 0 ]; then
		say "missing: ${pkgs[*]}; install them (apt-get install ${pkgs[*]}) or run as root"
		exit 1
	fi
	say "installing ${pkgs[*]}"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
}

#
# Build: samtale in Release mode, and the anchors.
#

build() {
	build_samtale
	build_anchor bare_curses ncursesw
	build_anchor yaml_parse yaml-0.1
	build_anchor pty_run
	build_anchor tui_latency sqlite3
}

#
# The environment every measured command runs in: the same for samtale and
# its anchors. Today is the real today, as taskwarrior knows no other.
#

setup_env() {
	SAMTALE=$WORK/build/samtale
	export HOME=$WORK/home XDG_DATA_HOME=$WORK/home/.local/share
	export SAMTALE_CONTENT=$SRC/content TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8 TERM=xterm
	export NO_COLOR=1
	# The TUI exits right after its first complete draw.
	export SAMTALE_QUIT_AFTER_DRAW=1
	unset SAMTALE_TODAY SAMTALE_DB
	mkdir -p "$HOME" "$DATA"
	TODAY=$(date +%F)
	YEAR_AGO=$(date -d '1 year ago' +%F)
	HAVE_TASK=0
	if command -v task >/dev/null; then HAVE_TASK=1; fi
}

#
# The anchors' SQL: what samtale's report and follow-up list run, for the
# schema version of the database (PRAGMA user_version), and the floor: a
# count(*) of every table.
#

schema_version() { sqlite3 -readonly "$1" "PRAGMA user_version;"; }

sql_floor() {
	sqlite3 -readonly "$1" "SELECT name FROM sqlite_schema WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' ORDER BY name;" |
		while read -r t; do printf 'SELECT count(*) FROM %s; ' "$t"; done
}

# Which cases and meetings the store's readers leave out: those of an
# unfinished batch (src/store/store_int.h).
HIDDEN_CASES="(SELECT hc.id FROM cases hc WHERE hc.batch IN (SELECT id FROM batches))"
SHOWN=" AND (NOT EXISTS (SELECT 1 FROM batches) OR c.meeting_id NOT IN
 (SELECT hm.id FROM cases hc JOIN meetings hm ON hm.case_id = hc.id WHERE hc.batch IN (SELECT id FROM batches)))"

# sql_report DB [FROM TO]: the two statements of `report --by section`
# (src/store/report_queries.c), with the period's dates in place of its
# parameters.
sql_report() {
	local db=$1 from=${2:-} to=${3:-} sel="" join=""

	if [ -n "$from" ]; then
		sel=" AND m.date >= '$from' AND m.date <= '$to'"
		join=" JOIN meetings m ON m.id = mi.meeting_id"
	fi
	case $(schema_version "$db") in
	6)
		[ -z "$from" ] || join=" JOIN meetings m ON m.id = c.meeting_id"
		printf '%s' "SELECT cs.key, NULL, count(*), sum(c.done), sum(c.open), sum(c.not_relevant)
 FROM section_counts c JOIN section_keys cs ON cs.id = c.section$join WHERE 1$SHOWN$sel
 GROUP BY cs.key ORDER BY cs.key;
 SELECT count(*) FROM meetings m WHERE EXISTS (SELECT 1 FROM section_counts c WHERE c.meeting_id = m.id)
 AND (NOT EXISTS (SELECT 1 FROM batches) OR m.case_id NOT IN $HIDDEN_CASES)$sel;"
		;;
	# 5 adds the batches of bulk work, whose test is a lookup in an empty table here.
	4 | 5)
		printf '%s' "SELECT mi.section_id, NULL, count(DISTINCT mi.meeting_id),
 sum(mi.state = 'done'), sum(mi.state = 'open'), sum(mi.state = 'not_relevant')
 FROM meeting_items mi$join WHERE 1$sel GROUP BY mi.section_id ORDER BY mi.section_id;
 SELECT count(*) FROM meetings m WHERE EXISTS (SELECT 1 FROM meeting_items mi WHERE mi.meeting_id = m.id)$sel;"
		;;
	*)
		say "no report SQL for schema version $(schema_version "$db"); add it to sql_report"
		exit 1
		;;
	esac
}

sql_followups() {
	printf '%s' "SELECT f.due, c.ref AS 'case', f.assignee, f.text,
 CAST(julianday('$TODAY') - julianday(f.due) AS INTEGER) AS overdue_days
 FROM followups f JOIN cases c ON c.id = f.case_id
 WHERE NOT f.done AND f.due < '$TODAY' ORDER BY f.due, c.ref, f.id;"
}

#
# Data: the demo database, and the same follow-ups as taskwarrior tasks.
#

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The version of what makes a demo database (the store and the demo
# generator and its phrases, committed or not): a database made by the same
# version is reused.
data_key() {
	{
		git -C "$SRC" ls-files -s src/store src/demo.c data
		git -C "$SRC" diff HEAD -- src/store src/demo.c data
	} | sha256sum | cut -c1-12
}

demo_db() { echo "$DATA/demo-$1-$KEY.db"; }

# make_demo N: the database of N cases, made once (timed, its peak RSS) and
# then reused. At 500 cases a second one is made, and its export compared
# with the first's: the same seed must give the same database.
make_demo() {
	local n=$1 db

	db=$(demo_db "$n")
	if [ ! -s "$db.made" ]; then
		say "making $n demo cases in $db"
		rm -f "$db" "$db-wal" "$db-shm"
		/usr/bin/time -o "$WORK/time.out" -f '%e %M' \
			"$SAMTALE" --db "$db" --user bench demo --cases "$n" --seed 1 >/dev/null
		cp "$WORK/time.out" "$db.made"
	else
		say "reusing $db"
	fi
	R[demo_s,$n]=$(cut -d' ' -f1 "$db.made")
	R[demo_rss,$n]=$(cut -d' ' -f2 "$db.made")
	R[same_export,$n]="not compared"
	if [ "$n" -le 500 ]; then
		rm -f "$WORK/again.db"*
		"$SAMTALE" --db "$WORK/again.db" --user bench demo --cases "$n" --seed 1 >/dev/null
		if cmp -s <("$SAMTALE" --db "$db" export) <("$SAMTALE" --db "$WORK/again.db" export); then
			R[same_export,$n]="identical"
		else
			R[same_export,$n]="**DIFFERENT**"
			say "warning: $n cases: the same seed gave different exports"
		fi
		rm -f "$WORK/again.db"*
	fi
}

# make_tasks N: every follow-up of the demo database as a task (open ones
# pending, done ones completed), due at the end of its day, in a throwaway
# taskwarrior under $WORK.
make_tasks() {
	local n=$1 db dir

	dir=$WORK/task-$n
	db=$(demo_db "$n")

	rm -rf "$dir"
	mkdir -p "$dir/data"
	printf 'data.location=%s\nconfirmation=off\ncolor=off\nhooks=off\nnews.version=2.6.0\n' \
		"$dir/data" >"$dir/taskrc"
	sqlite3 -json "$db" "SELECT f.id, f.due, f.text, f.assignee, f.done, c.ref, c.opened
		FROM followups f JOIN cases c ON c.id = f.case_id ORDER BY f.id;" |
		jq -c '.[] | {
			uuid: ("00000000-0000-4000-8000-" + ("000000000000" + (.id | tostring))[-12:]),
			description: (.text + " (" + .ref + ")"),
			project: "samtale", tags: [.assignee],
			entry: ((.opened | gsub("-"; "")) + "T090000Z"),
			due: ((.due | gsub("-"; "")) + "T235959Z"),
			status: (if .done == 1 then "completed" else "pending" end) }
			+ (if .done == 1 then { end: ((.due | gsub("-"; "")) + "T120000Z") } else {} end)' \
		>"$dir/tasks.json"
	TASKRC=$dir/taskrc task rc.verbose=nothing import "$dir/tasks.json" >/dev/null 2>"$dir/import.err" ||
		{ say "task import failed: $(tail -3 "$dir/import.err")"; exit 1; }
}

count_check() {
	local n=$1 db

	db=$(demo_db "$n")
	R[overdue,$n]=$("$SAMTALE" --db "$db" followups --all --overdue --format csv | tail -n +2 | wc -l)
	R[n_meetings,$n]=$(sqlite3 -readonly "$db" "SELECT count(*) FROM meetings;")
	R[n_followups,$n]=$(sqlite3 -readonly "$db" "SELECT count(*) FROM followups;")
	R[schema,$n]=$(schema_version "$db")
	R[dbsize,$n]=$(stat -c %s "$db" | awk '{ printf "%.1f", $1 / 1048576 }')
	# The same data packed: what a VACUUM would leave.
	rm -f "$WORK/vacuum.db"
	sqlite3 -readonly "$db" "VACUUM INTO '$WORK/vacuum.db'"
	R[dbsize_vacuum,$n]=$(stat -c %s "$WORK/vacuum.db" | awk '{ printf "%.1f", $1 / 1048576 }')
	rm -f "$WORK/vacuum.db"
	R[task_overdue,$n]=""
	[ "$HAVE_TASK" = 1 ] || return 0
	R[task_overdue,$n]=$(TASKRC=$WORK/task-$n/taskrc task rc.verbose=nothing +OVERDUE count)
	if [ "${R[overdue,$n]}" != "${R[task_overdue,$n]}" ]; then
		say "warning: $n cases: samtale has ${R[overdue,$n]} overdue follow-ups, taskwarrior ${R[task_overdue,$n]}"
	fi
}

#
# Measuring
#

# measure N: one hyperfine run of every command at this size.
measure() {
	local n=$1 db runs=$RUNS warmup=3 json task=()
	local yaml_files=("$SRC"/content/*/*.yaml) names year="--from $YEAR_AGO --to $TODAY"

	db=$(demo_db "$n")
	json=$WORK/hyperfine-$n.json
	if [ "$n" -ge 50000 ]; then
		runs=5
		warmup=1
	fi
	if [ "$HAVE_TASK" = 1 ]; then task=(-n task "task overdue"); fi
	say "measuring at $n cases ($runs runs each)"
	TASKRC=$WORK/task-$n/taskrc hyperfine -N --style none --warmup "$warmup" --runs "$runs" \
		--export-json "$json" \
		-n floor "true" \
		-n pty_floor "$WORK/pty_run true" \
		-n version "$SAMTALE --version" \
		-n bare_curses "$WORK/pty_run $WORK/bare_curses" \
		-n tui "$WORK/pty_run $SAMTALE --db $db" \
		-n tui_loaded "env SAMTALE_QUIT_AFTER_DRAW=2 $WORK/pty_run $SAMTALE --db $db" \
		-n case_list "$SAMTALE --db $db case list" \
		-n sql_floor "sqlite3 -readonly $db \"$(sql_floor "$db")\"" \
		-n sql_report "sqlite3 -readonly -header -column $db \"$(sql_report "$db")\"" \
		-n report "$SAMTALE --db $db report --by section" \
		-n sql_report_year "sqlite3 -readonly -header -column $db \"$(sql_report "$db" "$YEAR_AGO" "$TODAY")\"" \
		-n report_year "$SAMTALE --db $db report --by section $year" \
		-n sql_followups "sqlite3 -readonly -header -column $db \"$(sql_followups)\"" \
		-n followups "$SAMTALE --db $db followups --all --overdue" \
		"${task[@]}" \
		-n yaml "$WORK/yaml_parse ${yaml_files[*]}" \
		-n content_check "$SAMTALE content check" >/dev/null
	names=$(jq -r '.results[].command' "$json")
	for name in $names; do
		R[$name,$n]=$(jq -r --arg n "$name" '.results[] | select(.command == $n) | .median * 1000' "$json")
	done
	R[runs,$n]=$runs
}

# rss N: peak resident set of each samtale command (and the anchors), in KB.
rss_of() {
	/usr/bin/time -o "$WORK/time.out" -f '%M' "$@" >/dev/null 2>&1 </dev/null || true
	tail -1 "$WORK/time.out"
}

measure_rss() {
	local n=$1 db

	db=$(demo_db "$n")

	R[rss_tui,$n]=$(rss_of "$WORK/pty_run" "$SAMTALE" --db "$db")
	R[rss_bare_curses,$n]=$(rss_of "$WORK/pty_run" "$WORK/bare_curses")
	R[rss_report,$n]=$(rss_of "$SAMTALE" --db "$db" report --by section)
	R[rss_followups,$n]=$(rss_of "$SAMTALE" --db "$db" followups --all --overdue)
	R[rss_content_check,$n]=$(rss_of "$SAMTALE" content check)
	R[rss_export,$n]=$(rss_of "$SAMTALE" --db "$db" export)
	R[rss_export_md,$n]=$(rss_of "$SAMTALE" --db "$db" export --format md)
	R[rss_sqlite3,$n]=$(rss_of sqlite3 -readonly "$db" "$(sql_report "$db")")
	if [ "$HAVE_TASK" = 1 ]; then R[rss_task,$n]=$(TASKRC=$WORK/task-$n/taskrc rss_of task overdue); fi
	return 0
}

#
# RESULTS.md
#

ms() { awk -v v="$1" 'BEGIN { printf (v < 10 ? "%.2f" : (v < 100 ? "%.1f" : "%.0f")), v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'; }
mb() { awk -v v="$1" 'BEGIN { printf "%.1f", v / 1024 }'; }
thousands() { printf '%s' "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }

row() {
	local label=$1 fn=$2 a=$3 b=${4:-}
	local line="| $label |"

	for n in "${SIZES[@]}"; do
		if [ -z "${R[$a,$n]:-}" ] || { [ -n "$b" ] && [ -z "${R[$b,$n]:-}" ]; }; then
			line+=" not measured |"
			continue
		fi
		case $fn in
		ms) line+=" $(ms "${R[$a,$n]}") |" ;;
		ratio) line+=" **$(ratio "${R[$a,$n]}" "${R[$b,$n]}")** |" ;;
		mb) line+=" $(mb "${R[$a,$n]}") |" ;;
		t) line+=" ${R[$a,$n]} |" ;;
		s) line+=" ${R[$a,$n]} s |" ;;
		n) line+=" $(thousands "${R[$a,$n]}") |" ;;
		esac
	done
	echo "$line"
}

# aim WHAT VALUE OK: one row of the aims table.
aim() {
	local what=$1 value=$2 ok=$3
	echo "| $what | $value | $([ "$ok" = 1 ] && echo met || echo '**missed**') |"
}

at() { awk -v a="$1" -v b="$2" "BEGIN { print ($3) ? 1 : 0 }"; }

# ratio_aim WHAT A B N LIMIT: the aim that A / B at N cases is at most LIMIT.
ratio_aim() {
	local what=$1 a=$2 b=$3 n=$4 limit=$5

	[ -n "${R[$a,$n]:-}" ] && [ -n "${R[$b,$n]:-}" ] || return 0
	aim "$what" "$(ratio "${R[$a,$n]}" "${R[$b,$n]}")" "$(at "${R[$a,$n]}" "${R[$b,$n]}" "a <= $limit * b")"
}

has_size() { [[ " ${SIZES[*]} " == *" $1 "* ]]; }

write_aims() {
	local n max_rss=0 k

	echo "## Aims (issue 16)"
	echo
	echo "| aim | measured | |"
	echo "|---|---:|---|"
	if has_size 5000; then
		aim "database at 5,000 cases ≤ 35 MB" "${R[dbsize,5000]} MB" "$(at "${R[dbsize,5000]}" 35 'a <= b')"
		ratio_aim "\`report --by section\` at 5,000 ≤ 3× the \`count(*)\` floor" report sql_floor 5000 3
	fi
	if has_size 5000 && has_size 50000; then
		aim "\`report --by section\` grows linearly: 50,000 / 5,000 cases (10× the data) ≤ 12×" \
			"$(ratio "${R[report,50000]}" "${R[report,5000]}")" \
			"$(at "${R[report,50000]}" "${R[report,5000]}" 'a <= 12 * b')"
	fi
	for n in "${SIZES[@]}"; do
		ratio_aim "first usable screen at $(thousands "$n") ≤ 2× bare curses" tui_loaded bare_curses "$n" 2
	done
	has_size 50000 && ratio_aim "\`followups --all --overdue\` at 50,000 ≤ 1.2× the shell" followups sql_followups 50000 1.2
	if [ -n "${R[load_busy]:-}" ]; then
		aim "load test: 0 busy errors" "${R[load_busy]}" "$(at "${R[load_busy]}" 0 'a == b')"
		aim "load test: TUI keystroke-to-saved p99 ≤ 0.5 s" "${R[load_tui_p99_ms]} ms" \
			"$(at "${R[load_tui_p99_ms]}" 500 'a <= b && '"${R[load_tui_unsaved]}"' == 0')"
		aim "load test: TUI keystroke-to-saved max ≤ 2 s" "${R[load_tui_max_ms]} ms" \
			"$(at "${R[load_tui_max_ms]}" 2000 'a <= b && '"${R[load_tui_unsaved]}"' == 0')"
	fi
	has_size 5000 || return 0
	echo
	echo "Earlier aims, at 5,000 cases:"
	echo
	echo "| aim | measured | |"
	echo "|---|---:|---|"
	for k in rss_tui rss_report rss_followups rss_content_check rss_export rss_export_md; do
		[ "${R[$k,5000]}" -gt "$max_rss" ] && max_rss=${R[$k,5000]}
	done
	ratio_aim "first drawn screen ≤ 2× bare curses" tui bare_curses 5000 2
	ratio_aim "report ≤ 1.5× the same SQL in the sqlite3 shell" report sql_report 5000 1.5
	ratio_aim "followups ≤ 1.5× the sqlite3 shell" followups sql_followups 5000 1.5
	if [ "$HAVE_TASK" = 1 ]; then
		aim "followups ≥ 10× faster than taskwarrior" "$(ratio "${R[task,5000]}" "${R[followups,5000]}")" \
			"$(at "${R[task,5000]}" "${R[followups,5000]}" 'a >= 10 * b')"
	fi
	aim "peak RSS ≤ 16 MB (largest of screen, report, followups, content check, export)" "$(mb "$max_rss") MB" \
		"$(at "$max_rss" 16384 'a <= b')"
}

write_load() {
	[ -n "${R[load_busy]:-}" ] || return 0
	echo "## Load test (\`bench/load.sh\`, the $(thousands "$LOAD_SIZE")-case database)"
	echo
	echo "For ${R[load_duration_s]} s, 50 processes on one copy of the database, each a loop: 4 import"
	echo "1,000 cases at a time (an 18 MB file of the demo's cases under new references, closed), 2 purge"
	echo "the closed cases every 3 s, 4 delete open cases one by one, 3 make an online backup every 2 s,"
	echo "22 read (\`report --by section\`, \`followups --all --overdue\`, \`case list --all\`, \`export REF\`"
	echo "in turn) and 15 write (\`case add\`, \`case close\`), with short pauses. Beside them"
	echo "bench/tui_latency.c runs the TUI in a pseudo-terminal, starts a meeting and presses Space every"
	echo "250 ms; a keystroke is saved when its audit line can be read from the database. Busy errors"
	echo "are every message of any process, and every time the TUI's screen, that says busy or locked."
	echo
	echo "| | count | failed | slowest (ms) |"
	echo "|---|---:|---:|---:|"
	for k in import purge delete backup read write; do
		echo "| $k | ${R[load_$k]} | ${R[load_${k}_failed]} | ${R[load_${k}_max_ms]} |"
	done
	echo
	echo "| TUI keystrokes | saved p50 | p99 | max | not saved within 60 s | busy errors (all processes) |"
	echo "|---:|---:|---:|---:|---:|---:|"
	echo "| ${R[load_tui_keys]} | ${R[load_tui_p50_ms]} ms | ${R[load_tui_p99_ms]} ms | ${R[load_tui_max_ms]} ms | ${R[load_tui_unsaved]} | **${R[load_busy]}** |"
	echo
	echo "Small writes: p99 ${R[load_write_p99_ms]} ms, slowest ${R[load_write_max_ms]} ms."
	echo
}

write_results() {
	local out=$BENCH/RESULTS.md head sep n version

	head="| |"
	sep="|---|"
	for n in "${SIZES[@]}"; do
		head+=" $(thousands "$n") cases |"
		sep+="---:|"
	done
	# Before the file is rewritten, which would count as a change itself.
	version="$(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$SRC" diff --quiet HEAD -- . ':!bench/RESULTS.md' 2>/dev/null || echo ' (with uncommitted changes)')"
	{
		echo "# samtale benchmark results"
		echo
		echo "Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); samtale $version, Release build."
		echo
		echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/^Mem:/ { print $2 " GB" }') RAM, Linux $(uname -r); load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
		echo "Tools: $(hyperfine --version), sqlite3 $(sqlite3 --version | cut -d' ' -f1), $([ "$HAVE_TASK" = 1 ] && echo "taskwarrior $(task --version), ")$(cc --version | head -1)."
		echo
		echo "Medians in milliseconds from one hyperfine run per size (\`-N\`, no shell; ${R[runs,${SIZES[0]}]} runs, 5 at 50,000 cases),"
		echo "every command side by side in the same run. Ratios are samtale / anchor, except"
		echo "taskwarrior, where the ratio is how many times faster samtale is. Both curses programs"
		echo "ran the same way, in a 100x30 pseudo-terminal made by bench/pty_run.c (TERM=xterm);"
		echo "samtale's first screen is its case list on the demo database, ended by"
		echo "SAMTALE_QUIT_AFTER_DRAW=1 right after its first draw: every visible row is there, the"
		echo "case count in the title and the guide's content follow before the first key is read."
		echo "SAMTALE_QUIT_AFTER_DRAW=2 ends once those are loaded and drawn too: the first usable screen."
		echo "The floor is one sqlite3 shell counting the rows of every table of the database; the"
		echo "shell's report SQL is the statements samtale runs for \`report --by section\` (both of them)."
		echo "\"One year\" is \`--from\` a year ago \`--to\` today."
		echo
		echo "## Data (\`samtale demo --seed 1\`)"
		echo
		echo "$head"
		echo "$sep"
		row "schema version (PRAGMA user_version)" t schema
		row "meetings" n n_meetings
		row "follow-ups" n n_followups
		row "overdue follow-ups (samtale)" n overdue
		row "overdue tasks (taskwarrior, same data)" n task_overdue
		row "database size (MB)" t dbsize
		row "database size after VACUUM (MB)" t dbsize_vacuum
		row "\`samtale demo\` wall time" s demo_s
		row "\`samtale demo\` peak RSS (MB)" mb demo_rss
		row "\`samtale export\` after a second \`demo --seed 1\`" t same_export
		echo
		echo "## Times (median, ms)"
		echo
		echo "$head"
		echo "$sep"
		row "process floor: \`true\`" ms floor
		row "pty floor: \`pty_run true\`" ms pty_floor
		row "\`samtale --version\` (the binary and its libraries)" ms version
		row "bare curses, one line (in pty_run)" ms bare_curses
		row "samtale, first drawn screen (in pty_run)" ms tui
		row "ratio samtale / bare curses" ratio tui bare_curses
		row "samtale, first usable screen: case count and content loaded (\`=2\`)" ms tui_loaded
		row "ratio first usable screen / bare curses (aim ≤ 2×)" ratio tui_loaded bare_curses
		row "\`samtale case list\` (every open case, printed)" ms case_list
		row "floor: sqlite3 shell, \`count(*)\` of every table" ms sql_floor
		row "sqlite3 shell, report SQL, all meetings" ms sql_report
		row "\`samtale report --by section\`, all meetings" ms report
		row "ratio report / floor (aim ≤ 3× at 5,000)" ratio report sql_floor
		row "ratio report / sqlite3 same SQL" ratio report sql_report
		row "ratio sqlite3 report SQL / floor" ratio sql_report sql_floor
		row "sqlite3 shell, report SQL, one year" ms sql_report_year
		row "\`samtale report --by section\`, one year" ms report_year
		row "ratio report one year / floor" ratio report_year sql_floor
		row "ratio report one year / sqlite3 same SQL" ratio report_year sql_report_year
		row "sqlite3 shell, overdue SQL" ms sql_followups
		row "\`samtale followups --all --overdue\`" ms followups
		row "ratio followups / sqlite3 (aim ≤ 1.2× at 50,000)" ratio followups sql_followups
		row "taskwarrior \`task overdue\`" ms task
		row "samtale faster than taskwarrior by" ratio task followups
		row "bare libyaml parse of content/*/*.yaml" ms yaml
		row "\`samtale content check\`" ms content_check
		row "ratio content check / libyaml parse" ratio content_check yaml
		echo
		echo "## Peak RSS (MB, /usr/bin/time %M)"
		echo
		echo "$head"
		echo "$sep"
		row "bare curses, one line" mb rss_bare_curses
		row "samtale, first drawn screen" mb rss_tui
		row "\`samtale report --by section\`" mb rss_report
		row "\`samtale followups --all --overdue\`" mb rss_followups
		row "\`samtale content check\`" mb rss_content_check
		row "\`samtale export\` (every case, JSON)" mb rss_export
		row "\`samtale export --format md\` (every case)" mb rss_export_md
		row "sqlite3 shell, report SQL" mb rss_sqlite3
		row "taskwarrior \`task overdue\`" mb rss_task
		echo
		write_load
		write_aims
	} >"$out"
	say "wrote $out"
}

# load_test: bench/load.sh on the LOAD_SIZE database; its key=value lines into R.
load_test() {
	local k v

	[ "$LOAD_SIZE" != 0 ] || return 0
	has_size "$LOAD_SIZE" || make_demo "$LOAD_SIZE"
	while IFS='=' read -r k v; do
		R[$k]=$v
	done < <("$BENCH/load.sh" "$SAMTALE" "$(demo_db "$LOAD_SIZE")" "$DATA" "$WORK/tui_latency" "$LOAD_SECONDS")
}

main() {
	declare -gA R
	local n

	install_missing
	build
	setup_env
	KEY=$(data_key)
	for n in "${SIZES[@]}"; do
		make_demo "$n"
		if [ "$HAVE_TASK" = 1 ]; then
			say "importing the follow-ups of $n cases into taskwarrior"
			make_tasks "$n"
		fi
		count_check "$n"
	done
	for n in "${SIZES[@]}"; do
		measure "$n"
		measure_rss "$n"
	done
	load_test
	write_results
}

main
