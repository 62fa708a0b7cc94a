#!/bin/bash
# The guide ends when its terminal goes away without a hangup signal (a
# terminal that is not its controlling one, or a SIGHUP that never comes):
# reads then return end of file or an error at once, and samtale must exit
# instead of spinning on them with the database open.
. "$(dirname "$0")/../lib.sh"

command -v python3 >/dev/null || { echo "SKIP: needs python3"; exit 77; }
DB=$(test_db db)
samtale --db "$DB" --user mette case add 2026-0117 --initials AB >/dev/null

# pty_run LIMIT ARGS...: samtale on a pseudo-terminal in a session of its
# own (so the terminal is not its controlling one and no SIGHUP comes); once
# the case list shows, the terminal is closed. Prints samtale's exit status,
# or "running" when it is still running LIMIT seconds later.
python3 - "$SAMTALE_BIN" "$DB" <<'PY' >"$T/result"
import fcntl, os, pty, select, signal, struct, sys, termios, time
binary, db = sys.argv[1], sys.argv[2]
master, slave = pty.openpty()
fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
pid = os.fork()
if pid == 0:
    os.setsid()
    for fd in (0, 1, 2):
        os.dup2(slave, fd)
    os.close(master)
    os.close(slave)
    env = dict(os.environ, TERM="xterm-256color")
    os.execve(binary, [binary, "--db", db, "--user", "mette"], env)
os.close(slave)
seen, deadline = b"", time.monotonic() + 60
while b"2026-0117" not in seen and time.monotonic() < deadline:
    if select.select([master], [], [], 0.5)[0]:
        try:
            seen += os.read(master, 65536)
        except OSError:
            break
if b"2026-0117" not in seen:
    print("never drew the case list:", seen[-300:])
    os.kill(pid, signal.SIGKILL)
    sys.exit(0)
os.close(master)
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        print("exited", os.waitstatus_to_exitcode(status))
        sys.exit(0)
    time.sleep(0.05)
print("running")
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
PY
result=$(cat "$T/result")
case $result in
exited*) ;;
*) fail "samtale with its terminal gone: $result" ;;
esac
# Nothing was lost or left locked: the database is whole and writable.
expect_status 0 samtale --db "$DB" db check
expect_status 0 samtale --db "$DB" case add 2026-0118
