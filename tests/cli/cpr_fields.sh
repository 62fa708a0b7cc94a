#!/bin/bash
# The CPR guard in every field, through the command line: each text of
# tests/fixtures/cpr/positives.txt is refused as a reference and as initials
# (case add) and in a text of an import file (each field in turn, every field
# several times; test_cpr tries every text in every field of the store), with
# a message that never repeats the number; every text of negatives.txt is
# accepted in all of them.
. "$(dirname "$0")/../lib.sh"

fixtures=$SOURCE_DIR/tests/fixtures/cpr
DB=$(test_db db)
samtale --db "$DB" db init >/dev/null

# Writes $T/pos-N.json (the Nth positive in one field of an otherwise good
# case, the fields in turn), $T/pos-N.txt (the text itself) and $T/neg.json
# (every negative in every field of its own case). The fixtures use JSON
# escapes.
python3 - "$fixtures" "$T" <<'PY'
import json, sys
fixtures, out = sys.argv[1], sys.argv[2]

def read(name):
    lines = open(f"{fixtures}/{name}", encoding="utf-8").read().splitlines()
    return [json.loads('"' + l + '"') for l in lines if l and not l.startswith("#")]

PROFILE = ["qualifications", "education", "work_experience", "languages", "other_skills",
           "job_wishes", "education_wishes", "goals"]
FIELDS = ["ref", "initials", "caseworker"] + PROFILE + [
          "note", "agreed", "interpreter", "place", "item_note", "followup", "assignee"]

def case(ref, field, text):
    c = {"ref": ref, "initials": "AB", "caseworker": "mette", "opened": "2026-01-10",
         "closed": None,
         "profile": dict({k: None for k in PROFILE}, qualifications="Sygeplejerske"),
         "meetings": [{"date": "2026-01-10", "type": "foerste", "caseworker": "mette",
                       "items": [{"id": "tro.sig-det", "state": "done", "note": "Godt"}],
                       "note": "Mødt", "agreed": "Vi ses", "interpreter": "arabisk",
                       "next_meeting": {"date": "2026-02-01", "time": "10:00", "place": "Jobcentret"}}],
         "followups": [{"due": "2026-02-01", "text": "Ring", "assignee": "mette", "done": False}]}
    m, f = c["meetings"][0], c["followups"][0]
    if field in ("ref", "initials", "caseworker"):
        c[field] = text
    elif field in c["profile"]:
        c["profile"][field] = text
    elif field == "item_note":
        m["items"][0]["note"] = text
    elif field == "followup":
        f["text"] = text
    elif field == "assignee":
        f["assignee"] = text
    elif field == "place":
        m["next_meeting"]["place"] = text
    else:
        m[field] = text
    return c

def doc(cases):
    return json.dumps({"format": "samtale-export/2", "cases": cases}, ensure_ascii=False)

for n, text in enumerate(read("positives.txt"), 1):
    open(f"{out}/pos-{n}.txt", "w", encoding="utf-8").write(text)
    field = FIELDS[n % len(FIELDS)]
    open(f"{out}/pos-{n}.json", "w", encoding="utf-8").write(doc([case("X-A", field, text)]))
cases = []
for n, text in enumerate(read("negatives.txt"), 1):
    for field in FIELDS:
        if field == "initials" and len(text.encode()) > 16 or \
           field in ("ref", "caseworker", "assignee", "interpreter", "place") and "\n" in text:
            continue
        cases.append(case(f"N{n}-{field}" if field != "ref" else text, field, text))
open(f"{out}/neg.json", "w", encoding="utf-8").write(doc(cases))
open(f"{out}/neg.count", "w").write(str(len(cases)))
PY

# refused WHAT TEXT-FILE: the last command failed with a CPR message (or,
# for initials longer than initials can be, or a one-line field with a line
# break in it, that one) that holds neither the text nor any run of its
# digits.
refused() {
	local err text
	err=$(cat "$T/err")
	text=$(cat "$2")
	case $err in
	*"fylder for meget"* | *kontroltegn* | *styretegn*) ;;
	*) assert_contains "$err" "CPR" "$1" ;;
	esac
	assert_not_contains "$err" "$text" "$1"
	for run in 123 234 432 345 ١٢٣ ۱۲۳ １２３ १२३; do
		assert_not_contains "$err" "$run" "$1"
	done
}

npos=$(ls "$T"/pos-*.txt | wc -l)
[ "$npos" -ge 40 ] || fail "only $npos positives"
for ((n = 1; n <= npos; n++)); do
	text=$(cat "$T/pos-$n.txt")
	expect_status 1 samtale --db "$DB" case add "$text"
	refused "case add, positive $n" "$T/pos-$n.txt"
	expect_status 1 samtale --db "$DB" case add "X-$n" --initials "$text"
	refused "--initials, positive $n" "$T/pos-$n.txt"
	expect_status 1 samtale --db "$DB" import "$T/pos-$n.json"
	refused "import, positive $n" "$T/pos-$n.txt"
done
assert_eq 0 "$(sql "$DB" 'SELECT count(*) FROM cases')" "cases stored from positives"

# Not one false positive: every negative is a good reference and good text.
while IFS= read -r line; do
	case $line in '#'* | '') continue ;; esac
	text=$(printf '%b' "$line")
	expect_status 0 samtale --db "$DB" case add "$text"
done <"$fixtures/negatives.txt"
expect_status 0 samtale --db "$T/db2" import "$T/neg.json"
assert_contains "$(cat "$T/out")" "Importerede $(cat "$T/neg.count") sager" "negatives imported"
