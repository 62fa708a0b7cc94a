#!/bin/bash
# content/<lang>/handout.yaml: checked like the rest of the content; a folder
# holding only it is a language for her copy alone.
. "$(dirname "$0")/../lib.sh"

BAD=$SOURCE_DIR/tests/fixtures/content/bad

# The shipped tree with the Arabic fixture beside it is in order: a folder
# with only handout.yaml is allowed and not compared with the guide's ids.
mkdir "$T/content"
cp -r "$SOURCE_DIR/content/." "$T/content/"
cp -r "$SOURCE_DIR/tests/fixtures/content/handout/ar" "$T/content/"
expect_status 0 samtale content check "$T/content"
assert_eq "" "$(cat "$T/err")" "stderr of a clean check"
# content diff leaves a language for her copy alone out.
expect_status 0 samtale content diff "$SOURCE_DIR/content" "$T/content"
assert_not_contains "$(cat "$T/out")$(cat "$T/err")" "ar/"
# The UI stays Danish or English: ar is a language of her copy alone.
expect_status 2 samtale --content "$T/content" --lang ar content list
assert_contains "$(cat "$T/err")" "samtale: ukendt sprog 'ar' (da eller en)"

# Unknown and missing keys, at their place, in the UI language.
expect_status 1 samtale --lang en content check "$BAD/handout-keys"
assert_contains "$(cat "$T/err")" \
	"$BAD/handout-keys/so/handout.yaml:4:1: error: unknown key 'titel'; did you mean 'title'?"
assert_contains "$(cat "$T/err")" \
	"$BAD/handout-keys/so/handout.yaml:3:1: error: handout.yaml is missing the key 'place'"
assert_contains "$(cat "$T/err")" \
	"$BAD/handout-keys/so/handout.yaml:3:1: error: handout.yaml is missing the key 'title'"
expect_status 1 samtale content check "$BAD/handout-keys"
assert_contains "$(cat "$T/err")" "handout.yaml:4:1: error: ukendt nøgle 'titel'; mente du 'title'?"

# A shipped language's handout.yaml with a wrong language and an empty label.
cp -r "$SOURCE_DIR/content" "$T/broken"
sed -i 's/^language: en/language: da/; s/^place: Place/place: ""/' "$T/broken/en/handout.yaml"
expect_status 1 samtale --lang en content check "$T/broken"
assert_contains "$(cat "$T/err")" \
	"$T/broken/en/handout.yaml:7:11: error: language 'da' does not match the folder 'en'"
assert_contains "$(cat "$T/err")" "$T/broken/en/handout.yaml:19:8: error: 'place' is empty"

# The handout with labels that are wrong says so and writes nothing.
DB=$(test_db)
samtale --db "$DB" import "$SOURCE_DIR/tests/fixtures/exchange/handout.json" >/dev/null
expect_status 1 samtale --db "$DB" --content "$T/broken" --lang en handout 2026-0117 --format txt
assert_contains "$(cat "$T/err")" "$T/broken/en/handout.yaml:7:11: error:"
assert_eq "" "$(cat "$T/out")" "stdout of a refused handout"
echo "ok"
