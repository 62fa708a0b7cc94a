#!/bin/bash
# One Danish word per thing: every UI string (the Danish side of each tr(),
# the other string literals in src/, the man page, the README) is checked
# against doc/glossary.tsv, and the TUI's messages are sentences. The
# checker's self-test: a forbidden synonym added to a UI string, a binding
# label, the man page, or a message without its full stop, each fails it;
# compounds are caught, words that only contain a synonym are not.
. "$(dirname "$0")/../lib.sh"

command -v python3 >/dev/null || { echo "python3 is not installed"; exit 77; }
check() { python3 "$SOURCE_DIR/tests/glossary.py" "$1"; }

expect_status 0 check "$SOURCE_DIR"
assert_eq "" "$(cat "$T/out")" "the shipped UI strings"

# A copy of the tree to spoil, one mistake at a time.
fresh() {
	rm -rf "$T/tree"
	mkdir -p "$T/tree/doc"
	cp -r "$SOURCE_DIR/src" "$T/tree/src"
	cp "$SOURCE_DIR/doc/glossary.tsv" "$SOURCE_DIR/doc/samtale.1" "$T/tree/doc/"
	cp "$SOURCE_DIR/README.md" "$T/tree/"
}
spoil() {
	fresh
	printf '%s\n' "$2" >>"$T/tree/$1"
	expect_status 1 check "$T/tree"
}

spoil src/tui/scr_meeting.c 'static const char *x(void) { return tr("Mødet er slut.", "The meeting is over."); }'
assert_contains "$(cat "$T/out")" "src/tui/scr_meeting.c:"
assert_contains "$(cat "$T/out")" '"møde" in "Mødet er slut.": the word is "samtale"'

spoil src/tui/scr_case.c 'static const struct ui_binding k[] = { { 1, 2, "x", "sagsnummer", "journal number", true } };'
assert_contains "$(cat "$T/out")" '"sagsnummer" in "sagsnummer": the word is "journalnummer"'

spoil src/cli/cmd_case.c 'static const char *y = "  FORFALDEN";'
assert_contains "$(cat "$T/out")" '"FORFALDEN"'

spoil doc/samtale.1 'An item marked \fBgjort\fR.'
assert_contains "$(cat "$T/out")" 'doc/samtale.1:'
assert_contains "$(cat "$T/out")" '"gjort"'

spoil src/tui/scr_case.c 'static void z(struct app *a) { ui_status(a, "%s", tr("opfølgningen er gemt", "saved")); }'
assert_contains "$(cat "$T/out")" 'the message "opfølgningen er gemt" does not start with a capital letter'
assert_contains "$(cat "$T/out")" 'does not end with a full stop' "the same message"

# Not mistakes: "fremmøde" only contains "møde", the English side of a
# tr() is English, a comment is no UI string, a sentence made around a
# value begins with it.
fresh
cat >>"$T/tree/src/tui/scr_case.c" <<'C'
/* a comment may say møde and gjort */
static const char *w(void) { return tr("Fremmøde kl. 9.", "Meet at 9; it is done (gjort)."); }
static void v(struct app *a) { ui_status(a, tr("%s er gemt.", "%s was saved."), "x"); }
C
expect_status 0 check "$T/tree"
