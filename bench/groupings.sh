#!/bin/bash
# The report's groupings against the sqlite3 shell running the same SQL, in
# the same hyperfine run: --by caseworker (with overdue follow-ups and stale
# cases), --split caseworker by section and by item, --by month, the stale
# list, a named period, followups --caseworker, and one spreadsheet of three
# groupings, at 5,000 and 50,000 demo cases (seed 1, as bench/run.sh makes
# them). Writes bench/GROUPINGS.md. Not a test: ctest never runs it.
#
# Usage: bench/groupings.sh [SIZES...]     (default: 5000 50000)
# Environment: BENCH_RUNS (hyperfine runs, default 10; 3 at 50,000 cases).
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
SRC=$(dirname "$BENCH")
WORK=$BENCH/work
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(5000 50000)
RUNS=${BENCH_RUNS:-10}
say() { printf 'bench: %s\n' "$*" >&2; }

for tool in hyperfine jq sqlite3 cmake; do
	command -v "$tool" >/dev/null || { say "missing: $tool (apt-get install $tool)"; exit 1; }
done
mkdir -p "$WORK"
say "building samtale (Release) in $WORK/build"
cmake -S "$SRC" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release -DSAMTALE_TESTS=OFF >/dev/null
cmake --build "$WORK/build" -j"$(nproc)" --target samtale >/dev/null
SAMTALE=$WORK/build/samtale
export HOME=$WORK/home XDG_DATA_HOME=$WORK/home/.local/share
export SAMTALE_CONTENT=$SRC/content TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8
unset SAMTALE_TODAY SAMTALE_DB
mkdir -p "$HOME"
TODAY=$(date +%F)
QUIET=$(date -d "$TODAY -30 days" +%F)
FROM=$(date -d "$(date +%Y-%m-01) -1 month" +%F)
TO=$(date -d "$(date +%Y-%m-01) -1 day" +%F)

# The SQL samtale runs (src/store/report_queries.c), with the percentage
# computed as the report prints it: the counts per meeting and section
# (section_counts, "c") for every grouping but items, which count the
# checklist ("k", with its wording, item and section).
PCT="printf('%.1f', 100.0 * sum(c.done) / nullif(sum(c.done + c.open), 0))"
SUMS="sum(c.done), sum(c.open), sum(c.not_relevant), $PCT"
COUNTS="count(DISTINCT c.meeting_id), $SUMS"
JOIN="FROM section_counts c JOIN meetings m ON m.id = c.meeting_id"
SECTIONS="FROM section_counts c JOIN section_keys cs ON cs.id = c.section"
ITEM_COUNTS="count(DISTINCT k.meeting_id), sum(k.state = 1), sum(k.state = 0), sum(k.state = 2),
 printf('%.1f', 100.0 * sum(k.state = 1) / nullif(sum(k.state IN (0, 1)), 0))"
ITEMS="FROM checklist k JOIN wordings kw ON kw.id = k.wording JOIN item_keys ki ON ki.id = kw.item
 JOIN section_keys ks ON ks.id = ki.section JOIN meetings m ON m.id = k.meeting_id"
MEETINGS="SELECT count(*) FROM meetings m WHERE EXISTS
 (SELECT 1 FROM section_counts c WHERE c.meeting_id = m.id)"
declare -A SQL CMD
SQL[caseworker]="SELECT m.caseworker, $COUNTS $JOIN GROUP BY m.caseworker ORDER BY m.caseworker;
 SELECT name, sum(overdue), sum(stale) FROM (
 SELECT f.assignee AS name, count(*) AS overdue, 0 AS stale FROM followups f
 WHERE f.done = 0 AND f.due < '$TODAY' GROUP BY f.assignee UNION ALL
 SELECT c.caseworker, 0, count(*) FROM cases c WHERE c.closed IS NULL
 AND coalesce(c.last_meeting, c.opened) <= '$QUIET'
 GROUP BY c.caseworker) GROUP BY name ORDER BY name;"
CMD[caseworker]="report --by caseworker"
SQL[section_split]="SELECT cs.key, m.caseworker, count(*), $SUMS $SECTIONS
 JOIN meetings m ON m.id = c.meeting_id
 GROUP BY cs.key, m.caseworker ORDER BY cs.key, m.caseworker; $MEETINGS;"
CMD[section_split]="report --by section --split caseworker"
SQL[item_split]="SELECT ki.key, m.caseworker, $ITEM_COUNTS $ITEMS
 GROUP BY ki.key, m.caseworker ORDER BY ki.key, m.caseworker; $MEETINGS;"
CMD[item_split]="report --by item --split caseworker"
SQL[month]="SELECT substr(m.date, 1, 7), $COUNTS $JOIN GROUP BY substr(m.date, 1, 7) ORDER BY 1;"
CMD[month]="report --by month"
SQL[stale]="WITH a (case_id, meetings, done, open, nr) AS (SELECT m.case_id, count(DISTINCT m.id),
 sum(c.done), sum(c.open), sum(c.not_relevant) $JOIN GROUP BY m.case_id),
 c AS (SELECT id, ref, opened, closed, caseworker, last_meeting AS last FROM cases)
 SELECT c.ref, coalesce(a.meetings, 0), c.last, coalesce(a.done, 0), coalesce(a.open, 0),
 coalesce(a.nr, 0), (SELECT count(*) FROM followups f WHERE f.case_id = c.id AND NOT f.done),
 (SELECT count(*) FROM followups f WHERE f.case_id = c.id AND NOT f.done AND f.due < '$TODAY'),
 c.caseworker FROM c LEFT JOIN a ON a.case_id = c.id
 WHERE c.closed IS NULL AND coalesce(c.last, c.opened) <= '$QUIET' ORDER BY c.ref;"
