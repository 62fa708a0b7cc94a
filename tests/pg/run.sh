#!/bin/bash
# samtale on PostgreSQL (SPEC §5, "Beyond one machine"), in a throwaway
# cluster that pg_virtualenv (postgresql-common) makes and removes:
#   (a) the commands against the server, and export → import → export
#       byte-identical from SQLite to PostgreSQL and back;
#   (b) teams under row-level security: a caseworker of Nord sees, changes,
#       exports and reports none of Syd's cases, not even with her own SQL
#       through psql; Nord's team lead reads Nord's; only the data-protection
#       role purges and reads the audit log across teams;
#   (c) erasure: after `case delete`, none of the case's words are left in
#       the files of the tables (pg_relation_filepath) or of the database.
# Skipped (77) where no PostgreSQL server can be run, or samtale was built
# without it.

# A cluster given (tests/run-all.sh runs the pg tests inside pg_virtualenv)
# is used when this is its superuser; else the script makes its own.
superuser() {
	[ "$(psql -X -At -c 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user' postgres 2>/dev/null)" = t ]
}
if [ -z "${SAMTALE_PG_CLUSTER:-}" ] && ! superuser; then
	bin=${SAMTALE_BIN:-$(cd "$(dirname "$0")/../.." && pwd)/build/gcc/samtale}
	if ! command -v pg_virtualenv >/dev/null; then
		echo "SKIP: pg_virtualenv (postgresql-common) is not installed"
		exit 77
	fi
	if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
		echo "SKIP: no PostgreSQL server is installed"
		exit 77
	fi
	if "$bin" --lang en --db postgresql:///none db check 2>&1 | grep -q "without PostgreSQL"; then
		echo "SKIP: this samtale was built without PostgreSQL"
		exit 77
	fi
	# -t: in a temporary directory even as root, beside any other cluster.
	# A server that cannot start (no shared memory in a container, say) is
	# a skip, not a failure.
	started=$(mktemp)
	rm -f "$started"
	rc=0
	SAMTALE_PG_CLUSTER=$started pg_virtualenv -t bash "$0" "$@" || rc=$?
	if [ ! -e "$started" ]; then
		echo "SKIP: pg_virtualenv could not start a PostgreSQL cluster"
		exit 77
	fi
	rm -f "$started"
	exit "$rc"
fi
[ -z "${SAMTALE_PG_CLUSTER:-}" ] || : >"$SAMTALE_PG_CLUSTER"

. "$(dirname "$0")/../lib.sh"

# The cluster's superuser and server, for psql as the administrator. The
# roles are the cluster's, so theirs are named for this run (R), and go
# with its database at the end.
: "${PGPORT:?}" "${PGUSER:?}"
PGHOST=${PGHOST:-localhost}
R=t$$
DBNAME=${R}_pgrun
ADMIN="postgresql:///$DBNAME"
createdb "$DBNAME"
drop_all() {
	local status=$?

	dropdb --if-exists --force "$DBNAME" 2>/dev/null || true
	for r in anna bo lise dora carl nord syd; do
		psql -X -q -c "DROP ROLE IF EXISTS ${R}_$r" postgres 2>/dev/null || true
	done
	cleanup "$status"
}
trap drop_all EXIT

# as ROLE PASSWORD: the URI that logs in as the role.
as() {
	echo "postgresql://${R}_$1:$2@/$DBNAME?host=$PGHOST&port=$PGPORT"
}
# psql_as ROLE PASSWORD SQL: one statement through psql as the role; its
# output (unaligned, no headers) and its errors in $T/out and $T/err.
psql_as() {
	PGHOST=$PGHOST PGUSER=${R}_$1 PGPASSWORD=$2 psql -X -At -v ON_ERROR_STOP=1 -d "$DBNAME" -c "$3" \
		>"$T/out" 2>"$T/err"
}
admin_sql() {
	psql -X -At -v ON_ERROR_STOP=1 -d "$DBNAME" -c "$1"
}

