#!/bin/bash
# The UI's translations (GNU gettext, po/da.po): every message in the
# sources has a Danish translation that is neither empty nor fuzzy, po/da.po
# has none that the sources no longer use, and msgfmt --check passes; a
# message added without its Danish fails this test. The language comes from
# --lang, then SAMTALE_LANG, then LANGUAGE and the locale, and is Danish for
# the C locale; each language's output holds none of the other's messages.
. "$(dirname "$0")/../lib.sh"

for tool in xgettext msgcmp msgfmt python3; do
	command -v "$tool" >/dev/null || { echo "$tool is not installed (package gettext)"; exit 77; }
done

# The messages of a source tree, as xgettext finds them.
messages() {
	(cd "$1" && find src include -name '*.[ch]' | LC_ALL=C sort |
		xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
			--keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=sam_ngettext:1,2 \
			--add-comments=TRANSLATORS: -o - -f -) >"$2"
}
# check TREE: the catalog of TREE against TREE's sources.
check() {
	local tree=$1
	messages "$tree" "$T/samtale.pot"
	# every message translated (msgcmp counts an untranslated or fuzzy one as missing) ...
	msgcmp "$tree/po/da.po" "$T/samtale.pot" || return 1
	# ... and every translation used
	msgcmp --use-untranslated "$T/samtale.pot" "$tree/po/da.po" 2>&1 | tee "$T/unused" >&2
	! grep -q 'not used\|not defined' "$T/unused" || return 1
	! grep -q '^#~' "$tree/po/da.po" || { echo "obsolete entries in $tree/po/da.po" >&2; return 1; }
	msgfmt --check --statistics -o /dev/null "$tree/po/da.po" 2>"$T/stats" || return 1
	grep -q 'translated messages\.$' "$T/stats" || { cat "$T/stats" >&2; return 1; }
}

expect_status 0 check "$SOURCE_DIR"

# A spoiled copy: a message without its Danish, an empty and a fuzzy
# translation, one the sources no longer use.
fresh() {
	rm -rf "$T/tree"
	mkdir -p "$T/tree"
	cp -r "$SOURCE_DIR/src" "$SOURCE_DIR/include" "$SOURCE_DIR/po" "$T/tree/"
}
fresh
printf '%s\n' 'static const char *x(void) { return _("A brand new message."); }' >>"$T/tree/src/tui/scr_case.c"
expect_status 1 check "$T/tree"
assert_contains "$(cat "$T/err")" "this message is used but not defined"
fresh
printf '%s\n' 'static const char *x(int n) { return sam_ngettext("%d new thing", "%d new things", n); }' \
	>>"$T/tree/src/cli/cli.c"
expect_status 1 check "$T/tree"
fresh
python3 - "$T/tree/po/da.po" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read()
s = s.replace('msgid "Cases"\nmsgstr "Sager"', 'msgid "Cases"\nmsgstr ""', 1)
open(p, 'w', encoding='utf-8').write(s)
PY
expect_status 1 check "$T/tree"
fresh
python3 - "$T/tree/po/da.po" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding='utf-8').read()
s = s.replace('\nmsgid "Cases"\n', '\n#, fuzzy\nmsgid "Cases"\n', 1)
open(p, 'w', encoding='utf-8').write(s)
PY
expect_status 1 check "$T/tree"
fresh
printf '\nmsgid "A message nobody says."\nmsgstr "En besked, ingen siger."\n' >>"$T/tree/po/da.po"
expect_status 1 check "$T/tree"
fresh
printf '\n#, c-format\nmsgid "%%s was saved."\nmsgstr "%%d er gemt."\n' >>"$T/tree/po/da.po"
expect_status 1 msgfmt --check -o /dev/null "$T/tree/po/da.po"

#
# The language at run time.
#
help_is_english() { assert_contains "$1" "Usage: samtale [OPTION...] [COMMAND]" "$2"; }
help_is_danish() { assert_contains "$1" "Brug: samtale [OPTION...] [COMMAND]" "$2"; }

