/* F_OFD_SETLK: a lock of the open file, not of the process, so that no
 * other descriptor of this process (SQLite's) can drop it. */
#define _GNU_SOURCE

#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "samtale/util.h"

/*
 * Store: bulk work in short steps (SPEC §5: the screens never wait on
 * another process's bulk work, and it is still all-or-nothing).
 *
 * A batch is a row of batches while it is unfinished. An import writes its
 * cases under it; an erasure marks the doomed cases with it in one short
 * transaction. Readers leave out the batch's cases (HIDDEN_CASES). The work
 * is done in steps of about STEP_MS, each a transaction of its own, with
 * STEP_PAUSE_MS between them in which the changes that waited take the
 * lock. The last step deletes the batch's row: in that commit an import's
 * cases appear, all of them at once, and an erasure is done.
 *
 * The process doing a batch holds a lock on the byte of its id in the file
 * DB-bulk, which the kernel drops when the process dies, however it dies.
 * An open that can take the lock of a batch finishes it: an erasure is
 * completed (it was decided when the cases were marked), the cases of an
 * import that never finished are removed.
 */

/* The write lock is held about this long at a time (a step ends after the
 * meeting or the erasure of a case that takes it past STEP_MS), and then
 * left free at least this long: a change waiting in busy_wait (sqlite/engine.c),
 * which polls every few milliseconds, takes it then. */
#define STEP_MS 50
#define STEP_PAUSE_MS 10

static bool in_memory(const struct store *st)
{
	return !strcmp(st->path, ":memory:");
}

/* The lock file, opened once; made (create) with the database's mode (a
 * team's is the team's, its group that of the directory). */
static int lock_fd(struct store *st, bool create)
{
	char *path;
	int fd;

	if (st->batch_fd >= 0 || in_memory(st))
		return st->batch_fd;
	path = xasprintf("%s-bulk", st->path);
	fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT && create) {
		fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, db_file_mode(st));
		if (fd >= 0 && fchmod(fd, db_file_mode(st))) {
			close(fd);
			fd = -1;
		} else if (fd < 0 && errno == EEXIST) {
			fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
		}
	}
	free(path);
	st->batch_fd = fd;
	return fd;
}

static bool set_lock(int fd, int64_t byte, short type)
{
	struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = byte, .l_len = 1 };

	return fd >= 0 && fcntl(fd, F_OFD_SETLK, &fl) == 0;
}

/* Takes the lock of batch id without waiting: false when another process
 * holds it (the batch is under way) or there is no lock file to be had.
 * Bulk work in one transaction needs none: nobody sees its batch before it
 * is done, and a crash rolls it back. */
static bool batch_lock(struct store *st, int64_t id)
{
	return in_memory(st) || !st->ops->bulk_in_steps || set_lock(lock_fd(st, true), id, F_WRLCK);
}

void batch_unlock(struct store *st, int64_t id)
{
	set_lock(st->batch_fd, id, F_UNLCK);
}

/*
 * Byte 0 of the lock file says that a change waits for the write lock:
 * each waiting process holds a shared lock on it. Bulk work that sees one
 * after a step leaves the lock free until the waiters are through (up to
 * YIELD_MS), rather than for a pause that a waiter on a busy machine,
 * woken too late, would miss again and again.
 */
#define YIELD_MS 500

void batch_waiting(struct store *st, bool waiting)
{
	if (waiting)
		set_lock(lock_fd(st, false), 0, F_RDLCK);
	else if (st->batch_fd >= 0)
		set_lock(st->batch_fd, 0, F_UNLCK);
}

static bool others_wait(struct store *st)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 1 };

	return st->batch_fd >= 0 && fcntl(st->batch_fd, F_OFD_GETLK, &fl) == 0 &&
	       fl.l_type != F_UNLCK;
}

static void yield_lock(struct store *st)
{
	int64_t until = clock_ms() + YIELD_MS;

	sleep_ms(STEP_PAUSE_MS);
	while (others_wait(st) && clock_ms() < until)
		sleep_ms(2);
}

enum sam_status batch_create(struct store *st, const char *kind, const char *action, int64_t *id)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st, "INSERT INTO batches (kind, action) VALUES (?1, ?2) RETURNING id",
					    &stmt);

	*id = 0;
	if (status != SAM_OK)
		return status;
	db_bind_str(stmt, 1, kind);
	db_bind_str(stmt, 2, action);
	status = db_insert_id(st, stmt, id);
	db_finalize(stmt);
	if (status != SAM_OK)
		return status;
	/* Locked before the commit shows the batch to anybody. */
	if (!batch_lock(st, *id))
		return sam_fail(SAM_ERR_IO, _("cannot lock %s-bulk: %s"),
				st->path, strerror(errno));
	return SAM_OK;
}

