#include "samtale/store.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"
#include "store_int.h"

/*
 * Store: follow-ups
 */

enum sam_status store_followup_add(struct store *st, int64_t case_id, int64_t meeting_id,
				   const char *due, const char *text, const char *assignee,
				   int64_t *id)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	int64_t fid = 0;

	if (!assignee)
		assignee = st->user;
	if ((status = check_followup_fields(due, text, assignee)) != SAM_OK)
		return status;
	if ((status = write_begin(st)) != SAM_OK)
		return status;
	/* The meeting, when given, must be one of the case's own. */
	status = db_prepare(st,
		"INSERT INTO followups (case_id, meeting_id, due, text, assignee)"
		" SELECT c.id, ?2, ?3, ?4, ?5 FROM cases c WHERE c.id = ?1"
		" AND (?2 IS NULL OR EXISTS (SELECT 1 FROM meetings m WHERE m.id = ?2 AND m.case_id = c.id))"
		" RETURNING id",
		&stmt);
	if (status != SAM_OK)
		goto out;
	db_bind_int(stmt, 1, case_id);
	if (meeting_id)
		db_bind_int(stmt, 2, meeting_id);
	db_bind_str(stmt, 3, due);
	db_bind_str(stmt, 4, text);
	db_bind_str(stmt, 5, assignee);
	if ((status = db_insert_id(st, stmt, &fid)) != SAM_OK)
		goto out;
	if (!fid) {
		status = sam_fail(SAM_ERR_NOT_FOUND, "%s", _("the case or meeting does not exist (any more)"));
		goto out;
	}
	status = audit_log(st, "followup.add", case_id, fid, NULL);
out:
	db_finalize(stmt);
	status = write_end(st, status);
	if (status == SAM_OK && id)
		*id = fid;
	return status;
}

/* The WHERE clause of a follow-up list, with only the filters given: an
 * "(?N IS NULL OR ...)" term hides every index from SQLite. Values are bound
 * as ?1 case, ?2 assignee, ?3 due before, ?4 due until. A case's follow-ups
 * are few, so its index leads: "+f.done" there keeps SQLite from picking
 * followups_due (done = ?) instead; elsewhere "f.done = 0" (done is 0 or 1)
 * lets it use followups_assignee or followups_due in due order. */
static void followup_where(const struct followup_query *q, struct strbuf *sql)
{
	strbuf_adds(sql, " WHERE 1 = 1" CASE_SHOWN("f.case_id"));
	if (q->case_id)
		strbuf_adds(sql, " AND f.case_id = ?1");
	if (!str_empty(q->assignee))
		strbuf_adds(sql, " AND f.assignee = ?2");
	if (!q->include_done)
		strbuf_adds(sql, q->case_id ? " AND +f.done = 0" : " AND f.done = 0");
	if (!str_empty(q->due_before))
		strbuf_adds(sql, " AND f.due < ?3");
	if (!str_empty(q->due_until))
		strbuf_adds(sql, " AND f.due <= ?4");
}

enum sam_status store_followup_list(struct store *st, const struct followup_query *q,
				    struct followup_list *out)
{
	struct strbuf sql = { 0 };
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((q->due_before && (status = check_date("due_before", q->due_before)) != SAM_OK) ||
	    (q->due_until && (status = check_date("due_until", q->due_until)) != SAM_OK))
		return status;
	strbuf_adds(&sql, "SELECT " FOLLOWUP_COLUMNS("f.") ", c.ref"
		    " FROM followups f JOIN cases c ON c.id = f.case_id");
	followup_where(q, &sql);
	strbuf_adds(&sql, " ORDER BY f.due, c.ref, f.id");
	status = db_prepare(st, strbuf_str(&sql), &stmt);
	strbuf_free(&sql);
	if (status != SAM_OK)
		return status;
	if (q->case_id)
		db_bind_int(stmt, 1, q->case_id);
	if (!str_empty(q->assignee))
		db_bind_str(stmt, 2, q->assignee);
	if (!str_empty(q->due_before))
		db_bind_str(stmt, 3, q->due_before);
	if (!str_empty(q->due_until))
		db_bind_str(stmt, 4, q->due_until);
	while ((rc = db_step(stmt)) == DB_ROW) {
		struct followup_rec *f;

		out->v = array_grow(out->v, out->n, &cap, sizeof(*out->v));
		f = &out->v[out->n++];
		row_followup(stmt, 0, f);
		f->case_ref = db_col_str(stmt, FOLLOWUP_NCOLUMNS);
	}
	if (rc != DB_DONE) {
		status = db_error(st, rc);
		followup_list_free(out);
	}
	db_finalize(stmt);
	return status;
}

/* Sets one column of a follow-up, with its audit line. */
static enum sam_status update_followup(struct store *st, int64_t id, const char *sql,
				       int64_t ival, const char *tval, const char *detail)
{
	struct db_stmt *stmt = NULL;
	int64_t case_id = 0;
	enum sam_status status = write_begin(st);
	int rc;

	if (status != SAM_OK)
		return status;
	if ((status = db_prepare(st, "SELECT case_id FROM followups WHERE id = ?1", &stmt)) != SAM_OK)
		goto out;
	db_bind_int(stmt, 1, id);
	rc = db_step(stmt);
	if (rc == DB_ROW)
		case_id = db_col_int(stmt, 0);
	else
		status = rc == DB_DONE
			? sam_fail(SAM_ERR_NOT_FOUND, "%s", _("the follow-up does not exist (any more)"))
			: db_error(st, rc);
	db_finalize(stmt);
	stmt = NULL;
	if (status != SAM_OK || (status = db_prepare(st, sql, &stmt)) != SAM_OK)
		goto out;
	if (tval)
		db_bind_str(stmt, 1, tval);
	else
		db_bind_int(stmt, 1, ival);
	db_bind_int(stmt, 2, id);
	if ((status = db_step_done(st, stmt)) == SAM_OK)
		status = audit_log(st, "followup.set", case_id, id, detail);
out:
	db_finalize(stmt);
	return write_end(st, status);
}

