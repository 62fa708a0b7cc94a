#!/bin/bash
# No terminal control reaches the terminal: content with escapes (OSC 52,
# NUL, C1, bidi) is refused by content check; control characters are refused
# on input; and what an older database or a broken import file still holds
# is printed visibly by every command, never as the raw bytes.
. "$(dirname "$0")/../lib.sh"

# no_raw FILE...: none of the files holds ESC, a C1 control, DEL or a bidi
# embedding, override or isolate.
no_raw() {
	local f
	for f in "$@"; do
		if LC_ALL=C grep -qaP '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$f"; then
			fail "$f holds a raw control character: $(od -c "$f" | head -20)"
		fi
	done
}

# Content: each escape a YAML double-quoted string allows, and a raw bidi override.
for esc in '\e]52;c;ZWNobyBoaQ==\a' '\0' '\x9b2J' '\u202e' '\u2066' '\x7f' '\r'; do
	rm -rf "$T/c"
	cp -r "$SOURCE_DIR/content" "$T/c"
	python3 - "$T/c/da/tro.yaml" "$esc" <<'PY'
import sys
p, esc = sys.argv[1], sys.argv[2]
lines = open(p, encoding="utf-8").read().split("\n")
for i, l in enumerate(lines):
    if l.startswith("title:"):
        lines[i] = 'title: "Tro på kvinden ' + esc + '"'
        line = i + 1
open(p, "w", encoding="utf-8").write("\n".join(lines))
open(p + ".line", "w").write(str(line))
PY
	line=$(cat "$T/c/da/tro.yaml.line")
	rm "$T/c/da/tro.yaml.line"
	expect_status 1 samtale content check "$T/c"
	assert_contains "$(cat "$T/err")" "$T/c/da/tro.yaml:$line:8: error: teksten indeholder styretegnet U+" "content check of $esc"
	no_raw "$T/out" "$T/err"
	# The guide refuses to start on it, and content show cannot print it.
	expect_status 1 samtale --content "$T/c" content show tro
	no_raw "$T/out" "$T/err"
done
rm -rf "$T/c"
cp -r "$SOURCE_DIR/content" "$T/c"
printf 'title: Tro på kvinden \xe2\x80\xae nej\n' >>"$T/c/da/tro.yaml"
expect_status 1 samtale content check "$T/c"
assert_contains "$(cat "$T/err")" "U+202E" "a raw bidi override"
no_raw "$T/out" "$T/err"

# Input: C1 controls and bidi overrides are refused in references, initials
# and every text, as C0 controls are.
DB=$(test_db db)
for bad in $'\xc2\x9b2J' $'\xe2\x80\xae' $'\xe2\x81\xa6' $'\x1b]52;c;eA==\x07' $'\x7f'; do
	expect_status 1 samtale --db "$DB" case add "A${bad}B"
	assert_contains "$(cat "$T/err")" "kontroltegn" "reference"
	no_raw "$T/err"
	expect_status 1 samtale --db "$DB" case add 2026-0001 --initials "A${bad}"
	no_raw "$T/err"
done
for esc in '\u009b' '\u202e' '\u2069' '\u001b]52;c;eA==\u0007' '\u007f'; do
	for field in initials note agreed interpreter followup qualifications; do
		python3 - "$field" "$esc" >"$T/imp.json" <<'PY'
import json, sys
field, esc = sys.argv[1], json.loads('"' + sys.argv[2] + '"')
text = "Tekst " + esc + " her"
c = {"ref": "2026-0002", "initials": "AB", "profile": {"qualifications": "x"},
     "meetings": [{"date": "2026-01-10", "type": "foerste", "note": "n", "agreed": "a",
                   "interpreter": "arabisk", "items": []}],
     "followups": [{"due": "2026-02-01", "text": "Ring", "done": False}]}
m = c["meetings"][0]
if field == "initials": c["initials"] = "A" + esc
elif field == "qualifications": c["profile"]["qualifications"] = text
elif field == "followup": c["followups"][0]["text"] = text
else: m[field] = text
print(json.dumps({"format": "samtale-export/1", "cases": [c]}))
PY
		expect_status 1 samtale --db "$DB" import "$T/imp.json"
		no_raw "$T/err"
	done
done
assert_eq 0 "$(sql "$DB" 'SELECT count(*) FROM cases')" "cases stored"

# Output: a database written before these checks (or by hand) still holds
# them; every command shows them visibly.
samtale --db "$DB" --user mette case add 2026-0117 --initials AB >/dev/null
samtale --db "$DB" --user mette import /dev/stdin >/dev/null <<'JSON'
{"format": "samtale-export/1", "cases": [{"ref": "2026-0118", "initials": "CD",
 "profile": {"qualifications": "Lærer"},
 "meetings": [{"date": "2026-02-10", "type": "foerste", "note": "n", "agreed": "a",
   "interpreter": "arabisk", "items": [{"id": "tro.sig-det", "state": "done", "note": "x"}]}],
 "followups": [{"due": "2026-02-01", "text": "Ring", "assignee": "mette", "done": false}]}]}
JSON
# The bytes themselves in the SQL, which either engine's shell passes on.
osc=$'\x1b]52;c;ZWNobyBoaQ==\x07' esc=$'\x1b' bel=$'\x07' csi=$'\xc2\x9b' rlo=$'\xe2\x80\xae'
lri=$'\xe2\x81\xa6' del=$'\x7f' cr=$'\r'
sql "$DB" "UPDATE cases SET initials = 'A${esc}]2;PWNED${bel}', qualifications = 'Lærer${csi}2J${rlo}x${del}';
	UPDATE meetings SET note = '$osc', agreed = 'ok${lri}', interpreter = 'ar${esc}[31m';
	UPDATE checklist SET note = '${esc}[2J';
	UPDATE followups SET text = 'Ring${esc}[5m${cr}x'"
for cmd in "case list" "case list --format csv" "case list --format json" "case show 2026-0118" \
	   "export" "export --format md" "export 2026-0118 --format md" \
	   "followups --all" "followups --all --format csv" "followups --all --format json" \
	   "report --by case" "case show 2026-9999"; do
	# shellcheck disable=SC2086
	samtale --db "$DB" --user mette $cmd >"$T/out" 2>"$T/err" || true
	no_raw "$T/out" "$T/err"
done
samtale --db "$DB" export >"$T/export.json"
assert_contains "$(cat "$T/export.json")" '"qualifications": "Lærer\u009b2J\u202ex\u007f"' "the export"
# Shown as escapes, the export is still JSON and means the same text.
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert "\x1b]52" in d["cases"][1]["meetings"][0]["note"]' "$T/export.json" ||
	fail "the export is not JSON with the same text"
samtale --db "$DB" case show 2026-0118 >"$T/out"
assert_contains "$(cat "$T/out")" '\u001b]2;PWNED\u0007' "case show"

# A broken import file: the parser's message quotes the file, never raw.
printf '{"format": "samtale-export/1", "cases": [\x1b]52;c;eA==\x07]}' >"$T/broken.json"
expect_status 1 samtale --db "$DB" import "$T/broken.json"
no_raw "$T/out" "$T/err"
printf '{"format": "samtale-export/1\x1b[2J", "cases": []}' >"$T/broken2.json"
expect_status 1 samtale --db "$DB" import "$T/broken2.json"
no_raw "$T/out" "$T/err"
printf '{"format": "samtale-export/1", "cases": [{"ref": "X\\u001b[2J", "bad\x9b": 1}]}' >"$T/broken3.json"
expect_status 1 samtale --db "$DB" import "$T/broken3.json"
no_raw "$T/out" "$T/err"
