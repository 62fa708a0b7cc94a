#include "samtale/export_support.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"
#include "store_int.h"

/*
 * Store: reading cases whole for export. The orders are those of
 * store_case_list (ref), store_meeting_list (date, id), store_meeting_get
 * (position) and store_followup_list (due, id within a case), so the export
 * is the same as one made through those functions.
 */

enum reader_stmt { R_IDS, R_CASE, R_MEETINGS, R_ITEMS, R_FOLLOWUPS, R_INTERNSHIPS, R_COUNT };

static const char *const reader_sql[R_COUNT] = {
	[R_IDS] = "SELECT id, ref FROM cases WHERE 1 = 1" CASE_SHOWN("id") " ORDER BY ref",
	[R_CASE] = "SELECT " CASE_COLUMNS("") " FROM cases WHERE id = ?1",
	[R_MEETINGS] = "SELECT " MEETING_COLUMNS("") " FROM meetings WHERE case_id = ?1 "
		       "ORDER BY date, id",
	/* Every item of the case at once, meeting by meeting in the order above. */
	[R_ITEMS] = "SELECT k.meeting_id, " ITEM_COLUMNS("k") " "
		    "FROM meetings m JOIN checklist k ON k.meeting_id = m.id" CHECKLIST_JOIN("k") " "
		    "WHERE m.case_id = ?1 ORDER BY m.date, m.id, k.position",
	[R_INTERNSHIPS] = "SELECT " INTERNSHIP_COLUMNS("") " FROM internships WHERE case_id = ?1 "
			  "ORDER BY from_date, id",
	[R_FOLLOWUPS] = "SELECT " FOLLOWUP_COLUMNS("") " FROM followups WHERE case_id = ?1 "
			"ORDER BY due, id",
};

struct store_reader {
	struct store *st;
	struct db_stmt *stmt[R_COUNT];
	bool own_tx;			/* the read transaction is ours to end */
};

void store_reader_close(struct store_reader *r)
{
	if (!r)
		return;
	db_finalize_all(r->stmt, R_COUNT);
	if (r->own_tx)
		db_exec(r->st, "COMMIT");
	free(r);
}

enum sam_status store_reader_open(struct store *st, struct store_reader **out)
{
	struct store_reader *r = xcalloc(1, sizeof(*r));
	enum sam_status status = SAM_OK;

	*out = NULL;
	r->st = st;
	/* One snapshot: a case changed by someone else mid-export is seen
	 * either wholly before or wholly after. */
	if (!st->in_tx) {
		if ((status = db_begin_read(st)) != SAM_OK) {
			free(r);
			return status;
		}
		r->own_tx = true;
	}
	if ((status = db_prepare_all(st, reader_sql, r->stmt, R_COUNT)) != SAM_OK) {
		store_reader_close(r);
		return status;
	}
	*out = r;
	return SAM_OK;
}

static bool ref_named(const char *ref, const char *const *refs, size_t nrefs)
{
	for (size_t i = 0; i < nrefs; i++)
		if (!strcmp(ref, refs[i]))
			return true;
	return false;
}

enum sam_status store_reader_case_ids(struct store_reader *r, const char *const *refs,
				      size_t nrefs, int64_t **ids, size_t *n)
{
	struct db_stmt *stmt = r->stmt[R_IDS];
	enum sam_status status;
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	while ((rc = db_step(stmt)) == DB_ROW) {
		if (nrefs && !ref_named(db_col_text(stmt, 1), refs, nrefs))
			continue;
		*ids = array_grow(*ids, *n, &cap, sizeof(**ids));
		(*ids)[(*n)++] = db_col_int(stmt, 0);
	}
	if ((status = db_done(r->st, stmt, rc)) != SAM_OK) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return status;
}

static enum sam_status read_case(struct store_reader *r, int64_t id, struct case_rec *c)
{
	struct db_stmt *stmt = r->stmt[R_CASE];
	int rc;

	db_bind_int(stmt, 1, id);
	rc = db_step(stmt);
	if (rc == DB_ROW) {
		row_case(stmt, 0, c);
		rc = DB_DONE;
	} else if (rc == DB_DONE) {
		db_done(r->st, stmt, rc);
		return sam_fail(SAM_ERR_NOT_FOUND, "%s", _("the case does not exist (any more)"));
	}
	return db_done(r->st, stmt, rc);
}

static enum sam_status read_meetings(struct store_reader *r, int64_t case_id,
				     struct meeting_list *out)
{
	struct db_stmt *stmt = r->stmt[R_MEETINGS];
	size_t cap = 0;
	int rc;

	db_bind_int(stmt, 1, case_id);
	while ((rc = db_step(stmt)) == DB_ROW) {
		out->v = array_grow(out->v, out->n, &cap, sizeof(*out->v));
		row_meeting(stmt, 0, &out->v[out->n++]);
	}
	return db_done(r->st, stmt, rc);
}

/* The rows come meeting by meeting in the order of the list, so each row
 * belongs to the current meeting or a later one. */
static enum sam_status read_items(struct store_reader *r, int64_t case_id,
				  struct meeting_list *ml)
{
	struct db_stmt *stmt = r->stmt[R_ITEMS];
	size_t k = 0, cap = 0;
	int rc;

	db_bind_int(stmt, 1, case_id);
	while ((rc = db_step(stmt)) == DB_ROW) {
		int64_t mid = db_col_int(stmt, 0);
		struct meeting_rec *m;

		while (k < ml->n && ml->v[k].id != mid) {
			k++;
			cap = 0;
		}
		if (k == ml->n) {
			rc = DB_DAMAGED;
			break;
		}
		m = &ml->v[k];
		m->items = array_grow(m->items, m->nitems, &cap, sizeof(*m->items));
		row_item(stmt, 1, &m->items[m->nitems++]);
	}
	return db_done(r->st, stmt, rc);
}

static enum sam_status read_followups(struct store_reader *r, int64_t case_id,
				      struct followup_list *out)
{
	struct db_stmt *stmt = r->stmt[R_FOLLOWUPS];
	size_t cap = 0;
	int rc;

	db_bind_int(stmt, 1, case_id);
	while ((rc = db_step(stmt)) == DB_ROW) {
		out->v = array_grow(out->v, out->n, &cap, sizeof(*out->v));
		row_followup(stmt, 0, &out->v[out->n++]);
	}
	return db_done(r->st, stmt, rc);
}

enum sam_status store_reader_case(struct store_reader *r, int64_t id, struct case_rec *c,
				  struct meeting_list *meetings, struct followup_list *followups)
{
	enum sam_status status;

	memset(c, 0, sizeof(*c));
	memset(meetings, 0, sizeof(*meetings));
	memset(followups, 0, sizeof(*followups));
	if ((status = read_case(r, id, c)) || (status = read_meetings(r, id, meetings)) ||
	    (status = read_items(r, id, meetings)) || (status = read_followups(r, id, followups))) {
		case_rec_free(c);
		meeting_list_free(meetings);
		followup_list_free(followups);
	}
	return status;
}

enum sam_status store_reader_internships(struct store_reader *r, int64_t case_id,
					 struct internship_list *out)
{
	struct db_stmt *stmt = r->stmt[R_INTERNSHIPS];
	enum sam_status status;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	db_bind_int(stmt, 1, case_id);
	while ((rc = db_step(stmt)) == DB_ROW) {
		out->v = array_grow(out->v, out->n, &cap, sizeof(*out->v));
		row_internship(stmt, 0, &out->v[out->n++]);
	}
	if ((status = db_done(r->st, stmt, rc)) != SAM_OK)
		internship_list_free(out);
	return status;
}
