#!/bin/bash
# E edits her profile in $EDITOR through a private temporary file that is
# removed afterwards; each field is saved at once; a CPR number is refused
# and the text offered again. The profile is one key away from the meeting.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$T/db
W=60

# The "editor": records the file it got and its mode, then writes into it.
cat >"$T/editor.sh" <<'ED'
#!/bin/sh
echo "$1" >>"$EDITOR_LOG"
stat -c %a "$1" >>"$EDITOR_LOG"
sed -i "/^# Ønsker til job/a $EDITOR_TEXT" "$1"
ED
chmod +x "$T/editor.sh"
export EDITOR="env EDITOR_LOG=$T/editor.log EDITOR_TEXT=Sygeplejerske,_gerne_på_plejehjem_æøå $T/editor.sh"

tui_one_case 80 24
tui_keys Enter
tui_wait "Ønsker til job: (tom; tryk E)" $W
tui_keys E
tui_wait "Profilen er gemt." $W
tui_wait "Ønsker til job: Sygeplejerske,_gerne_på_plejehjem_æøå" $W
assert_eq "Sygeplejerske,_gerne_på_plejehjem_æøå" \
	"$(sql "$DB" "SELECT job_wishes FROM cases")" "job wishes"
assert_eq "" "$(sql "$DB" "SELECT coalesce(qualifications, '') || coalesce(education_wishes, '') FROM cases")" \
	"other fields untouched"
tmp=$(head -1 "$T/editor.log")
assert_eq 600 "$(sed -n 2p "$T/editor.log")" "temporary file mode"
[ ! -e "$tmp" ] || fail "temporary file $tmp left behind"

# p: the whole profile.
tui_keys p
tui_wait "Ønsker til job" $W
tui_wait "Sygeplejerske,_gerne_på_plejehjem_æøå" $W
tui_keys q
tui_wait "Samtaler (gennemført pr. afsnit)" $W

# A CPR number in the profile is refused; "discard" leaves it as it was.
tui_keys q
tui_wait "Sager (1)" $W
tui_keys q
tui_expect_exit 0 $W
export EDITOR="env EDITOR_LOG=$T/editor.log EDITOR_TEXT=cpr_010190-1234 $T/editor.sh"
tui_run 80 24 --db "$DB" --user mette
tui_wait "2026-0117" $W
tui_keys Enter
tui_wait "Sag 2026-0117" $W
tui_keys E
tui_wait "CPR" $W
tui_wait "Kassér ændringen" $W
# The dialog's keys in the footer; the reason above them, whole.
tui_wait "── Teksten er ikke gemt ──" $W
screen=$(tui_screen)
assert_eq "↑↓ vælg · Enter tag den · Esc fortryd" "$(tail -1 <<<"$screen" | sed 's/ *$//')" "footer"
assert_contains "$(grep -F -A1 "ligner et CPR-nummer" <<<"$screen")" "prøv igen" "the reason"
assert_not_contains "$screen" "Esc fortryd må" "the reason overdrawn"
tui_keys Down Enter
tui_wait "Ønsker til job: Sygeplejerske" $W
assert_eq "Sygeplejerske,_gerne_på_plejehjem_æøå" \
	"$(sql "$DB" "SELECT job_wishes FROM cases")" "job wishes after a refused edit"
assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM cases WHERE job_wishes LIKE '%010190%'")" "no CPR saved"
tui_keys q
tui_wait "Sager (1)" $W
tui_keys q
tui_expect_exit 0 $W
