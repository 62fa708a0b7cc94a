#!/bin/bash
# The load test: 50 processes on one database for DURATION seconds, mixing
# big imports, purges, case deletions, backups, small writes and readers,
# while bench/tui_latency.c ticks items in samtale's TUI (opened on a case
# and a meeting of its own before the load begins) and times each keystroke
# until it is saved. Called by bench/run.sh; by hand:
#
#   bench/load.sh SAMTALE DB WORK TUI_LATENCY [DURATION]
#
# Works on a copy of DB in WORK. Prints key=value lines: counts of each kind
# of work done, the number of busy errors (any process's message saying the
# database is busy or locked, and the TUI's screen saying so), and the TUI's
# p50/p99/max keystroke-to-saved latency in milliseconds.
set -euo pipefail

SAMTALE=$1
SRC_DB=$2
WORK=$3
TUI_LATENCY=$4
DURATION=${5:-60}
INTERVAL_MS=250

IMPORTERS=4 PURGERS=2 DELETERS=4 BACKUPS=3 READERS=22 WRITERS=15
TODAY=$(date +%F)
YESTERDAY=$(date -d yesterday +%F)
DB=$WORK/load.db
LOGS=$WORK/load-logs
# The TUI must stay open: bench/run.sh sets this for its first-screen runs.
unset SAMTALE_QUIT_AFTER_DRAW

say() { printf 'bench: %s\n' "$*" >&2; }

now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }

# op KIND CMD...: runs CMD, and logs "KIND ms status busy" (busy: 1 when its
# message says the database is busy or locked).
op() {
	local kind=$1 t0 t1 rc=0 busy=0
	shift
	t0=$(now_ms)
	"$@" >/dev/null 2>"$LOGS/err.$BASHPID" || rc=$?
	t1=$(now_ms)
	grep -qiE 'optaget|busy|locked|låst' "$LOGS/err.$BASHPID" && busy=1
	[ "$rc" = 0 ] || cat "$LOGS/err.$BASHPID" >>"$LOGS/errors"
	echo "$kind $((t1 - t0)) $rc $busy" >>"$LOGS/ops.$BASHPID"
}

st() { "$SAMTALE" --db "$DB" "$@"; }

running() { [ "$(now_ms)" -lt "$END" ]; }

importer() {
	local k=$1 r=0 file=$WORK/import-$1.json

	while running; do
		r=$((r + 1))
		sed "s/\"ref\": \"LOAD-/\"ref\": \"I${k}R${r}-/" "$WORK/import.json" >"$file"
		op import st --user "imp$k" import "$file"
	done
}

purger() {
	while running; do
		op purge st --user "purge$1" db purge --closed-before "$TODAY" --yes
		sleep 3
	done
}

deleter() {
	local ref

	while read -r ref && running; do
		op delete st --user "del$1" case delete "$ref" --yes
		sleep 0.3
	done <"$WORK/delete-$1.refs"
}

backup() {
	while running; do
		op backup st db backup --force "$WORK/backup-$1.db"
		sleep 2
	done
}

reader() {
	local i=$1 ref

	while running; do
		case $((i++ % 4)) in
		0) op read st report --by section ;;
		1) op read st followups --all --overdue ;;
		2) op read st case list --all ;;
		3) ref=$(shuf -n 1 "$WORK/all.refs"); op read st export "$ref" ;;
		esac
		sleep 0.2
	done
}

writer() {
	local n=0

	while running; do
		n=$((n + 1))
		op write st --user "w$1" case add "W$1-$n" --initials AB
		sleep 0.3
		op write st --user "w$1" case close "W$1-$n"
		sleep 0.3
	done
}

# pct P FILE: the P-th percentile of the numbers in FILE (nearest rank).
pct() {
	sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { if (!NR) { print "-"; exit }
		i = int(p * NR / 100 + 0.999999); if (i < 1) i = 1; print v[i] }'
}

