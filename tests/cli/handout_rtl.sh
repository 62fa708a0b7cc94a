#!/bin/bash
# Her copy in a language of her own: Arabic (right to left, from a test-only
# content folder) and Tigrinya (Ethiopic) laid out in the PDF with the Noto
# fonts, the Arabic words extracted in logical order.
. "$(dirname "$0")/../lib.sh"

for tool in pdftotext pdftoppm pdffonts; do
	command -v $tool >/dev/null || { echo "$tool (poppler-utils) is missing"; exit 77; }
done
# (grep -q on a pipe would end fc-list early, and pipefail would count that.)
assert_font() { [[ "$(pdffonts "$1")" == *"$2"* ]] || fail "$3"; }
[[ "$(fc-list)" == *NotoNaskhArabic* ]] || { echo "fonts-noto-core is missing"; exit 77; }

mkdir "$T/content"
cp -r "$SOURCE_DIR/content/." "$T/content/"
cp -r "$SOURCE_DIR/tests/fixtures/content/handout/ar" "$T/content/"
export SAMTALE_CONTENT=$T/content
DB=$(test_db db)
samtale --db "$DB" import "$SOURCE_DIR/tests/fixtures/exchange/handout.json" >/dev/null

# --lang ar gives her copy in Arabic; the messages stay Danish.
expect_status 0 samtale --db "$DB" --lang ar handout 2026-0200 -o "$T/ar.pdf"
assert_font "$T/ar.pdf" NotoNaskhArabic "the Arabic is not set in Noto Naskh Arabic"
pdftoppm -r 50 -png -singlefile "$T/ar.pdf" "$T/ar"
[ -s "$T/ar.png" ] || fail "pdftoppm made no page"
pdftotext "$T/ar.pdf" "$T/ar.txt"
text=$(cat "$T/ar.txt")
for words in "نسختك من المقابلة" "ما اتفقنا عليه" "ستذهبين إلى مدرسة اللغة" "ما ستقومين به" \
	"اتصلي بمكان التدريب" "موعدنا القادم" "مركز العمل"; do
	assert_contains "$text" "$words" "pdftotext of the Arabic page"
	# Logical order, not the page's visual right-to-left order reversed.
	assert_not_contains "$text" "$(rev <<<"$words")" "pdftotext of the Arabic page"
done
# The title, then what we agreed, then what she will do, then when we meet next.
order=$(grep -n -e "نسختك" -e "ما اتفقنا" -e "ما ستقومين" -e "موعدنا" "$T/ar.txt" | cut -d: -f1 | tr '\n' ' ')
sorted=$(tr ' ' '\n' <<<"$order" | grep . | sort -n | tr '\n' ' ')
assert_eq "$sorted" "$order" "order of the Arabic headings"
[ "$(wc -w <<<"$order")" = 4 ] || fail "not every Arabic heading was found: $order"
# Unknown to the UI: a wrong command is still refused in Danish.
expect_status 2 samtale --db "$DB" --lang ar handout 2026-0200 --format docx
assert_contains "$(cat "$T/err")" "ukendt format 'docx'"

# Tigrinya in the agreed summary: set in Noto Sans Ethiopic and extracted whole.
cat >"$T/ti.json" <<'JSON'
{ "format": "samtale-export/2", "cases": [ { "ref": "2026-0300", "initials": "TG",
  "meetings": [ { "date": "2026-02-20", "type": "foerste", "items": [],
    "agreed": "ሰላም ትግርኛ", "interpreter": "tigrinya" } ] } ] }
JSON
samtale --db "$DB" import "$T/ti.json" >/dev/null
expect_status 0 samtale --db "$DB" handout 2026-0300 -o "$T/ti.pdf"
assert_font "$T/ti.pdf" NotoSansEthiopic "the Tigrinya is not set in Noto Sans Ethiopic"
assert_contains "$(pdftotext "$T/ti.pdf" -)" "ሰላም ትግርኛ"
echo "ok"
