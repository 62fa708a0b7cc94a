#!/bin/bash
# The default database: directory 0700 and file 0600 even under umask 000;
# backup 0600; db init, db check; case list/show/close on a plain database
# (on PostgreSQL, one named by SAMTALE_DB).
. "$(dirname "$0")/../lib.sh"

umask 000
if [ "$ENGINE" = pg ]; then
	SAMTALE_DB=$(test_db s)
	export SAMTALE_DB
	DB=$SAMTALE_DB
	expect_status 0 samtale db init
	assert_contains "$(cat "$T/out")" "$DB"
else
	# The default file, its directory and their modes are SQLite's.
	DIR=$XDG_DATA_HOME/samtale
	DB=$DIR/samtale.db
	expect_status 0 samtale db init
	assert_contains "$(cat "$T/out")" "$DB"
	assert_eq 700 "$(stat -c %a "$DIR")" "mode of the database directory"
	assert_eq 600 "$(stat -c %a "$DB")" "mode of the database"
	assert_eq 6 "$(sql "$DB" 'PRAGMA user_version')" "schema version"
fi
# Running it again brings it up to date and changes nothing else.
expect_status 0 samtale db init
# An empty --db is refused rather than taken as the default; an empty
# SAMTALE_DB is as if unset.
expect_status 2 samtale --db "" case add 2026-0900
assert_eq "samtale: --db må ikke være tom" "$(cat "$T/err")"
if [ "$ENGINE" = sqlite ]; then
	expect_status 0 env SAMTALE_DB= "$SAMTALE_BIN" case list
	assert_eq 1 "$(wc -l <"$T/out")" "lines of an empty case list"
fi

expect_status 0 samtale --user mette case add 2026-0117 --initials AB
assert_eq "Sagen 2026-0117 er oprettet." "$(cat "$T/out")"
expect_status 0 samtale --user anna case add 2026-0005
expect_status 1 samtale case add 2026-0117
assert_eq "samtale: der er allerede en sag '2026-0117'" "$(cat "$T/err")"

expect_status 0 samtale case list
assert_eq "sag        initialer  sagsbehandler  oprettet    seneste samtale  opfølgninger  forfaldne
2026-0005             anna           2026-03-01                              0          0
2026-0117  AB         mette          2026-03-01                              0          0" "$(cat "$T/out")"
expect_status 0 samtale case list --format json
assert_contains "$(cat "$T/out")" '"followups_overdue": 0'
expect_status 2 samtale case list --format xml

expect_status 0 samtale case close 2026-0005 --date 2026-03-01
expect_status 1 samtale case close 2026-0005
assert_contains "$(cat "$T/err")" "allerede afsluttet 2026-03-01"
expect_status 0 samtale case list --format csv
assert_eq "ref,initials,caseworker,opened,last_meeting,followups_open,followups_overdue
2026-0117,AB,mette,2026-03-01,,0,0" "$(tr -d '\r' <"$T/out")"
expect_status 0 samtale case list --all --format csv
assert_contains "$(cat "$T/out")" "2026-0005,,anna,2026-03-01,2026-03-01,,0,0"

expect_status 0 samtale --lang en case show 2026-0117
assert_contains "$(cat "$T/out")" "Case 2026-0117 (AB)"
assert_contains "$(cat "$T/out")" "Her profile (in her words)"
# A meeting with its checklist, a long note and follow-ups, as the guide records them.
sql "$DB" "
INSERT INTO meetings (case_id, date, type, caseworker, note, agreed, interpreter)
  SELECT id, '2026-02-10', 'foerste', 'mette',
  'Hun har arbejdet som syerske i tolv år og vil gerne bruge det. Vi talte om praktik på et vaskeri, og hun var glad.',
  'Du finder papirerne fra skolen.', 'dari' FROM cases WHERE ref = '2026-0117';
$(add_item_sql 1 0 tro.afdaek-kvalifikationer tro 'Afdæk' done NULL)
$(add_item_sql 1 1 tro.sig-det tro 'Sig det' open NULL)
$(add_item_sql 1 2 dialog.lyt-inddrag dialog 'Lyt' not_relevant NULL)
$(add_item_sql 1 3 forventning.formaal forventning 'Formål' done NULL)
INSERT INTO followups (case_id, meeting_id, due, text, assignee)
  SELECT id, 1, '2026-02-20', 'Ring til vaskeriet', 'mette' FROM cases WHERE ref = '2026-0117';
INSERT INTO followups (case_id, due, text, assignee, done)
  SELECT id, '2026-02-21', 'Allerede gjort', 'mette', 1 FROM cases WHERE ref = '2026-0117';"
expect_status 0 samtale case show 2026-0117
assert_eq "Sag 2026-0117 (AB)
Sagsbehandler: mette
Oprettet: 2026-03-01

Hendes profil (med hendes ord)
  Kvalifikationer: -
  Uddannelse: -
  Erhvervserfaring: -
  Sprog: -
  Andre kompetencer: -
  Ønsker til job: -
  Ønsker til uddannelse: -
  Hendes egne mål: -

Samtaler
  2026-02-10  Første samtale  (mette)  tolk: dari
    Tro på kvinden – men vær realistisk: 1/2 udført
    Brug kvinden som aktiv medspiller i dialogen: 0/0 udført (1 ikke relevant)
    Afstem forventninger: 1/1 udført
    Note:
      Hun har arbejdet som syerske i tolv år og vil gerne bruge det. Vi talte
      om praktik på et vaskeri, og hun var glad.
    Aftalt:
      Du finder papirerne fra skolen.

Punkter der stod åbne sidst

Åbne opfølgninger
  2026-02-20  Ring til vaskeriet  (mette)  forfalden" "$(grep -v '^  tro.sig-det  ' "$T/out")"
# The item left open, in the wording of the meeting that left it open.
assert_eq "  tro.sig-det  Sig det  (2026-02-10)" "$(grep '^  tro.sig-det  ' "$T/out")" "the item left open"
expect_status 1 samtale case show 2026-9999
assert_eq "samtale: der er ingen sag '2026-9999'" "$(cat "$T/err")"

expect_status 0 samtale db check
assert_contains "$(cat "$T/out")" "i orden"

# A backup is a copy of SQLite's file (a server's is pg_dump's), and only
# SQLite lets a row whose case is gone in, with its foreign keys off.
[ "$ENGINE" = sqlite ] || exit 0
expect_status 0 samtale db backup "$T/copy.db"
assert_eq 600 "$(stat -c %a "$T/copy.db")" "mode of the backup"
assert_eq 2 "$(sql "$T/copy.db" 'SELECT count(*) FROM cases')" "cases in the backup"
expect_status 1 samtale db backup "$T/no/such/dir/copy.db"
assert_contains "$(cat "$T/err")" "samtale: "
# A meeting whose case is gone: the foreign key check finds it.
sql "$DB" "PRAGMA foreign_keys=OFF; INSERT INTO meetings (case_id, date, type, caseworker) VALUES (99, '2026-01-01', 'foerste', 'x');"
expect_status 1 samtale db check
assert_contains "$(cat "$T/out")" "foreign key: meetings"
