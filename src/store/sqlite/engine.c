#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "samtale/util.h"
#include "sqlite_int.h"

/*
 * The SQLite engine: statements, errors, waiting for the lock, transactions
 */

/* An erasure waits this long for a colleague's read to end (an export of
 * thousands of cases takes seconds); an open, which must not keep a
 * caseworker waiting, only briefly. */
#define WIPE_TIMEOUT_MS 10000
#define WIPE_AT_OPEN_MS 300

struct sqlite_stmt {
	struct db_stmt base;
	sqlite3_stmt *s;
};

static sqlite3_stmt *raw(struct db_stmt *s)
{
	return ((struct sqlite_stmt *)s)->s;
}

static int sq_prepare(struct store *st, const char *sql, struct db_stmt **out)
{
	struct sqlite_stmt *s = xcalloc(1, sizeof(*s));
	int rc = sqlite3_prepare_v2(sqlite_of(st)->db, sql, -1, &s->s, NULL);

	*out = NULL;
	if (rc != SQLITE_OK) {
		free(s);
		return rc;
	}
	s->base.ops = st->ops;
	s->base.st = st;
	*out = &s->base;
	return 0;
}

static int sq_exec(struct store *st, const char *sql)
{
	return sqlite3_exec(sqlite_of(st)->db, sql, NULL, NULL, NULL);
}

static void sq_bind_int(struct db_stmt *s, int idx, int64_t v)
{
	sqlite3_bind_int64(raw(s), idx, v);
}

