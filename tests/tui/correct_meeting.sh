#!/bin/bash
# Correcting meetings in the TUI (SPEC §1 rule 6): m pressed twice leaves
# two meetings; D removes one, asking first and saying what goes, and the
# report counts one meeting less; u brings it back with its ticks. d moves
# a meeting to yesterday; the old meeting then opens with a banner and its
# first change asks once; d changes its type, saying first which items
# stay and which go.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=${W:-60}
meetings() {
	samtale --db "$DB" report --by section --format csv | sed -n 2p | cut -d, -f2
}
# rows QUERY: its rows on one line, joined by commas.
rows() {
	sql "$DB" "$1" | paste -sd,
}
# wait_sql QUERY VALUE: polls the database until QUERY's rows give VALUE.
wait_sql() {
	local i
	for ((i = 0; i < W * 20; i++)); do
		[ "$(rows "$1")" = "$2" ] && return 0
		sleep 0.05
	done
	fail "[$1] never gave [$2] but [$(rows "$1")]; screen:
$(tui_screen)"
}
# done_items MEETING: the ids of its ticked items, in the checklist's
# order; done_items_sql, the query, for wait_sql.
done_items_sql() {
	echo "$WITH_ITEMS SELECT item_id FROM items WHERE meeting_id = $1 AND state = 'done' ORDER BY position"
}
done_items() {
	rows "$(done_items_sql "$1")"
}

# Two meetings by mistake, each with a tick, in a case opened in February.
samtale --db "$DB" --user mette case add 2026-0117 --initials AB >/dev/null
sql "$DB" "UPDATE cases SET opened = '2026-02-01'"
tui_run 80 24 --db "$DB" --user mette
tui_wait "2026-0117" $W
tui_keys Enter
tui_wait "Ingen samtaler endnu" $W
tui_keys m
tui_wait "Hvilken slags samtale?" $W
tui_keys Enter
tui_wait "Afsnit 1/3" $W
tui_keys Space
tui_wait "[x]" $W
tui_keys Escape
tui_wait "Sag 2026-0117" $W
tui_keys m
tui_wait "Hvilken slags samtale?" $W
tui_keys Enter
tui_wait "Afsnit 1/3" $W
tui_keys j Space
wait_sql "$WITH_ITEMS SELECT count(*) FROM items WHERE state = 'done'" 2
tui_keys Escape
tui_wait "2026-03-01 Opfølgningssamtale" $W
assert_eq 2 "$(meetings)" "meetings in the report"
second=$(sql "$DB" "SELECT max(id) FROM meetings")
assert_eq tro.forvent-vaerdi "$(done_items "$second")" "the second meeting's tick"

# D on the newest meeting: the question says what goes; the answer removes it.
tui_wait "> 2026-03-01 Opfølgningssamtale" $W
tui_keys D
tui_wait "Fjern samtalen 2026-03-01?" $W
assert_contains "$(tui_screen)" "Samtalen 2026-03-01 (Opfølgningssamtale) fjernes med 1 afkrydset punkt."
assert_eq 2 "$(sql "$DB" 'SELECT count(*) FROM meetings')" "meetings while asked"
tui_keys 1
tui_wait "Samtalen 2026-03-01 er fjernet. u bringer den tilbage." $W
assert_eq 1 "$(sql "$DB" 'SELECT count(*) FROM meetings')" "meetings after D"
assert_eq 1 "$(meetings)" "meetings in the report after D"
assert_not_contains "$(tui_screen)" "Opfølgningssamtale"
# u: back, with its tick.
tui_keys u
tui_wait "Samtalen er tilbage med sine afkrydsninger og noter." $W
tui_wait "2026-03-01 Opfølgningssamtale" $W
assert_eq 2 "$(meetings)" "meetings in the report after u"
assert_eq tro.forvent-vaerdi "$(done_items "$second")" "the tick came back"
assert_eq "1|1" "$(sql "$DB" "SELECT (SELECT count(*) FROM audit WHERE action = 'meeting.delete'),
	(SELECT count(*) FROM audit WHERE action = 'meeting.restore')")" "audit lines"

