#include "samtale/store.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"
#include "store_int.h"

/*
 * Store: the content ids that held meetings use, for the content editor's
 * check that none of them vanished.
 */

/* The meetings counted: every one, or those of case ?1. */
#define USES_WHERE " WHERE ?1 = 0 OR c.meeting_id IN (SELECT id FROM meetings WHERE case_id = ?1)"

static enum sam_status read_uses(struct store *st, const char *sql, int64_t case_id, bool items,
				 struct id_use **out, size_t *n)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st, sql, &stmt);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (status != SAM_OK)
		return status;
	db_bind_int(stmt, 1, case_id);
	while ((rc = db_step(stmt)) == DB_ROW) {
		struct id_use *u;

		*out = array_grow(*out, *n, &cap, sizeof(**out));
		u = &(*out)[(*n)++];
		memset(u, 0, sizeof(*u));
		u->id = db_col_str(stmt, 0);
		u->meetings = db_col_int(stmt, 1);
		if (items) {
			u->section_id = db_col_str(stmt, 2);
			u->text = db_col_str(stmt, 3);
		}
	}
	if (rc != DB_DONE)
		status = db_error(st, rc);
	db_finalize(stmt);
	return status;
}

enum sam_status store_ids_in_use(struct store *st, int64_t case_id, struct id_uses *out)
{
	enum sam_status status;

	memset(out, 0, sizeof(*out));
	status = read_uses(st, "SELECT ci.key, count(*), min(cs.key), max(cw.text) FROM checklist c"
			   CHECKLIST_JOIN("c") USES_WHERE " GROUP BY ci.key ORDER BY ci.key", case_id, true,
			   &out->items, &out->nitems);
	if (status == SAM_OK)
		status = read_uses(st, "SELECT cs.key, count(*) FROM section_counts c"
				   " JOIN section_keys cs ON cs.id = c.section"
				   USES_WHERE " GROUP BY cs.key ORDER BY cs.key", case_id, false,
				   &out->sections, &out->nsections);
	if (status != SAM_OK)
		id_uses_free(out);
	return status;
}

static void uses_free(struct id_use *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].section_id);
		free(v[i].text);
	}
	free(v);
}

void id_uses_free(struct id_uses *u)
{
	if (!u)
		return;
	uses_free(u->items, u->nitems);
	uses_free(u->sections, u->nsections);
	memset(u, 0, sizeof(*u));
}
