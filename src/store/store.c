#include "samtale/store.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "samtale/util.h"
#include "store_int.h"

/*
 * Store: the handle and its transactions, whichever the engine
 */

bool engine_is_pg_target(const char *target)
{
	return !strncmp(target, "postgresql://", 13) || !strncmp(target, "postgres://", 11);
}

static const struct engine_ops *engine_for(const char *target)
{
#ifdef SAMTALE_WITH_PG
	if (engine_is_pg_target(target))
		return &pg_engine;
#else
	(void)target;
#endif
	return &sqlite_engine;
}

enum sam_status store_open(const char *path, const char *user, unsigned flags,
			   struct store **out)
{
	enum sam_status status;

	*out = NULL;
	if (str_empty(path))
		return sam_fail(SAM_ERR_INVALID, "%s", _("no database given"));
#ifndef SAMTALE_WITH_PG
	if (engine_is_pg_target(path))
		return sam_fail(SAM_ERR_INVALID, "%s",
				_("this samtale was built without PostgreSQL; use a database file"));
#endif
	if ((status = check_label(_("the user name"), user, NAME_MAX_BYTES)) != SAM_OK)
		return status;
	return engine_for(path)->open(path, user, flags, out);
}

void store_init_common(struct store *st, const struct engine_ops *ops, const char *path,
		       const char *user, unsigned flags)
{
	st->ops = ops;
	st->path = xstrdup(path);
	st->user = xstrdup(user);
	st->flags = flags;
	st->batch_fd = -1;
}

void store_free_common(struct store *st)
{
	free(st->path);
	free(st->user);
}

void store_close(struct store *st)
{
	if (!st)
		return;
	store_rollback(st);
	st->ops->close(st);
}

const char *store_user(const struct store *st)
{
	return st->user;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

const char *store_engine(const struct store *st)
{
	return st->ops->name;
}

int64_t clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void sleep_ms(unsigned ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts))
		;
}

void store_set_wait_hook(struct store *st, store_wait_fn *fn, void *ctx)
{
	st->wait_fn = fn;
	st->wait_ctx = ctx;
}

/*
 * Transactions: a change is its own transaction, or a savepoint inside
 * store_begin()'s.
 */

enum sam_status write_begin(struct store *st)
{
	if (st->flags & STORE_READONLY)
		return sam_fail(SAM_ERR_INVALID, "%s", _("the database was opened read-only"));
	if (st->in_tx)
		return db_exec(st, "SAVEPOINT w");
	return st->ops->begin(st);
}

enum sam_status write_end(struct store *st, enum sam_status status)
{
	if (st->in_tx) {
		if (status != SAM_OK)
			st->ops->exec(st, "ROLLBACK TO SAVEPOINT w");
		st->ops->exec(st, "RELEASE SAVEPOINT w");
		return status;
	}
	if (status != SAM_OK) {
		st->ops->rollback(st);
		st->erased = false;
		return status;
	}
	return st->ops->commit(st);
}

enum sam_status store_begin(struct store *st)
{
	enum sam_status status;

	if (st->in_tx)
		return sam_error("store_begin: a transaction is already open");
	status = write_begin(st);
	if (status == SAM_OK)
		st->in_tx = true;
	return status;
}

enum sam_status store_commit(struct store *st)
{
	if (!st->in_tx)
		return sam_error("store_commit: no transaction is open");
	st->in_tx = false;
	return st->ops->commit(st);
}

void store_rollback(struct store *st)
{
	if (!st || !st->in_tx)
		return;
	st->in_tx = false;
	st->erased = false;
	st->ops->rollback(st);
}

/*
 * The database as a whole
 */

enum sam_status store_backup(struct store *st, const char *dest, bool force)
{
	return st->ops->backup(st, dest, force);
}

enum sam_status store_check(struct store *st, bool *ok, char **report)
{
	return st->ops->check(st, ok, report);
}

enum sam_status store_has_cases(struct store *st, bool *yes)
{
	int64_t n = 0;
	enum sam_status status = db_query_int(st, "SELECT count(*) FROM (SELECT 1 FROM cases LIMIT 1) c", &n);

	*yes = n != 0;
	return status;
}

/* The mark is an audit line of the database itself (no case), where
 * audit(case_id) finds it among the few such lines. */
enum sam_status store_mark_demo(struct store *st)
{
	enum sam_status status = write_begin(st);

	return status == SAM_OK ? write_end(st, audit_log(st, "db.demo", 0, 0, NULL)) : status;
}

enum sam_status store_is_demo(struct store *st, bool *yes)
{
	int64_t n = 0;
	enum sam_status status = db_query_int(st, "SELECT count(*) FROM (SELECT 1 FROM audit "
						  "WHERE case_id IS NULL AND action = 'db.demo' LIMIT 1) d",
					      &n);

	*yes = n != 0;
	return status;
}
