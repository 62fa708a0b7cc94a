#include "samtale/store.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"
#include "store_int.h"

/*
 * Store: cases
 */

const struct profile_field_info profile_fields[PROFILE_NFIELDS] = {
	[PROFILE_QUALIFICATIONS] = { "qualifications", N_("Qualifications"),
		N_("What you have mapped together."),
		N_("the qualifications") },
	[PROFILE_EDUCATION] = { "education", N_("Education"),
		N_("Also from her home country."),
		N_("the education") },
	[PROFILE_WORK_EXPERIENCE] = { "work_experience", N_("Work experience"),
		N_("Also from her home country."),
		N_("the work experience") },
	[PROFILE_LANGUAGES] = { "languages", N_("Languages"),
		NULL, N_("the languages") },
	[PROFILE_OTHER_SKILLS] = { "other_skills", N_("Other skills"),
		NULL, N_("the other skills") },
	[PROFILE_JOB_WISHES] = { "job_wishes", N_("Job wishes"),
		NULL, N_("the job wishes") },
	[PROFILE_EDUCATION_WISHES] = { "education_wishes", N_("Education wishes"),
		NULL, N_("the education wishes") },
	[PROFILE_GOALS] = { "goals", N_("Her own goals"),
		N_("In her words."), N_("her goals") },
};

#define CASE_SELECT \
	"SELECT " CASE_COLUMNS("c.") "," \
	" c.last_meeting," \
	" (SELECT count(*) FROM followups f WHERE f.case_id = c.id AND +f.done = 0)," \
	" (SELECT count(*) FROM followups f WHERE f.case_id = c.id AND +f.done = 0 AND f.due < :today)" \
	" FROM cases c "

static void read_case(struct db_stmt *stmt, struct case_rec *c)
{
	row_case(stmt, 0, c);
	c->last_meeting = db_col_str(stmt, CASE_NCOLUMNS);
	c->followups_open = (int)db_col_int(stmt, CASE_NCOLUMNS + 1);
	c->followups_overdue = (int)db_col_int(stmt, CASE_NCOLUMNS + 2);
}

static void bind_today(struct db_stmt *stmt)
{
	sam_date today;

	date_today(today);
	db_bind_str(stmt, db_param_index(stmt, ":today"), today);
}

static enum sam_status get_one(struct store *st, struct db_stmt *stmt, struct case_rec *out,
			       const char *ref)
{
	int rc = db_step(stmt);

	memset(out, 0, sizeof(*out));
	if (rc == DB_ROW) {
		read_case(stmt, out);
		return SAM_OK;
	}
	if (rc != DB_DONE)
		return db_error(st, rc);
	if (ref)
		return sam_fail(SAM_ERR_NOT_FOUND, _("there is no case '%s'"), ref);
	return sam_fail(SAM_ERR_NOT_FOUND, "%s", _("the case does not exist (any more)"));
}

enum sam_status store_case_get(struct store *st, const char *ref, struct case_rec *out)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;

	memset(out, 0, sizeof(*out));
	if (!ref)
		return sam_fail(SAM_ERR_INVALID, "%s", _("the journal number is missing"));
	if ((status = db_prepare(st, CASE_SELECT "WHERE c.ref = :ref" CASE_SHOWN("c.id"), &stmt)) != SAM_OK)
		return status;
	bind_today(stmt);
	db_bind_str(stmt, db_param_index(stmt, ":ref"), ref);
	/* The reference is echoed only when it cannot be a CPR number. */
	status = get_one(st, stmt, out, cpr_find(ref, NULL, NULL) ? NULL : ref);
	db_finalize(stmt);
	return status;
}

enum sam_status store_case_get_by_id(struct store *st, int64_t id, struct case_rec *out)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;

	memset(out, 0, sizeof(*out));
	if ((status = db_prepare(st, CASE_SELECT "WHERE c.id = :id" CASE_SHOWN("c.id"), &stmt)) != SAM_OK)
		return status;
	bind_today(stmt);
	db_bind_int(stmt, db_param_index(stmt, ":id"), id);
	status = get_one(st, stmt, out, NULL);
	db_finalize(stmt);
	return status;
}

enum sam_status store_case_list(struct store *st, const char *filter, bool include_closed,
				struct case_list *out)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	char *pattern = filter && *filter ? glob_pattern(filter) : NULL;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	status = db_prepare(st, CASE_SELECT
			    "WHERE (:all = 1 OR c.closed IS NULL)" CASE_SHOWN("c.id")
			    " AND (:pat IS NULL OR glob(:pat, c.ref) OR glob(:pat, c.initials))"
			    " ORDER BY c.ref", &stmt);
	if (status != SAM_OK)
		goto out;
	bind_today(stmt);
	db_bind_int(stmt, db_param_index(stmt, ":all"), include_closed);
	db_bind_text(stmt, db_param_index(stmt, ":pat"), pattern);
	while ((rc = db_step(stmt)) == DB_ROW) {
		out->v = array_grow(out->v, out->n, &cap, sizeof(*out->v));
		read_case(stmt, &out->v[out->n++]);
	}
	if (rc != DB_DONE) {
		status = db_error(st, rc);
		case_list_free(out);
	}
