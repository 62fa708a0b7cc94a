#!/bin/bash
# Every sentence of the shipped why and help texts can be brought on screen
# at 80x24: the pane under the checklist scrolls with PgDn, says "↓ mere"
# while there is more and is never cut without it. The texts, and the last
# two words of each of their sentences, are read from content/da/*.yaml.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tui.inc"

DB=$(test_db db)
W=60
CONTENT=$SOURCE_DIR/content/da

read -r -a SECTIONS <<<"$(sed -n 's/^sections: *\[\(.*\)\]/\1/p' "$CONTENT/guide.yaml" | tr -d ',')"
for sec in "${SECTIONS[@]}"; do
	awk -f "$SOURCE_DIR/tests/tui/content_texts.awk" "$CONTENT/$sec.yaml"
done >"$T/texts"
[ "$(grep -c '^why' "$T/texts")" = "${#SECTIONS[@]}" ] || fail "a section without its why: $(cat "$T/texts")"
[ "$(grep -c '^item' "$T/texts")" -ge 12 ] || fail "the items were not read: $(cat "$T/texts")"

# sentence_ends TEXT: the last two words of each sentence, one a line.
sentence_ends() {
	local -a w
	read -r -a w <<<"$1"
	for ((i = 1; i < ${#w[@]}; i++)); do
		case "${w[i]}" in *[.!?:] | *[.!?:][«»\)]) echo "${w[i - 1]} ${w[i]}" ;; esac
	done
	echo "${w[-2]} ${w[-1]}"
}

# read_item TITLE: selects the item, then pages its pane to the end; SEEN
# is then what its screens said, on one line, spaces squeezed.
read_item() {
	local title=${1:0:40} prev page pages
	tui_wait_cursor "$title" $W
	page=$(tui_screen)
	pages=$page
	while [[ $page == *"↓ mere (PgDn)"* ]]; do
		prev=$page
		tui_keys PgDn
		for ((i = 0; i < W * 20; i++)); do
			page=$(tui_screen)
			[ "$page" != "$prev" ] && break
			sleep 0.05
		done
		[ "$page" != "$prev" ] || fail "PgDn did not scroll [$title]: $page"
		pages+=" $page"
	done
	SEEN=$(tr -s '\n ' '  ' <<<"$pages")
}

# check_item ID HELP: every sentence of its help and of its section's why was shown.
check_item() {
	local id=$1 end
	while read -r end; do
		assert_contains "$SEEN" "$end" "the screens of $id"
	done < <(sentence_ends "${WHY[${id%%.*}]}"; sentence_ends "$2")
}

# walk TYPE KEY: opens a meeting of TYPE (KEY picks it) and reads every
# item not read in an earlier walk.
declare -A READ
walk() {
	local type=$1 n=0
	tui_keys m
	tui_wait "Hvilken slags samtale?" $W
	tui_keys "$2"
	tui_wait "Afsnit 1/" $W
	while IFS=$'\t' read -r -u 3 kind id meetings title help; do
		[ "$kind" = item ] || continue
		case ",$meetings," in *",$type,"* | ",*,") ;; *) continue ;; esac
		[ $n -gt 0 ] && tui_keys Down
		n=$((n + 1))
		if [ -n "${READ[$id]:-}" ]; then
			tui_wait_cursor "${title:0:40}" $W
			continue
		fi
		read_item "$title"
		check_item "$id" "$help"
		READ[$id]=1
	done 3<"$T/texts"	# not on stdin, which tmux reads
	[ $n -gt 0 ] || fail "no items for $type"
	tui_keys q
	tui_wait "Sag 2026-0117" $W
}

declare -A WHY
while IFS=$'\t' read -r kind sec text; do
	[ "$kind" = why ] && WHY[$sec]=$text
done <"$T/texts"

tui_one_case 80 24
tui_keys Enter
tui_wait "Ingen samtaler endnu" $W
walk foerste 1			# every item but those of an internship
walk foer-praktik 3		# and those
[ ${#READ[@]} = "$(grep -c '^item' "$T/texts")" ] || fail "items not read: ${!READ[*]}"
tui_keys q
tui_wait "Hvad blev I enige om?" $W
tui_keys Escape
tui_wait "Sager (1)" $W
tui_keys q
tui_expect_exit 0 $W