# d: the newest meeting was held yesterday; the default date is replaced
# by what is typed.
tui_keys d
tui_wait "Ret samtalens" $W
tui_keys Enter
tui_wait "Samtalens dato" $W
tui_type "i morgen"
tui_keys Enter
tui_wait "'i morgen' (2026-03-02) er i fremtiden; datoen kan højst være i dag." $W
tui_keys C-u
tui_type "i går"
tui_keys Enter
tui_wait "Samtalen er flyttet fra 2026-03-01 til 2026-02-28 (lørdag). u fortryder." $W
assert_eq 2026-02-28 "$(sql "$DB" "SELECT date FROM meetings WHERE id = $second")" "redated"

# The old meeting opens with a banner; its first change asks, once.
tui_wait "> 2026-03-01 Første samtale" $W	# now the newest
tui_keys j
tui_wait "> 2026-02-28 Opfølgningssamtale" $W
tui_keys Enter
tui_wait "Samtalen blev holdt 2026-02-28, for 1 dag siden. Ændringer er rettelser." $W
tui_keys Space
tui_wait "Samtalen blev holdt 2026-02-28. Ret den alligevel?" $W
assert_eq tro.forvent-vaerdi "$(done_items "$second")" "nothing changed before the answer"
tui_keys 2
tui_wait_gone "Ret den alligevel?" $W
assert_eq tro.forvent-vaerdi "$(done_items "$second")" "no means no"
tui_keys Space
tui_wait "Ret den alligevel?" $W
tui_keys 1
tui_wait_gone "Ret den alligevel?" $W
wait_sql "$(done_items_sql "$second")" \
	tro.afdaek-kvalifikationer,tro.forvent-vaerdi
tui_keys Space			# Space went on to the next item
wait_sql "$(done_items_sql "$second")" \
	tro.afdaek-kvalifikationer
assert_not_contains "$(tui_screen)" "Ret den alligevel?" "asked once"
assert_eq 2 "$(sql "$DB" "SELECT count(*) FROM audit WHERE action = 'meeting.correct'")" "corrections logged"

# d, the type: what stays and what goes is said before it is done.
tui_keys d
tui_wait "Ret samtalens" $W
tui_keys 2
tui_wait "Hvilken slags samtale var det?" $W
tui_keys 4
tui_wait "Skift samtalens type?" $W
# (the status line wraps where it must: compared without spaces)
flat=$(tui_screen | tr -d ' \n')
assert_contains "$flat" "SomUnderpraktik:punkterbeholdtmedafkrydsningognoter:9(0afkrydset);nye:1;fjernes:2:"
assert_contains "$flat" "«Brugtidsammenmedkvindenpåatafdækkehendeskvalifikationer»[x],«"
tui_keys 1
tui_wait "Samtalen er nu Under praktik. Punkter beholdt: 9, fjernet: 2, nye: 1." $W
tui_wait "Sag 2026-0117 · Under praktik · 2026-02-28" $W
# the shared items stayed, the one only a follow-up meeting has is gone
assert_contains "$(tui_screen)" "Mød hende med en forventning om, at hun er værdifuld"
assert_not_contains "$(tui_screen)" "afdække hendes kvalifikationer"
assert_eq 10 "$(sql "$DB" "$WITH_ITEMS SELECT count(*) FROM items WHERE meeting_id = $second")" "under-praktik's items"
assert_eq under-praktik "$(sql "$DB" "SELECT type FROM meetings WHERE id = $second")"
tui_keys q
tui_wait "2026-02-28 Under praktik" $W
tui_keys q
tui_wait "Hvad blev I enige om?" $W	# leaving the case closes today's meeting
tui_keys Escape
tui_wait "Sager (1)" $W
tui_keys q
tui_expect_exit 0 $W