out:
	db_finalize(stmt);
	free(pattern);
	return status;
}

static enum sam_status case_exists(struct store *st, int64_t id)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st, "SELECT 1 FROM cases WHERE id = ?1", &stmt);
	int rc;

	if (status != SAM_OK)
		return status;
	db_bind_int(stmt, 1, id);
	rc = db_step(stmt);
	if (rc == DB_DONE)
		status = sam_fail(SAM_ERR_NOT_FOUND, "%s", _("the case does not exist (any more)"));
	else if (rc != DB_ROW)
		status = db_error(st, rc);
	db_finalize(stmt);
	return status;
}

enum sam_status store_case_add(struct store *st, const char *ref, const char *initials,
			       const char *opened, int64_t *id)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	sam_date today;
	int64_t new_id;
	int rc;

	opened = date_or_today(opened, today);
	if ((status = check_case_fields(ref, initials, opened)) != SAM_OK)
		return status;
	if ((status = write_begin(st)) != SAM_OK)
		return status;
	status = db_prepare(st, "SELECT 1 FROM cases WHERE ref = ?1", &stmt);
	if (status != SAM_OK)
		goto out;
	db_bind_str(stmt, 1, ref);
	rc = db_step(stmt);
	if (rc == DB_ROW)
		status = sam_fail(SAM_ERR_INVALID, _("there is already a case '%s'"), ref);
	else if (rc != DB_DONE)
		status = db_error(st, rc);
	db_finalize(stmt);
	stmt = NULL;
	if (status != SAM_OK)
		goto out;
	status = db_prepare(st, "INSERT INTO cases (ref, initials, caseworker, opened) "
			    "VALUES (?1, ?2, ?3, ?4) RETURNING id", &stmt);
	if (status != SAM_OK)
		goto out;
	db_bind_str(stmt, 1, ref);
	db_bind_text(stmt, 2, str_empty(initials) ? NULL : initials);
	db_bind_str(stmt, 3, st->user);
	db_bind_str(stmt, 4, opened);
	if ((status = db_insert_id(st, stmt, &new_id)) != SAM_OK)
		goto out;
	if (id)
		*id = new_id;
	status = audit_log(st, "case.add", new_id, new_id, NULL);
out:
	db_finalize(stmt);
	return write_end(st, status);
}

/* One UPDATE of one column of one case, with its audit line. */
static enum sam_status update_case(struct store *st, int64_t case_id, const char *column,
				   const char *value, const char *action)
{
	struct db_stmt *stmt = NULL;
	char *sql = xasprintf("UPDATE cases SET %s = ?1 WHERE id = ?2", column);
	enum sam_status status = write_begin(st);

	if (status != SAM_OK)
		goto out;
	if ((status = case_exists(st, case_id)) != SAM_OK ||
	    (status = db_prepare(st, sql, &stmt)) != SAM_OK)
		goto end;
	db_bind_text(stmt, 1, value);
	db_bind_int(stmt, 2, case_id);
	if ((status = db_step_done(st, stmt)) == SAM_OK)
		status = audit_log(st, action, case_id, case_id, column);
end:
	db_finalize(stmt);
	status = write_end(st, status);
out:
	free(sql);
	return status;
}

enum sam_status check_profile(enum profile_field field, const char *text)
{
	const struct profile_field_info *f = &profile_fields[field];

	return check_text(_(f->what), text, NOTE_MAX);
}

enum sam_status store_case_set_profile(struct store *st, int64_t case_id,
				       enum profile_field field, const char *text)
{
	enum sam_status status;

	if ((unsigned)field >= PROFILE_NFIELDS)
		return sam_fail(SAM_ERR_INVALID, "unknown profile field %d", (int)field);
	if ((status = check_profile(field, text)) != SAM_OK)
		return status;
	return update_case(st, case_id, profile_fields[field].key, str_empty(text) ? NULL : text,
			   "case.profile");
}

enum sam_status store_case_set_initials(struct store *st, int64_t case_id, const char *initials)
{
	enum sam_status status;

	if (!str_empty(initials) &&
	    (status = check_label(_("the initials"), initials, INITIALS_MAX)) != SAM_OK)
		return status;
	return update_case(st, case_id, "initials", str_empty(initials) ? NULL : initials,
			   "case.initials");
}

enum sam_status store_case_close(struct store *st, int64_t case_id, const char *date)
{
	struct case_rec c;
	sam_date today;
	enum sam_status status;

	date = date_or_today(date, today);
	if ((status = check_date(_("the closing date"), date)) != SAM_OK)
		return status;
	if ((status = store_case_get_by_id(st, case_id, &c)) != SAM_OK)
		return status;
	if (strcmp(date, c.opened) < 0)
		status = sam_fail(SAM_ERR_INVALID, _("the case cannot close before it opened (%s)"),
				  c.opened);
	case_rec_free(&c);
	if (status != SAM_OK)
		return status;
	return update_case(st, case_id, "closed", date, "case.close");
}

