#!/bin/bash
# Every database of tests/fixtures/db (one per released schema, and one of
# demo cases) migrated to this version exports, reports and lists exactly
# what the release before the last migration did (expected/, written by
# that binary with tests/fixtures/db/make_expected.sh), and db check finds
# it consistent.
. "$(dirname "$0")/../lib.sh"
# The fixtures are SQLite files, one per released schema.
sqlite_only

SAMTALE_BIN=$SAMTALE_BIN bash "$SOURCE_DIR/tests/fixtures/db/make_expected.sh" "$T/now" ||
	fail "a command failed on a migrated fixture"
diff -r "$SOURCE_DIR/tests/fixtures/db/expected" "$T/now" >"$T/diff" ||
	fail "migrated fixtures print otherwise: $(head -40 "$T/diff")"
