#!/bin/bash
# export --format md: her full record as a readable document (right of access).
. "$(dirname "$0")/../lib.sh"

rich=$SOURCE_DIR/tests/fixtures/exchange/rich.json
DB=$(test_db)
expect_status 0 samtale --db "$DB" import "$rich"

expect_status 0 samtale --db "$DB" export 2026-0117 --format md
md=$(cat "$T/out")
assert_eq "# Sag 2026-0117" "$(head -n 1 "$T/out")" "first line"
# Her profile in her words, line for line.
assert_contains "$md" "### Kvalifikationer

> Sygeplejerske fra Aleppo, 6 års erfaring.
> Taler arabisk, kurdisk og lidt dansk."
assert_contains "$md" "> Vil gerne arbejde på et plejehjem."
# Each meeting: date, type title, interpreter, the items as worded then, with their state.
assert_contains "$md" "### 2026-01-10 – Første samtale

- Sagsbehandler: mette
- Tolk: arabisk"
assert_contains "$md" "### 2026-02-03 – Opfølgningssamtale

- Sagsbehandler: sara
- Tolk: ingen"
assert_contains "$md" "- [x] Brug tid sammen med kvinden på at afdække hendes kvalifikationer
  - Note: Hun fortalte selv om sin uddannelse."
assert_contains "$md" "- [-] Vær realistisk i forhold til jobsøgningen"
assert_contains "$md" "- [ ] Spørg til hendes egne ønsker og mål for job og uddannelse, og tag dem alvorligt
  - Note: Spørg igen næste gang – hun var træt."
assert_contains "$md" "#### Det aftalte

> Vi søger om merit for din uddannelse. Du får svar inden 1. februar."
assert_contains "$md" "## Opfølgninger

- [ ] 2026-01-20: Du tager dit eksamensbevis med (hun gør det)
- [x] 2026-01-24: Søg om merit for sygeplejeuddannelsen (mette)
- [ ] 2026-03-10: Ring til Solgården om praktikstart (sara)"
assert_not_contains "$md" "2026-0042" "one case only"

# A meeting keeps the wording it was held with after the content changes.
cp -r "$SOURCE_DIR/content" "$T/content"
sed -i 's/Brug tid sammen med kvinden på at afdække hendes kvalifikationer/NY FORMULERING/' \
	"$T/content/da/tro.yaml"
expect_status 0 samtale --db "$DB" --content "$T/content" export 2026-0117 --format md
assert_contains "$(cat "$T/out")" "- [x] Brug tid sammen med kvinden på at afdække hendes kvalifikationer"
assert_not_contains "$(cat "$T/out")" "NY FORMULERING"

# In English, with the same record; a closed case says when.
expect_status 0 samtale --db "$DB" --lang en export 2026-0042 --format md
md=$(cat "$T/out")
assert_contains "$md" "# Case 2026-0042"
assert_contains "$md" "- Closed: 2026-02-20"
assert_contains "$md" "## Her profile, in her words"
assert_contains "$md" "### Job wishes

*(nothing written)*"
assert_contains "$md" "- Interpreter: tigrinya"
assert_contains "$md" "- [-] "
assert_contains "$md" "  - Note: Målet er aftalt på forrige møde."

# Every case, separated by a rule.
expect_status 0 samtale --db "$DB" export --format md
assert_eq 3 "$(grep -c '^# Sag ' "$T/out")" "cases in the document"
assert_eq 2 "$(grep -c '^---$' "$T/out")" "rules between cases"
echo ok