enum sam_status store_case_reopen(struct store *st, int64_t case_id)
{
	return update_case(st, case_id, "closed", NULL, "case.reopen");
}

/*
 * Erasure
 */

/* Removes the case's rows (meetings, items and follow-ups by cascade) and
 * its audit lines, leaving one line that says a case was erased. The WAL is
 * wiped when the transaction commits. With action NULL, a case of an import
 * that never finished: nobody saw it, so it leaves no line. */
enum sam_status case_erase(struct store *st, int64_t case_id, const char *action)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;

	if ((status = audit_forget_case(st, case_id)) != SAM_OK ||
	    (status = db_prepare(st, "DELETE FROM cases WHERE id = ?1", &stmt)) != SAM_OK)
		return status;
	db_bind_int(stmt, 1, case_id);
	status = db_step_done(st, stmt);
	db_finalize(stmt);
	if (status == SAM_OK && action)
		status = audit_log(st, action, 0, case_id, NULL);
	if (status == SAM_OK && action)
		st->erased = true;
	return status;
}

enum sam_status store_case_delete(struct store *st, int64_t case_id)
{
	enum sam_status status = write_begin(st);

	if (status != SAM_OK)
		return status;
	if ((status = case_exists(st, case_id)) == SAM_OK)
		status = case_erase(st, case_id, "case.delete");
	return write_end(st, status);
}

/* Marks the doomed cases with a new erasure batch: mark(st, batch, ctx)
 * in the batch's first step, which commits the decision; then they are
 * erased in steps. *n is how many. */
static enum sam_status erase_batch(struct store *st, const char *action,
				   enum sam_status (*mark)(struct store *st, int64_t batch, void *ctx),
				   void *ctx, size_t *n)
{
	int64_t batch = 0, began = 0;
	enum sam_status status;

	*n = 0;
	if (st->in_tx)
		return sam_error("erase_batch: inside a transaction");
	if ((status = batch_step_open(st, &began)) != SAM_OK)
		return status;
	if ((status = batch_create(st, "erase", action, &batch)) != SAM_OK ||
	    (status = mark(st, batch, ctx)) != SAM_OK) {
		store_rollback(st);
		goto out;
	}
	/* Committed, the erasure is decided: killed from here on, the next
	 * open finishes it. In one transaction, it is decided when it is done. */
	if (st->ops->bulk_in_steps) {
		st->erased = false;
		began = 0;
		status = store_commit(st);
	}
	if (status == SAM_OK && (status = batch_drain(st, batch, action, &began, n)) == SAM_OK)
		status = batch_finish(st, batch, &began, *n > 0);
out:
	if (batch)
		batch_unlock(st, batch);
	return status;
}

static enum sam_status mark_closed(struct store *st, int64_t batch, void *ctx)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st, "UPDATE cases SET batch = ?1 WHERE closed IS NOT NULL"
					    " AND closed < ?2" CASE_SHOWN("id"), &stmt);

	if (status != SAM_OK)
		return status;
	db_bind_int(stmt, 1, batch);
	db_bind_str(stmt, 2, ctx);
	status = db_step_done(st, stmt);
	db_finalize(stmt);
	return status;
}

enum sam_status store_purge_closed_before(struct store *st, const char *date, int *n)
{
	enum sam_status status;
	size_t count = 0;

	*n = 0;
	if ((status = check_date(_("the date"), date)) != SAM_OK)
		return status;
	status = erase_batch(st, "case.purge", mark_closed, (void *)date, &count);
	if (status == SAM_OK || status == SAM_ERR_PENDING)
		*n = (int)count;
	return status;
}

struct id_set {
	const int64_t *ids;
	size_t n;
};

static enum sam_status mark_ids(struct store *st, int64_t batch, void *ctx)
{
	const struct id_set *set = ctx;
	struct db_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st, "UPDATE cases SET batch = ?1 WHERE id = ?2"
					    CASE_SHOWN("id"), &stmt);

	for (size_t i = 0; i < set->n && status == SAM_OK; i++) {
		db_bind_int(stmt, 1, batch);
		db_bind_int(stmt, 2, set->ids[i]);
		if ((status = db_run(st, stmt)) == SAM_OK && db_changes(st) == 0)
			status = sam_fail(SAM_ERR_NOT_FOUND, "%s", _("the case does not exist (any more)"));
	}
	db_finalize(stmt);
	return status;
}

enum sam_status store_cases_delete(struct store *st, const int64_t *ids, size_t n)
{
	struct id_set set = { ids, n };
	size_t count;

	return erase_batch(st, "case.delete", mark_ids, &set, &count);
}

void case_rec_free(struct case_rec *c)
{
	if (!c)
		return;
	free(c->ref);
	free(c->initials);
	free(c->caseworker);
	free(c->opened);
	free(c->closed);
	for (int i = 0; i < PROFILE_NFIELDS; i++)
		free(c->profile[i]);
	free(c->last_meeting);
	memset(c, 0, sizeof(*c));
}

void case_list_free(struct case_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		case_rec_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
