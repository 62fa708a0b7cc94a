# Shared helpers for the command-line and TUI tests. Source it first:
#   . "$(dirname "$0")/../lib.sh"
# ctest sets SAMTALE_BIN and SOURCE_DIR; run by hand, they default to the
# gcc build and the source tree.
set -euo pipefail

SOURCE_DIR=${SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
SAMTALE_BIN=${SAMTALE_BIN:-$SOURCE_DIR/build/gcc/samtale}
T=$(mktemp -d "${TMPDIR:-/tmp}/samtale-test.XXXXXX")
TMUX_SOCKET="samtale-test-$$"

export HOME="$T/home" XDG_DATA_HOME="$T/home/.local/share" XDG_CONFIG_HOME="$T/home/.config"
export SAMTALE_CONTENT="$SOURCE_DIR/content" SAMTALE_TODAY=${SAMTALE_TODAY:-2026-03-01}
export TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8 NO_COLOR=${NO_COLOR:-}
unset SAMTALE_DB VISUAL LANGUAGE LC_MESSAGES SAMTALE_LANG
mkdir -p "$HOME"

# The engine under test: sqlite (always), or pg when ctest runs the script
# again inside pg_virtualenv (tests/CMakeLists.txt, label pg), which gives
# a throwaway cluster in PGHOST/PGPORT/PGUSER.
ENGINE=${SAMTALE_TEST_ENGINE:-sqlite}

# cleanup [STATUS]: the end of every script (the EXIT trap). A script's
# own trap does its part first, then calls cleanup with the status it was
# given: the commands in between would leave theirs in $?.
cleanup() {
	local status=${1:-$?}
	tmux -L "$TMUX_SOCKET" kill-server 2>/dev/null || true
	# A script run again on PostgreSQL that never asked test_db for a
	# database tested SQLite twice: that is not a pass.
	if [ "$ENGINE" = pg ] && [ "$status" = 0 ] && [ ! -e "$T/.engine_used" ]; then
		echo "FAIL: run on PostgreSQL, but no database came from test_db" >&2
		status=1
	fi
	if [ "$ENGINE" = pg ]; then
		local d
		for d in $(psql -X -A -t -c "SELECT datname FROM pg_database WHERE datname LIKE 't\_$$\_%'" postgres 2>/dev/null); do
			dropdb --if-exists --force "$d" 2>/dev/null || true
		done
		# test_db's teams, and any role of a script's named t_PID_...
		for d in $(psql -X -A -t -c "SELECT rolname FROM pg_roles WHERE rolname LIKE 't\_$$\_%'" postgres 2>/dev/null); do
			psql -X -q -c "DROP ROLE IF EXISTS $d" postgres 2>/dev/null || true
		done
	fi
	rm -rf "$T"
	exit "$status"
}
trap cleanup EXIT

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# need_others_run_samtale: as root, skip (77) a test whose other users run
# the binary under test when they cannot reach it (a build in a directory
# only root may enter, such as a package built in a private temporary one).
need_others_run_samtale() {
	setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$SAMTALE_BIN" || {
		echo "SKIP: other users cannot run $SAMTALE_BIN (a parent directory is closed to them)"
		exit 77
	}
}

if [ "$ENGINE" = pg ] && ! psql -X -q -c 'SELECT 1' postgres >/dev/null 2>&1; then
	echo "SKIP: no PostgreSQL cluster to test against (run under pg_virtualenv)"
	exit 77
fi

# test_db [NAME]: a new, empty database for the engine under test: a file
# path in $T, or a PostgreSQL database of its own (t_PID_NAME), dropped at
# the end, as are the cluster's roles named t_PID_... (its team, and those
# a script makes).
test_db() {
	local name=${1:-db}
	: >"$T/.engine_used"
	if [ "$ENGINE" = pg ]; then
		local pgname
		pgname="t_$$_${name//[^a-z0-9]/_}"
		createdb "$pgname" || fail "createdb $pgname"
		# The schema, and the tester in a team of her own (README: teams).
		"$SAMTALE_BIN" --db "postgresql:///$pgname" db init >/dev/null || fail "db init $pgname"
		psql -X -q -v ON_ERROR_STOP=1 -c "CREATE ROLE ${pgname}_team NOLOGIN;
			INSERT INTO samtale.teams (name) VALUES ('${pgname}_team');
			GRANT ${pgname}_team TO current_user" "$pgname" >/dev/null || fail "a team in $pgname"
		echo "postgresql:///$pgname"
	else
		echo "$T/$name"
	fi
}