ANNA=$(as anna pw-anna)		# caseworker, Nord
BO=$(as bo pw-bo)		# caseworker, Syd
LISE=$(as lise pw-lise)		# team lead, Nord
DORA=$(as dora pw-dora)		# data protection

#
# (a) db init, twice; the teams as the README sets them up.
#
expect_status 0 samtale --lang en --db "$ADMIN" db init
assert_contains "$(cat "$T/out")" "ready"
expect_status 0 samtale --lang en --db "$ADMIN" db init
assert_eq 4 "$(admin_sql "SELECT version FROM samtale.samtale_schema")" "schema version"

admin_sql "CREATE ROLE ${R}_nord NOLOGIN; INSERT INTO samtale.teams (name) VALUES ('${R}_nord');
	   CREATE ROLE ${R}_syd NOLOGIN; INSERT INTO samtale.teams (name) VALUES ('${R}_syd');
	   CREATE ROLE ${R}_anna LOGIN PASSWORD 'pw-anna' IN ROLE ${R}_nord, samtale_caseworker;
	   CREATE ROLE ${R}_bo LOGIN PASSWORD 'pw-bo' IN ROLE ${R}_syd, samtale_caseworker;
	   CREATE ROLE ${R}_lise LOGIN PASSWORD 'pw-lise' IN ROLE ${R}_nord, samtale_lead;
	   CREATE ROLE ${R}_dora LOGIN PASSWORD 'pw-dora' IN ROLE samtale_dpo;
	   CREATE ROLE ${R}_carl LOGIN PASSWORD 'pw-carl' IN ROLE samtale_caseworker;" >/dev/null

# The password never shows in a message.
expect_status 0 samtale --lang en --db "$ANNA" --user anna case add N-0001 --initials AB
expect_status 1 samtale --lang en --db "$ANNA" --user anna case add N-0001
assert_contains "$(cat "$T/err")" "samtale: "
assert_not_contains "$(cat "$T/err")" "pw-anna" "message"
expect_status 0 samtale --lang en --db "$ANNA" case show N-0001
assert_contains "$(cat "$T/out")" "N-0001 (AB)"
assert_eq "${R}_nord" "$(admin_sql "SELECT team FROM samtale.cases WHERE ref = 'N-0001'")" "a new case's team"

# A caseworker in no team is told so.
expect_status 1 samtale --lang en --db "$(as carl pw-carl)" case add C-0001
assert_contains "$(cat "$T/err")" "in no team"

# SQLite → PostgreSQL → export is byte-identical, and back.
rich=$SOURCE_DIR/tests/fixtures/exchange/rich.json
expect_status 0 samtale --db "$T/a.db" --user anna import "$rich"
expect_status 0 samtale --db "$T/a.db" export
cp "$T/out" "$T/a.json"
expect_status 0 samtale --db "$ANNA" --user anna import "$T/a.json"
expect_status 0 samtale --db "$ANNA" export 2025-0999 2026-0042 2026-0117
cp "$T/out" "$T/b.json"
cmp "$T/a.json" "$T/b.json" || fail "SQLite → PostgreSQL → export differs: $(diff "$T/a.json" "$T/b.json")"
expect_status 0 samtale --db "$T/c.db" --user anna import "$T/b.json"
expect_status 0 samtale --db "$T/c.db" export
cmp "$T/a.json" "$T/out" || fail "PostgreSQL → SQLite → export differs: $(diff "$T/a.json" "$T/out")"

