#!/bin/bash
# The config file's editor is the one E opens when neither VISUAL nor EDITOR
# names one; EDITOR, when set, goes before it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60
unset EDITOR VISUAL
# Two "editors": each writes its name into her profile and exits.
for name in Konfigurationsfilen Miljoevariablen; do
	printf '#!/bin/sh\nsed -i "/^## Ønsker til job$/a %s" "$1"\n' "$name" >"$T/$name.sh"
	chmod +x "$T/$name.sh"
done
mkdir -p "$XDG_CONFIG_HOME/samtale"
echo "editor = $T/Konfigurationsfilen.sh" >"$XDG_CONFIG_HOME/samtale/config"

tui_one_case 80 24
tui_keys Enter
tui_wait "Intet skrevet endnu. Tryk E" $W
tui_keys E
tui_wait "E alle felter i \$EDITOR" $W
tui_keys E
tui_wait "Profilen er gemt." $W
tui_wait "Konfigurationsfilen" $W
tui_keys q q q
tui_expect_exit 0

tmux -L "$TMUX_SOCKET" kill-server
export EDITOR=$T/Miljoevariablen.sh
tui_run 80 24 --db "$DB" --user mette
tui_wait "2026-0117" $W
tui_keys Enter
tui_wait "Konfigurationsfilen" $W
tui_keys E
tui_wait "E alle felter i \$EDITOR" $W
tui_keys E
tui_wait "Miljoevariablen" $W
