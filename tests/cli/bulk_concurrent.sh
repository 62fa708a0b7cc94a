#!/bin/bash
# A long import runs while a second process (write_probe) adds a case every
# 100 ms: no write of the second process waits more than 1 s for the write
# lock, none fails, and both sets of cases are there afterwards. The waits
# are measured inside the second process, through the store's wait hook.
. "$(dirname "$0")/../lib.sh"

[ -x "${WRITE_PROBE:-}" ] || { echo "SKIP: no write_probe (WRITE_PROBE)"; exit 77; }

# The file to import, made on SQLite whichever engine is under test.
expect_status 0 samtale --db "$T/src.db" demo --cases 800 --seed 11
samtale --db "$T/src.db" export >"$T/cases.json" || fail "export of the demo cases"
DB=$(test_db team.db)
expect_status 0 samtale --db "$DB" case add 1999-0001

samtale --db "$DB" import "$T/cases.json" >"$T/import.out" 2>"$T/import.err" &
importer=$!
# The import writes once its first pass has read the file: the probe starts
# when it writes, and stops when the import has ended. On SQLite its batch
# appears; on PostgreSQL the import is one transaction that nobody sees
# before its commit, but its first write gives it a transaction id.
writing() {
	if [ "$ENGINE" = pg ]; then
		[ "$(psql -X -At -c "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
			AND application_name = 'samtale' AND backend_xid IS NOT NULL" "$DB")" = 1 ]
	else
		[ "$(sql "$DB" 'SELECT count(*) FROM batches' 2>/dev/null)" = 1 ]
	fi
}
for _ in $(seq 1200); do
	writing && break
	kill -0 "$importer" 2>/dev/null || break
	sleep 0.05
done
"$WRITE_PROBE" "$DB" "$T/stop" >"$T/probe.out" 2>"$T/probe.err" &
prober=$!
wait "$importer" || fail "the import failed: $(cat "$T/import.err")"
touch "$T/stop"
wait "$prober" || fail "the second writer failed: $(cat "$T/probe.err")"

writes=$(wc -l <"$T/probe.out")
slow=$(awk '$2 > 1000' "$T/probe.out" | wc -l)
stats=$(awk '{print $2}' "$T/probe.out" | sort -n |
	awk '{a[NR] = $1} END {printf "median %d ms, p99 %d ms, max %d ms", a[int((NR + 1) / 2)], a[int((NR * 99 + 99) / 100)], a[NR]}')
echo "second writer: $writes writes during the import; lock wait $stats;" \
	"whole write max $(awk '{print $4}' "$T/probe.out" | sort -n | tail -1) ms; $slow waited more than 1 s"
assert_eq 0 "$slow" "writes that waited more than 1 s"
[ "$writes" -ge 10 ] || fail "only $writes writes of the second writer overlapped the import"
assert_eq "" "$(cat "$T/probe.err" "$T/import.err")" "stderr of the two writers"
assert_eq $((1 + 800 + writes)) "$(sql "$DB" 'SELECT count(*) FROM cases')" "cases afterwards"
assert_eq "$writes" "$(sql "$DB" "SELECT count(*) FROM cases WHERE ref LIKE 'probe-%'")" "the second writer's cases"