# sqlite_only: a test of the SQLite engine's own files (modes, the WAL,
# backups, fixtures) is skipped on PostgreSQL.
sqlite_only() {
	if [ "$ENGINE" != sqlite ]; then
		echo "SKIP: a test of SQLite's files"
		exit 77
	fi
}

# samtale ARGS...: the binary under test.
samtale() {
	"$SAMTALE_BIN" "$@"
}

# assert_eq EXPECTED ACTUAL [WHAT]
assert_eq() {
	[ "$1" = "$2" ] || fail "${3:-value}: expected [$1], got [$2]"
}

# assert_contains HAYSTACK NEEDLE [WHAT]
assert_contains() {
	case "$1" in *"$2"*) ;; *) fail "${3:-output} does not contain [$2]: $1" ;; esac
}

assert_not_contains() {
	case "$1" in *"$2"*) fail "${3:-output} contains [$2]: $1" ;; *) ;; esac
}

# expect_status N CMD...: runs CMD, fails unless it exits with status N.
# Its stdout and stderr are left in $T/out and $T/err.
expect_status() {
	local want=$1 got=0
	shift
	"$@" >"$T/out" 2>"$T/err" || got=$?
	[ "$got" = "$want" ] || fail "'$*' exited $got, expected $want; stderr: $(cat "$T/err")"
}

# sql DB QUERY: one query through the engine's own shell (sqlite3, psql),
# rows as "a|b".
sql() {
	case $1 in
	postgres://* | postgresql://*)
		PGOPTIONS="-c search_path=samtale" psql -X -q -A -t -v ON_ERROR_STOP=1 "$1" -c "$2" ;;
	*) sqlite3 -batch -noheader "$1" "$2" ;;
	esac
}

# db_holds DB WORD: whether the database's files still hold WORD: the file
# or its WAL on SQLite; on PostgreSQL the files of its database in the
# cluster after a checkpoint (the cluster's WAL is the server's, as a
# backup is), skipped (77) where the server's files cannot be read.
db_holds() {
	case $1 in
	postgres://* | postgresql://*)
		local dir
		psql -X -q -c CHECKPOINT postgres >/dev/null || fail "CHECKPOINT before looking in the files"
		dir=$(psql -X -A -t -c "SELECT current_setting('data_directory') || '/base/' || oid
			FROM pg_database WHERE datname = '${1##*/}'" postgres)
		if [ ! -r "$dir" ]; then
			echo "SKIP: the server's files ($dir) cannot be read here"
			exit 77
		fi
		grep -rqa -- "$2" "$dir" ;;
	*) grep -qa -- "$2" "$1" "$1-wal" 2>/dev/null ;;
	esac
}

# A query beneath the store that begins with $WITH_ITEMS reads "items": one
# row per item of a meeting, with its ids, wording and state as words (the
# checklist and the tables it refers to, store/db.c).
WITH_ITEMS="WITH items AS (SELECT c.meeting_id, i.key AS item_id, s.key AS section_id, c.position,
 w.text, CASE c.state WHEN 1 THEN 'done' WHEN 2 THEN 'not_relevant' ELSE 'open' END AS state, c.note
 FROM checklist c JOIN wordings w ON w.id = c.wording JOIN item_keys i ON i.id = w.item
 JOIN section_keys s ON s.id = i.section)"

