#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"
#include "store_int.h"

/*
 * Store: statements, through the engine (engine.h)
 */

enum sam_status db_error(struct store *st, int rc)
{
	if (rc == DB_DAMAGED)
		return sam_fail(SAM_ERR_DB, _("%s is not a samtale database, or it is damaged "
					       "(try 'samtale db check' and a backup)"), st->path);
	return st->ops->error(st, rc);
}

enum sam_status db_exec(struct store *st, const char *sql)
{
	int rc = st->ops->exec(st, sql);

	return rc ? db_error(st, rc) : SAM_OK;
}

enum sam_status db_prepare(struct store *st, const char *sql, struct db_stmt **out)
{
	int rc = st->ops->prepare(st, sql, out);

	return rc ? db_error(st, rc) : SAM_OK;
}

void db_finalize(struct db_stmt *stmt)
{
	if (stmt)
		stmt->ops->finalize(stmt);
}

enum sam_status db_step_done(struct store *st, struct db_stmt *stmt)
{
	int rc = db_step(stmt);

	return rc == DB_DONE ? SAM_OK : db_error(st, rc);
}

enum sam_status db_insert_id(struct store *st, struct db_stmt *stmt, int64_t *id)
{
	int rc = db_step(stmt);

	*id = 0;
	if (rc == DB_ROW) {
		*id = db_col_int(stmt, 0);
		rc = db_step(stmt);
	}
	return db_done(st, stmt, rc);
}

void db_bind_text(struct db_stmt *stmt, int idx, const char *s)
{
	db_bind_str(stmt, idx, s && *s ? s : NULL);
}

char *db_col_str(struct db_stmt *stmt, int col)
{
	const char *s = db_col_text(stmt, col);

	return s ? xstrdup(s) : NULL;
}

enum sam_status db_prepare_all(struct store *st, const char *const *sql, struct db_stmt **stmts,
			       size_t n)
{
	enum sam_status status = SAM_OK;

	for (size_t i = 0; i < n; i++)
		stmts[i] = NULL;
	for (size_t i = 0; i < n && status == SAM_OK; i++)
		status = db_prepare(st, sql[i], &stmts[i]);
	if (status != SAM_OK)
		db_finalize_all(stmts, n);
	return status;
}

void db_finalize_all(struct db_stmt **stmts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		db_finalize(stmts[i]);
		stmts[i] = NULL;
	}
}

enum sam_status db_done(struct store *st, struct db_stmt *stmt, int rc)
{
	db_reset(stmt);
	stmt->ops->clear_bindings(stmt);
	return rc == DB_DONE ? SAM_OK : db_error(st, rc);
}

enum sam_status db_run(struct store *st, struct db_stmt *stmt)
{
	return db_done(st, stmt, db_step(stmt));
}

enum sam_status db_query_int(struct store *st, const char *sql, int64_t *out)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st, sql, &stmt);
	int rc;

	if (status != SAM_OK)
		return status;
	rc = db_step(stmt);
	if (rc == DB_ROW)
		*out = db_col_int(stmt, 0);
	else
		status = db_error(st, rc == DB_DONE ? DB_DAMAGED : rc);
	db_finalize(stmt);
	return status;
}
