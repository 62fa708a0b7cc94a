#!/bin/bash
# samtale's benchmarks, side by side with the anchors they are judged against:
#   process floor (true); a bare curses program vs samtale's first drawn screen;
#   the sqlite3 shell running the equivalent SQL vs `report --by section` and
#   `followups --all --overdue`; taskwarrior's `task overdue` holding the same
#   follow-ups vs `followups`; a bare libyaml parse vs `content check`; peak
#   RSS of every samtale command; at 500, 5,000 and 50,000 demo cases.
# Writes bench/RESULTS.md. Not a test: ctest never runs it.
#
# Usage: bench/run.sh [SIZES...]     (default: 500 5000 50000)
# Environment: BENCH_RUNS (hyperfine runs at the smaller sizes, default 20).
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
SRC=$(dirname "$BENCH")
WORK=$BENCH/work
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(500 5000 50000)
RUNS=${BENCH_RUNS:-20}

say() { printf 'bench: %s\n' "$*" >&2; }

#
# Tools: installed with apt-get when we are root, else named.
#

install_missing() {
	local pkgs=()

	command -v hyperfine >/dev/null || pkgs+=(hyperfine)
	command -v task >/dev/null || pkgs+=(taskwarrior)
	[ -x /usr/bin/time ] || pkgs+=(time)
	command -v sqlite3 >/dev/null || pkgs+=(sqlite3)
	command -v jq >/dev/null || pkgs+=(jq)
	command -v cmake >/dev/null || pkgs+=(cmake)
	pkg-config --exists ncursesw yaml-0.1 2>/dev/null || pkgs+=(libncurses-dev libyaml-dev)
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
	say "building samtale (Release) and the anchors in $WORK"
	mkdir -p "$WORK"
	cmake -S "$SRC" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release -DSAMTALE_TESTS=OFF >/dev/null
	cmake --build "$WORK/build" -j"$(nproc)" --target samtale >/dev/null
	# shellcheck disable=SC2046
	cc -O2 -o "$WORK/bare_curses" "$BENCH/bare_curses.c" $(pkg-config --cflags --libs ncursesw)
	# shellcheck disable=SC2046
	cc -O2 -o "$WORK/yaml_parse" "$BENCH/yaml_parse.c" $(pkg-config --cflags --libs yaml-0.1)
	cc -O2 -o "$WORK/pty_run" "$BENCH/pty_run.c" -lutil
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
	mkdir -p "$HOME"
	TODAY=$(date +%F)
}

#
# The anchors' SQL: what samtale's report and follow-up list compute.
#

SQL_REPORT="SELECT section_id AS section, count(DISTINCT meeting_id) AS meetings,
 sum(state = 'done') AS done, sum(state = 'open') AS open,
 sum(state = 'not_relevant') AS not_relevant,
 printf('%.1f', 100.0 * sum(state = 'done') / nullif(sum(state IN ('done', 'open')), 0)) AS completion_pct
 FROM meeting_items GROUP BY section_id ORDER BY section_id;"

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

