/* Benchmark helper: a caseworker at the keyboard while the database is under
 * load. Runs samtale's TUI in a 100x30 pseudo-terminal, opens the first case
 * on its list, starts a first meeting and then ticks items with Space, one
 * keystroke every INTERVAL ms. A keystroke counts as saved once the audit
 * line it writes can be read from the database by another connection (the
 * moment a colleague would see it); the time from writing the key to the
 * pty until then is its latency.
 *
 * Usage: tui_latency DB USER SECONDS INTERVAL_MS GO_FILE SAMTALE [ARG...]
 * Once the meeting is open it creates GO_FILE.ready, and waits for GO_FILE
 * (the load has begun) before its first keystroke; it types for SECONDS.
 * Prints one latency in milliseconds per line on stdout (-1: not saved
 * within a minute), and on stderr a line "busy N" counting the times the
 * screen said the database was busy or locked. */
#define _GNU_SOURCE
#include <poll.h>
#include <fcntl.h>
#include <pty.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SAVE_LIMIT_MS 60000
/* The one case of USER's that bench/load.sh adds, alone on the TUI's list. */
#define CASE_REF "9999-0001"

static int pty_fd = -1;
static int busy_seen;
static char tail[256];		/* the end of what was drawn, to find words cut by reads */
static char seen[1 << 16];	/* what was drawn since the last wait_text */
static size_t nseen;

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void count_busy(const char *buf, size_t n)
{
	static const char *const words[] = { "optaget", "busy", "locked", "låst" };
	char scan[sizeof(tail) + 65536];
	size_t keep = strlen(tail), total = keep + n;

	memcpy(scan, tail, keep);
	memcpy(scan + keep, buf, n);
	scan[total] = '\0';
	/* A word wholly inside the tail was counted with the read before. */
	for (size_t w = 0; w < sizeof(words) / sizeof(*words); w++)
		for (const char *p = scan; (p = strstr(p, words[w])); p++)
			if ((size_t)(p - scan) + strlen(words[w]) > keep)
				busy_seen++;
	keep = total < 15 ? total : 15;
	memcpy(tail, scan + total - keep, keep);
	tail[keep] = '\0';
	if (nseen + n >= sizeof(seen))
		nseen = 0;
	memcpy(seen + nseen, buf, n);
	nseen += n;
	seen[nseen] = '\0';
}

/* Reads what the TUI draws for up to ms milliseconds; false once it ended. */
static bool drain(int ms)
{
	char buf[65536];
	double end = now_ms() + ms;

	for (;;) {
		int left = (int)(end - now_ms());
		struct pollfd p = { .fd = pty_fd, .events = POLLIN };
		ssize_t n;

		if (poll(&p, 1, left > 0 ? left : 0) <= 0)
			return true;
		n = read(pty_fd, buf, sizeof(buf) - 1);
		if (n <= 0)
			return false;
		buf[n] = '\0';
		count_busy(buf, (size_t)n);
	}
}

/* Waits until the screen has been still for quiet_ms (at most 60 s). */
static bool settle(int quiet_ms)
{
	char buf[65536];
	double end = now_ms() + 60000;

	while (now_ms() < end) {
		struct pollfd p = { .fd = pty_fd, .events = POLLIN };
		ssize_t n;

		if (poll(&p, 1, quiet_ms) == 0)
			return true;
		n = read(pty_fd, buf, sizeof(buf) - 1);
		if (n <= 0)
			return false;
		count_busy(buf, (size_t)n);
	}
	return true;
}

/* Waits until the screen has shown text (at most a minute), then for it
 * to be still: a key typed before the TUI set up its terminal is lost. */
static bool wait_text(const char *text)
{
	double end = now_ms() + 60000;

	while (!strstr(seen, text))
		if (now_ms() > end || !drain(20))
			return false;
	nseen = 0;
	seen[0] = '\0';
	return settle(200);
}

static void key(const char *k)
{
	if (write(pty_fd, k, strlen(k)) < 0)
		perror("write");
}

