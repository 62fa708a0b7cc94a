#!/bin/bash
# While another process holds the write lock, a change waits: the status
# line says "Gemmer …", the keys typed meanwhile are kept, and once the lock
# is free the change is saved and those keys act.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60
expect_status 0 samtale --db "$DB" --user mette case add 2026-0001
tui_run 100 30 --db "$DB" --user mette
tui_wait "2026-0001" $W

# The lock: the engine's shell in a transaction until the FIFO is written;
# on SQLite the write lock of BEGIN IMMEDIATE, on PostgreSQL the cases
# table, which a new case waits for.
if [ "$ENGINE" = sqlite ]; then
	lock="BEGIN IMMEDIATE;"
	shell=(sqlite3 "$DB")
else
	lock="BEGIN; LOCK TABLE cases IN SHARE MODE;"
	shell=(env PGOPTIONS="-c search_path=samtale" psql -X -q -A -t "$DB")
fi
mkfifo "$T/hold"
{ echo "$lock SELECT 'holding';"; cat "$T/hold"; echo "COMMIT;"; } |
	"${shell[@]}" >"$T/holder.out" &
holder=$!
for _ in $(seq 600); do grep -q holding "$T/holder.out" 2>/dev/null && break; sleep 0.05; done
grep -q holding "$T/holder.out" || fail "the lock was not taken"

tui_keys a
tui_wait "Journalnummer (ikke CPR)" $W
tui_type "2026-0002"
tui_keys Enter
tui_wait "Gemmer …" $W
# Typed while it waits: her initials, for the question that comes next.
tui_type "QX"
tui_keys Enter
assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM cases WHERE ref = '2026-0002'")" "the case while the lock is held"
echo >"$T/hold"
wait "$holder"
tui_wait "Sagen er oprettet." $W
tui_wait_gone "Gemmer" $W
assert_eq "QX" "$(sql "$DB" "SELECT initials FROM cases WHERE ref = '2026-0002'")" "the initials typed during the wait"
tui_keys q