CMD[stale]="report --stale 30"
SQL[last_month]="SELECT cs.key, count(*), $SUMS $SECTIONS JOIN meetings m ON m.id = c.meeting_id
 WHERE m.date >= '$FROM' AND m.date <= '$TO' GROUP BY cs.key ORDER BY cs.key;
 $MEETINGS AND m.date >= '$FROM' AND m.date <= '$TO';"
CMD[last_month]="report --period last-month"
NAMES=(caseworker section_split item_split month stale last_month followups xlsx)

median_ms() { jq -r --arg n "$2" '.results[] | select(.command == $n) | .median * 1000' "$1"; }

measure() {
	local n=$1 db=$WORK/demo-$n.db runs=$RUNS json=$WORK/groupings-$n.json who args=()

	[ "$n" -ge 50000 ] && runs=3
	if [ ! -s "$db" ]; then
		say "making $n demo cases"
		"$SAMTALE" --db "$db" --user bench demo --cases "$n" --seed 1 >/dev/null
	fi
	who=$(sqlite3 "$db" "SELECT assignee FROM followups ORDER BY id LIMIT 1;")
	SQL[followups]="SELECT f.id, f.due, c.ref, f.assignee, f.text,
 CAST(julianday('$TODAY') - julianday(f.due) AS INTEGER) FROM followups f JOIN cases c ON c.id = f.case_id
 WHERE f.assignee = '$who' AND f.done = 0 AND f.due < '$TODAY' ORDER BY f.due, c.ref, f.id;"
	CMD[followups]="followups --caseworker $who --overdue"
	SQL[xlsx]="SELECT cs.key, count(*), $SUMS $SECTIONS GROUP BY cs.key ORDER BY 1;
 $MEETINGS; ${SQL[caseworker]} ${SQL[month]}"
	CMD[xlsx]="report --by section,caseworker,month --format xlsx -o $WORK/groupings.xlsx"
	for name in "${NAMES[@]}"; do
		args+=(-n "sql_$name" "sqlite3 -readonly -csv $db \"${SQL[$name]}\"")
		args+=(-n "$name" "$SAMTALE --db $db ${CMD[$name]} --format csv")
	done
	# xlsx is its own format: drop the --format csv added above.
	args=("${args[@]/--format xlsx -o $WORK\/groupings.xlsx --format csv/--format xlsx -o $WORK/groupings.xlsx}")
	say "measuring at $n cases ($runs runs each)"
	hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$json" "${args[@]}" >/dev/null
	for name in "${NAMES[@]}"; do
		R[$name,$n]=$(median_ms "$json" "$name")
		R[sql_$name,$n]=$(median_ms "$json" "sql_$name")
	done
	R[meetings,$n]=$(sqlite3 "$db" "SELECT count(*) FROM meetings;")
	R[items,$n]=$(sqlite3 "$db" "SELECT count(*) FROM checklist;")
}

fmt() { awk -v v="$1" 'BEGIN { printf (v < 10 ? "%.2f" : (v < 100 ? "%.1f" : "%.0f")), v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'; }

write_results() {
	local out=$BENCH/GROUPINGS.md n name
	local head="| grouping |" sep="|---|"

	for n in "${SIZES[@]}"; do
		head+=" samtale, $n | sqlite3, $n | ratio, $n |"
		sep+="---:|---:|---:|"
	done
	{
		echo "# The report's groupings against the sqlite3 shell"
		echo
		echo "Written by \`bench/groupings.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC');"
		echo "samtale $(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || echo '?'), Release build,"
		echo "$(hyperfine --version), sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(nproc) cores (shared: other"
		echo "work ran beside it, so the milliseconds are rough; the ratios, from one run with the"
		echo "commands interleaved, are the figure)."
		echo
		echo "Median milliseconds. The shell runs the SQL samtale runs and prints CSV;"
		echo "samtale prints CSV too (the spreadsheet row writes an xlsx file of three sheets)."
		for n in "${SIZES[@]}"; do
			echo "At $n cases: ${R[meetings,$n]} meetings, ${R[items,$n]} item rows."
		done
		echo
		echo "$head"
		echo "$sep"
		for name in "${NAMES[@]}"; do
			local line="| \`${CMD[$name]/ -o $WORK\/groupings.xlsx/ -o FILE}\` |"
			for n in "${SIZES[@]}"; do
				line+=" $(fmt "${R[$name,$n]}") | $(fmt "${R[sql_$name,$n]}") |"
				line+=" **$(ratio "${R[$name,$n]}" "${R[sql_$name,$n]}")** |"
			done
			echo "$line"
		done
	} >"$out"
	say "wrote $out"
}

declare -A R
for n in "${SIZES[@]}"; do
	measure "$n"
done
write_results
