#include "samtale/store.h"

#include <time.h>

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
	struct db_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st,
		"INSERT INTO audit (at, \"user\", login, action, case_id, object_id, detail) "
		"VALUES (?7, ?1, ?2, ?3, ?4, ?5, ?6)", &stmt);
	char at[sizeof "YYYY-MM-DDTHH:MM:SSZ"];
	time_t now = time(NULL);
	struct tm tm;

	if (status != SAM_OK)
		return status;
	db_bind_str(stmt, 1, st->user);
	db_bind_str(stmt, 2, sam_login_name());
	db_bind_str(stmt, 3, action);
	if (case_id)
		db_bind_int(stmt, 4, case_id);
	if (object_id)
		db_bind_int(stmt, 5, object_id);
	db_bind_text(stmt, 6, detail);
	strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
	db_bind_str(stmt, 7, at);
	status = db_step_done(st, stmt);
	db_finalize(stmt);
	return status;
}

enum sam_status audit_forget_case(struct store *st, int64_t case_id)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st, "DELETE FROM audit WHERE case_id = ?1", &stmt);

	if (status != SAM_OK)
		return status;
	db_bind_int(stmt, 1, case_id);
	status = db_step_done(st, stmt);
	db_finalize(stmt);
	return status;
}
