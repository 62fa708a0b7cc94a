#!/bin/bash
# Internships in exchange format /2: exported after the follow-ups, always as
# a list; export → import → export gives the same bytes; import refuses a
# bad internship with a message naming it and writes nothing; her record
# (export --format md) holds them.
. "$(dirname "$0")/../lib.sh"

DB=$(test_db a)
B=$(test_db b)
C=$(test_db c)
expect_status 0 samtale --db "$DB" --user mette case add 2026-0117 --initials AB
expect_status 0 samtale --db "$DB" case add 2026-0200
expect_status 0 samtale --db "$DB" --user mette internship add 2026-0117 --workplace "Børnehaven Solsikken" \
	--field børnehave --from 2026-01-05 --to 2026-02-27 --contact "Lone, leder" --job-possible yes \
	--goal "Jeg vil arbejde med børn, som jeg gjorde i Kabul."
expect_status 0 samtale --db "$DB" internship end 1 --outcome employed --date 2026-02-20 \
	--reason $'Tilbudt fast stilling.\nStarter 1. marts.'
expect_status 0 samtale --db "$DB" --user mette internship add 2026-0117 --workplace "Netto" --from 2026-02-23

expect_status 0 samtale --db "$DB" export
cp "$T/out" "$T/a.json"
assert_contains "$(cat "$T/a.json")" '      "followups": [],
      "internships": [
        {
          "workplace": "Børnehaven Solsikken",
          "field": "børnehave",
          "from": "2026-01-05",
          "planned_to": "2026-02-27",
          "ended": "2026-02-20",
          "contact": "Lone, leder",
          "goal": "Jeg vil arbejde med børn, som jeg gjorde i Kabul.",
          "job_possible": "yes",
          "outcome": "employed",
          "outcome_reason": "Tilbudt fast stilling.\nStarter 1. marts."
        },
        {
          "workplace": "Netto",
          "field": null,
          "from": "2026-02-23",
          "planned_to": null,
          "ended": null,
          "contact": null,
          "goal": null,
          "job_possible": "unknown",
          "outcome": null,
          "outcome_reason": null
        }
      ]'
# A case without internships has an empty list, never a missing key.
assert_eq 2 "$(grep -c '"internships": \[' "$T/a.json")" "internships lists"
assert_contains "$(cat "$T/a.json")" '"internships": []'

# Round trip, byte for byte; the importer keeps the case's caseworker on them.
expect_status 0 samtale --db "$B" --user anna import "$T/a.json"
expect_status 0 samtale --db "$B" export
cmp "$T/a.json" "$T/out" || fail "round trip differs: $(diff "$T/a.json" "$T/out")"
assert_eq "mette|mette" "$(sql "$B" 'SELECT caseworker FROM internships ORDER BY id' | paste -sd '|')" "caseworkers"
assert_eq 1 "$(sql "$B" "SELECT count(*) FROM audit WHERE action = 'case.add' AND detail = 'import' AND case_id = 1")" \
	"one audit line for the imported case"

# Refusals: a message naming the case and the internship; nothing written.
refuse() {
	local want=$1 json=$2
	expect_status 1 samtale --db "$C" import - <<<"{\"format\": \"samtale-export/2\", \"cases\": [
		{\"ref\": \"2026-0300\", \"internships\": [$json]}]}"
	assert_contains "$(cat "$T/err")" "samtale: import: sag 2026-0300, praktik nr. 1"
	assert_contains "$(cat "$T/err")" "$want"
	assert_eq 0 "$(sql "$C" 'SELECT count(*) FROM cases')" "cases after a refused import"
}
refuse 'ukendt værdi "hired" i "outcome" (employed, education, extended, ended-early, completed)' \
	'{"workplace": "X", "from": "2026-01-05", "outcome": "hired"}'
refuse 'ukendt værdi "maybe" i "job_possible" (unknown, yes, no)' \
	'{"workplace": "X", "from": "2026-01-05", "job_possible": "maybe"}'
refuse '"workplace" mangler' '{"from": "2026-01-05"}'
refuse '"workplace" er tom' '{"workplace": " ", "from": "2026-01-05"}'
refuse '"from" mangler' '{"workplace": "X"}'
refuse 'ugyldig dato "2026-02-30" i "planned_to"' '{"workplace": "X", "from": "2026-01-05", "planned_to": "2026-02-30"}'
refuse 'kan ikke slutte, før den begynder (2026-01-05)' '{"workplace": "X", "from": "2026-01-05", "planned_to": "2026-01-01"}'
refuse 'kan ikke slutte, før den begynder (2026-01-05)' '{"workplace": "X", "from": "2026-01-05", "ended": "2025-12-01", "outcome": "completed"}'
refuse '"contact" ser ud til at indeholde et CPR-nummer' '{"workplace": "X", "from": "2026-01-05", "contact": "Ole 010190-1234"}'
assert_not_contains "$(cat "$T/err")" "010190"
refuse '"goal" ser ud til at indeholde et CPR-nummer' '{"workplace": "X", "from": "2026-01-05", "goal": "0101901234"}'
refuse 'ukendt nøgle "outcom"; mente du "outcome"?' '{"workplace": "X", "from": "2026-01-05", "outcom": null}'
refuse 'styretegn' '{"workplace": "X", "from": "2026-01-05", "goal": "a\u001b[2Jb"}'
refuse 'kontroltegn' '{"workplace": "X\nY", "from": "2026-01-05"}'
expect_status 1 samtale --db "$C" import - <<<'{"format": "samtale-export/2", "cases": [{"ref": "2026-0300", "internships": {}}]}'
assert_contains "$(cat "$T/err")" '"internships" skal være en liste'

# Her record: the internships in readable form.
expect_status 0 samtale --db "$DB" export 2026-0117 --format md
md=$(cat "$T/out")
assert_contains "$md" "## Praktikker

### 2026-01-05 – Børnehaven Solsikken

- Branche: børnehave
- Planlagt til: 2026-02-27
- Kontaktperson: Lone, leder
- Kan føre til job: ja
- Udfald: ansat (2026-02-20)

#### Hendes mål

> Jeg vil arbejde med børn, som jeg gjorde i Kabul.

#### Begrundelse

> Tilbudt fast stilling.
> Starter 1. marts.

### 2026-02-23 – Netto

- Planlagt til: ikke aftalt
- Kontaktperson: ingen
- Kan føre til job: ved ikke
- Udfald: ikke afsluttet"
expect_status 0 samtale --db "$DB" --lang en export 2026-0200 --format md
assert_contains "$(cat "$T/out")" "## Internships

*(no internships)*"
