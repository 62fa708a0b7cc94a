#!/bin/bash
# The demo data makes sense, as an export of it shows: her interpreter speaks
# a language of the country her profile names (data/demo/women.yaml); no
# open follow-up is more than 60 days overdue; phrases about an internship
# or an interpreter appear only where there is one.
. "$(dirname "$0")/../lib.sh"

DB=$(test_db d)

expect_status 0 samtale --db "$DB" demo --cases 300 --seed 7
expect_status 0 samtale --db "$DB" export
cp "$T/out" "$T/e.json"

# "Country<TAB>language" for every language of every country in the bank.
sed -n 's/^ *- { country: \([^,]*\), .*languages: \[\(.*\)\] }$/\1\t\2/p' \
	"$SOURCE_DIR/data/demo/women.yaml" |
	awk -F'\t' '{ n = split($2, l, ", "); for (i = 1; i <= n; i++) print $1 "\t" l[i] }' | sort -u >"$T/fits"
[ "$(wc -l <"$T/fits")" -gt 10 ] || fail "could not read the countries of women.yaml: $(cat "$T/fits")"

# Each case with an interpreter and a profile naming her country: the pair.
jq -r '.cases[] | select(.profile.qualifications != null)
	| [.ref, .profile.qualifications, ([.meetings[].interpreter | select(. != null)] | unique | join(","))]
	| select(.[2] != "") | @tsv' "$T/e.json" >"$T/interpreted"
[ "$(wc -l <"$T/interpreted")" -gt 20 ] || fail "too few cases with an interpreter and a profile"
countries=$(cut -f1 "$T/fits" | sort -u)
while IFS=$'\t' read -r ref quals langs; do
	[[ $langs != *,* ]] || fail "$ref: more than one interpreter language: $langs"
	country=""
	while read -r c; do
		[[ $quals == *" $c "* || $quals == *" $c,"* || $quals == *" $c."* ]] && country=$c
	done <<<"$countries"
	[ -n "$country" ] || fail "$ref: no country in her profile: $quals"
	grep -qxF "$country"$'\t'"$langs" "$T/fits" || fail "$ref: an interpreter in $langs for a woman from $country"
done <"$T/interpreted"

# Open follow-ups: overdue by days or weeks, never more than 60 days.
old=$(jq -r --arg today "$SAMTALE_TODAY" '.cases[] | select(.closed == null) | .ref as $r
	| .followups[] | select(.done == false and .due < $today) | "\(.due) \($r)"' "$T/e.json" |
	while read -r due ref; do
		days=$((($(date -ud "$SAMTALE_TODAY" +%s) - $(date -ud "$due" +%s)) / 86400))
		[ "$days" -le 60 ] || echo "$ref $due ($days days)"
	done)
assert_eq "" "$old" "follow-ups overdue more than 60 days"
overdue=$(samtale --db "$DB" followups --all --overdue --format csv | tail -n +2 | wc -l)
[ "$overdue" -gt 0 ] || fail "no overdue follow-up at all"

# A first meeting says nothing of an internship; the interpreter's phrases
# need one, "waiting for the interpreter" needs none.
assert_eq 0 "$(jq '[.cases[].meetings[] | select(.type == "foerste")
	| select(((.note // "") + (.agreed // "")) | test("praktik"))] | length' "$T/e.json")" \
	"first meetings speaking of an internship"
assert_eq 0 "$(jq '[.cases[].meetings[] | select(.interpreter == null)
	| select(((.note // "") | test("Tolken")) or any(.items[]; (.note // "") | test("med tolk")))] | length' "$T/e.json")" \
	"meetings without an interpreter that speak of one"
assert_eq 0 "$(jq '[.cases[].meetings[] | select(.interpreter != null)
	| select(any(.items[]; (.note // "") | test("Venter til tolken")))] | length' "$T/e.json")" \
	"meetings with an interpreter waiting for one"
# The glossary's word for done.
assert_not_contains "$(cat "$T/e.json")" "Gjort"
