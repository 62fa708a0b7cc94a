#include "samtale/store.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"
#include "store_int.h"

/*
 * Store: internships
 */

const struct store_word job_possible_words[JOB_POSSIBLE_N] = {
	[JOB_POSSIBLE_UNKNOWN] = { "unknown", N_("unknown") },
	[JOB_POSSIBLE_YES] = { "yes", N_("yes") },
	[JOB_POSSIBLE_NO] = { "no", N_("no") },
};

const struct store_word outcome_words[OUTCOME_N] = {
	[OUTCOME_NONE] = { NULL, N_("not ended") },
	[OUTCOME_EMPLOYED] = { "employed", N_("employed") },
	[OUTCOME_EDUCATION] = { "education", N_("education") },
	[OUTCOME_EXTENDED] = { "extended", N_("extended") },
	[OUTCOME_ENDED_EARLY] = { "ended-early", N_("ended early") },
	[OUTCOME_COMPLETED] = { "completed", N_("completed without a job") },
};

int store_word_find(const struct store_word *words, size_t n, const char *word)
{
	for (size_t i = 0; word && i < n; i++)
		if (words[i].word && !strcmp(words[i].word, word))
			return (int)i;
	return -1;
}

char *store_word_list(const struct store_word *words, size_t n)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < n; i++)
		if (words[i].word)
			strbuf_addf(&sb, "%s%s", sb.len ? ", " : "", words[i].word);
	return strbuf_detach(&sb);
}

#define INTERNSHIP_SELECT "SELECT " INTERNSHIP_COLUMNS("i.") ", c.ref FROM internships i " \
	"JOIN cases c ON c.id = i.case_id "

void row_internship(struct db_stmt *stmt, int col, struct internship_rec *in)
{
	int w;

	memset(in, 0, sizeof(*in));
	in->id = db_col_int(stmt, col);
	in->case_id = db_col_int(stmt, col + 1);
	in->workplace = db_col_str(stmt, col + 2);
	in->field = db_col_str(stmt, col + 3);
	in->from = db_col_str(stmt, col + 4);
	in->planned_to = db_col_str(stmt, col + 5);
	in->ended = db_col_str(stmt, col + 6);
	in->contact = db_col_str(stmt, col + 7);
	in->goal = db_col_str(stmt, col + 8);
	/* A word this release does not know reads as unknown, or not ended. */
	w = store_word_find(job_possible_words, JOB_POSSIBLE_N,
			    db_col_text(stmt, col + 9));
	in->job_possible = w < 0 ? JOB_POSSIBLE_UNKNOWN : (enum job_possible)w;
	w = store_word_find(outcome_words, OUTCOME_N, db_col_text(stmt, col + 10));
	in->outcome = w < 0 ? OUTCOME_NONE : (enum internship_outcome)w;
	in->outcome_reason = db_col_str(stmt, col + 11);
	in->caseworker = db_col_str(stmt, col + 12);
}

static enum sam_status check_after(const char *what, const char *date,
				   const char *from)
{
	enum sam_status status;

	if (str_empty(date))
		return SAM_OK;
	if ((status = check_date(what, date)) != SAM_OK)
		return status;
	if (strcmp(date, from) < 0)
		return sam_fail(SAM_ERR_INVALID, _("the internship cannot end before it begins (%s)"),
				from);
	return SAM_OK;
}

static enum sam_status check_reason(const char *reason)
{
	return check_text(_("the reason"), reason, NOTE_MAX);
}

enum sam_status check_internship(const struct internship_spec *in, bool whole)
{
	enum sam_status status;

	if ((status = check_label(_("the workplace"), in->workplace,
				  WORKPLACE_MAX)) != SAM_OK ||
	    (!str_empty(in->field) &&
	     (status = check_label(_("the field"), in->field, NAME_MAX_BYTES)) != SAM_OK) ||
	    (status = check_date(_("the start date"), in->from)) != SAM_OK ||
	    (status = check_after(_("the planned end date"), in->planned_to,
				  in->from)) != SAM_OK ||
	    (!str_empty(in->contact) &&
	     (status = check_label(_("the contact person"), in->contact,
				   WORKPLACE_MAX)) != SAM_OK) ||
	    (status = check_text(_("the goal"), in->goal, NOTE_MAX)) != SAM_OK)
		return status;
	if ((unsigned)in->job_possible >= JOB_POSSIBLE_N)
		return sam_fail(SAM_ERR_INVALID, "unknown job_possible %d", (int)in->job_possible);
	if (!whole)
		return SAM_OK;
	if ((unsigned)in->outcome >= OUTCOME_N)
		return sam_fail(SAM_ERR_INVALID, "unknown outcome %d", (int)in->outcome);
	if ((status = check_after(_("the end date"), in->ended, in->from)) != SAM_OK)
		return status;
	return check_reason(in->outcome_reason);
}