# make_demo N: the database, timed; N=50,000 is made once, the others three
# times, and up to 5,000 each one's export is compared: the same seed must
# give the same database.
make_demo() {
	local n=$1 db=$WORK/demo-$n.db reps=3 i secs=() rss=() sums=()

	[ "$n" -ge 50000 ] && reps=1
	for ((i = 0; i < reps; i++)); do
		rm -f "$db" "$db-wal" "$db-shm"
		/usr/bin/time -o "$WORK/time.out" -f '%e %M' \
			"$SAMTALE" --db "$db" --user bench demo --cases "$n" --seed 1 >/dev/null
		secs+=("$(cut -d' ' -f1 "$WORK/time.out")")
		rss+=("$(cut -d' ' -f2 "$WORK/time.out")")
		[ "$n" -le 5000 ] && sums+=("$("$SAMTALE" --db "$db" export | sha256sum | cut -c1-16)")
	done
	if [ ${#sums[@]} -eq 0 ]; then
		R[same_export,$n]="not compared"
	elif [ "$(printf '%s\n' "${sums[@]}" | sort -u | wc -l)" = 1 ]; then
		R[same_export,$n]="identical (${#sums[@]} runs)"
	else
		R[same_export,$n]="**DIFFERENT**"
		say "warning: $n cases: the same seed gave different exports"
	fi
	R[demo_s,$n]=$(printf '%s\n' "${secs[@]}" | median)
	R[demo_rss,$n]=$(printf '%s\n' "${rss[@]}" | median)
	R[demo_reps,$n]=$reps
}

# make_tasks N: every follow-up of the demo database as a task (open ones
# pending, done ones completed), due at the end of its day, in a throwaway
# taskwarrior under $WORK.
make_tasks() {
	local n=$1 db=$WORK/demo-$n.db dir=$WORK/task-$n

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
	local n=$1 db=$WORK/demo-$n.db

	R[overdue,$n]=$(sqlite3 "$db" "SELECT count(*) FROM followups WHERE NOT done AND due < '$TODAY';")
	R[task_overdue,$n]=$(TASKRC=$WORK/task-$n/taskrc task rc.verbose=nothing +OVERDUE count)
	R[n_meetings,$n]=$(sqlite3 "$db" "SELECT count(*) FROM meetings;")
	R[n_items,$n]=$(sqlite3 "$db" "SELECT count(*) FROM meeting_items;")
	R[n_followups,$n]=$(sqlite3 "$db" "SELECT count(*) FROM followups;")
	R[dbsize,$n]=$(du -m "$db" | cut -f1)
	if [ "${R[overdue,$n]}" != "${R[task_overdue,$n]}" ]; then
		say "warning: $n cases: samtale has ${R[overdue,$n]} overdue follow-ups, taskwarrior ${R[task_overdue,$n]}"
	fi
}

#
# Measuring
#

# measure N: one hyperfine run of every command at this size.
measure() {
	local n=$1 db=$WORK/demo-$n.db runs=$RUNS warmup=3 json=$WORK/hyperfine-$n.json
	local yaml_files=("$SRC"/content/*/*.yaml)

	if [ "$n" -ge 50000 ]; then
		runs=5
		warmup=1
	fi
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
		-n sql_report "sqlite3 -readonly -header -column $db \"$SQL_REPORT\"" \
		-n report "$SAMTALE --db $db report --by section" \
		-n sql_followups "sqlite3 -readonly -header -column $db \"$(sql_followups)\"" \
		-n followups "$SAMTALE --db $db followups --all --overdue" \
		-n task "task overdue" \
		-n yaml "$WORK/yaml_parse ${yaml_files[*]}" \
		-n content_check "$SAMTALE content check" >/dev/null
	for name in floor pty_floor version bare_curses tui tui_loaded case_list sql_report report sql_followups followups task yaml content_check; do
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
	local n=$1 db=$WORK/demo-$n.db

	R[rss_tui,$n]=$(rss_of "$WORK/pty_run" "$SAMTALE" --db "$db")
	R[rss_bare_curses,$n]=$(rss_of "$WORK/pty_run" "$WORK/bare_curses")
	R[rss_report,$n]=$(rss_of "$SAMTALE" --db "$db" report --by section)
	R[rss_followups,$n]=$(rss_of "$SAMTALE" --db "$db" followups --all --overdue)
	R[rss_content_check,$n]=$(rss_of "$SAMTALE" content check)
	R[rss_export,$n]=$(rss_of "$SAMTALE" --db "$db" export)
	R[rss_export_md,$n]=$(rss_of "$SAMTALE" --db "$db" export --format md)
	R[rss_sqlite3,$n]=$(rss_of sqlite3 -readonly "$db" "$SQL_REPORT")
	R[rss_task,$n]=$(TASKRC=$WORK/task-$n/taskrc rss_of task overdue)
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
		case $fn in
		ms) line+=" $(ms "${R[$a,$n]}") |" ;;
		ratio) line+=" **$(ratio "${R[$a,$n]}" "${R[$b,$n]}")** |" ;;
		mb) line+=" $([ -n "${R[$a,$n]}" ] && mb "${R[$a,$n]}" || echo "not measured") |" ;;
		t) line+=" ${R[$a,$n]} |" ;;
		s) line+=" ${R[$a,$n]} s |" ;;
		n) line+=" $(thousands "${R[$a,$n]}") |" ;;
		esac
	done
	echo "$line"
}

aim() {
	local what=$1 value=$2 ok=$3
	echo "| $what | $value | $([ "$ok" = 1 ] && echo met || echo '**missed**') |"
}

at() { awk -v a="$1" -v b="$2" "BEGIN { print ($3) ? 1 : 0 }"; }

write_results() {
	local out=$BENCH/RESULTS.md head sep ref=5000 n version

	[[ " ${SIZES[*]} " == *" 5000 "* ]] || ref=${SIZES[0]}
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
		echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/^Mem:/ { print $2 " GB" }') RAM, Linux $(uname -r)."
		echo "Tools: $(hyperfine --version), sqlite3 $(sqlite3 --version | cut -d' ' -f1), taskwarrior $(task --version), $(cc --version | head -1)."
		echo
		echo "Medians in milliseconds from one hyperfine run per size (\`-N\`, no shell; ${R[runs,${SIZES[0]}]} runs, 5 at 50,000 cases),"
		echo "every command side by side in the same run. Ratios are samtale / anchor, except"
		echo "taskwarrior, where the ratio is how many times faster samtale is. Both curses programs"
		echo "ran the same way, in a 100x30 pseudo-terminal made by bench/pty_run.c (TERM=xterm);"
		echo "samtale's first screen is its case list on the demo database, ended by"
		echo "SAMTALE_QUIT_AFTER_DRAW=1 right after its first draw: every visible row is there, the"
		echo "case count in the title and the guide's content follow before the first key is read."
		echo "SAMTALE_QUIT_AFTER_DRAW=2 ends once those are loaded and drawn too (its own row)."
		echo
		echo "## Data (\`samtale demo --seed 1\`)"
		echo
		echo "$head"
		echo "$sep"
		row "meetings" n n_meetings
		row "checklist item rows" n n_items
		row "follow-ups" n n_followups
		row "overdue follow-ups (samtale)" n overdue
		row "overdue tasks (taskwarrior, same data)" n task_overdue
		row "database size (MB)" n dbsize
		row "\`samtale demo\` wall time (median of 3; 1 at 50,000)" s demo_s
		row "\`samtale demo\` peak RSS (MB)" mb demo_rss
		row "\`samtale export\` after each \`demo --seed 1\`" t same_export
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
		row "ratio samtale / bare curses (aim ≤ 2×)" ratio tui bare_curses
		row "samtale, first screen with the case count and the content loaded (\`=2\`)" ms tui_loaded
		row "ratio of that / bare curses" ratio tui_loaded bare_curses
		row "\`samtale case list\` (every open case, printed)" ms case_list
		row "sqlite3 shell, report SQL" ms sql_report
		row "\`samtale report --by section\`" ms report
		row "ratio report / sqlite3 (aim ≤ 1.5×)" ratio report sql_report
		row "sqlite3 shell, overdue SQL" ms sql_followups
		row "\`samtale followups --all --overdue\`" ms followups
		row "ratio followups / sqlite3 (aim ≤ 1.5×)" ratio followups sql_followups
		row "taskwarrior \`task overdue\`" ms task
		row "samtale faster than taskwarrior by (aim ≥ 10×)" ratio task followups
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
		echo "## Aims, at $(thousands $ref) cases"
		echo
		echo "| aim | measured | |"
		echo "|---|---:|---|"
		local max_rss=0 k
		for k in rss_tui rss_report rss_followups rss_content_check rss_export rss_export_md; do
			[ "${R[$k,$ref]}" -gt "$max_rss" ] && max_rss=${R[$k,$ref]}
		done
		aim "first screen ≤ 2× bare curses" "$(ratio "${R[tui,$ref]}" "${R[bare_curses,$ref]}")" \
			"$(at "${R[tui,$ref]}" "${R[bare_curses,$ref]}" 'a <= 2 * b')"
		aim "report ≤ 1.5× sqlite3 shell" "$(ratio "${R[report,$ref]}" "${R[sql_report,$ref]}")" \
			"$(at "${R[report,$ref]}" "${R[sql_report,$ref]}" 'a <= 1.5 * b')"
		aim "followups ≤ 1.5× sqlite3 shell" "$(ratio "${R[followups,$ref]}" "${R[sql_followups,$ref]}")" \
			"$(at "${R[followups,$ref]}" "${R[sql_followups,$ref]}" 'a <= 1.5 * b')"
		aim "followups ≥ 10× faster than taskwarrior" "$(ratio "${R[task,$ref]}" "${R[followups,$ref]}")" \
			"$(at "${R[task,$ref]}" "${R[followups,$ref]}" 'a >= 10 * b')"
		aim "peak RSS ≤ 16 MB (largest of screen, report, followups, content check, export)" "$(mb "$max_rss") MB" \
			"$(at "$max_rss" 16384 'a <= b')"
	} >"$out"
	say "wrote $out"
}

main() {
	declare -gA R
	local n

	install_missing
	build
	setup_env
	for n in "${SIZES[@]}"; do
		say "making $n demo cases"
		make_demo "$n"
		say "importing the follow-ups of $n cases into taskwarrior"
		make_tasks "$n"
		count_check "$n"
	done
	for n in "${SIZES[@]}"; do
		measure "$n"
		measure_rss "$n"
	done
	write_results
}

main