enum sam_status batch_step_open(struct store *st, int64_t *began)
{
	enum sam_status status;

	if (*began)
		return SAM_OK;
	if ((status = store_begin(st)) == SAM_OK)
		*began = clock_ms();
	return status;
}

enum sam_status batch_step_next(struct store *st, int64_t *began)
{
	enum sam_status status;

	if (!st->ops->bulk_in_steps || !*began || clock_ms() - *began < STEP_MS)
		return SAM_OK;
	*began = 0;
	st->erased = false;	/* the WAL is wiped once, after the last step */
	status = store_commit(st);
	yield_lock(st);
	return status;
}

enum sam_status batch_drain(struct store *st, int64_t batch, const char *action, int64_t *began,
			    size_t *n)
{
	struct db_stmt *next = NULL;
	enum sam_status status;
	int rc = DB_DONE;

	*n = 0;
	/* Its steps sync as an import's do: a step a power cut loses is done
	 * again by the next open. The caller's batch_finish, synchronous, puts
	 * them all on the disk. */
	st->ops->bulk_mode(st, true);
	if ((status = batch_step_open(st, began)) != SAM_OK)
		goto out;
	if ((status = db_prepare(st, "SELECT id FROM cases WHERE batch = ?1 LIMIT 1", &next)) != SAM_OK)
		goto out;
	db_bind_int(next, 1, batch);
	while (status == SAM_OK && (status = batch_step_open(st, began)) == SAM_OK &&
	       (rc = db_step(next)) == DB_ROW) {
		int64_t id = db_col_int(next, 0);

		db_reset(next);
		status = case_erase(st, id, action);
		if (status == SAM_OK) {
			(*n)++;
			status = batch_step_next(st, began);
		}
	}
	if (status == SAM_OK && rc != DB_DONE)
		status = db_error(st, rc);
	/* The last step too, so that the sync can be set again outside a
	 * transaction; the WAL is wiped once, by batch_finish. */
	if (status == SAM_OK && *began) {
		*began = 0;
		st->erased = false;
		status = store_commit(st);
	}
out:
	db_finalize(next);
	if (status != SAM_OK) {
		store_rollback(st);
		*began = 0;
	}
	st->ops->bulk_mode(st, false);
	return status;
}

enum sam_status batch_finish(struct store *st, int64_t batch, int64_t *began, bool wipe)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;

	if ((status = batch_step_open(st, began)) != SAM_OK)
		return status;
	if ((status = db_prepare(st, "DELETE FROM batches WHERE id = ?1", &stmt)) == SAM_OK) {
		db_bind_int(stmt, 1, batch);
		status = db_step_done(st, stmt);
		db_finalize(stmt);
	}
	*began = 0;
	if (status != SAM_OK) {
		store_rollback(st);
		return status;
	}
	st->erased = wipe;
	return store_commit(st);
}

void batches_resume(struct store *st)
{
	struct db_stmt *stmt = NULL;
	int64_t *ids = NULL;
	char **actions = NULL;
	size_t n = 0, cap = 0, cap2 = 0, done;

	if (db_prepare(st, "SELECT id, CASE kind WHEN 'erase' THEN action END FROM batches ORDER BY id",
		       &stmt) != SAM_OK) {
		sam_error_clear();
		return;
	}
	while (db_step(stmt) == DB_ROW) {
		ids = array_grow(ids, n, &cap, sizeof(*ids));
		actions = array_grow(actions, n, &cap2, sizeof(*actions));
		ids[n] = db_col_int(stmt, 0);
		actions[n++] = db_col_str(stmt, 1);
	}
	db_finalize(stmt);
	for (size_t i = 0; i < n; i++) {
		int64_t began = 0;

		/* A batch whose lock is held is under way in another process. */
		if (!batch_lock(st, ids[i]))
			continue;
		if (batch_drain(st, ids[i], actions[i], &began, &done) == SAM_OK)
			batch_finish(st, ids[i], &began, actions[i] && done);
		batch_unlock(st, ids[i]);
	}
	/* What is left is tried again at the next open; this one goes on. */
	sam_error_clear();
	for (size_t i = 0; i < n; i++)
		free(actions[i]);
	free(ids);
	free(actions);
}
