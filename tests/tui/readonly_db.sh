#!/bin/bash
# A database samtale may read but not write (a team lead's read access, a
# read-only disk) opens read-only in the guide: everything shows, and each
# key that would change something is refused with one polite message. On
# SQLite a directory she may not write, on PostgreSQL a team lead's role.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

W=60
# DB as its owner made it, OPEN as the guide opens it; dump: the database
# as text, to compare before and after.
if [ "$ENGINE" = sqlite ]; then
	mkdir "$T/ro"
	DB=$T/ro/s.db		# the directory is made read-only below
	dump() { sqlite3 "$DB" .dump | sha256sum; }
else
	DB=$(test_db db)
	# (without the random key of pg_dump's \restrict lines)
	dump() { pg_dump --data-only -d "$DB" | grep -v '^\\\(un\)\{0,1\}restrict ' | sha256sum; }
fi
samtale --db "$DB" --user mette case add 2026-0117 --initials AB >/dev/null
samtale --db "$DB" --user mette import /dev/stdin >/dev/null <<'JSON'
{"format": "samtale-export/1", "cases": [{"ref": "2026-0118", "initials": "CD",
 "meetings": [{"date": "2026-02-10", "type": "foerste", "items": []}]}]}
JSON
before=$(dump)
OPEN=$DB

if [ "$ENGINE" = sqlite ]; then
	# The directory read-only for samtale alone: a bind mount in a mount
	# namespace of its own (as root), which even root cannot write through.
	if [ "$(id -u)" != 0 ] || ! unshare -m sh -c 'mount --bind -o ro "$1" "$1"' sh "$T/ro" 2>/dev/null; then
		echo "SKIP: needs root and mount namespaces for a read-only directory"
		exit 77
	fi
	cat >"$T/samtale-ro" <<EOF2
#!/bin/sh
exec unshare -m sh -c 'mount --bind -o ro "\$0" "\$0" && exec "\$@"' "$T/ro" "$SAMTALE_BIN" "\$@"
EOF2
	chmod +x "$T/samtale-ro"
	SAMTALE_BIN=$T/samtale-ro
else
	# The team's lead, who reads the team's cases (README: teams).
	dbname=${DB##*/}
	psql -X -q -v ON_ERROR_STOP=1 -c "CREATE ROLE ${dbname}_lead LOGIN PASSWORD 'pw-lead'
		IN ROLE ${dbname}_team, samtale_lead" postgres || fail "the team lead's role"
	OPEN="postgresql://${dbname}_lead:pw-lead@/$dbname"
fi

refused="Databasen er skrivebeskyttet: du kan se, men ikke ændre noget."
tui_run 80 24 --db "$OPEN" --user mette
tui_wait "2026-0118" $W
tui_wait "$refused" $W
# a: no prompt for a reference; the next key, ?, opens the help.
tui_keys a
tui_keys '?'
tui_wait "Hjælp:" $W
tui_keys q
tui_wait "2026-0118" $W
# A case opens and shows its meeting; m (a new meeting) is refused.
tui_keys j Enter
tui_wait "Første samtale" $W
tui_keys m
tui_wait "$refused" $W
tui_keys '?'
tui_wait "Hjælp:" $W
tui_keys q
# An old meeting opens; ticking, notes and the agreed summary are refused.
tui_wait "Første samtale" $W
tui_keys Enter
tui_wait "Afsnit 1/3" $W
for key in Space n e A E f i; do
	tui_keys "$key"
	tui_wait "$refused" $W
done
tui_keys '?'
tui_wait "Hjælp:" $W
tui_keys q q q q
tui_expect_exit 0
assert_eq "$before" "$(dump)" "the database"
