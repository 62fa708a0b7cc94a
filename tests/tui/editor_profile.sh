#!/bin/bash
# Her whole profile in $EDITOR (E on the profile screen): a "## Label"
# heading above each field in a private .md file that is removed afterwards.
# Whatever the file holds when the editor exits ends up in the profile, or
# is asked about with her text kept: text above the first heading, a
# deleted heading, an editor that failed. "Gemt" only when something
# changed. A CPR number is refused and the text offered again.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=${W:-60}
field() { sql "$DB" "SELECT coalesce($1, '<null>') FROM cases"; }

# The "editor": does what $T/mode says to the file, and logs each call.
cat >"$T/editor.sh" <<'ED'
#!/bin/sh
f=$1
echo "$f $(stat -c %a "$f")" >>"$T/editor.log"
cp "$f" "$T/seen.md"
case "$(cat "$T/mode")" in
wish) sed -i '/^## Ønsker til job$/a Sygeplejerske, gerne på plejehjem (æøå).' "$f" ;;
same) ;;
above) sed -i '1i Hun kom til Danmark i 2019.\n' "$f" ;;
noheading) sed -i '/^## Sprog$/d; /^## Andre kompetencer$/a Hun syr og laver mad til mange.' "$f" ;;
fix) sed -i '/^## Andre kompetencer$/i ## Sprog\n' "$f" ;;
cpr) sed -i '/^## Hendes egne mål$/a cpr 010190-1234' "$f" ;;
fail) sed -i '/^## Hendes egne mål$/a Et job inden sommer.' "$f"; exit 1 ;;
esac
ED
chmod +x "$T/editor.sh"
export T
export EDITOR="$T/editor.sh"
mode() { echo "$1" >"$T/mode"; }

# On the profile screen (E on the case screen), E: every field.
tui_one_case 80 24
tui_keys Enter
tui_wait "Intet skrevet endnu. Tryk E" $W
tui_keys E
tui_wait "Enter skriv i feltet  E alle felter i \$EDITOR" $W
mode wish
tui_keys E
tui_wait "Profilen er gemt." $W
assert_eq "Sygeplejerske, gerne på plejehjem (æøå)." "$(field job_wishes)" "job wishes"
assert_eq "<null>|<null>" "$(sql "$DB" "SELECT coalesce(qualifications, '<null>'), coalesce(goals, '<null>') FROM cases")" \
	"other fields untouched"
read -r tmp perm <"$T/editor.log"
assert_eq 600 "$perm" "temporary file mode"
case "$tmp" in *-profil-*.md) ;; *) fail "the file is not named as a Markdown profile: $tmp" ;; esac
[ ! -e "$tmp" ] || fail "temporary file $tmp left behind"
assert_contains "$(cat "$T/seen.md")" "## Uddannelse" "the file's headings"
tui_wait "Sygeplejerske, gerne på plejehjem (æøå)." $W

# The file back as it was: no "gemt".
mode same
tui_keys E
tui_wait "Ingen ændringer." $W
assert_not_contains "$(tui_screen)" "Profilen er gemt." "the status"

# Text above the first heading: asked; "as it stands" puts it in the first field.
mode above
tui_keys E
tui_wait "Teksten passer ikke til overskrifterne" $W
tui_wait "Der står tekst over den første overskrift." $W
tui_wait "overskrifterne i 'Kvalifikationer'." $W
tui_keys 2
tui_wait "Profilen er gemt." $W
assert_eq "Hun kom til Danmark i 2019." "$(field qualifications)" "the text above the headings"
assert_eq "Sygeplejerske, gerne på plejehjem (æøå)." "$(field job_wishes)" "job wishes kept"

# A deleted heading: asked; "edit again" gives the file back as it stood,
# her new words in it; with the heading written again it is saved.
mode noheading
tui_keys E
tui_wait "Overskriften 'Sprog' mangler." $W
tui_wait "Et felt uden overskrift bliver tomt." $W
assert_eq "<null>" "$(field other_skills)" "nothing saved before the answer"
mode fix
tui_keys 1
tui_wait "Profilen er gemt." $W
assert_contains "$(cat "$T/seen.md")" "Hun syr og laver mad til mange." "her text in the file given back"
assert_eq "Hun syr og laver mad til mange." "$(field other_skills)" "other skills"
assert_eq "<null>" "$(field languages)" "languages"

# An editor that fails: asked, and "discard" leaves the profile alone.
mode fail
tui_keys E
tui_wait "Editoren sluttede med en fejl." $W
tui_keys 3
tui_wait "Profilen er ikke ændret." $W
assert_eq "<null>" "$(field goals)" "goals after a failed editor"

# A CPR number is refused; "discard" leaves it as it was.
mode cpr
tui_keys E
tui_wait "CPR" $W
tui_wait "Kassér ændringen" $W
# The dialog's keys in the footer; the reason above them, whole.
tui_wait "── Teksten er ikke gemt ──" $W
screen=$(tui_screen)
assert_eq "↑↓ vælg · Enter tag den · Esc fortryd" "$(tail -1 <<<"$screen" | sed 's/ *$//')" "footer"
assert_contains "$(grep -F -A1 "ligner et CPR-nummer" <<<"$screen" | tr -s ' \n' '  ')" "prøv igen" "the reason"
tui_keys Down Enter
tui_wait_gone "Teksten er ikke gemt" $W
assert_eq 0 "$(sql "$DB" "SELECT count(*) FROM cases WHERE goals LIKE '%010190%'")" "no CPR saved"

# Back on the case screen, her profile compactly: the fields with words.
tui_keys q
tui_wait "Ønsker til job: Sygeplejerske, gerne på plejehjem (æøå)." $W
tui_wait "Kvalifikationer: Hun kom til Danmark i 2019." $W
assert_not_contains "$(tui_screen)" "Sprog:" "an empty field on the case screen"
tui_keys C-c
tui_wait "Afslut programmet?" $W
tui_keys C-c
tui_expect_exit 0 $W
