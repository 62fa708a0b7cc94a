#!/bin/bash
# A CPR number cannot reach her copy: import refuses it in every text that
# her copy shows, and one put into the database behind samtale's back is
# masked in every form.
. "$(dirname "$0")/../lib.sh"

DB=$(test_db db)
FIXTURE=$SOURCE_DIR/tests/fixtures/exchange/handout.json
CPR=010190-1234

# Through the import path: the agreed summary, her follow-up, the next
# meeting's place. Each file is refused whole, and no copy can be made.
for field in agreed followup place; do
	case $field in
	agreed) edit="s/Du går på sprogskole tre dage om ugen./Dit CPR-nummer er $CPR./" ;;
	followup) edit="s/Tag dit bevis fra sprogskolen med/Tag kortet med $CPR med/" ;;
	place) edit="s/Jobcentret, lokale 3/Lokale $CPR/" ;;
	esac
	sed "$edit" "$FIXTURE" >"$T/$field.json"
	grep -q "$CPR" "$T/$field.json" || fail "the $field fixture holds no CPR number"
	expect_status 1 samtale --db "$DB" import "$T/$field.json"
	assert_contains "$(cat "$T/err")" "CPR"
	assert_not_contains "$(cat "$T/err")" "$CPR"
	expect_status 1 samtale --db "$DB" handout 2026-0117 --format txt
	assert_eq "" "$(cat "$T/out")" "her copy after a refused import ($field)"
done

# Written into the database directly, it is masked in every form.
samtale --db "$DB" import "$FIXTURE" >/dev/null
sql "$DB" "UPDATE meetings SET agreed = 'Dit nummer: $CPR.' WHERE date = '2026-03-01'"
sql "$DB" "UPDATE followups SET text = 'Ring, $CPR' WHERE her = 1"
for format in txt md; do
	expect_status 0 samtale --db "$DB" handout 2026-0117 --format $format
	assert_not_contains "$(cat "$T/out")" "$CPR" "$format"
	assert_not_contains "$(cat "$T/out")" "0101901234" "$format"
	assert_contains "$(cat "$T/out")" "Dit nummer: ***********." "$format"
done
if command -v pdftotext >/dev/null; then
	expect_status 0 samtale --db "$DB" handout 2026-0117 -o "$T/her.pdf"
	assert_not_contains "$(pdftotext "$T/her.pdf" -)" "$CPR" "pdf"
fi
echo "ok"