# Follow-ups and reports on the server.
expect_status 0 samtale --db "$ANNA" followups --all --format csv
assert_contains "$(cat "$T/out")" "2026-0117"
fid=$(grep 2026-0117 "$T/out" | head -1 | cut -d, -f1)
expect_status 0 samtale --db "$ANNA" followup done "$fid"
expect_status 0 samtale --db "$ANNA" report --by section --format csv
cp "$T/out" "$T/report-pg.csv"
expect_status 0 samtale --db "$T/a.db" report --by section --format csv
cmp "$T/out" "$T/report-pg.csv" || fail "report differs between the engines: $(diff "$T/out" "$T/report-pg.csv")"
expect_status 1 samtale --lang en --db "$ANNA" db backup "$T/backup.db"
assert_contains "$(cat "$T/err")" "pg_dump"
expect_status 0 samtale --db "$ANNA" db check
# A trigger an administrator disabled by hand is found.
admin_sql "ALTER TABLE samtale.checklist DISABLE TRIGGER checklist_counts_added" >/dev/null
expect_status 1 samtale --lang en --db "$ANNA" db check
assert_contains "$(cat "$T/out")" "the trigger checklist.checklist_counts_added is missing or disabled"
admin_sql "ALTER TABLE samtale.checklist ENABLE TRIGGER checklist_counts_added" >/dev/null
expect_status 0 samtale --db "$ANNA" db check

#
# (b) Teams. Syd's case, with a follow-up, by Syd's caseworker.
#
cat >"$T/syd.json" <<'EOF'
{
  "format": "samtale-export/2",
  "cases": [
    {
      "ref": "S-0001",
      "initials": "SY",
      "caseworker": "bo",
      "opened": "2026-01-02",
      "closed": null,
      "profile": { "goals": "Sydlig maalsaetning" },
      "meetings": [],
      "followups": [ { "due": "2026-02-01", "text": "Sydlig opfoelgning", "assignee": "bo", "done": false } ],
      "internships": []
    }
  ]
}
EOF
expect_status 0 samtale --db "$BO" --user bo import "$T/syd.json"
syd_id=$(admin_sql "SELECT id FROM samtale.cases WHERE ref = 'S-0001'")
syd_fid=$(admin_sql "SELECT id FROM samtale.followups WHERE case_id = $syd_id")

# Anna (Nord) through samtale: not seen, not changed, not exported, not reported.
expect_status 1 samtale --lang en --db "$ANNA" case show S-0001
expect_status 0 samtale --db "$ANNA" case list --all --format csv
assert_not_contains "$(cat "$T/out")" "S-0001" "Nord's case list"
assert_contains "$(cat "$T/out")" "N-0001" "Nord's case list"
expect_status 1 samtale --db "$ANNA" export S-0001
assert_eq "" "$(cat "$T/out")" "export of Syd's case by Nord"
expect_status 0 samtale --db "$ANNA" export
assert_not_contains "$(cat "$T/out")" "S-0001" "Nord's export"
expect_status 0 samtale --db "$ANNA" report --by case --format csv
assert_not_contains "$(cat "$T/out")" "S-0001" "Nord's report"
expect_status 0 samtale --db "$ANNA" followups --all --format csv
assert_not_contains "$(cat "$T/out")" "Sydlig" "Nord's follow-ups"
expect_status 1 samtale --db "$ANNA" followup done "$syd_fid"
expect_status 1 samtale --db "$ANNA" case close S-0001
expect_status 1 samtale --db "$ANNA" case delete S-0001 --yes
assert_eq "0|1" "$(admin_sql "SELECT done, (SELECT count(*) FROM samtale.cases WHERE ref = 'S-0001')
	FROM samtale.followups WHERE id = $syd_fid")" "Syd's rows after Nord's attempts"

# ... and with her own SQL through psql.
psql_as anna pw-anna "SELECT count(*) FROM samtale.cases WHERE ref = 'S-0001'"
assert_eq 0 "$(cat "$T/out")" "psql: Syd's case"
psql_as anna pw-anna "SELECT count(*) FROM samtale.followups WHERE id = $syd_fid"
assert_eq 0 "$(cat "$T/out")" "psql: Syd's follow-up"
psql_as anna pw-anna "SELECT count(*) FROM samtale.audit WHERE case_id = $syd_id"
assert_eq 0 "$(cat "$T/out")" "psql: Syd's audit lines"
psql_as anna pw-anna "UPDATE samtale.cases SET goals = 'overskrevet' WHERE ref = 'S-0001'"
assert_eq "UPDATE 0" "$(cat "$T/out")" "psql: update of Syd's case"
psql_as anna pw-anna "UPDATE samtale.followups SET done = 1 WHERE id = $syd_fid"
assert_eq "UPDATE 0" "$(cat "$T/out")" "psql: update of Syd's follow-up"
psql_as anna pw-anna "DELETE FROM samtale.cases WHERE ref = 'S-0001'"
assert_eq "DELETE 0" "$(cat "$T/out")" "psql: delete of Syd's case"
! psql_as anna pw-anna "UPDATE samtale.cases SET team = '${R}_syd' WHERE ref = 'N-0001'" ||
	fail "psql: Nord's caseworker gave a case to Syd"
