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

bool store_on_server(const char *path)
{
	return engine_is_pg_target(path);
}

static const struct engine_ops *engine_for(const char *target)
{
#ifdef SAMTALE_WITH_PG
	if (engine_is_pg_target(target))
		return module_symbol(PG_MODULE, PG_ENGINE_SYMBOL);
#else
	(void)target;
#endif
	return &sqlite_engine;
}

enum sam_status store_open(const char *path, const char *user, unsigned flags,
			   struct store **out)
{
	const struct engine_ops *ops;
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
	if (!(ops = engine_for(path)))
		return SAM_ERR_IO;
	return ops->open(path, user, flags, out);
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

enum sam_status schema_newer(const struct store *st, int64_t version, int known)
{
	return sam_fail(SAM_ERR_INVALID,
			_("the database %s was made by a newer samtale (schema %d; this version knows "
			  "up to %d); update samtale"), st->path, (int)version, known);
}

enum sam_status schema_unknown(const struct store *st, int64_t version)
{
	return sam_fail(SAM_ERR_DB, _("the database %s has an unknown schema version (%lld); it is "
				       "damaged or was not made by samtale"), st->path, (long long)version);
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

bool store_read_only(struct store *st)
{
	return (st->flags & STORE_READONLY) || !st->ops->may_write(st);
}

char *store_side_dir(const struct store *st)
{
	return engine_is_pg_target(st->path) ? path_data_dir() : path_dirname(st->path);
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

/* The rows of section_counts that differ from a count of the checklist,
 * either way, as (meeting_id, section); the cases whose last_meeting is not
 * their latest meeting's date, as (id). */
#define COUNTS_OUT_OF_STEP \
	"SELECT meeting_id, section FROM (SELECT * FROM section_counts EXCEPT " \
	SECTION_COUNTS_OF_CHECKLIST ") w UNION SELECT meeting_id, section FROM (" \
	SECTION_COUNTS_OF_CHECKLIST " EXCEPT SELECT * FROM section_counts) m"
#define LAST_MEETING_OUT_OF_STEP \
	"SELECT id FROM cases WHERE last_meeting IS DISTINCT FROM " LAST_MEETING_OF("cases.id")

static enum sam_status out_of_step(struct store *st, int64_t *counts, int64_t *cases)
{
	enum sam_status status = db_query_int(st, "SELECT count(*) FROM (" COUNTS_OUT_OF_STEP ") o",
					      counts);

	return status == SAM_OK ? db_query_int(st, "SELECT count(*) FROM (" LAST_MEETING_OUT_OF_STEP
					       ") o", cases)
				: status;
}

/* What the store keeps beside the checklist and the meetings: one line per
 * kind of row out of step, saying how to mend it. */
static enum sam_status check_kept(struct store *st, bool *ok, char **report)
{
	struct strbuf sb = { 0 };
	int64_t counts = 0, cases = 0;
	enum sam_status status = out_of_step(st, &counts, &cases);

	if (status != SAM_OK)
		return status;
	strbuf_adds(&sb, *report);
	if (counts)
		strbuf_addf(&sb, sam_ngettext("the counts per section of %lld meeting and section do not "
					      "agree with its checklist; 'samtale db check --repair' "
					      "counts them again\n",
					      "the counts per section of %lld meetings and sections do not "
					      "agree with their checklists; 'samtale db check --repair' "
					      "counts them again\n", (unsigned long)counts),
			    (long long)counts);
	if (cases)
		strbuf_addf(&sb, sam_ngettext("the last meeting recorded for %lld case is not its latest; "
					      "'samtale db check --repair' sets it again\n",
					      "the last meeting recorded for %lld cases is not their latest; "
					      "'samtale db check --repair' sets them again\n",
					      (unsigned long)cases),
			    (long long)cases);
	free(*report);
	*report = strbuf_detach(&sb);
	*ok = !counts && !cases;
	return SAM_OK;
}

enum sam_status store_check(struct store *st, bool *ok, char **report)
{
	enum sam_status status = st->ops->check(st, ok, report);

	/* Counted only in a whole file: a damaged one has its answer. */
	return status == SAM_OK && *ok ? check_kept(st, ok, report) : status;
}

enum sam_status store_repair(struct store *st, int64_t *fixed)
{
	int64_t counts = 0, cases = 0;
	enum sam_status status = write_begin(st);

	*fixed = 0;
	if (status != SAM_OK)
		return status;
	if ((status = out_of_step(st, &counts, &cases)) != SAM_OK)
		return write_end(st, status);
	/* Only the rows out of step are written, so that mending one meeting
	 * does not rewrite a million rows: the wrong ones go, then what is
	 * missing is counted in. */
	if (counts && (status = db_exec(st, "DELETE FROM section_counts WHERE (meeting_id, section) IN"
					" (SELECT meeting_id, section FROM (SELECT * FROM section_counts"
					" EXCEPT " SECTION_COUNTS_OF_CHECKLIST ") w)")) == SAM_OK)
		status = db_exec(st, "INSERT INTO section_counts SELECT * FROM (" SECTION_COUNTS_OF_CHECKLIST
				 " EXCEPT SELECT * FROM section_counts) m");
	if (cases && status == SAM_OK)
		status = db_exec(st, "UPDATE cases SET last_meeting = " LAST_MEETING_OF("cases.id")
				 " WHERE id IN (" LAST_MEETING_OUT_OF_STEP ")");
	*fixed = counts + cases;
	if (status == SAM_OK && *fixed)
		status = audit_log(st, "db.repair", 0, *fixed, NULL);
	return write_end(st, status);
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
