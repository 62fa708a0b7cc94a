#include "samtale/import_support.h"

#include "store_int.h"
#include "samtale/util.h"

/* The case the row belongs to, for the audit line; SAM_ERR_NOT_FOUND when
 * there is no such row. */
static enum sam_status owning_case(struct store *st, const char *sql, int64_t id, int64_t *case_id)
{
	sqlite3_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st, sql, &stmt);
	int rc;

	if (status != SAM_OK)
		return status;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*case_id = sqlite3_column_int64(stmt, 0);
	else if (rc == SQLITE_DONE)
		status = sam_fail(SAM_ERR_NOT_FOUND, tr("posten %lld findes ikke", "record %lld not found"),
				  (long long)id);
	else
		status = db_error(st, rc);
	sqlite3_finalize(stmt);
	return status;
}

static enum sam_status set_caseworker(struct store *st, const char *select_sql,
				      const char *update_sql, const char *action, int64_t id,
				      const char *caseworker)
{
	sqlite3_stmt *stmt = NULL;
	int64_t case_id = 0;
	enum sam_status status = check_label(tr("sagsbehandleren", "the caseworker"), caseworker,
					     NAME_MAX_BYTES);

	if (status != SAM_OK || (status = write_begin(st)) != SAM_OK)
		return status;
	if ((status = owning_case(st, select_sql, id, &case_id)) != SAM_OK ||
	    (status = db_prepare(st, update_sql, &stmt)) != SAM_OK)
		goto out;
	sqlite3_bind_text(stmt, 1, caseworker, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, id);
	if ((status = db_step_done(st, stmt)) == SAM_OK)
		status = audit_log(st, action, case_id, id, "caseworker");
out:
	sqlite3_finalize(stmt);
	return write_end(st, status);
}

enum sam_status store_case_set_caseworker(struct store *st, int64_t case_id,
					  const char *caseworker)
{
	return set_caseworker(st, "SELECT id FROM cases WHERE id = ?1",
			      "UPDATE cases SET caseworker = ?1 WHERE id = ?2", "case.caseworker",
			      case_id, caseworker);
}

enum sam_status store_meeting_set_caseworker(struct store *st, int64_t meeting_id,
					     const char *caseworker)
{
	return set_caseworker(st, "SELECT case_id FROM meetings WHERE id = ?1",
			      "UPDATE meetings SET caseworker = ?1 WHERE id = ?2", "meeting.caseworker",
			      meeting_id, caseworker);
}
