#!/bin/bash
# Makes the seed corpus of fuzz_dbopen from the released schemas in
# tests/fixtures/db: each fixture as it is, and copies damaged as a crafted
# or broken file would be (user_version and application id patched, the
# header cut short, bytes flipped, a trigger planted). Run by hand when a
# fixture is added; the output is committed.
set -euo pipefail
cd "$(dirname "$0")"
fix=../fixtures/db
out=corpus/fuzz_dbopen
# Files the fuzzer found that crashed samtale once stay as they are.
find "$out" -name '*.db' ! -name 'found-*' -delete 2>/dev/null || true
mkdir -p "$out"

# put FILE OFFSET HEX: overwrites bytes at OFFSET with the hex digits.
put() { printf "$(echo "$3" | sed 's/../\\x&/g')" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none; }

for v in v1 v2 v3; do
	cp "$fix/$v.db" "$out/$v.db"
	# The same database in 512-byte pages: small seeds mutate faster.
	sqlite3 "$out/$v.db" "PRAGMA page_size=512; VACUUM;"
done
base=$out/v3.db
# user_version is the 4-byte big-endian integer at offset 60, the
# application id the one at offset 68.
for uv in ffffffff fffffffe 80000000 00000003 7fffffff 00000000; do
	cp "$base" "$out/user-version-$uv.db" && put "$out/user-version-$uv.db" 60 "$uv"
	cp "$base" "$out/no-app-id-$uv.db" && put "$out/no-app-id-$uv.db" 60 "$uv" && put "$out/no-app-id-$uv.db" 68 00000000
done
head -c 50 "$base" >"$out/header-cut-50.db"
head -c 100 "$base" >"$out/header-cut-100.db"
head -c 512 "$base" >"$out/first-page.db"
head -c 2000 "$base" >"$out/cut-mid-page.db"
cp "$base" "$out/page-size-bad.db" && put "$out/page-size-bad.db" 16 0300
cp "$base" "$out/page-count-huge.db" && put "$out/page-count-huge.db" 28 7fffffff
cp "$base" "$out/freelist-bad.db" && put "$out/freelist-bad.db" 32 0000000700000003
# Bytes flipped in the schema page and in the pages of the tables.
for at in 120 300 700 1500 2600 4000 6000; do
	cp "$base" "$out/flip-$at.db"
	byte=$(od -An -tx1 -j "$at" -N1 "$base" | tr -d ' ')
	put "$out/flip-$at.db" "$at" "$(printf '%02x' $((0x$byte ^ 0xff)))"
done
# A trigger and a view that would run SQL of the file's on samtale's writes.
cp "$base" "$out/trigger.db"
sqlite3 "$out/trigger.db" "CREATE TABLE x (a); CREATE TRIGGER t AFTER INSERT ON cases BEGIN
	INSERT INTO x VALUES (new.ref); DELETE FROM audit; END; CREATE VIEW v AS SELECT * FROM cases;"
ls "$out" | wc -l