static sqlite3_int64 audit_after(sqlite3 *db, const char *user, sqlite3_int64 after, int *count)
{
	sqlite3_stmt *st;
	sqlite3_int64 last = after;

	*count = 0;
	if (sqlite3_prepare_v2(db, "SELECT id, user FROM audit WHERE id > ?1 ORDER BY id", -1, &st,
			       NULL) != SQLITE_OK)
		return after;
	sqlite3_bind_int64(st, 1, after);
	while (sqlite3_step(st) == SQLITE_ROW) {
		last = sqlite3_column_int64(st, 0);
		if (!strcmp((const char *)sqlite3_column_text(st, 1), user))
			(*count)++;
	}
	sqlite3_finalize(st);
	return last;
}

/* Polls until an audit line of user's newer than *seen appears; its time in
 * ms, or -1 after SAVE_LIMIT_MS. */
static double wait_saved(sqlite3 *db, const char *user, sqlite3_int64 *seen, double t0)
{
	while (now_ms() - t0 < SAVE_LIMIT_MS) {
		int mine;

		*seen = audit_after(db, user, *seen, &mine);
		if (mine)
			return now_ms() - t0;
		if (!drain(1))
			return -1;
	}
	return -1;
}

/* Tells the load that the TUI is ready, and waits for it to begin. */
static bool ready_and_wait(const char *go)
{
	char ready[4096];
	double end = now_ms() + 600000;
	int fd;

	snprintf(ready, sizeof(ready), "%s.ready", go);
	if ((fd = open(ready, O_WRONLY | O_CREAT, 0600)) < 0) {
		perror(ready);
		return false;
	}
	close(fd);
	while (access(go, F_OK) && now_ms() < end)
		if (!drain(20))
			return false;
	return !access(go, F_OK);
}

int main(int argc, char **argv)
{
	struct winsize ws = { .ws_row = 30, .ws_col = 100 };
	sqlite3 *db;
	sqlite3_int64 last;
	int seconds, interval, status, mine;
	const char *user;
	double end;
	pid_t pid;

	if (argc < 7) {
		fprintf(stderr, "usage: tui_latency DB USER SECONDS INTERVAL_MS GO_FILE SAMTALE [ARG...]\n");
		return 2;
	}
	user = argv[2];
	seconds = atoi(argv[3]);
	interval = atoi(argv[4]);
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "tui_latency: %s: %s\n", argv[1], sqlite3_errmsg(db));
		return 1;
	}
	sqlite3_busy_timeout(db, 1000);
	pid = forkpty(&pty_fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 1;
	}
	if (pid == 0) {
		execvp(argv[6], argv + 6);
		perror(argv[6]);
		_exit(127);
	}
	last = audit_after(db, user, 0, &mine);
	/* The case list (its only case), the case, the meeting type, the meeting. */
	if (!wait_text(CASE_REF) || (key("\r"), !wait_text("profil")) ||
	    (key("m"), !wait_text("Hvilken")) || (key("\r"), wait_saved(db, user, &last, now_ms()) < 0)) {
		fprintf(stderr, "tui_latency: the TUI did not start a meeting\n");
		kill(pid, SIGTERM);
		return 1;
	}
	settle(300);
	if (!ready_and_wait(argv[5])) {
		fprintf(stderr, "tui_latency: the load did not begin\n");
		kill(pid, SIGTERM);
		return 1;
	}
	end = now_ms() + seconds * 1000.0;
	while (now_ms() < end) {
		double t0 = now_ms(), ms;

		key(" ");
		ms = wait_saved(db, user, &last, t0);
		printf("%.2f\n", ms);
		fflush(stdout);
		if (ms < 0)
			break;
		if (!drain((int)(interval - (now_ms() - t0))))
			break;
	}
	key("q");
	drain(300);
	key("q");
	drain(300);
	key("q");
	drain(500);
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	sqlite3_close(db);
	fprintf(stderr, "busy %d\n", busy_seen);
	return 0;
}
