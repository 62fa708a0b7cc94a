#!/bin/bash
# The meeting note typed in samtale's own editor, over the lower part of the
# checklist: UTF-8 (æøå, an Arabic name), word wrap, paragraphs, a word left
# and deleted, bracketed paste; Ctrl-S saves. Nothing typed is lost: Esc and
# Ctrl-C ask first and keep the text, a resize keeps it, $EDITOR (F3) gets
# it and gives it back (also when it fails), and kill -9 right after
# "gemt" loses nothing. Ctrl-C outside an editor asks before quitting.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=${W:-60}
NAME='فاطمة الزهراء'
note() { sql "$DB" "SELECT coalesce(note, '<null>') FROM meetings"; }
# Ctrl-C twice: out from any screen, the meeting's own questions skipped.
quit_twice() {
	tui_keys C-c
	tui_wait "Afslut programmet?" $W
	tui_keys C-c
	tui_expect_exit 0 $W
}
# samtale again, on the meeting's checklist.
reopen_meeting() {
	tui_run 80 24 --db "$DB" --user mette
	tui_wait "2026-0117" $W
	tui_keys Enter
	tui_wait "Første samtale" $W
	tui_keys Enter
	tui_wait "Afsnit 1/3" $W
}

tui_first_meeting 80 24
tui_keys E
tui_wait "── Samtalenote ──" $W
tui_wait "Ctrl-S/F2 gem · Esc luk" $W
# the checklist stays in sight above the editor
tui_wait "[ ]   Brug tid sammen med kvinden" $W
tui_type "Hun hedder $NAME og har gået i skole i otte år, hvor hun også lærte lidt engelsk og fransk."
tui_keys Enter Enter
tui_type "Hun vil gerne være sygeplejerske på sigt."
tui_wait "sygeplejerske på sigt." $W
# wrapped at a space, not cut in a word
tui_wait "engelsk og" $W
tui_wait " fransk." $W
# Alt-b, Ctrl-W: "på" goes; Ctrl-Right and End
tui_keys M-b C-w
tui_wait "sygeplejerske sigt." $W
tui_keys C-Right End
tui_type " Æøå."

# Ctrl-C in the editor asks, and "keep writing" keeps every word.
tui_keys C-c
tui_wait "Gem teksten?" $W
tui_wait "Teksten er ændret og ikke gemt." $W
tui_keys Down Enter
tui_wait_gone "Gem teksten?" $W
tui_wait "sygeplejerske sigt. Æøå." $W
assert_eq "<null>" "$(note)" "nothing saved before Ctrl-S"

# A resize (smaller than the program can draw, then back) keeps the text.
tui_resize 30 10
tui_wait "Vinduet er for lille" $W
tui_resize 100 30
tui_wait "sygeplejerske sigt. Æøå." $W

# A paste in bracketed paste mode: its line breaks are text, never Enter
# on anything, and Esc in it is no key.
tmux -L "$TMUX_SOCKET" set-buffer -- "$(printf '\nIndsat: linje et\nlinje to')"
tmux -L "$TMUX_SOCKET" paste-buffer -p -t t
tui_wait "linje to" $W
tui_keys C-s
tui_wait "Samtalenoten er gemt." $W
want="Hun hedder $NAME og har gået i skole i otte år, hvor hun også lærte lidt engelsk og fransk.

Hun vil gerne være sygeplejerske sigt. Æøå.
Indsat: linje et
linje to"
# kill -9 right after "gemt": it is in the database.
kill -9 "$(tui_samtale_pid)"
tui_expect_exit 137 $W
assert_eq "$want" "$(note)" "the note after kill -9"
samtale --db "$DB" export 2026-0117 >"$T/export.json"
assert_eq "$want" "$(jq -r '.cases[0].meetings[0].note' "$T/export.json")" "the note in export"

# Esc on a changed text asks; Esc again goes back to writing; "discard"
# leaves the saved text as it was.
reopen_meeting
tui_keys E
tui_wait "linje to" $W
tui_keys C-End
tui_type " mere"
tui_keys Escape
tui_wait "Gem teksten?" $W
tui_keys Escape
tui_wait_gone "Gem teksten?" $W
tui_wait "linje to mere" $W
tui_keys Escape
tui_wait "Gem teksten?" $W
tui_keys 3
tui_wait "Ændringerne er kasseret." $W
assert_eq "$want" "$(note)" "the note after discarding"

# Unchanged: Esc closes at once and Ctrl-S says there was nothing to save.
tui_keys E
tui_wait "── Samtalenote ──" $W
tui_keys C-s
tui_wait "Ingen ændringer." $W

# F3: the text in $EDITOR and back; saved when the editor ends well.
cat >"$T/editor.sh" <<'ED'
#!/bin/sh
case "$1" in *samtalenote-*.txt) ;; *) echo "bad name $1" >>"$EDITOR_LOG" ;; esac
echo "$1" >"$EDITOR_LOG.path"
stat -c %a "$1" >>"$EDITOR_LOG"
printf 'Fra editoren.\n' >>"$1"
exit "${EDITOR_STATUS:-0}"
ED
chmod +x "$T/editor.sh"
quit_twice
EDITOR="env EDITOR_LOG=$T/editor.log $T/editor.sh" reopen_meeting
tui_keys E
tui_wait "── Samtalenote ──" $W
tui_keys F3
tui_wait "Samtalenoten er gemt." $W
assert_eq "$want
Fra editoren." "$(note)" "the note from \$EDITOR"
assert_eq 600 "$(cat "$T/editor.log")" "the editor's file"
[ ! -e "$(cat "$T/editor.log.path")" ] || fail "the editor's file was left behind"
quit_twice

# An editor that fails: what it wrote is kept in samtale's editor, unsaved.
EDITOR="env EDITOR_LOG=$T/editor.log EDITOR_STATUS=3 $T/editor.sh" reopen_meeting
tui_keys E
tui_wait "── Samtalenote ──" $W
tui_keys F3
tui_wait "Editoren sluttede med en fejl." $W
assert_eq "$want
Fra editoren." "$(note)" "nothing saved from a failed editor"
tui_keys C-s
tui_wait "Samtalenoten er gemt." $W
assert_eq "$want
Fra editoren.
Fra editoren." "$(note)" "the failed editor's text, saved on Ctrl-S"

# Ctrl-C outside an editor asks; "stay" stays, Ctrl-C twice quits.
tui_keys C-c
tui_wait "Afslut programmet?" $W
tui_keys Enter
tui_wait_gone "Afslut programmet?" $W
tui_wait "Afsnit 1/3" $W
quit_twice

# The terminal goes away (SIGHUP) while she is being written about: the
# text is saved before samtale ends.
reopen_meeting
tui_keys E
tui_wait "── Samtalenote ──" $W
tui_keys C-End
tui_type " Sidste ord."
tui_wait "Sidste ord." $W
kill -HUP "$(tui_samtale_pid)"
tui_expect_exit 129 $W
assert_eq "$want
Fra editoren.
Fra editoren. Sidste ord." "$(note)" "the note after SIGHUP"
