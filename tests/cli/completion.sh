#!/bin/bash
# Bash completion (completion/samtale): sourced in bash it completes the
# commands, subcommands and options from the command table, the words of
# --by and the like, meeting types from the content and journal numbers
# from the database, through the quiet "samtale complete", which creates
# nothing.
. "$(dirname "$0")/../lib.sh"

mkdir -p "$T/bin"
ln -s "$SAMTALE_BIN" "$T/bin/samtale"
DB=$T/cases.db
samtale --db "$DB" case add 2026-0117 --initials AB >/dev/null
samtale --db "$DB" case add 2026-0200 >/dev/null
samtale --db "$DB" case add 2025-0999 >/dev/null
samtale --db "$DB" case close 2025-0999 >/dev/null

# comp WORD...: the completions bash offers for "samtale WORD..." (the last
# WORD being completed), space-separated, as a user's shell would make them.
comp() {
	PATH="$T/bin:$PATH" bash --norc --noprofile -c '
		. "$1/completion/samtale"
		shift
		COMP_WORDS=(samtale "$@")
		COMP_CWORD=$#
		_samtale
		echo "${COMPREPLY[*]}"' bash "$SOURCE_DIR" "$@"
}

out=$(bash --norc --noprofile -c '. "$1/completion/samtale"; complete -p samtale' bash "$SOURCE_DIR")
assert_eq "complete -F _samtale samtale" "$out" "complete -p samtale"

# Commands and subcommands, never the hidden one.
out=$(comp "")
for c in content case meeting followup followups db internship report export import demo handout; do
	assert_contains " $out " " $c " "commands"
done
assert_not_contains "$out" "complete" "commands"
assert_eq "case" "$(comp ca)" "ca"
assert_eq "add list show close reopen delete" "$(comp case "")" "case subcommands"
assert_eq "init backup check purge" "$(comp db "")" "db subcommands"
assert_eq "followup followups" "$(comp follow)" "follow"
# compgen -F gives the commands too.
out=$(PATH="$T/bin:$PATH" bash --norc --noprofile -c '. "$1/completion/samtale"; compgen -F _samtale -- "" 2>/dev/null' bash "$SOURCE_DIR")
assert_contains "$out" "report" "compgen -F _samtale"
assert_eq "case" "$(PATH="$T/bin:$PATH" bash --norc --noprofile -c '. "$1/completion/samtale"; compgen -F _samtale -- cas 2>/dev/null' bash "$SOURCE_DIR")" "compgen -F _samtale -- cas"

# Options of a subcommand, then the common ones.
out=$(comp case list --)
assert_eq "--all --format --output --db --content --lang --content-lang --user --help --version" "$out" "case list options"
out=$(comp report --)
for o in --by --split --from --to --period --caseworker --type --stale --kind --titles --format --output --db; do
	assert_contains " $out " " $o " "report options"
done
assert_eq "--format" "$(comp case list --f)" "--f"
assert_eq "--db --content --lang --content-lang --user --help --version" "$(comp -)" "options before a command"

# Values: words from the table, meeting types from the content.
assert_eq "section item caseworker case type month internship" "$(comp report --by "")" "--by"
assert_eq "caseworker case" "$(comp report --format csv --by ca)" "--by ca"
assert_eq "section item caseworker case type month internship" "$(comp report --by = "")" "--by="
assert_eq "table csv json xlsx" "$(comp followups --format "")" "followups --format"
assert_eq "pdf txt md" "$(comp handout 2026-0117 --format "")" "handout --format"
assert_eq "da en" "$(comp --lang "")" "--lang"
assert_eq "yes no unknown" "$(comp internship add X --job-possible "")" "--job-possible"
assert_eq "foerste opfoelgning foer-praktik under-praktik efter-praktik" "$(comp report --type "")" "--type"
assert_eq "foer-praktik" "$(comp meeting set 2026-0117 i-dag --type foer-)" "--type foer-"

# Journal numbers from the database named on the line, or SAMTALE_DB, closed
# cases too; none from a database that is not there, which is not created.
assert_eq "2025-0999 2026-0117 2026-0200" "$(comp --db "$DB" case show "")" "refs"
assert_eq "2026-0117 2026-0200" "$(comp case show --db="$DB" 2026)" "refs 2026"
assert_eq "2026-0117 2026-0200" "$(comp case show --db = "$DB" 2026)" "refs after --db = x"
assert_eq "2026-0200" "$(SAMTALE_DB=$DB comp handout 2026-02)" "refs from SAMTALE_DB"
assert_eq "2026-0117 2026-0200" "$(SAMTALE_DB=$DB comp export 2026-0117 2026)" "export REF..."
assert_eq "" "$(comp case show "")" "no default database"
assert_eq "" "$(comp --db "$T/nowhere/x.db" case show "")" "no such database"
[ ! -e "$XDG_DATA_HOME/samtale" ] || fail "completion created the data directory"
[ ! -e "$T/nowhere" ] || fail "completion created a directory"

# Files and directories are bash's own.
touch "$T/export.json"
assert_eq "$T/export.json" "$(cd "$T" && comp import "$T/expo")" "import FILE"
assert_eq "$T/bin" "$(comp content diff "$T/bi")" "content diff OLD"
assert_eq "$DB" "$(comp --db "$T/cas")" "--db PATH"

# The words offered are the words the commands take.
for by in $(comp report --by ""); do
	expect_status 0 samtale --db "$DB" report --by "$by" --format csv
done
for p in $(comp report --period ""); do
	expect_status 0 samtale --db "$DB" report --period "$p" --format csv
done
for k in $(comp report --kind ""); do
	expect_status 0 samtale --db "$DB" report --kind "$k" --format csv
done
for f in $(comp case list --format ""); do
	expect_status 0 samtale --db "$DB" case list --format "$f" -o "$T/list.$f"
done

# Quiet, whatever it is given.
expect_status 0 samtale complete
expect_status 0 samtale complete -- case show --db
expect_status 0 samtale --db "$T/bad/x.db" complete -- case show ""
assert_eq "" "$(cat "$T/err")" "stderr"