enum sam_status store_internship_add(struct store *st, int64_t case_id,
				     const struct internship_spec *in, int64_t *id)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	int64_t new_id = 0;

	if ((status = check_internship(in, false)) != SAM_OK || (status = write_begin(st)) != SAM_OK)
		return status;
	status = db_prepare(st,
		"INSERT INTO internships (case_id, workplace, field, from_date, planned_to, contact, goal,"
		" job_possible, caseworker) SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM cases"
		" WHERE id = ?1 RETURNING id", &stmt);
	if (status != SAM_OK)
		goto out;
	db_bind_int(stmt, 1, case_id);
	db_bind_text(stmt, 2, in->workplace);
	db_bind_text(stmt, 3, in->field);
	db_bind_text(stmt, 4, in->from);
	db_bind_text(stmt, 5, in->planned_to);
	db_bind_text(stmt, 6, in->contact);
	db_bind_text(stmt, 7, in->goal);
	db_bind_str(stmt, 8, job_possible_words[in->job_possible].word);
	db_bind_str(stmt, 9, st->user);
	if ((status = db_insert_id(st, stmt, &new_id)) != SAM_OK)
		goto out;
	if (!new_id) {
		status = sam_fail(SAM_ERR_NOT_FOUND, "%s", _("the case does not exist (any more)"));
		goto out;
	}
	status = audit_log(st, "internship.add", case_id, new_id, NULL);
out:
	db_finalize(stmt);
	status = write_end(st, status);
	if (status == SAM_OK && id)
		*id = new_id;
	return status;
}

static enum sam_status get_one(struct store *st, struct db_stmt *stmt, struct internship_rec *out)
{
	int rc = db_step(stmt);

	if (rc == DB_ROW) {
		row_internship(stmt, 0, out);
		out->case_ref = db_col_str(stmt, INTERNSHIP_NCOLUMNS);
		return SAM_OK;
	}
	if (rc != DB_DONE)
		return db_error(st, rc);
	return sam_fail(SAM_ERR_NOT_FOUND, "%s", _("the internship does not exist (any more)"));
}

enum sam_status store_internship_get(struct store *st, int64_t id, struct internship_rec *out)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;

	memset(out, 0, sizeof(*out));
	if ((status = db_prepare(st, INTERNSHIP_SELECT "WHERE i.id = ?1", &stmt)) != SAM_OK)
		return status;
	db_bind_int(stmt, 1, id);
	status = get_one(st, stmt, out);
	db_finalize(stmt);
	return status;
}

enum sam_status store_internship_current(struct store *st, int64_t case_id,
					 struct internship_rec *out, bool *found)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;

	memset(out, 0, sizeof(*out));
	*found = false;
	status = db_prepare(st, INTERNSHIP_SELECT "WHERE i.case_id = ?1"
			    " ORDER BY i.ended IS NULL AND i.outcome IS NULL DESC, i.from_date DESC, i.id DESC"
			    " LIMIT 1", &stmt);
	if (status != SAM_OK)
		return status;
	db_bind_int(stmt, 1, case_id);
	status = get_one(st, stmt, out);
	if (status == SAM_OK) {
		*found = true;
	} else if (status == SAM_ERR_NOT_FOUND) {
		sam_error_clear();
		status = SAM_OK;
	}
	db_finalize(stmt);
	return status;
}

enum sam_status store_internship_list(struct store *st, const struct internship_query *q,
				      struct internship_list *out)
{
	struct strbuf sql = { 0 };
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((q->began_from && (status = check_date("began_from", q->began_from)) != SAM_OK) ||
	    (q->began_to && (status = check_date("began_to", q->began_to)) != SAM_OK))
		return status;
	/* Only the filters given, so that the indexes on case and start serve. */
	strbuf_adds(&sql, INTERNSHIP_SELECT "WHERE 1 = 1" CASE_SHOWN("i.case_id"));
	if (q->case_id)
		strbuf_adds(&sql, " AND i.case_id = ?1");
	if (q->began_from)
		strbuf_adds(&sql, " AND i.from_date >= ?2");
	if (q->began_to)
		strbuf_adds(&sql, " AND i.from_date <= ?3");
	strbuf_adds(&sql, " ORDER BY c.ref, i.from_date, i.id");
	status = db_prepare(st, strbuf_str(&sql), &stmt);
	strbuf_free(&sql);
	if (status != SAM_OK)
		return status;
	if (q->case_id)
		db_bind_int(stmt, 1, q->case_id);
	if (q->began_from)
		db_bind_str(stmt, 2, q->began_from);
	if (q->began_to)
		db_bind_str(stmt, 3, q->began_to);
	while ((rc = db_step(stmt)) == DB_ROW) {
		struct internship_rec *in;

		out->v = array_grow(out->v, out->n, &cap, sizeof(*out->v));
		in = &out->v[out->n++];
		row_internship(stmt, 0, in);
		in->case_ref = db_col_str(stmt, INTERNSHIP_NCOLUMNS);
	}
	if (rc != DB_DONE) {
		status = db_error(st, rc);
		internship_list_free(out);
	}
	db_finalize(stmt);
	return status;
}

