#!/bin/bash
# samtale handout: her copy of a meeting as text, Markdown and PDF holds what
# was agreed, what she and we will do and when we meet next, and never the
# meeting note, the item notes, the checklist or her profile.
. "$(dirname "$0")/../lib.sh"

command -v pdftotext >/dev/null || { echo "pdftotext (poppler-utils) is missing"; exit 77; }
DB=$(test_db)
samtale --db "$DB" import "$SOURCE_DIR/tests/fixtures/exchange/handout.json" >/dev/null

# What every form must hold, and what it must never hold.
positives=("Din kopi fra samtalen" "2026-0117 (AB)" "Samtale: 2026-03-01" "Sagsbehandler: mette"
	"Tolk: arabisk" "Det har vi aftalt" "Du går på sprogskole tre dage om ugen."
	"Vi finder sammen en praktik i et køkken."
	"Det gør du" "2026-03-08: Tag dit bevis fra sprogskolen med"
	"Det gør vi" "2026-03-05: Ring til Kantinen A/S om en praktik"
	"Næste samtale" "2026-03-15 kl. 10:00" "Sted: Jobcentret, lokale 3"
	"Kontakt: Ring eller skriv til jobcentret")
negatives=("PRIVAT MØDENOTE" "PUNKTNOTE" "Brug tid sammen med kvinden" "afdække"
	"PROFILTEKST" "TIDLIGERE AFTALE" "GAMMEL OPFØLGNING" "[x]" "[-]" "tro."
	"Mødenote" "Kvalifikationer")
check_copy() {
	local what=$1 text=$2 flat
	# The PDF wraps lines where it likes: compare with the line ends as spaces.
	flat=$(tr '\n' ' ' <<<"$text" | tr -s ' ')
	for p in "${positives[@]}"; do
		assert_contains "$flat" "$p" "$what"
	done
	for n in "${negatives[@]}"; do
		assert_not_contains "$text" "$n" "$what"
	done
}

# Text, for a receipt printer or an e-mail: no line over 44 columns.
expect_status 0 samtale --db "$DB" handout 2026-0117 --format txt
check_copy txt "$(cat "$T/out")"
awk 'length($0) > 44 { exit 1 }' "$T/out" || fail "a txt line is over 44 columns"
assert_eq "Din kopi fra samtalen" "$(head -1 "$T/out")"

# Her follow-ups under "what you will do", ours under "what we will do".
hers=$(sed -n '/^Det gør du/,/^Det gør vi/p' "$T/out" | tr '\n' ' ' | tr -s ' ')
assert_contains "$hers" "Tag dit bevis fra sprogskolen med"
assert_not_contains "$hers" "Kantinen"

# Markdown.
expect_status 0 samtale --db "$DB" handout 2026-0117 --format md
check_copy md "$(cat "$T/out")"
assert_eq "# Din kopi fra samtalen" "$(head -1 "$T/out")"
assert_contains "$(cat "$T/out")" "## Det gør du

- 2026-03-08: Tag dit bevis fra sprogskolen med"

# PDF to -o FILE (0600) and to a pipe; never to a terminal.
expect_status 0 samtale --db "$DB" handout 2026-0117 -o "$T/her.pdf"
assert_eq "600" "$(stat -c %a "$T/her.pdf")" "mode of the PDF"
assert_eq "%PDF" "$(head -c 4 "$T/her.pdf")"
check_copy pdf "$(pdftotext "$T/her.pdf" -)"
assert_eq "Pages: 1" "$(pdfinfo "$T/her.pdf" | grep '^Pages:' | tr -s ' ')" "pages of her copy"
samtale --db "$DB" handout 2026-0117 --format pdf >"$T/piped.pdf"
check_copy "piped pdf" "$(pdftotext "$T/piped.pdf" -)"
if command -v script >/dev/null; then
	script -qec "$SAMTALE_BIN --db $DB handout 2026-0117" /dev/null >"$T/tty" 2>&1 || true
	assert_contains "$(cat "$T/tty")" "PDF skrives ikke til terminalen"
	assert_not_contains "$(cat "$T/tty")" "%PDF"
fi

# English labels; the earlier meeting by its date.
expect_status 0 samtale --db "$DB" --lang en handout 2026-0117 --format txt
assert_contains "$(cat "$T/out")" "What you will do"
assert_contains "$(cat "$T/out")" "When we meet next"
assert_contains "$(cat "$T/out")" "2026-03-15 at 10:00"
expect_status 0 samtale --db "$DB" handout 2026-0117 --meeting 2026-02-10 --format txt
assert_contains "$(cat "$T/out")" "TIDLIGERE AFTALE"
assert_not_contains "$(cat "$T/out")" "Næste samtale"
assert_not_contains "$(cat "$T/out")" "sprogskole tre dage"

# Refusals: each one line on stderr, nothing on stdout.
expect_status 1 samtale --db "$DB" handout 2026-9999 --format txt
assert_contains "$(cat "$T/err")" "samtale: "
expect_status 1 samtale --db "$DB" handout 2026-0117 --meeting 2026-01-01 --format txt
assert_eq "samtale: sag 2026-0117 har ingen samtale den 2026-01-01" "$(cat "$T/err")"
assert_eq "" "$(cat "$T/out")"
expect_status 1 samtale --db "$DB" --lang fr handout 2026-0117 --format txt
assert_contains "$(cat "$T/err")" "ingen etiketter til hendes kopi på sproget 'fr'"
expect_status 1 samtale --db "$DB" --lang ../da handout 2026-0117 --format txt
expect_status 2 samtale --db "$DB" handout 2026-0117 --format docx
expect_status 2 samtale --db "$DB" handout 2026-0117 --meeting 31.02
expect_status 2 samtale --db "$DB" handout
expect_status 1 samtale --db "$DB" handout 2026-0117 -o "$T/no/such/dir/her.pdf"
[ ! -e "$T/no" ] || fail "a refused handout left a file"
echo "ok"