help_is_danish "$(samtale --help)" "Danish by default"
help_is_english "$(LANGUAGE=en samtale --help)" "LANGUAGE=en"
help_is_danish "$(LANGUAGE=da samtale --help)" "LANGUAGE=da"
help_is_danish "$(LANGUAGE=da LANG=en_US.UTF-8 samtale --help)" "LANGUAGE before LANG"
help_is_english "$(LANGUAGE=de:en samtale --help)" "the first of LANGUAGE's that samtale has"
help_is_danish "$(env LC_ALL=C LANG=C "$SAMTALE_BIN" --help)" "LANG=C"
help_is_danish "$(env LC_ALL=POSIX LANG=POSIX "$SAMTALE_BIN" --help)" "LANG=POSIX"
help_is_danish "$(env -u LC_ALL LANG=C "$SAMTALE_BIN" --help)" "LANG=C alone"
help_is_danish "$(env -u LC_ALL LANG=de_DE.UTF-8 "$SAMTALE_BIN" --help)" "a language samtale does not have"
help_is_english "$(env -u LC_ALL LANG=en_GB.UTF-8 "$SAMTALE_BIN" --help)" "LANG=en_GB.UTF-8"
help_is_english "$(env -u LC_ALL LANG=da_DK.UTF-8 LC_MESSAGES=en_US.UTF-8 "$SAMTALE_BIN" --help)" "LC_MESSAGES"
help_is_danish "$(env -u LC_ALL LANG=da_DK.UTF-8 "$SAMTALE_BIN" --help)" "LANG=da_DK.UTF-8"
help_is_english "$(SAMTALE_LANG=en LANGUAGE=da samtale --help)" "SAMTALE_LANG before LANGUAGE"
help_is_danish "$(SAMTALE_LANG=en samtale --lang da --help)" "--lang before SAMTALE_LANG"
help_is_english "$(samtale --lang en --help)" "--lang en"
expect_status 2 env SAMTALE_LANG=xx "$SAMTALE_BIN" --help
assert_eq "samtale: SAMTALE_LANG: ukendt sprog 'xx' (da eller en)" "$(cat "$T/err")"
# The C library's messages follow the locale (C.UTF-8 here), not LANGUAGE
# as samtale sets it for its own.
expect_status 1 samtale import "$T/nowhere.json"
assert_contains "$(cat "$T/err")" "No such file or directory"

# The compiler checks a format through _(), C_() and sam_ngettext.
if command -v cc >/dev/null; then
	fmt() {
		printf '%s\n' '#include "samtale/util.h"' 'void f(int n);' "void f(int n) { $1; }" >"$T/fmt.c"
		cc -std=c17 -fsyntax-only -Wformat -Werror -I "$SOURCE_DIR/include" "$T/fmt.c"
	}
	expect_status 0 fmt 'printf(_("%d cases\n"), n)'
	expect_status 1 fmt 'printf(_("%s cases\n"), n)'
	assert_contains "$(cat "$T/err")" "format"
	expect_status 1 fmt 'printf(C_("x", "%s cases\n"), n)'
	expect_status 1 fmt 'printf(sam_ngettext("%d case\n", "%s cases\n", (unsigned long)n), n)'
fi

# An install, moved to another prefix, finds its Danish beside itself
# (share/locale/da/LC_MESSAGES/samtale.mo, not da.mo).
BUILD=$(dirname "$SAMTALE_BIN")
if command -v cmake >/dev/null && [ -f "$BUILD/cmake_install.cmake" ]; then
	cmake --install "$BUILD" --prefix "$T/prefix" >/dev/null
	[ -f "$T/prefix/share/locale/da/LC_MESSAGES/samtale.mo" ] || fail "no samtale.mo installed"
	assert_eq "" "$(find "$T/prefix" -name da.mo)" "no da.mo"
	mv "$T/prefix" "$T/moved"
	help_is_danish "$(env LC_ALL=C LANG=C "$T/moved/bin/samtale" --help)" "a moved install"
	help_is_english "$(LANGUAGE=en "$T/moved/bin/samtale" --help)" "a moved install, LANGUAGE=en"
fi