! psql_as anna pw-anna "INSERT INTO samtale.cases (ref, caseworker, opened, team)
	VALUES ('X-0001', 'anna', '2026-01-01', '${R}_syd')" || fail "psql: a case made for Syd"
! psql_as anna pw-anna "INSERT INTO samtale.followups (case_id, due, text, assignee)
	VALUES ($syd_id, '2026-01-01', 'x', 'anna')" || fail "psql: a follow-up on Syd's case"
! psql_as anna pw-anna "SET ROLE ${R}_syd" || fail "psql: Nord's caseworker became Syd"
! psql_as anna pw-anna "ALTER TABLE samtale.cases DISABLE ROW LEVEL SECURITY" ||
	fail "psql: row-level security turned off"
! psql_as anna pw-anna "SET row_security = off; SELECT count(*) FROM samtale.cases" ||
	fail "psql: row-level security passed by"
! psql_as anna pw-anna "SET ROLE samtale_owner" || fail "psql: the caseworker became the owner"
assert_eq "0" "$(admin_sql "SELECT count(*) FROM samtale.cases WHERE goals = 'overskrevet' OR ref = 'X-0001'")" \
	"Syd's case after psql"

# Nord's team lead reads Nord's cases and reports, changes nothing.
expect_status 0 samtale --db "$LISE" case list --all --format csv
assert_contains "$(cat "$T/out")" "N-0001" "the team lead's list"
assert_contains "$(cat "$T/out")" "2026-0117" "the team lead's list"
assert_not_contains "$(cat "$T/out")" "S-0001" "the team lead's list"
expect_status 0 samtale --db "$LISE" report --by case --format csv
assert_contains "$(cat "$T/out")" "2026-0117" "the team lead's report"
assert_not_contains "$(cat "$T/out")" "S-0001" "the team lead's report"
expect_status 1 samtale --db "$LISE" --user lise case add N-0002
! psql_as lise pw-lise "UPDATE samtale.cases SET goals = 'x'" || fail "psql: the team lead changed a case"

# Only the data-protection role purges, and reads the audit log across teams.
expect_status 0 samtale --db "$BO" case close S-0001 --date 2026-02-01
expect_status 1 samtale --lang en --db "$BO" db purge --closed-before 2026-03-01 --yes
assert_eq 1 "$(admin_sql "SELECT count(*) FROM samtale.cases WHERE ref = 'S-0001'")" "after a caseworker's purge"
! psql_as bo pw-bo "INSERT INTO samtale.batches (kind, action) VALUES ('erase', 'case.purge')" ||
	fail "psql: a caseworker began a purge"
psql_as dora pw-dora "SELECT count(DISTINCT c.team) FROM samtale.audit a JOIN samtale.cases c ON c.id = a.case_id"
assert_eq 2 "$(cat "$T/out")" "the data-protection role's audit log"
psql_as anna pw-anna "SELECT count(*) FROM samtale.audit WHERE case_id IS NOT NULL
	AND case_id NOT IN (SELECT id FROM samtale.cases)"
assert_eq 0 "$(cat "$T/out")" "a caseworker's audit log"
expect_status 0 samtale --db "$DORA" --user dora db purge --closed-before 2026-03-01 --yes
assert_eq 0 "$(admin_sql "SELECT count(*) FROM samtale.cases WHERE ref = 'S-0001'")" "after the purge"
# Across teams: 2026-0042 of Nord was closed before the date too.
assert_eq "2025-0999,2026-0117,N-0001" "$(admin_sql "SELECT string_agg(ref, ',' ORDER BY ref) FROM samtale.cases")" \
	"the cases after the purge"