/* The names of the fields an edit changes, for its audit line. */
static void changed_fields(const struct internship_rec *old, const struct internship_spec *in,
			   struct strbuf *sb)
{
	const struct { const char *name, *was, *now; } texts[] = {
		{ "workplace", old->workplace, in->workplace },
		{ "field", old->field, in->field },
		{ "from", old->from, in->from },
		{ "planned_to", old->planned_to, in->planned_to },
		{ "contact", old->contact, in->contact },
		{ "goal", old->goal, in->goal },
	};

	for (size_t i = 0; i < ARRAY_SIZE(texts); i++)
		if (!str_eq(str_empty(texts[i].was) ? NULL : texts[i].was,
			    str_empty(texts[i].now) ? NULL : texts[i].now))
			strbuf_addf(sb, "%s%s", sb->len ? "," : "", texts[i].name);
	if (old->job_possible != in->job_possible)
		strbuf_addf(sb, "%sjob_possible", sb->len ? "," : "");
}

enum sam_status store_internship_edit(struct store *st, int64_t id,
				      const struct internship_spec *in)
{
	struct internship_rec old = { 0 };
	struct strbuf changed = { 0 };
	struct db_stmt *stmt = NULL;
	enum sam_status status;

	if ((status = check_internship(in, false)) != SAM_OK || (status = write_begin(st)) != SAM_OK)
		return status;
	if ((status = store_internship_get(st, id, &old)) != SAM_OK ||
	    (status = check_after(_("the end date"), old.ended, in->from)) != SAM_OK)
		goto out;
	changed_fields(&old, in, &changed);
	if (!changed.len)
		goto out;
	status = db_prepare(st, "UPDATE internships SET workplace = ?2, field = ?3, from_date = ?4,"
			    " planned_to = ?5, contact = ?6, goal = ?7, job_possible = ?8 WHERE id = ?1",
			    &stmt);
	if (status != SAM_OK)
		goto out;
	db_bind_int(stmt, 1, id);
	db_bind_text(stmt, 2, in->workplace);
	db_bind_text(stmt, 3, in->field);
	db_bind_text(stmt, 4, in->from);
	db_bind_text(stmt, 5, in->planned_to);
	db_bind_text(stmt, 6, in->contact);
	db_bind_text(stmt, 7, in->goal);
	db_bind_str(stmt, 8, job_possible_words[in->job_possible].word);
	if ((status = db_step_done(st, stmt)) == SAM_OK)
		status = audit_log(st, "internship.edit", old.case_id, id, strbuf_str(&changed));
out:
	db_finalize(stmt);
	strbuf_free(&changed);
	internship_rec_free(&old);
	return write_end(st, status);
}

enum sam_status store_internship_end(struct store *st, int64_t id, enum internship_outcome outcome,
				     const char *date, const char *reason)
{
	struct internship_rec old = { 0 };
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	sam_date today;

	date = date_or_today(date, today);
	if (outcome == OUTCOME_NONE || (unsigned)outcome >= OUTCOME_N)
		return sam_fail(SAM_ERR_INVALID, "%s", _("say how the internship ended"));
	if ((status = check_date(_("the end date"), date)) != SAM_OK ||
	    (status = check_reason(reason)) != SAM_OK || (status = write_begin(st)) != SAM_OK)
		return status;
	if ((status = store_internship_get(st, id, &old)) != SAM_OK ||
	    (status = check_after(_("the end date"), date, old.from)) != SAM_OK ||
	    (status = db_prepare(st, "UPDATE internships SET ended = ?2, outcome = ?3,"
				 " outcome_reason = ?4 WHERE id = ?1", &stmt)) != SAM_OK)
		goto out;
	db_bind_int(stmt, 1, id);
	db_bind_str(stmt, 2, date);
	db_bind_str(stmt, 3, outcome_words[outcome].word);
	db_bind_text(stmt, 4, reason);
	if ((status = db_step_done(st, stmt)) == SAM_OK)
		status = audit_log(st, "internship.end", old.case_id, id, outcome_words[outcome].word);
out:
	db_finalize(stmt);
	internship_rec_free(&old);
	return write_end(st, status);
}

void internship_rec_free(struct internship_rec *in)
{
	if (!in)
		return;
	free(in->case_ref);
	free(in->workplace);
	free(in->field);
	free(in->from);
	free(in->planned_to);
	free(in->ended);
	free(in->contact);
	free(in->goal);
	free(in->outcome_reason);
	free(in->caseworker);
	memset(in, 0, sizeof(*in));
}

void internship_list_free(struct internship_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		internship_rec_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
