#!/bin/bash
# One Danish word per thing: every UI string (the Danish translations in
# po/da.po, the string literals in src/ that are not English messages, the
# man page, the README) is checked
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
	cp -r "$SOURCE_DIR/po" "$T/tree/po"
	cp "$SOURCE_DIR/doc/glossary.tsv" "$SOURCE_DIR/doc/samtale.1" "$T/tree/doc/"
	cp "$SOURCE_DIR/README.md" "$T/tree/"
}
spoil() {
	fresh
	printf '%s\n' "$2" >>"$T/tree/$1"
	expect_status 1 check "$T/tree"
}

# po_entry MSGID MSGSTR: a translation, as po/da.po writes one.
po_entry() { printf '\nmsgid "%s"\nmsgstr "%s"\n' "$1" "$2"; }

spoil po/da.po "$(po_entry "The meeting is over." "Mødet er slut.")"
assert_contains "$(cat "$T/out")" "po/da.po:"
assert_contains "$(cat "$T/out")" '"møde" in "Mødet er slut.": the word is "samtale"'

spoil src/tui/scr_case.c 'static const struct ui_binding k[] = { { 1, 2, "x", "sagsnummer", true } };'
assert_contains "$(cat "$T/out")" '"sagsnummer" in "sagsnummer": the word is "journalnummer"'

spoil src/cli/cmd_case.c 'static const char *y = "  FORFALDEN";'
assert_contains "$(cat "$T/out")" '"FORFALDEN"'

spoil doc/samtale.1 'An item marked \fBgjort\fR.'
assert_contains "$(cat "$T/out")" 'doc/samtale.1:'
assert_contains "$(cat "$T/out")" '"gjort"'

fresh
printf '%s\n' 'static void z(struct app *a) { ui_status(a, "%s", _("saved")); }' >>"$T/tree/src/tui/scr_case.c"
po_entry "saved" "opfølgningen er gemt" >>"$T/tree/po/da.po"
expect_status 1 check "$T/tree"
assert_contains "$(cat "$T/out")" 'the message "opfølgningen er gemt" does not start with a capital letter'
assert_contains "$(cat "$T/out")" 'does not end with a full stop' "the same message"

# Not mistakes: "fremmøde" only contains "møde", a message's English is
# English, a comment is no UI string, a sentence made around a value begins
# with it.
fresh
cat >>"$T/tree/src/tui/scr_case.c" <<'C'
/* a comment may say møde and gjort */
static const char *w(void) { return _("Meet at 9; it is done (gjort)."); }
static void v(struct app *a) { ui_status(a, _("%s was saved."), "x"); }
C
po_entry "Meet at 9; it is done (gjort)." "Fremmøde kl. 9." >>"$T/tree/po/da.po"
po_entry "%s was saved." "%s er gemt." >>"$T/tree/po/da.po"
expect_status 0 check "$T/tree"
