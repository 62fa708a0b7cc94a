#!/bin/bash
# content check refuses a FIFO or a device in the content directory, as
# FILE:LINE:COLUMN: error:, instead of waiting for ever for a writer.
. "$(dirname "$0")/../lib.sh"

# check DIR: content check of DIR, which must fail (not hang) naming NAME.
check() {
	local rc=0
	timeout 60 "$SAMTALE_BIN" content check "$1" >"$T/out" 2>"$T/err" || rc=$?
	[ "$rc" != 124 ] || fail "content check hung on $2"
	assert_eq 1 "$rc" "exit status with $2"
	assert_contains "$(cat "$T/err")" "$2:1:1: error: ikke en almindelig fil" "$2"
}

fresh() {
	rm -rf "$T/c"
	cp -r "$SOURCE_DIR/content" "$T/c"
}

fresh
rm "$T/c/da/tro.yaml"
mkfifo "$T/c/da/tro.yaml"
check "$T/c" "$T/c/da/tro.yaml"
fresh
mkfifo "$T/c/da/ekstra.yaml"
check "$T/c" "$T/c/da/ekstra.yaml"
fresh
rm "$T/c/en/guide.yaml"
mkfifo "$T/c/en/guide.yaml"
check "$T/c" "$T/c/en/guide.yaml"
fresh
ln -s /dev/zero "$T/c/da/nul.yaml"
check "$T/c" "$T/c/da/nul.yaml"
fresh
ln -s /dev/null "$T/c/fr"
check "$T/c" "$T/c/fr"
# samtale itself refuses such content too, at once.
fresh
mkfifo "$T/c/da/ekstra.yaml"
rc=0
timeout 60 "$SAMTALE_BIN" --content "$T/c" content list >/dev/null 2>"$T/err" || rc=$?
assert_eq 1 "$rc" "content list"
