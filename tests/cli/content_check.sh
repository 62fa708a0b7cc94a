#!/bin/bash
# samtale content check / list / show on the shipped content and on bad trees.
. "$(dirname "$0")/../lib.sh"

BAD=$SOURCE_DIR/tests/fixtures/content/bad

# The shipped content is valid, in the tree and as the default.
expect_status 0 samtale content check "$SOURCE_DIR/content"
assert_contains "$(cat "$T/out")" "$SOURCE_DIR/content:"
assert_eq "" "$(cat "$T/err")" "stderr of a clean check"
expect_status 0 samtale content check

# content list --lang en: every shipped section, item and meeting type id, id first.
expect_status 0 samtale content list --lang en
for id in tro dialog forventning \
	tro.afdaek-kvalifikationer tro.forvent-vaerdi tro.sig-det tro.realistisk \
	dialog.anerkendende dialog.lyt-inddrag dialog.hendes-oensker dialog.taalmodig \
	forventning.formaal forventning.klart-maal forventning.loebende forventning.ansaettelse \
	foerste opfoelgning foer-praktik under-praktik efter-praktik; do
	grep -q "^$id	" "$T/out" || fail "content list --lang en lacks $id"
done
assert_eq 20 "$(wc -l <"$T/out")" "lines of content list"
assert_eq "tro	Believe in the woman – but be realistic" "$(head -1 "$T/out")"
expect_status 0 samtale content list
assert_eq "tro	Tro på kvinden – men vær realistisk" "$(head -1 "$T/out")"

# content show: a section with its why and items, an item, a meeting type.
expect_status 0 samtale content show tro
assert_contains "$(cat "$T/out")" "1. Tro på kvinden – men vær realistisk  (tro)"
assert_contains "$(cat "$T/out")" "Kvinderne har brug for, at du tror på dem!"
assert_contains "$(cat "$T/out")" "- tro.realistisk"
expect_status 0 samtale --lang en content show forventning.loebende
assert_contains "$(cat "$T/out")" "Meeting types: Before the internship, During the internship, After the internship"
expect_status 0 samtale content show efter-praktik
assert_contains "$(cat "$T/out")" "- forventning.loebende"
# Her competences are mapped again after an internship; placement is decided before one.
assert_contains "$(cat "$T/out")" "- tro.afdaek-kvalifikationer"
assert_not_contains "$(cat "$T/out")" "forventning.ansaettelse"
expect_status 1 samtale content show tro.sigdet
assert_eq "samtale: ukendt id 'tro.sigdet'; mente du 'tro.sig-det'?" "$(cat "$T/err")"
expect_status 1 samtale --lang en content show nothing-like-it
assert_contains "$(cat "$T/err")" "samtale: unknown id 'nothing-like-it'"
expect_status 2 samtale content show

# Bad trees: exit 1, every problem as FILE:LINE:COLUMN (how fast is bench/'s to say).
check_bad() {
	local tree=$1 where=$2 message=$3
	expect_status 1 samtale --lang en content check "$BAD/$tree"
	assert_contains "$(cat "$T/err")" "$BAD/$tree/$where: error: $message"
	assert_eq "" "$(cat "$T/out")" "stdout of a failed check"
}
check_bad misspelled-key da/tro.yaml:3:1 "unknown key 'titel'; did you mean 'title'?"
check_bad duplicate-item-id da/tro.yaml:10:9 "duplicate item id 'sig-det'"
check_bad unknown-meeting-type da/tro.yaml:9:25 "unknown meeting type 'opfolgning'; did you mean 'opfoelgning'?"
check_bad missing-why da/dialog.yaml:1:1 "the section is missing the key 'why'"
check_bad yaml-syntax da/tro.yaml:8:4 "YAML syntax error"
check_bad languages-differ en/tro.yaml:10:9 "item 'tro.realistic' is not in da/"
check_bad invalid-utf8 da/tro.yaml:4:16 "invalid UTF-8"
check_bad alias-bomb da/dialog.yaml:1:4 "anchors and aliases"
check_bad duplicate-key da/dialog.yaml:5:1 "duplicate key 'title'"
check_bad malformed-id da/tro.yaml:10:9 "malformed id"
check_bad wrong-type da/dialog.yaml:6:8 "'items' must be a list, not a text"
check_bad empty-text da/dialog.yaml:5:6 "'why' is empty"
# A tree named with a trailing slash: the files are named as usual.
expect_status 1 samtale --lang en content check "$BAD/misspelled-key/"
assert_contains "$(cat "$T/err")" "$BAD/misspelled-key/da/tro.yaml:3:1: error: unknown key 'titel'"
expect_status 1 samtale --content "$BAD/duplicate-item-id//" content list
assert_contains "$(cat "$T/err")" "$BAD/duplicate-item-id/da/tro.yaml:10:9: error:"
expect_status 1 samtale --lang en content check "$BAD/wrong-type"
assert_eq 3 "$(wc -l <"$T/err")" "two errors and a summary"
assert_contains "$(tail -1 "$T/err")" "samtale: the content in $BAD/wrong-type has errors (2)"

# The program refuses to run on invalid content, with the same messages.
expect_status 1 samtale --content "$BAD/duplicate-item-id" content list
assert_contains "$(cat "$T/err")" "$BAD/duplicate-item-id/da/tro.yaml:10:9: error:"
expect_status 1 samtale --content "$T/none" content check
assert_contains "$(cat "$T/err")" "$T/none:1:1: error:"

# A fourth section added in YAML alone shows up everywhere.
cp -r "$SOURCE_DIR/content" "$T/content"
for lang in da en; do
	sed -i 's/^sections: \[tro, dialog, forventning\]$/sections: [tro, dialog, forventning, netvaerk]/' \
		"$T/content/$lang/guide.yaml"
	cat >"$T/content/$lang/netvaerk.yaml" <<'YAML'
id: netvaerk
number: 4
title: Byg netværk
why: Et netværk fører til job.
items:
  - id: mentor
    text: Find en mentor
    meetings: [opfoelgning, efter-praktik]
YAML
done
expect_status 0 samtale content check "$T/content"
expect_status 0 samtale --content "$T/content" content list
assert_contains "$(cat "$T/out")" "netvaerk	Byg netværk"
assert_contains "$(cat "$T/out")" "netvaerk.mentor	Find en mentor"
expect_status 0 samtale --content "$T/content" content show opfoelgning
assert_contains "$(cat "$T/out")" "- netvaerk.mentor"
# ... and a language without it is caught.
rm "$T/content/en/netvaerk.yaml"
sed -i 's/, netvaerk\]/]/' "$T/content/en/guide.yaml"
expect_status 1 samtale --lang en content check "$T/content"
assert_contains "$(cat "$T/err")" "$T/content/en/guide.yaml:19:1: error: section 'netvaerk' from da/ is missing here"
echo ok