prepare() {
	say "load test: preparing a copy of $(basename "$SRC_DB") and the import files"
	rm -rf "$LOGS" "$WORK"/backup-*.db "$DB" "$DB-wal" "$DB-shm"
	mkdir -p "$LOGS"
	cp "$SRC_DB" "$DB"
	chmod 600 "$DB"
	"$SAMTALE" --db "$DB" case list --all --format csv | tail -n +2 | cut -d, -f1 >"$WORK/all.refs"
	# A big import: 1,000 of the cases under new references, closed, so that the purges take them away again.
	# shellcheck disable=SC2046
	"$SAMTALE" --db "$DB" export $(head -1000 "$WORK/all.refs") |
		jq --arg closed "$YESTERDAY" '.cases |= map(.ref = "LOAD-" + .ref | .closed = $closed)' \
			>"$WORK/import.json"
	# The deleters take open cases from the end of the list, each its own.
	tail -n +1001 "$WORK/all.refs" | shuf -n 2000 --random-source=<(yes) |
		split -n r/$DELETERS -d -a 1 - "$WORK/delete-"
	for ((i = 0; i < DELETERS; i++)); do mv "$WORK/delete-$i" "$WORK/delete-$i.refs"; done
	"$SAMTALE" --db "$DB" --user benchtui case add 9999-0001 --initials XY >/dev/null
}

run_load() {
	local pids=() i tui go=$LOGS/go

	say "load test: the TUI opens a meeting"
	"$TUI_LATENCY" "$DB" benchtui "$((DURATION - 3))" "$INTERVAL_MS" "$go" "$SAMTALE" --db "$DB" \
		--user benchtui >"$LOGS/tui.ms" 2>"$LOGS/tui.err" &
	tui=$!
	while [ ! -e "$go.ready" ]; do
		kill -0 "$tui" 2>/dev/null || { say "load test: the TUI driver failed: $(cat "$LOGS/tui.err")"; exit 1; }
		sleep 0.1
	done
	say "load test: 50 processes and the TUI for $DURATION s"
	END=$(($(now_ms) + DURATION * 1000))
	for ((i = 0; i < IMPORTERS; i++)); do importer "$i" & pids+=($!); done
	for ((i = 0; i < PURGERS; i++)); do purger "$i" & pids+=($!); done
	for ((i = 0; i < DELETERS; i++)); do deleter "$i" & pids+=($!); done
	for ((i = 0; i < BACKUPS; i++)); do backup "$i" & pids+=($!); done
	for ((i = 0; i < READERS; i++)); do reader "$i" & pids+=($!); done
	for ((i = 0; i < WRITERS; i++)); do writer "$i" & pids+=($!); done
	sleep 2
	touch "$go"
	wait "$tui" || say "load test: the TUI driver failed: $(cat "$LOGS/tui.err")"
	wait "${pids[@]}"
}

summarise() {
	local ops=$LOGS/all.ops kind tui_busy

	cat "$LOGS"/ops.* >"$ops"
	for kind in import purge delete backup read write; do
		echo "load_$kind=$(awk -v k="$kind" '$1 == k && $3 == 0' "$ops" | wc -l)"
		echo "load_${kind}_failed=$(awk -v k="$kind" '$1 == k && $3 != 0' "$ops" | wc -l)"
		awk -v k="$kind" '$1 == k { print $2 }' "$ops" >"$LOGS/$kind.ms"
		echo "load_${kind}_max_ms=$(pct 100 "$LOGS/$kind.ms")"
	done
	echo "load_write_p99_ms=$(pct 99 "$LOGS/write.ms")"
	grep -v -- '^-1' "$LOGS/tui.ms" >"$LOGS/tui.saved" || true
	echo "load_tui_keys=$(wc -l <"$LOGS/tui.ms")"
	echo "load_tui_unsaved=$(grep -c -- '^-1' "$LOGS/tui.ms" || true)"
	echo "load_tui_p50_ms=$(pct 50 "$LOGS/tui.saved")"
	echo "load_tui_p99_ms=$(pct 99 "$LOGS/tui.saved")"
	echo "load_tui_max_ms=$(pct 100 "$LOGS/tui.saved")"
	tui_busy=$(sed -n 's/^busy //p' "$LOGS/tui.err" | tail -1)
	echo "load_busy=$(($(awk '$4 == 1' "$ops" | wc -l) + ${tui_busy:-0}))"
	echo "load_duration_s=$DURATION"
}

prepare
run_load
summarise
