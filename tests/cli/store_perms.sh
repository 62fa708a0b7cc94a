#!/bin/bash
# A database file with wider permissions than samtale gives it (0600 for a
# personal one; 0660 and the team's group for a team database), or a
# personal one that another user owns, is refused with a message that says
# why, by every command; nothing is changed.
. "$(dirname "$0")/../lib.sh"
# The modes, owners and groups of SQLite's file; a server's roles are in
# tests/pg/run.sh.
sqlite_only

mkdir -m 0700 "$T/p"
DB=$T/p/s.db
expect_status 0 samtale --db "$DB" case add 2026-0001

# expect_refused WORDS ARGS...: exit 1, one "samtale: " line saying WORDS.
expect_refused() {
	local words=$1
	shift
	expect_status 1 "$@"
	assert_eq 1 "$(wc -l <"$T/err")" "lines on stderr of '$*'"
	assert_contains "$(cat "$T/err")" "samtale: "
	assert_contains "$(cat "$T/err")" "$words" "stderr of '$*'"
}

for mode in 0644 0640 0604 0660 0666 0700 0610; do
	chmod "$mode" "$DB"
	expect_refused "for vide rettigheder (${mode#0})" samtale --db "$DB" case list
	assert_contains "$(cat "$T/err")" "chmod 600 $DB"
	expect_refused "for vide rettigheder" samtale --db "$DB" case add 2026-0002
	assert_eq "$mode" "$(stat -c 0%a "$DB")" "mode after a refusal"
done
samtale --lang en --db "$DB" case list 2>"$T/err" || true
assert_contains "$(cat "$T/err")" "permissions that are too wide (610)"
for mode in 0600 0400; do
	chmod "$mode" "$DB"
	expect_status 0 samtale --db "$DB" case list
done
chmod 0600 "$DB"
assert_eq 1 "$(sql "$DB" 'SELECT count(*) FROM cases')" "cases after the refusals"

if [ "$(id -u)" != 0 ]; then
	echo "SKIP: the owner and group checks need root to make users and groups"
	exit 77
fi
need_others_run_samtale

# A personal database that another user owns, even readable by us.
chown 65534 "$DB"
expect_refused "tilhører en anden bruger" samtale --db "$DB" case list
expect_refused "tilhører en anden bruger" samtale --db "$DB" db check
chown 0 "$DB"
expect_status 0 samtale --db "$DB" case list

# A team database: 0660 and the group of its directory, nothing wider.
suffix=$$
GROUP=samtale-perm-$suffix
OTHER=samtale-perm2-$suffix
MEMBER=st-perm-$suffix
users_cleanup() {
	local status=$?

	userdel "$MEMBER" 2>/dev/null || true
	groupdel "$GROUP" 2>/dev/null || true
	groupdel "$OTHER" 2>/dev/null || true
	cleanup "$status"
}
trap users_cleanup EXIT
retry() { for _ in 1 2 3 4 5 6 7 8 9 10; do "$@" 2>/dev/null && return 0; sleep 0.3; done; "$@"; }
retry groupadd "$GROUP"
retry groupadd "$OTHER"
retry useradd -M -N -g nogroup -G "$GROUP" -s /usr/sbin/nologin "$MEMBER"
as() { local u=$1; shift; setpriv --reuid="$u" --regid=nogroup --init-groups "$@"; }
chmod 0711 "$T"
TEAM=$T/team/samtale.db
expect_status 0 samtale --db "$TEAM" db init --shared "$GROUP"
expect_status 0 as "$MEMBER" "$SAMTALE_BIN" --db "$TEAM" case add 2026-0101
for mode in 0664 0662 0670; do
	chmod "$mode" "$TEAM"
	expect_refused "for vide rettigheder (${mode#0})" as "$MEMBER" "$SAMTALE_BIN" --db "$TEAM" case list
	assert_contains "$(cat "$T/err")" "0660"
	assert_contains "$(cat "$T/err")" "$GROUP"
done
chmod 0660 "$TEAM"
chgrp "$OTHER" "$TEAM"
expect_refused "gruppen $OTHER" samtale --db "$TEAM" case list
chgrp "$GROUP" "$TEAM"
# Another member's team database is the team's: no owner check.
expect_status 0 as "$MEMBER" "$SAMTALE_BIN" --db "$TEAM" case list
expect_status 0 samtale --db "$TEAM" case list
assert_eq 2 "$(wc -l <"$T/out")" "lines of the team's case list"
