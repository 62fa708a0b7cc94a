#!/bin/bash
# Every command's --help lists each of its options on a line of its own with
# its help, then the common options, in the UI language, and points to the
# man page; all of it comes from the command table (src/cli/cmdtab.c), which
# also gives the options their parser.
. "$(dirname "$0")/../lib.sh"

# "samtale case add REF ...": the commands as samtale --help lists them.
mapfile -t cmds < <(samtale --help | sed -n 's/^  samtale \([a-z]*\)\( [a-z]*\)\?\( .*\)\?$/\1\2/p')
[ ${#cmds[@]} -ge 30 ] || fail "samtale --help lists only ${#cmds[@]} commands"
assert_not_contains "${cmds[*]}" "complete" "the completion's own command is hidden"

for lang in da en; do
	if [ $lang = da ]; then
		common="Fælles tilvalg" db_help="databasen; ellers SAMTALE_DB" man="Hele vejledningen: man samtale."
		other="Common options"
	else
		common="Common options" db_help="the database; else SAMTALE_DB" man="The whole manual: man samtale."
		other="Fælles tilvalg"
	fi
	for c in "${cmds[@]}"; do
		# shellcheck disable=SC2086
		expect_status 0 samtale --lang $lang $c --help
		help=$(cat "$T/out")
		assert_contains "$help" "$common:" "$c --help ($lang)"
		assert_not_contains "$help" "$other" "$c --help ($lang)"
		assert_contains "$help" "  --db PATH" "$c --help ($lang)"
		assert_contains "$help" "$db_help" "$c --help ($lang)"
		assert_contains "$help" "$man" "$c --help ($lang)"
		# Each option of the usage line has a line of its own, with help.
		usage=$(sed -n '1,/^$/p' <<<"$help")
		for opt in $(grep -o -- '--[a-z-]*' <<<"$usage" | sort -u); do
			grep -qE -- "^  (-o, )?$opt( [^ ]+)?  +[^ ]" <<<"$help" ||
				fail "$c --help ($lang): no line for $opt: $help"
		done
	done
done

# A subcommand's help after its group, and -h; the help is said whatever else
# the line holds, and nothing runs.
expect_status 0 samtale case list -h
assert_contains "$(cat "$T/out")" "Vis sager."
assert_contains "$(cat "$T/out")" "  --all "
expect_status 0 samtale --lang en report --by case --help
assert_contains "$(cat "$T/out")" "  --by BY "
assert_contains "$(cat "$T/out")" "section, item, caseworker, case, type, month, internship"
assert_contains "$(cat "$T/out")" "  -o, --output FILE  "
[ ! -e "$XDG_DATA_HOME/samtale/samtale.db" ] || fail "--help created the database"

# A group lists its commands with their summaries; without a command the
# same goes to stderr.
expect_status 0 samtale followup --help
assert_contains "$(cat "$T/out")" "samtale followup edit ID [--text TEXT] [--due D] [--assignee NAME]"
assert_contains "$(cat "$T/out")" "markér en opfølgning udført"
expect_status 2 samtale --lang en followup
assert_contains "$(cat "$T/err")" "mark a follow-up done"

# The top-level help: usage lines wrapped at 80 columns (a word longer than
# any line stays at its end), the common options in the UI language.
expect_status 0 samtale --help
while IFS= read -r line; do
	head=${line% *}
	case $line in "  samtale "*) [ ${#line} -le 80 ] || [ ${#head} -le 80 ] ||
		fail "usage line over 80 columns: $line" ;; esac
done <"$T/out"
assert_contains "$(cat "$T/out")" "  --user NAME       sagsbehandleren på ændringerne"
expect_status 0 samtale --lang en --help
assert_contains "$(cat "$T/out")" "  --user NAME       the caseworker on changes"

# One place: no command declares getopt options of its own.
if grep -n "struct option" "$SOURCE_DIR"/src/cli/cmd_*.c; then
	fail "a command declares its options outside the command table"
fi