static void sq_bind_str(struct db_stmt *s, int idx, const char *v)
{
	if (v)
		sqlite3_bind_text(raw(s), idx, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(raw(s), idx);
}

static int sq_param_index(struct db_stmt *s, const char *name)
{
	return sqlite3_bind_parameter_index(raw(s), name);
}

static int sq_step(struct db_stmt *s)
{
	int rc = sqlite3_step(raw(s));

	return rc == SQLITE_ROW ? DB_ROW : rc == SQLITE_DONE ? DB_DONE : rc;
}

static int64_t sq_col_int(struct db_stmt *s, int col)
{
	return sqlite3_column_int64(raw(s), col);
}

static const char *sq_col_text(struct db_stmt *s, int col)
{
	return (const char *)sqlite3_column_text(raw(s), col);
}

static int sq_col_count(struct db_stmt *s)
{
	return sqlite3_column_count(raw(s));
}

static void sq_reset(struct db_stmt *s)
{
	sqlite3_reset(raw(s));
}

static void sq_clear_bindings(struct db_stmt *s)
{
	sqlite3_clear_bindings(raw(s));
}

static void sq_finalize(struct db_stmt *s)
{
	sqlite3_finalize(raw(s));
	free(s);
}

static int64_t sq_changes(struct store *st)
{
	return sqlite3_changes64(sqlite_of(st)->db);
}

/*
 * Errors
 */

enum sam_status sqlite_error(struct store *st, int rc)
{
	const char *path = st && st->path ? st->path : "";

	int e = st && sqlite_of(st)->db ? sqlite3_system_errno(sqlite_of(st)->db) : 0;

	/* SQLite reports a full disk as SQLITE_FULL only for the database file;
	 * for its WAL and shared memory files it is an I/O error of ENOSPC. */
	if ((rc & 0xff) == SQLITE_FULL ||
	    (((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN) &&
	     (e == ENOSPC || e == EDQUOT)))
		return sam_fail(SAM_ERR_IO, _("the disk holding %s is full; nothing was changed"), path);
	switch (rc & 0xff) {
	case SQLITE_READONLY:
		if (st && (st->flags & STORE_READONLY))
			return sam_fail(SAM_ERR_IO, _("cannot read the database %s: SQLite needs to create "
						       "%s-wal and %s-shm beside it, but the directory is "
						       "read-only"), path, path, path);
		return sam_fail(SAM_ERR_IO, _("the database %s is read-only; the change was not saved"),
				path);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return sam_fail(SAM_ERR_BUSY, _("the database %s is busy elsewhere; try again in a moment"),
				path);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return sam_fail(SAM_ERR_DB, _("%s is not a samtale database, or it is damaged "
					       "(try 'samtale db check' and a backup)"), path);
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return sam_fail(SAM_ERR_IO, _("cannot open the database %s: %s"), path,
				e ? strerror(e) : _("permission denied"));
	case SQLITE_IOERR:
		return sam_fail(SAM_ERR_IO, _("input/output error in the database %s: %s"), path,
				e ? strerror(e) : sqlite3_errstr(rc));
	case SQLITE_CONSTRAINT:
		return sam_fail(SAM_ERR_INVALID, _("the change breaks a rule of the database (%s)"),
				st && sqlite_of(st)->db ? sqlite3_errmsg(sqlite_of(st)->db) : sqlite3_errstr(rc));
	case SQLITE_NOMEM:
		/* Also what SQLite says of some damaged schemas: a message, not abort. */
		return sam_fail(SAM_ERR_DB, _("SQLite ran out of memory in the database %s; is it damaged? "
					       "(try 'samtale db check' and a backup)"), path);
	}
	return sam_fail(SAM_ERR_DB, _("database error in %s: %s"), path,
			st && sqlite_of(st)->db ? sqlite3_errmsg(sqlite_of(st)->db) : sqlite3_errstr(rc));
}

/*
 * Waiting for the lock
 */

/* SQLite's busy handler: waits in short polls, so that a change takes the
 * lock in the pause between two steps of bulk work (batch.c), and tells
 * the waiting screen (store_set_wait_hook) how long it has waited. A
 * screen's change polls every millisecond, other changes less often: of
 * all the processes waiting for the lock, the one whose caseworker is
 * typing gets it first when it comes free. */
static int busy_wait(void *ctx, int count)
{
	struct store *st = ctx;
	int64_t now = clock_ms();

	if (count == 0) {
		st->wait_start = now;
		batch_waiting(st, true);
	}
	if (now - st->wait_start >= BUSY_LIMIT_MS)
		return 0;
	st->waited = true;
	if (st->wait_fn)
		st->wait_fn(st->wait_ctx, (unsigned)(now - st->wait_start));
	sqlite3_sleep(st->wait_fn ? 1 : count < 20 ? 2 : 10);
	return 1;
}

static void wait_over(struct store *st)
{
	if (st->waited)
		batch_waiting(st, false);
	if (st->waited && st->wait_fn)
		st->wait_fn(st->wait_ctx, 0);
	st->waited = false;
}

void sqlite_wait_busy(struct store *st)
{
	sqlite3_busy_handler(sqlite_of(st)->db, busy_wait, st);
}

/*
 * Transactions
 */

/* BEGIN IMMEDIATE takes the write lock at once, so a transaction never has
 * to give up half-way for a lock it could not upgrade. It waits in
 * busy_wait up to BUSY_LIMIT_MS. */
enum sam_status sqlite_begin(struct store *st)
{
	int rc = sqlite3_exec(sqlite_of(st)->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

	wait_over(st);
	return rc == SQLITE_OK ? SAM_OK : sqlite_error(st, rc);
}

/* The mark beside the database that an erasure is not yet wiped from its
 * files; the next open finishes it. Caller frees. */
static char *wipe_mark(const struct store *st)
{
	return xasprintf("%s-wipe", st->path);
}

/* Writes the whole WAL back into the database and truncates it, waiting up
 * to ms for readers whose snapshot still needs the old pages. It tries
 * without SQLite's busy handler, which would keep every writer out while
 * it waits: a colleague's change goes on between the tries. The pages are
 * copied without the write lock (PASSIVE); only once they all are does the
 * truncating checkpoint take the lock, with nothing left to copy and sync
 * while it holds it: under a load of writes that copy and its sync kept
 * every colleague's change waiting, again and again while readers held the
 * truncation back. */
static bool checkpoint_all(struct store *st, int ms, int *log, int *ckpt)
{
	sqlite3 *db = sqlite_of(st)->db;
	int64_t until = clock_ms() + ms;
	bool done;

	sqlite3_busy_handler(db, NULL, NULL);
	for (;;) {
		*log = *ckpt = -1;
		done = sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_PASSIVE, log, ckpt) ==
			       SQLITE_OK && *log == *ckpt &&
		       sqlite3_wal_checkpoint_v2(db, "main", SQLITE_CHECKPOINT_TRUNCATE, log, ckpt) ==
			       SQLITE_OK && *log == *ckpt;
		if (done || clock_ms() >= until)
			break;
		sqlite3_sleep(20);
	}
	sqlite3_busy_handler(db, busy_wait, st);
	return done;
}

/* Overwrites what an erasure left behind: secure_delete zeroes the pages in
 * the new WAL frames, but the database file keeps the old pages, and older
 * frames the old text, until the WAL is checkpointed and truncated. A
 * colleague's open read (a TUI, an export) holds that back; when it
 * outlasts the wait, the mark makes the next open finish the job. */
static enum sam_status wipe_wal(struct store *st)
{
	char *mark;
	int log, ckpt;
	bool created;

	st->erased = false;
	if (checkpoint_all(st, WIPE_TIMEOUT_MS, &log, &ckpt))
		return SAM_OK;
	mark = wipe_mark(st);
	sqlite_create_file(mark, db_file_mode(st), (gid_t)-1, &created);
	free(mark);
	return sam_fail(SAM_ERR_PENDING,
			_("another samtale is reading the database, so the erased data is still in %s "
			   "and %s-wal (%d of the WAL's %d pages are not written back); it is overwritten "
			   "the next time samtale opens the database, once the other one is done"),
			st->path, st->path, log > ckpt ? log - ckpt : 0, log > 0 ? log : 0);
}

/* An erasure that a reader held back: finished now when the readers allow
 * it. The mark goes first, so that an erasure failing meanwhile leaves its own. */
void sqlite_finish_wipe(struct store *st)
{
	char *mark = wipe_mark(st);
	int log, ckpt;
	bool created;

	if (!unlink(mark) && !checkpoint_all(st, WIPE_AT_OPEN_MS, &log, &ckpt))
		sqlite_create_file(mark, db_file_mode(st), (gid_t)-1, &created);
	free(mark);
}

enum sam_status sqlite_commit(struct store *st)
{
	int rc = sqlite3_exec(sqlite_of(st)->db, "COMMIT", NULL, NULL, NULL);

	if (rc != SQLITE_OK) {
		enum sam_status status = sqlite_error(st, rc);

		if (!sqlite3_get_autocommit(sqlite_of(st)->db))
			sqlite3_exec(sqlite_of(st)->db, "ROLLBACK", NULL, NULL, NULL);
		st->erased = false;
		return status;
	}
	return st->erased ? wipe_wal(st) : SAM_OK;
}

void sqlite_rollback(struct store *st)
{
	sqlite3_exec(sqlite_of(st)->db, "ROLLBACK", NULL, NULL, NULL);
}

static enum sam_status sqlite_begin_read(struct store *st)
{
	return db_exec(st, "BEGIN");
}

static bool sqlite_may_write(struct store *st)
{
	return sqlite3_db_readonly(sqlite_of(st)->db, "main") == 0;
}

/* Bulk writing syncs once a step, not once a row: a step is all-or-nothing
 * under its batch (batch.c) whichever commit reached the disk. */
static void sqlite_bulk_mode(struct store *st, bool on)
{
	sq_exec(st, on ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=FULL");
}

const struct engine_ops sqlite_engine = {
	.name = "sqlite",
	.open = sqlite_open,
	.close = sqlite_close,
	.prepare = sq_prepare,
	.exec = sq_exec,
	.bind_int = sq_bind_int,
	.bind_str = sq_bind_str,
	.step = sq_step,
	.col_int = sq_col_int,
	.col_text = sq_col_text,
	.col_count = sq_col_count,
	.param_index = sq_param_index,
	.reset = sq_reset,
	.clear_bindings = sq_clear_bindings,
	.finalize = sq_finalize,
	.changes = sq_changes,
	.error = sqlite_error,
	.begin = sqlite_begin,
	.commit = sqlite_commit,
	.rollback = sqlite_rollback,
	.begin_read = sqlite_begin_read,
	.may_write = sqlite_may_write,
	.bulk_in_steps = true,
	.bulk_mode = sqlite_bulk_mode,
	.backup = sqlite_backup,
	.check = sqlite_check,
};
