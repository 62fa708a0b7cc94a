# shellcheck shell=bash
# What bench/run.sh and bench/pg.sh share: sourced by both, with BENCH (this
# directory), SRC and WORK set.

say() { printf 'bench: %s\n' "$*" >&2; }

# build_samtale: samtale and its modules in Release mode, in $WORK/build.
build_samtale() {
	say "building samtale (Release) and the anchors in $WORK"
	mkdir -p "$WORK"
	cmake -S "$SRC" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release -DSAMTALE_TESTS=OFF >/dev/null
	cmake --build "$WORK/build" -j"$(nproc)" --target samtale >/dev/null
}

# build_anchor NAME [PACKAGE...]: bench/NAME.c as $WORK/NAME, with the
# pkg-config packages it uses (the pty helpers need libutil besides).
build_anchor() {
	local name=$1 flags=()

	shift
	[ $# -eq 0 ] || read -ra flags <<<"$(pkg-config --cflags --libs "$@")"
	cc -O2 -o "$WORK/$name" "$BENCH/$name.c" "${flags[@]}" -lutil
}
