#!/bin/bash
# The config file $XDG_CONFIG_HOME/samtale/config (else ~/.config/samtale/config)
# gives the defaults for db, lang, user, editor, printer and the job centre's
# contact line; an environment variable overrides it, and an option
# overrides both. A mistake is told as FILE:LINE: and nothing runs.
. "$(dirname "$0")/../lib.sh"

CONF=$XDG_CONFIG_HOME/samtale/config
mkdir -p "$(dirname "$CONF")" "$T/a" "$T/b" "$T/c"
unset PRINTER LPDEST EDITOR
DBA=$(test_db a/samtale.db)
DBB=$(test_db b/samtale.db)
DBC=$(test_db c/samtale.db)
# in_db DB REF: the case REF is in DB, and only there.
in_db() {
	local db
	for db in "$DBA" "$DBB" "$DBC"; do
		if [ "$db" = "$1" ]; then
			assert_eq 1 "$(sql "$db" "SELECT count(*) FROM cases WHERE ref = '$2'")" "case $2 in $db"
		elif [ "$ENGINE" = pg ] || [ -e "$db" ]; then
			assert_eq 0 "$(sql "$db" "SELECT count(*) FROM cases WHERE ref = '$2'")" "case $2 in $db"
		fi
	done
}

# db: option > SAMTALE_DB > config > the default.
cat >"$CONF" <<EOF2
# Mine standarder
db = $DBA
user = mette
EOF2
expect_status 0 samtale case add 2026-0001
in_db "$DBA" 2026-0001
[ ! -e "$XDG_DATA_HOME/samtale/samtale.db" ] || fail "the default database was made beside the config's"
expect_status 0 env SAMTALE_DB="$DBB" "$SAMTALE_BIN" case add 2026-0002
in_db "$DBB" 2026-0002
expect_status 0 env SAMTALE_DB="$DBB" "$SAMTALE_BIN" --db "$DBC" case add 2026-0003
in_db "$DBC" 2026-0003
assert_eq "2026-0001" "$(samtale case list --format csv | tail -n +2 | cut -d, -f1)" "cases in the config's db"
assert_eq "2026-0002" "$(SAMTALE_DB=$DBB samtale case list --format csv | tail -n +2 | cut -d, -f1)" \
	"cases in SAMTALE_DB"

# user: option > config > the login name.
assert_eq "mette" "$(samtale case list --format csv | tail -n +2 | cut -d, -f3)" "caseworker from the config"
expect_status 0 samtale --user anne case add 2026-0004
assert_eq "anne" "$(samtale case list --all --format csv | grep 2026-0004 | cut -d, -f3)" "--user over the config"

# lang: option > config > Danish.
echo "lang = en" >>"$CONF"
expect_status 1 samtale case show 2026-9999
assert_contains "$(cat "$T/err")" "samtale: there is no case"
expect_status 1 samtale --lang da case show 2026-9999
assert_contains "$(cat "$T/err")" "samtale: der er ingen sag"
expect_status 0 samtale case list --help
assert_contains "$(cat "$T/out")" "Common options:"

# The contact line on her copy in every language (the printer and the
# editor: tests/unit/test_config.c and tests/tui/config_editor.sh).
cat >"$CONF" <<EOF2
db = $DBA
printer = kontorets-printer
contact_line = Ring på 12 34 56 78 (man-fre 9-12); skriv på jobcenter@kommune.dk #3
EOF2
samtale import "$SOURCE_DIR/tests/fixtures/exchange/handout.json" >/dev/null
for lang in da en; do
	expect_status 0 samtale handout 2026-0117 --format txt --lang $lang -o "$T/her-$lang.txt"
	flat=$(tr '\n' ' ' <"$T/her-$lang.txt" | tr -s ' ')
	assert_contains "$flat" "Ring på 12 34 56 78 (man-fre 9-12); skriv på jobcenter@kommune.dk #3" "her copy ($lang)"
	assert_not_contains "$flat" "Ring eller skriv til jobcentret" "her copy ($lang)"
done

# Mistakes: FILE:LINE: why, exit 1, nothing done, in the UI language.
bad() {
	local line=$1 want=$2
	shift 2
	printf '%s\n' "$@" >"$CONF"
	expect_status 1 samtale case add 2026-0100
	assert_contains "$(cat "$T/err")" "samtale: $CONF:$line: $want" "config error"
	assert_eq "" "$(cat "$T/out")" "stdout on a config error"
}
bad 2 "ukendt nøgle 'usr' (kendte: db, lang, user, editor, printer, contact_line)" "# kommentar" "usr = mette"
bad 3 "ikke 'nøgle = værdi'" "user = mette" "" "printer kontoret"
bad 1 "'db' har ingen værdi" "db ="
bad 2 "'user' er sat to gange" "user = a" "user = b"
bad 1 "ukendt sprog 'de' (da eller en)" "lang = de"
bad 2 "'user' står under [samtale]; filen har ingen afsnit" "[samtale]" "user = mette"
bad 1 "'contact_line' ligner et CPR-nummer" "contact_line = Ring om 010190-1234"
bad 1 "linjen er længere end 1000 byte" "contact_line = $(head -c 1200 /dev/zero | tr '\0' x)"
bad 2 "linjen har et kontroltegn eller er ikke UTF-8" "user = a" "$(printf 'printer = \033[31m')"
assert_not_contains "$(cat "$T/err")" $'\033' "a control byte from the file"
printf 'usr = x\n' >"$CONF"
expect_status 1 samtale --lang en case list
assert_contains "$(cat "$T/err")" "samtale: $CONF:1: unknown key 'usr' (known: db, lang, user, editor, printer, contact_line)"

# ~/.config/samtale/config when XDG_CONFIG_HOME is unset; no file, no defaults.
export XDG_CONFIG_HOME=$T/elsewhere
mkdir -p "$HOME/.config/samtale"
echo "user = birgit" >"$HOME/.config/samtale/config"
expect_status 0 samtale --db "$DBA" case add 2026-0007
assert_eq "$(id -un)" "$(samtale --db "$DBA" case list --all --format csv | grep 2026-0007 | cut -d, -f3)" \
	"XDG_CONFIG_HOME's file, not ~/.config's"
expect_status 0 env -u XDG_CONFIG_HOME "$SAMTALE_BIN" --db "$DBA" case add 2026-0005
assert_eq "birgit" "$(samtale --db "$DBA" case list --all --format csv | grep 2026-0005 | cut -d, -f3)" \
	"~/.config/samtale/config"
rm "$HOME/.config/samtale/config"
expect_status 0 env -u XDG_CONFIG_HOME "$SAMTALE_BIN" --db "$DBA" case add 2026-0006
assert_eq "$(id -un)" "$(samtale --db "$DBA" case list --all --format csv | grep 2026-0006 | cut -d, -f3)" \
	"no config file: the login name"
