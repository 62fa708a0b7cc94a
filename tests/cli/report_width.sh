#!/bin/bash
# Tables on an 80-column terminal fit it: headings wrap, free text is
# shortened with "…", numbers, ids and dates are never cut; piped, the same
# tables are full width.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/report_fixture.inc"
command -v script >/dev/null || { echo "script (bsdutils) is not installed"; exit 77; }
report_fixture
expect_status 0 samtale followup edit 1 --text "Ring til hende om praktikken hos bageren på hjørnet, og spørg også til sprogskolen og til børnenes institution"

# on_tty COLS ARGS...: samtale's output on a terminal COLS wide.
on_tty() {
	local cols=$1
	shift
	script -qec "stty cols $cols rows 50; $(printf '%q ' "$SAMTALE_BIN" "$@")" /dev/null | tr -d '\r'
}

for args in "report --by case --stale 4" "--lang en report --by case" "report --by caseworker" \
	"--lang en report --by item --titles --split caseworker" "followups --all" "case list --all"; do
	# shellcheck disable=SC2086
	on_tty 80 $args >"$T/tty"
	[ "$(wc -L <"$T/tty")" -le 80 ] || fail "$args does not fit 80 columns:
$(cat "$T/tty")"
	# shellcheck disable=SC2086
	samtale $args >"$T/piped"
	for n in 2026-0001 2026-0002 2026-02-25 37.5; do
		if grep -qF -- "$n" "$T/piped"; then
			grep -qF -- "$n" "$T/tty" || fail "$args: '$n' was cut on the terminal"
		fi
	done
done

# The follow-up's text is shortened on the terminal, whole when piped.
on_tty 80 followups --all >"$T/tty"
assert_contains "$(cat "$T/tty")" "Ring til hende om praktikken"
assert_contains "$(cat "$T/tty")" "…"
expect_status 0 samtale followups --all
assert_contains "$(cat "$T/out")" "og til børnenes institution"

# Headings wrap over two lines above their numbers.
on_tty 80 --lang en report --by case >"$T/tty"
assert_contains "$(head -2 "$T/tty")" "followups_"
assert_contains "$(sed -n 2p "$T/tty")" "case"
