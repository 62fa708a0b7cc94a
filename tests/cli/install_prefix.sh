#!/bin/bash
# An install into a scratch prefix works on its own: moved to another place
# and with the source tree out of sight, `content check` passes on the
# installed content, her copy is made as a PDF and a report as a
# spreadsheet (by the installed modules) and the TUI starts. The source tree is hidden behind an
# empty directory in a mount namespace of the test's own (root, unshare);
# where that cannot be done (or without tmux), the rest still runs and the
# test says SKIP.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../tui/tui.inc"

W=60

# SAMTALE_INSTALLED=DIR tries an install made elsewhere (the .deb unpacked,
# DIR its usr/); else the build this test belongs to is installed here.
if [ -n "${SAMTALE_INSTALLED:-}" ]; then
	cp -a "$SAMTALE_INSTALLED" "$T/prefix"
else
	cmake --install "$(dirname "$SAMTALE_BIN")" --prefix "$T/prefix" >"$T/install.log" ||
		fail "cmake --install: $(cat "$T/install.log")"
fi
for f in bin/samtale share/samtale/content/da/guide.yaml share/samtale/content/en/handout.yaml \
	share/man/man1/samtale.1 share/bash-completion/completions/samtale share/locale/da/LC_MESSAGES/samtale.mo; do
	compgen -G "$T/prefix/$f*" >/dev/null || fail "the install has no $f"
done
# lib/samtale, or lib/x86_64-linux-gnu/samtale under a Debian prefix
modules=(samtale-pdf.so samtale-xlsx.so)
with_pg=false
if ! "$SAMTALE_BIN" --lang en --db postgresql:///none db check 2>&1 | grep -q "without PostgreSQL"; then
	with_pg=true
	modules+=(samtale-pg.so)
fi
for m in "${modules[@]}"; do
	[ -n "$(find "$T/prefix" -path "*/lib*/samtale/$m")" ] || fail "the install has no $m"
done
# Nothing the binary reads may be where the build configured it: the prefix moves.
mv "$T/prefix" "$T/moved"
PREFIX=$(cd "$T/moved" && pwd -P)
BIN=$PREFIX/bin/samtale
unset SAMTALE_CONTENT
cd "$T"
# A sanitizer build's suppressions, out of the source tree that is hidden below.
if [ -n "${LSAN_OPTIONS:-}" ] && [ -f "$SOURCE_DIR/tests/lsan.supp" ]; then
	cp "$SOURCE_DIR/tests/lsan.supp" "$T/lsan.supp"
	export LSAN_OPTIONS="suppressions=$T/lsan.supp:print_suppressions=0"
fi

# hidden CMD...: CMD with the source tree hidden, when this process may do so.
hide_source=false
if [ "$(id -u)" = 0 ] && unshare -m --propagation private true 2>/dev/null; then
	hide_source=true
fi
hidden() {
	if $hide_source; then
		unshare -m --propagation private sh -c \
			'mount -t tmpfs -o size=1m,mode=0755 none "$0" && exec "$@"' "$SOURCE_DIR" "$@"
	else
		"$@"
	fi
}

expect_status 0 hidden "$BIN" content check
assert_eq "$PREFIX/share/samtale/content: indholdet er i orden" "$(cat "$T/out")" "content check"
expect_status 0 hidden "$BIN" --lang en content list
assert_contains "$(cat "$T/out")" "Believe in the woman" "content list"
expect_status 0 hidden "$BIN" --db "$T/db" --user mette case add 2026-0117 --initials AB
# Her copy as a PDF, by the module of the moved install.
cp "$SOURCE_DIR/tests/fixtures/exchange/handout.json" "$T/"
expect_status 0 hidden "$BIN" --db "$T/hdb" import "$T/handout.json"
expect_status 0 hidden "$BIN" --db "$T/hdb" handout 2026-0117 -o "$T/her.pdf"
assert_eq "%PDF-" "$(head -c 5 "$T/her.pdf")" "handout --format pdf"
expect_status 0 hidden "$BIN" --db "$T/hdb" report --by section --format xlsx -o "$T/report.xlsx"
assert_eq "PK" "$(head -c 2 "$T/report.xlsx")" "report --format xlsx"
# The PostgreSQL engine, from the moved install: found, it tries the server.
if $with_pg; then
	expect_status 1 hidden "$BIN" --lang en --db "postgresql:///none?host=$T/no-server" case list
	assert_contains "$(cat "$T/err")" "cannot connect to the PostgreSQL database" "pg module"
fi
# A module missing from the install: the command says so, and writes nothing.
mv "$(find "$PREFIX" -name samtale-xlsx.so)" "$T/"
expect_status 1 hidden "$BIN" --db "$T/hdb" report --by section --format xlsx -o "$T/none.xlsx"
assert_contains "$(cat "$T/err")" "samtale-xlsx.so" "missing module"
[ ! -e "$T/none.xlsx" ] || fail "a spreadsheet was written without its module"
# The installed completion, asking the samtale on PATH.
expect_status 0 hidden env PATH="$PREFIX/bin:$PATH" bash --norc -c \
	'. "$1/share/bash-completion/completions/samtale" && complete -p samtale && compgen -F _samtale -- con' \
	sh "$PREFIX"
assert_contains "$(cat "$T/out")" "complete -F _samtale samtale" "complete -p"
assert_contains "$(cat "$T/out")" "content" "compgen"

# The TUI on the installed content: its case list, then q.
command -v tmux >/dev/null || { echo "SKIP: tmux is not installed"; exit 77; }
hidden tmux -L "$TMUX_SOCKET" -f /dev/null new-session -d -s t -x 80 -y 24 \
	env TERM=xterm-256color HOME="$HOME" XDG_DATA_HOME="$XDG_DATA_HOME" \
	SAMTALE_TODAY="$SAMTALE_TODAY" LC_ALL=C.UTF-8 \
	sh -c '"$0" --db "$1" --user mette; echo "samtale-exit=$?"; exec sleep 3600' "$BIN" "$T/db"
tui_wait "Sager (1)" $W
tui_wait "2026-0117" $W
tui_keys q
tui_expect_exit 0 $W

if ! $hide_source; then
	echo "SKIP: the source tree could not be hidden here (needs root and unshare -m)"
	exit 77
fi
