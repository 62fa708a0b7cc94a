#!/bin/bash
# P shows her copy full-screen in large type with what was agreed; w writes
# it as a private PDF (0600) in the user's data directory and says where; p
# prints it with lp on the default printer. The agreed-summary editor offers
# a draft from the meeting's follow-ups.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60
samtale --db "$DB" import "$SOURCE_DIR/tests/fixtures/exchange/handout.json" >/dev/null

# A fake printer system: lpstat names a default printer, lp records its arguments.
mkdir "$T/bin"
printf '#!/bin/sh\necho "system default destination: kontor"\n' >"$T/bin/lpstat"
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/lp.log"\n' "$T" >"$T/bin/lp"
chmod +x "$T/bin/lpstat" "$T/bin/lp"
export PATH="$T/bin:$PATH"
unset PRINTER LPDEST

tui_run 80 24 --db "$DB" --user mette
tui_wait "2026-0117" $W
tui_keys Enter
tui_wait "Sag 2026-0117" $W
tui_keys P
tui_wait "Hendes kopi · Sag 2026-0117 · 2026-03-01" $W
tui_wait "Din kopi fra samtalen" $W
tui_wait "Du går på sprogskole tre dage om ugen." $W
screen=$(tui_screen)
assert_contains "$screen" "Det har vi aftalt"
assert_not_contains "$screen" "PRIVAT MØDENOTE"
assert_not_contains "$screen" "PUNKTNOTE"
# Large: wide margins, the text double-spaced.
grep -q "^          Du går på sprogskole" <<<"$screen" || fail "no wide margin: $screen"
grep -A1 "Du går på sprogskole" <<<"$screen" | tail -1 | grep -q "^ *$" ||
	fail "the agreed text is not double-spaced: $screen"
# Further down: what she and we will do, and when we meet next.
tui_keys PageDown
tui_wait "Næste samtale" $W
tui_wait "2026-03-15 kl. 10:00" $W

# w: the PDF, private, where the status line says (wide enough for its path).
tui_resize 120 30
tui_wait "Næste samtale" $W
tui_keys w
tui_wait "Hendes kopi er gemt som PDF" $W
pdf=$XDG_DATA_HOME/samtale/handouts/2026-0117-2026-03-01.pdf
[ -f "$pdf" ] || fail "no PDF at $pdf; screen: $(tui_screen)"
assert_eq "600" "$(stat -c %a "$pdf")" "mode of the PDF"
assert_eq "700" "$(stat -c %a "$(dirname "$pdf")")" "mode of the handouts directory"
tui_wait "$pdf" $W
if command -v pdftotext >/dev/null; then
	assert_contains "$(pdftotext "$pdf" -)" "Du går på sprogskole tre dage om ugen."
fi

# p: printed on the default printer with lp.
tui_keys p
tui_wait "sendt til printeren kontor" $W
assert_eq "-d kontor -- $pdf" "$(tr '\n' ' ' <"$T/lp.log" | sed 's/ $//')" "lp's arguments"

# On the meeting screen too: a new meeting of today, then P.
tui_keys q
tui_wait "Sag 2026-0117" $W
tui_keys m
tui_wait "Hvilken slags samtale?" $W
tui_keys Enter
tui_wait "Afsnit 1/3" $W
tui_keys P
tui_wait "Hendes kopi · Sag 2026-0117" $W
tui_wait "Det gør du" $W
tui_keys q
tui_wait "Afsnit 1/3" $W

# A: with nothing agreed yet, a draft from the follow-ups is offered, to edit
# in samtale's editor; saved once it has been edited.
tui_keys A
tui_wait "Begynd med et udkast ud fra opfølgningerne" $W
tui_keys Enter
tui_wait "Tag dit bevis fra sprogskolen med (senest 2026-03-08)" $W
tui_wait "Ring til Kantinen A/S om en praktik (senest 2026-03-05)" $W
tui_wait "Det gør du:" $W
tui_keys C-s
tui_wait "Ingen ændringer." $W		# the draft as it stands is not taken blindly
assert_eq "" "$(sql "$DB" "SELECT agreed FROM meetings ORDER BY id DESC LIMIT 1")" "an unedited draft"
tui_keys A
tui_wait "Begynd med et udkast ud fra opfølgningerne" $W
tui_keys Enter
tui_wait "Det gør du:" $W
tui_keys End
tui_type " Vi ses!"
tui_keys C-s
tui_wait "Det aftalte er gemt." $W
agreed=$(sql "$DB" "SELECT agreed FROM meetings ORDER BY id DESC LIMIT 1")
assert_contains "$agreed" "Det gør du:"
assert_contains "$agreed" "- Tag dit bevis fra sprogskolen med (senest 2026-03-08)"
assert_contains "$agreed" "Det gør vi:"
tui_wait "Afsnit 1/3" $W

# N: when they meet next, on her copy of this meeting.
tui_keys N
tui_wait "Næste samtale: dato" $W
tui_type "+14"
tui_keys Enter
tui_wait "Klokken" $W
tui_type "09:30"
tui_keys Enter
tui_wait "Sted" $W
tui_type "Lokale 2"
tui_keys Enter
tui_wait "Næste samtale er gemt: søndag 2026-03-15." $W
assert_eq "2026-03-15|09:30|Lokale 2" \
	"$(sql "$DB" "SELECT next_date, next_time, next_place FROM meetings ORDER BY id DESC LIMIT 1")"
tui_keys P
tui_wait "Hendes kopi · Sag 2026-0117" $W
tui_keys End PageDown PageDown
tui_wait "2026-03-15 kl. 09:30" $W
tui_wait "Sted: Lokale 2" $W
echo "ok"
