# The texts of one shipped section file, content/<lang>/<section>.yaml, as
# the TUI tests need them, without a YAML library: the section's folded why
# as "why<TAB>SECTION<TAB>TEXT", and each item as
# "item<TAB>SECTION.ITEM<TAB>MEETINGS<TAB>TITLE<TAB>HELP" (MEETINGS comma
# separated, "*" = every meeting type: no field is empty, which read would
# run together with the next). Knows the layout the shipped files
# use (why: > at the top, help: > under an item), nothing more.
function flush() {
	if (mode == "why") print "why\t" sec "\t" body
	mode = ""
}
function item_out() {
	if (item != "") print "item\t" sec "." item "\t" (meetings == "" ? "*" : meetings) "\t" title "\t" help
	item = ""; meetings = ""; title = ""; help = ""
}
mode != "" {
	if ($0 ~ /^[[:space:]]*$/) next
	match($0, /^ */)
	if (RLENGTH > ind) {
		line = substr($0, RLENGTH + 1)
		if (mode == "why") body = body " " line; else help = help " " line
		next
	}
	flush()
}
/^id: / { sec = $2 }
/^why: >/ { mode = "why"; ind = 0; body = ""; next }
/^  - id: / { item_out(); item = $3 }
/^    text: / { title = substr($0, 11) }
/^    help: >/ { mode = "help"; ind = 4; next }
/^    meetings: / { meetings = substr($0, 15); gsub(/[][ ]/, "", meetings) }
END { flush(); item_out() }
