#!/bin/bash
# Export streams case by case: a stream that cannot be written is a clean
# failure, and the import's audit log holds one line a case.
. "$(dirname "$0")/../lib.sh"

rich=$SOURCE_DIR/tests/fixtures/exchange/rich.json
ONE=$(test_db one)

expect_status 0 samtale --db "$ONE" --user anna import "$rich"
assert_eq 3 "$(sql "$ONE" "SELECT count(*) FROM audit WHERE action = 'case.add' AND detail = 'import'")" \
	"audit lines of the import"
assert_eq 3 "$(sql "$ONE" "SELECT count(*) FROM audit WHERE case_id IS NOT NULL")" \
	"audit lines about cases"

for format in json md; do
	got=0
	samtale --db "$ONE" export --format $format >/dev/full 2>"$T/err" || got=$?
	assert_eq 1 "$got" "exit status of export --format $format to a full disk"
	assert_eq "samtale: kan ikke skrive udtrækket: No space left on device" "$(cat "$T/err")" \
		"message of export --format $format to a full disk"
done

# Nothing at all is written when a named case is missing, in either format.
for format in json md; do
	expect_status 1 samtale --db "$ONE" export --format $format 2026-0117 1999-0001
	assert_eq "" "$(cat "$T/out")" "stdout of a refused export --format $format"
	assert_eq "samtale: der er ingen sag '1999-0001'" "$(cat "$T/err")"
done
echo ok