# The audit log records the server's role beside --user.
assert_eq "${R}_anna" "$(admin_sql "SELECT DISTINCT db_role FROM samtale.audit WHERE action = 'case.add'")" \
	"the audit's role"

#
# (c) Erasure leaves none of her words in the table files.
#
cat >"$T/erase.json" <<'EOF'
{
  "format": "samtale-export/2",
  "cases": [
    {
      "ref": "Zebrafinke-4711",
      "initials": "QX",
      "caseworker": "anna",
      "opened": "2026-01-05",
      "closed": null,
      "profile": { "qualifications": "Trompetfisk-uddannet", "job_wishes": "Blaekspruttekok" },
      "meetings": [
        {
          "date": "2026-02-01",
          "type": "foerste",
          "caseworker": "anna",
          "items": [ { "id": "tro.afdaek-kvalifikationer", "state": "done", "note": "Punktnote Havoern" } ],
          "note": "Noten om Nattergalen",
          "agreed": "Aftalt Solsortesang",
          "interpreter": null,
          "next_meeting": { "date": "2026-03-01", "time": "10:00", "place": "Hos Rødstjerten" }
        }
      ],
      "followups": [ { "due": "2026-04-01", "text": "Ring om Stenpikkeren", "assignee": "anna", "done": false } ],
      "internships": [
        {
          "workplace": "Bogfinkebageriet",
          "field": "bager",
          "from": "2026-03-01",
          "planned_to": null,
          "ended": null,
          "contact": "Mester Dompap",
          "goal": "Jeg vil bage som Gulspurven",
          "job_possible": "unknown",
          "outcome": null,
          "outcome_reason": null
        }
      ]
    }
  ]
}
EOF
words="Zebrafinke Trompetfisk Blaekspruttekok Havoern Nattergalen Solsortesang Rødstjerten Stenpikkeren
	Bogfinkebageriet Dompap Gulspurven"
expect_status 0 samtale --db "$ANNA" --user anna import "$T/erase.json"
datadir=$(admin_sql "SHOW data_directory")
dbdir=$datadir/base/$(admin_sql "SELECT oid FROM pg_database WHERE datname = '$DBNAME'")
if [ ! -r "$dbdir" ]; then
	echo "SKIP: the server's files ($dbdir) cannot be read here, so erasure cannot be looked for in them"
	exit 77
fi
# Every file of the schema's tables, their TOAST tables and their indexes.
relation_files() {
	admin_sql "SELECT pg_relation_filepath(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		   WHERE n.nspname = 'samtale' AND c.relkind IN ('r', 'i', 't')
		   UNION SELECT pg_relation_filepath(c.reltoastrelid) FROM pg_class c
		   JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'samtale' AND c.reltoastrelid <> 0
		   UNION SELECT pg_relation_filepath(i.indexrelid) FROM pg_class c JOIN pg_index i
		   ON i.indrelid = c.reltoastrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		   WHERE n.nspname = 'samtale'" | sed "s|^|$datadir/|"
}
admin_sql CHECKPOINT >/dev/null
for w in $words; do
	# shellcheck disable=SC2046
	grep -qa "$w" $(relation_files) || fail "the test's word $w is not in the table files"
done

expect_status 0 samtale --db "$ANNA" --user anna case delete Zebrafinke-4711 --yes
admin_sql CHECKPOINT >/dev/null
for w in $words; do
	for f in $(relation_files); do
		[ ! -e "$f" ] || ! grep -qa "$w" "$f"* || fail "'$w' is still in $f after the erasure"
	done
	! grep -rqa "$w" "$dbdir" || fail "'$w' is still in a file of the database: $(grep -rla "$w" "$dbdir")"
done
assert_eq "1|0" "$(admin_sql "SELECT count(*) FILTER (WHERE action = 'case.delete'),
	count(*) FILTER (WHERE detail LIKE '%Zebra%') FROM samtale.audit")" "the erasure's audit line"
echo ok
