#!/bin/bash
# Her profile typed in samtale's own editor, field by field: æøå, an Arabic
# name and three paragraphs come back byte-identical in `samtale export`.
# Ctrl-C in the editor asks and loses nothing; kill -9 right after "gemt"
# loses nothing. At 80x24 and at 120x40.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

W=${W:-60}
NAME='فاطمة الزهراء'
P1="$NAME har gået i skole i tolv år i Aleppo og læst to år på universitetet (engelsk)."
P2="Hun har arbejdet som lærer på en pigeskole, også med børn fra Irak."
P3="Hun vil gerne bruge sit fag igen – måske først som pædagogmedhjælper i Århus."
WANT="$P1

$P2

$P3"

for size in "80 24" "120 40"; do
	DB=$(test_db "db-${size/ /x}")
	tui_one_case $size
	tui_keys Enter
	tui_wait "Intet skrevet endnu. Tryk E" $W
	tui_keys E
	tui_wait "Uddannelse · Også fra hjemlandet." $W
	tui_keys Down Enter
	tui_wait "── Uddannelse · Også fra hjemlandet. ──" $W
	tui_wait "Ctrl-S/F2 gem" $W
	tui_type "$P1"
	tui_keys Enter Enter
	tui_type "$P2"
	tui_keys Enter Enter
	tui_type "$P3"
	tui_wait "pædagogmedhjælper i" $W

	# Ctrl-C: asked, and "keep writing" keeps every word.
	tui_keys C-c
	tui_wait "Gem teksten?" $W
	tui_keys 2
	tui_wait_gone "Gem teksten?" $W
	tui_wait "Århus." $W
	assert_eq "" "$(sql "$DB" "SELECT coalesce(education, '') FROM cases")" "nothing saved before Ctrl-S ($size)"

	tui_keys C-s
	tui_wait "Uddannelsen er gemt." $W
	kill -9 "$(tui_samtale_pid)"
	tui_expect_exit 137 $W

	samtale --db "$DB" export 2026-0117 >"$T/export.json"
	jq -j '.cases[0].profile.education' "$T/export.json" >"$T/got"
	printf '%s' "$WANT" >"$T/want"
	cmp "$T/want" "$T/got" || fail "the profile in export is not what was typed ($size): $(cat "$T/got")"
	assert_eq null "$(jq '.cases[0].profile.goals' "$T/export.json")" "the other fields ($size)"
	tmux -L "$TMUX_SOCKET" kill-server
done
