#!/bin/bash
# $EDITOR gets her words in a file of the private directory
# ($XDG_RUNTIME_DIR/samtale, 0700), never in /tmp or $TMPDIR; when samtale
# is killed with kill -9 while the editor runs, the next start removes it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60
mkdir -m 0700 "$T/run"
mkdir "$T/tmp"
export XDG_RUNTIME_DIR=$T/run TMPDIR=$T/tmp

# The "editor": records the file it got, writes her words into it, then
# waits as a caseworker typing would.
cat >"$T/editor.sh" <<'ED'
#!/bin/sh
echo "Hendes ord om Gravandehaven" >>"$1"
echo "$$" >"$EDITOR_LOG.pid"
echo "$1" >"$EDITOR_LOG"
exec sleep 600
ED
chmod +x "$T/editor.sh"
export EDITOR="env EDITOR_LOG=$T/editor.log $T/editor.sh"

tui_one_case 80 24
pid=$(tui_samtale_pid)
tui_keys Enter
tui_wait "Intet skrevet endnu. Tryk E" $W
tui_keys E
tui_wait "E alle felter i \$EDITOR" $W
tui_keys E
for _ in $(seq 1200); do [ -s "$T/editor.log" ] && break; sleep 0.05; done
buffer=$(cat "$T/editor.log")
assert_eq "$T/run/samtale" "$(dirname "$buffer")" "the editor buffer's directory"
assert_eq 700 "$(stat -c %a "$T/run/samtale")" "the private directory's mode"
assert_eq 600 "$(stat -c %a "$buffer")" "the editor buffer's mode"
assert_eq "" "$(ls -A "$T/tmp")" "files in TMPDIR"

kill -9 "$pid"
kill -9 "$(cat "$T/editor.log.pid")"
grep -q Gravandehaven "$buffer" || fail "the buffer was not left by kill -9 (the test proves nothing)"
# The next start, any command, removes what the killed process left.
expect_status 0 samtale --db "$DB" case list
[ ! -e "$buffer" ] || fail "the editor buffer outlived the next start"
assert_eq "" "$(grep -rl Gravandehaven "$T/run" "$T/tmp" 2>/dev/null)" "her words left behind"
