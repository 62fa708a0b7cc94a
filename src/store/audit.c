#include "samtale/store.h"

#include "samtale/util.h"
#include "store_int.h"

/*
 * Store: the audit log
 *
 * Who changed what and when: the caseworker (--user) and, for a team
 * database, the login name of the process, which --user cannot hide. The
 * object is a row id and the detail a field name or an item id and state:
 * never a note, profile text or case reference, so that the log holds no
 * personal data and an erased case leaves nothing behind in it.
 */

enum sam_status audit_log(struct store *st, const char *action, int64_t case_id,
			  int64_t object_id, const char *detail)
{
	sqlite3_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st,
		"INSERT INTO audit (at, user, login, action, case_id, object_id, detail) "
		"VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2, ?3, ?4, ?5, ?6)", &stmt);

	if (status != SAM_OK)
		return status;
	sqlite3_bind_text(stmt, 1, st->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, sam_login_name(), -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, action, -1, SQLITE_STATIC);
	if (case_id)
		sqlite3_bind_int64(stmt, 4, case_id);
	if (object_id)
		sqlite3_bind_int64(stmt, 5, object_id);
	db_bind_text(stmt, 6, detail);
	status = db_step_done(st, stmt);
	sqlite3_finalize(stmt);
	return status;
}

enum sam_status audit_forget_case(struct store *st, int64_t case_id)
{
	sqlite3_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st, "DELETE FROM audit WHERE case_id = ?1", &stmt);

	if (status != SAM_OK)
		return status;
	sqlite3_bind_int64(stmt, 1, case_id);
	status = db_step_done(st, stmt);
	sqlite3_finalize(stmt);
	return status;
}