# The content follows the interface, unless --content-lang.
assert_contains "$(samtale --lang en content list)" "First meeting"
assert_contains "$(samtale --lang en --content-lang da content list)" "Første samtale"
assert_contains "$(samtale --content-lang en content list)" "First meeting"

# Each language's output holds no message of the other: a Danish screen
# shows no English msgid, an English one no Danish msgstr (those that differ
# and are longer than a word, so that a word both languages share is no
# mistake).
python3 - "$SOURCE_DIR/po/da.po" "$T/english" "$T/danish" <<'PY'
import re, sys
po, english, danish = sys.argv[1:]
text = open(po, encoding='utf-8').read()
def unquote(block):
    s = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))
    return s.replace('\\n', '\n').replace('\\"', '"').replace('\\\\', '\\')
en, da = set(), set()
for m in re.finditer(r'\nmsgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', text):
    i, s = unquote(m[1]), unquote(m[2])
    if i == s:
        continue
    for side, out in ((i, en), (s, da)):
        # the words around a format directive, each a phrase of its own
        for part in re.split(r'%[-+ #0\'\d.]*[a-z]+|\n', side):
            part = part.strip(' :()')
            if len(part) >= 14 and ' ' in part:
                out.add(part)
common = en & da
open(english, 'w', encoding='utf-8').write('\n'.join(sorted(en - common)) + '\n')
open(danish, 'w', encoding='utf-8').write('\n'.join(sorted(da - common)) + '\n')
PY
# none_of FILE TEXT WHAT: no line of FILE occurs in TEXT.
none_of() {
	local found
	found=$(grep -F -f "$1" <<<"$2" || true)
	[ -z "$found" ] || fail "$3: $(basename "$1") text in the output: $found"
}

DB=$(test_db db)
samtale --db "$DB" --user mette demo --cases 6 --seed 3 >/dev/null
REF=$(samtale --db "$DB" case list --all --format csv | sed -n 2p | cut -d, -f1)
run_all() {
	local lang=$1 cmd
	for cmd in "--help" "case list --all" "case show $REF" "followups --all" "report --by section" \
		"report --by caseworker" "content list" "case --help" "report --help" "db check" \
		"internship list" "export $REF --format md"; do
		# shellcheck disable=SC2086
		samtale --db "$DB" --user mette --lang "$lang" $cmd 2>&1 || true
	done
	samtale --lang "$lang" case show 2>&1 || true
	samtale --db "$DB" --lang "$lang" followup edit 999 --text x 2>&1 || true
}
DA=$(run_all da)
EN=$(run_all en)
none_of "$T/english" "$DA" "Danish"
none_of "$T/danish" "$EN" "English"
assert_contains "$DA" "journalnummer"
assert_contains "$EN" "Usage: samtale"

# The TUI, a few screens in each language: cases (everybody's), help,
# follow-ups, the report, a case.
if command -v tmux >/dev/null; then
	. "$SOURCE_DIR/tests/tui/tui.inc"
	# screens LANG CASES HELP FOLLOWUPS REPORT CASE EVERYBODY: what each screen says.
	screens() {
		local lang=$1 all=""
		tui_run 120 40 --db "$DB" --user mette --lang "$lang"
		tui_wait "$2" 60
		tui_keys A
		tui_wait "$7" 60
		all+=$(tui_screen)
		tui_keys '?'
		tui_wait "$3" 60
		all+=$(tui_screen)
		tui_keys q F
		tui_wait "$4" 60
		all+=$(tui_screen)
		tui_keys q R
		tui_wait "$5" 60
		all+=$(tui_screen)
		tui_keys q Home Enter
		tui_wait "$6" 60
		all+=$(tui_screen)
		tui_keys C-c
		tui_keys C-c
		tui_expect_exit 0 60
		printf '%s' "$all"
	}
	TDA=$(screens da "Sager" "Taster på denne skærm" "Opfølgninger" "Rapport" "Hendes profil" "Sagsbehandler")
	TEN=$(screens en "Cases" "Keys on this screen" "Follow-ups" "Report" "Her profile" "Caseworker")
	none_of "$T/english" "$TDA" "Danish TUI"
	none_of "$T/danish" "$TEN" "English TUI"
fi
