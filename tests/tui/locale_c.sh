#!/bin/bash
# Under a locale that is not UTF-8 (LANG=C, as a bare ssh login often has)
# the guide switches to a UTF-8 locale of the system: the screen is drawn
# right, and æøå typed into a note are stored as typed.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60
# samtale as a login under LANG=C starts it (tmux still sends UTF-8).
printf '#!/bin/sh\nexec env LC_ALL=C LANG=C "%s" "$@"\n' "$SAMTALE_BIN" >"$T/samtale-c"
chmod +x "$T/samtale-c"
real=$SAMTALE_BIN
SAMTALE_BIN=$T/samtale-c

tui_first_meeting 80 24
tui_wait "Første samtale" $W
tui_keys e
tui_wait "Note:" $W
tui_type "Hun taler æøå og ÆØÅ"
tui_keys Enter
tui_wait "Noten er gemt." $W
tui_wait "Hun taler æøå og ÆØÅ" $W
SAMTALE_BIN=$real
assert_eq "Hun taler æøå og ÆØÅ" "$(sql "$DB" "$WITH_ITEMS SELECT note FROM items WHERE note IS NOT NULL")" "note"
assert_contains "$(samtale --db "$DB" export 2026-0117)" '"note": "Hun taler æøå og ÆØÅ"' "export"