# add_item_sql MEETING POSITION ITEM SECTION TEXT STATE NOTE: SQL that gives
# a meeting an item beneath the store as the store holds it; STATE is a
# word, NOTE is SQL ('...' or NULL). The wording's hash is left 0: the store
# does not find such a wording, and adds its own when it needs one. The
# wording just added is the newest (max(id)), in either engine's shell.
add_item_sql() {
	printf "INSERT INTO section_keys (key) VALUES ('%s') ON CONFLICT DO NOTHING;
INSERT INTO item_keys (key, section) SELECT '%s', id FROM section_keys WHERE key = '%s' ON CONFLICT DO NOTHING;
INSERT INTO wordings (item, hash, text) SELECT id, 0, '%s' FROM item_keys WHERE key = '%s';
INSERT INTO checklist (meeting_id, position, wording, state, note) VALUES (%s, %s, (SELECT max(id) FROM wordings),
 CASE '%s' WHEN 'done' THEN 1 WHEN 'not_relevant' THEN 2 ELSE 0 END, %s);\n" \
		"$4" "$3" "$4" "$5" "$3" "$1" "$2" "$6" "$7"
}

#
# TUI: samtale in a detached tmux session of a fixed size.
#

# tui_start COLS ROWS ARGS...: starts samtale in tmux.
tui_start() {
	local cols=$1 rows=$2
	shift 2
	# remain-on-exit from the start, so that a quick exit still leaves its status.
	printf 'set -g remain-on-exit on\nset -g status off\n' >"$T/tmux.conf"
	tmux -L "$TMUX_SOCKET" -f "$T/tmux.conf" new-session -d -s t -x "$cols" -y "$rows" \
		env TERM=xterm-256color HOME="$HOME" XDG_DATA_HOME="$XDG_DATA_HOME" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
		SAMTALE_CONTENT="$SAMTALE_CONTENT" SAMTALE_TODAY="$SAMTALE_TODAY" TZ=UTC \
		LC_ALL=C.UTF-8 LANG=C.UTF-8 ${NO_COLOR:+NO_COLOR=1} \
		${PGHOST:+PGHOST="$PGHOST"} ${PGPORT:+PGPORT="$PGPORT"} ${PGUSER:+PGUSER="$PGUSER"} \
		${PGPASSWORD:+PGPASSWORD="$PGPASSWORD"} \
		ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
		"$SAMTALE_BIN" "$@"
}

tui_keys() {
	tmux -L "$TMUX_SOCKET" send-keys -t t "$@"
}

# tui_type TEXT: types literal text (UTF-8 included).
tui_type() {
	tmux -L "$TMUX_SOCKET" send-keys -t t -l "$1"
}

tui_screen() {
	tmux -L "$TMUX_SOCKET" capture-pane -p -t t
}

# tui_wait TEXT [SECONDS]: polls the screen until TEXT shows (no fixed sleeps).
tui_wait() {
	local text=$1 limit=${2:-20} i
	for ((i = 0; i < limit * 20; i++)); do
		tui_screen | grep -qF -- "$text" && return 0
		sleep 0.05
	done
	fail "screen never showed [$text]; it shows:
$(tui_screen)"
}

tui_wait_gone() {
	local text=$1 limit=${2:-20} i
	for ((i = 0; i < limit * 20; i++)); do
		tui_screen | grep -qF -- "$text" || return 0
		sleep 0.05
	done
	fail "screen still shows [$text]"
}

tui_resize() {
	tmux -L "$TMUX_SOCKET" resize-window -t t -x "$1" -y "$2"
}

# tui_pid: the process id of samtale in the pane.
tui_pid() {
	tmux -L "$TMUX_SOCKET" display-message -p -t t '#{pane_pid}'
}

# tui_dead: true once samtale has exited; tui_status then is its exit status.
tui_dead() {
	[ "$(tmux -L "$TMUX_SOCKET" display-message -p -t t '#{pane_dead}')" = 1 ]
}

# tmux records the status a moment after the pane dies: poll for it.
tui_status() {
	local i s
	for ((i = 0; i < 100; i++)); do
		s=$(tmux -L "$TMUX_SOCKET" display-message -p -t t '#{pane_dead_status}')
		[ -n "$s" ] && break
		sleep 0.05
	done
	echo "$s"
}

tui_wait_exit() {
	local i
	for ((i = 0; i < 600; i++)); do
		tui_dead && return 0
		sleep 0.05
	done
	fail "samtale did not exit ($(tmux -L "$TMUX_SOCKET" display-message -p -t t 'dead=#{pane_dead} pid=#{pane_pid} cmd=#{pane_current_command}' 2>&1)); screen:
$(tui_screen)"
}