enum sam_status store_followup_set_done(struct store *st, int64_t id, bool done)
{
	return update_followup(st, id, "UPDATE followups SET done = ?1 WHERE id = ?2", done, NULL,
			       done ? "done" : "undone");
}

enum sam_status store_followup_set_due(struct store *st, int64_t id, const char *due)
{
	enum sam_status status = check_due(due);

	if (status != SAM_OK)
		return status;
	return update_followup(st, id, "UPDATE followups SET due = ?1 WHERE id = ?2", 0, due, "due");
}

enum sam_status store_followup_set_her(struct store *st, int64_t id, bool her)
{
	return update_followup(st, id, "UPDATE followups SET her = ?1 WHERE id = ?2", her, NULL,
			       her ? "her" : "caseworker");
}

/*
 * Corrections
 */

static enum sam_status no_followup(int64_t id)
{
	return sam_fail(SAM_ERR_NOT_FOUND, _("there is no follow-up %lld"),
			(long long)id);
}

enum sam_status store_followup_get(struct store *st, int64_t id, struct followup_rec *out)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	int rc;

	memset(out, 0, sizeof(*out));
	status = db_prepare(st, "SELECT " FOLLOWUP_COLUMNS("f.") ", c.ref"
			    " FROM followups f JOIN cases c ON c.id = f.case_id WHERE f.id = ?1", &stmt);
	if (status != SAM_OK)
		return status;
	db_bind_int(stmt, 1, id);
	rc = db_step(stmt);
	if (rc == DB_ROW) {
		row_followup(stmt, 0, out);
		out->case_ref = db_col_str(stmt, FOLLOWUP_NCOLUMNS);
	} else {
		status = rc == DB_DONE ? no_followup(id) : db_error(st, rc);
	}
	db_finalize(stmt);
	return status;
}

enum sam_status store_followup_edit(struct store *st, int64_t id, const struct followup_change *ch)
{
	struct db_stmt *stmt = NULL;
	struct strbuf detail = { 0 };
	int64_t case_id = 0;
	enum sam_status status = SAM_OK;
	bool who = ch->her || ch->assignee;
	int rc;

	if ((ch->due && (status = check_due(ch->due)) != SAM_OK) ||
	    (ch->text && (status = check_followup_text(ch->text)) != SAM_OK) ||
	    (ch->assignee && !ch->her && (status = check_assignee(ch->assignee)) != SAM_OK))
		return status;
	if ((status = write_begin(st)) != SAM_OK)
		return status;
	status = db_prepare(st, "UPDATE followups SET text = coalesce(?2, text), due = coalesce(?3, due),"
			    " assignee = coalesce(?4, assignee),"
			    " her = CASE WHEN ?5 = 1 THEN 1 WHEN ?4 IS NOT NULL THEN 0 ELSE her END"
			    " WHERE id = ?1 RETURNING case_id", &stmt);
	if (status != SAM_OK)
		goto out;
	db_bind_int(stmt, 1, id);
	db_bind_text(stmt, 2, ch->text);
	db_bind_text(stmt, 3, ch->due);
	db_bind_text(stmt, 4, ch->her ? NULL : ch->assignee);
	db_bind_int(stmt, 5, ch->her);
	rc = db_step(stmt);
	if (rc == DB_ROW)
		case_id = db_col_int(stmt, 0);
	else
		status = rc == DB_DONE ? no_followup(id) : db_error(st, rc);
	if (status == SAM_OK && (rc = db_step(stmt)) != DB_DONE)
		status = db_error(st, rc);
	if (status != SAM_OK)
		goto out;
	/* what kind of change, never the text */
	strbuf_adds(&detail, ch->text ? "text" : "");
	strbuf_addf(&detail, "%s%s", ch->due && detail.len ? "," : "", ch->due ? "due" : "");
	strbuf_addf(&detail, "%s%s", who && detail.len ? "," : "", who ? "assignee" : "");
	status = audit_log(st, "followup.edit", case_id, id, strbuf_str(&detail));
out:
	db_finalize(stmt);
	strbuf_free(&detail);
	return write_end(st, status);
}

enum sam_status store_followup_delete(struct store *st, int64_t id)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status = write_begin(st);
	int rc;

	if (status != SAM_OK)
		return status;
	if ((status = db_prepare(st, "DELETE FROM followups WHERE id = ?1 RETURNING case_id", &stmt)) != SAM_OK)
		goto out;
	db_bind_int(stmt, 1, id);
	rc = db_step(stmt);
	if (rc == DB_ROW) {
		int64_t case_id = db_col_int(stmt, 0);

		if ((rc = db_step(stmt)) != DB_DONE)
			status = db_error(st, rc);
		else
			status = audit_log(st, "followup.delete", case_id, id, NULL);
	} else {
		status = rc == DB_DONE ? no_followup(id) : db_error(st, rc);
	}
out:
	db_finalize(stmt);
	return write_end(st, status);
}

void followup_rec_free(struct followup_rec *f)
{
	if (!f)
		return;
	free(f->case_ref);
	free(f->due);
	free(f->text);
	free(f->assignee);
	memset(f, 0, sizeof(*f));
}

void followup_list_free(struct followup_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		followup_rec_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
