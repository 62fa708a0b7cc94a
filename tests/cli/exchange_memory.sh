#!/bin/bash
# A bad import never holds the file in memory: refused at its end or in its
# middle, from the file or from a pipe, its peak RSS stays what a small
# file's is, give or take a few cases (each about 16 kB), not the 5 bytes a
# byte of the whole parse. Nothing is imported; the message is the one the
# whole parse gives.
. "$(dirname "$0")/../lib.sh"

if [ ! -x /usr/bin/time ]; then
	echo "SKIP: needs /usr/bin/time (Debian package time)"
	exit 77
fi

# Under AddressSanitizer, freed memory waits in a quarantine (256 MB) before
# it is reused: the peak would be ASan's, not samtale's.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0"

# cases N BAD: an export of N cases of about 16 kB each, case BAD with an
# unknown item state (0: none).
cases() {
	awk -v n="$1" -v bad="$2" 'BEGIN {
		for (i = 0; i < 400; i++) note = note "Hun vil gerne arbejde med børn og ældre. "
		printf "{\n  \"format\": \"samtale-export/1\",\n  \"cases\": [\n"
		for (i = 1; i <= n; i++)
			printf "    {\"ref\": \"S-%06d\", \"meetings\": [{\"date\": \"2026-01-10\", \"type\": \"foerste\", \"note\": \"%s\", \"items\": [{\"id\": \"tro.sig-det\", \"state\": \"%s\"}]}]}%s\n",
				i, note, i == bad ? "bogus" : "done", i < n ? "," : ""
		printf "  ]\n}\n"
	}'
}

cases 2 0 | head -c -3 >"$T/small-cut.json"
cases 2000 0 | head -c -3 >"$T/big-cut.json"
cases 2000 1000 >"$T/big-middle.json"
size=$(stat -c %s "$T/big-cut.json")
[ "$size" -gt 30000000 ] || fail "the big file is only $size bytes"

# peak_kb HOW FILE: peak RSS in kB of an import that must fail.
peak_kb() {
	local how=$1 file=$2 db
	# A new, empty database for each import.
	db=$(test_db "into_$(basename "$file" .json)_$how")
	if [ "$how" = file ]; then
		/usr/bin/time -f %M -o "$T/rss" "$SAMTALE_BIN" --db "$db" import "$file" >"$T/out" 2>"$T/err" &&
			fail "importing $(basename "$file") succeeded"
	else
		/usr/bin/time -f %M -o "$T/rss" sh -c 'cat "$3" | "$1" --db "$2" import -' sh \
			"$SAMTALE_BIN" "$db" "$file" >"$T/out" 2>"$T/err" &&
			fail "importing $(basename "$file") from a pipe succeeded"
	fi
	assert_eq 0 "$(sql "$db" 'SELECT count(*) FROM cases')" "cases after a refused import"
	tail -1 "$T/rss"
}

base=$(peak_kb file "$T/small-cut.json")
# The slack: the window (twice a case), a case's tree, jansson's buffers,
# the refs; a tenth of the file is far more than that, and far less than
# the whole parse (5 times the file).
limit=$((base + size / 1024 / 10))
for how in file pipe; do
	for f in big-cut big-middle; do
		kb=$(peak_kb "$how" "$T/$f.json")
		[ "$kb" -lt "$limit" ] ||
			fail "import of $f.json ($size bytes, from a $how) peaked at $kb kB; a small file at $base kB"
		case $f in
		big-cut) assert_contains "$(cat "$T/err")" ":2004:" "the syntax error's line" ;;
		big-middle) assert_contains "$(cat "$T/err")" "sag S-001000" "the refused case" ;;
		esac
	done
done
