#!/bin/bash
# A team database (db init --shared GROUP): directory 2770 and files 0660 of
# GROUP; a member can add a case; someone outside gets a clear message.
. "$(dirname "$0")/../lib.sh"
# A team's SQLite file and its directory shared through a group; on a
# server a team is a role (tests/pg/run.sh).
sqlite_only

if [ "$(id -u)" != 0 ]; then
	echo "SKIP: needs root to create users and groups"
	exit 77
fi
need_others_run_samtale

suffix=$$
GROUP=samtale-team-$suffix
MEMBER=st-member-$suffix
MEMBER2=st-member2-$suffix
OUTSIDER=st-outside-$suffix
holder=
users_cleanup() {
	local status=$?

	[ -z "$holder" ] || { echo >"$T/hold"; wait "$holder"; } 2>/dev/null || true
	for u in "$MEMBER" "$MEMBER2" "$OUTSIDER"; do userdel "$u" 2>/dev/null || true; done
	groupdel "$GROUP" 2>/dev/null || true
	cleanup "$status"
}
trap users_cleanup EXIT
# useradd locks /etc/passwd; another test may hold it for a moment.
retry() { for _ in 1 2 3 4 5 6 7 8 9 10; do "$@" 2>/dev/null && return 0; sleep 0.3; done; "$@"; }
retry groupadd "$GROUP"
retry useradd -M -N -g nogroup -G "$GROUP" -s /usr/sbin/nologin "$MEMBER"
retry useradd -M -N -g nogroup -G "$GROUP" -s /usr/sbin/nologin "$MEMBER2"
retry useradd -M -N -g nogroup -s /usr/sbin/nologin "$OUTSIDER"
as() { local u=$1; shift; setpriv --reuid="$u" --regid=nogroup --init-groups "$@"; }
chmod 0711 "$T"

DB=$T/team/samtale.db
expect_status 1 samtale --db "$DB" db init --shared no-such-group-$suffix
assert_eq "samtale: ukendt gruppe 'no-such-group-$suffix'" "$(cat "$T/err")"
[ ! -e "$T/team" ] || fail "a refused db init left a directory"

expect_status 0 samtale --db "$DB" --user lead db init --shared "$GROUP"
assert_eq "2770 $GROUP" "$(stat -c '%a %G' "$T/team")" "team directory"
assert_eq "660 $GROUP" "$(stat -c '%a %G' "$DB")" "team database"
expect_status 1 samtale --db "$DB" db init --shared "$GROUP"
assert_contains "$(cat "$T/err")" "der er allerede en database"

# A member adds a case (umask 077 must not matter).
expect_status 0 as "$MEMBER" bash -c "umask 077; exec \"$SAMTALE_BIN\" --db \"$DB\" case add 2026-0101"
assert_eq "$MEMBER|$MEMBER" "$(sql "$DB" "SELECT user, login FROM audit WHERE action = 'case.add'")" "audit line"
# While a member holds the database open, the WAL and shared memory files
# are the group's, and another member can write beside her.
mkfifo "$T/hold"
as "$MEMBER" bash -c "umask 077; { echo 'BEGIN; SELECT count(*) FROM cases;'; cat \"$T/hold\"; } | sqlite3 \"$DB\" >/dev/null" &
holder=$!
for _ in $(seq 50); do [ -e "$DB-shm" ] && break; sleep 0.1; done
expect_status 0 as "$MEMBER2" bash -c "umask 077; exec \"$SAMTALE_BIN\" --db \"$DB\" --user anna case add 2026-0102"
assert_eq "660 $GROUP" "$(stat -c '%a %G' "$DB-wal")" "team WAL"
assert_eq "660 $GROUP" "$(stat -c '%a %G' "$DB-shm")" "team shared memory"
echo >"$T/hold"
wait "$holder" || true
holder=
expect_status 0 as "$MEMBER2" "$SAMTALE_BIN" --db "$DB" case list --format csv
assert_eq 3 "$(wc -l <"$T/out")" "lines of case list by a member"

# A database a member creates in the team's directory is the team's too.
expect_status 0 as "$MEMBER" bash -c "umask 077; exec \"$SAMTALE_BIN\" --db \"$T/team/second.db\" case add 2026-0201"
assert_eq "660 $GROUP" "$(stat -c '%a %G' "$T/team/second.db")" "a second team database"

# Someone outside the group: a clear message, not a crash.
expect_status 1 as "$OUTSIDER" "$SAMTALE_BIN" --db "$DB" case add 2026-0103
assert_eq 1 "$(wc -l <"$T/err")" "lines on stderr for the outsider"
assert_contains "$(cat "$T/err")" "samtale: "
assert_contains "$(cat "$T/err")" "Permission denied"
expect_status 1 as "$OUTSIDER" "$SAMTALE_BIN" --db "$DB" case list
assert_eq 2 "$(sql "$DB" 'SELECT count(*) FROM cases')" "cases in the team database"
