#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

/*
 * Store: bulk writing, for import and demo data. The one-change-at-a-time
 * functions prepare their statements, open a savepoint and write an audit
 * line per change: right for a caseworker's keystrokes, some 25 µs a change,
 * a minute for the half a million item states of a large job centre. Here
 * every statement is prepared once and a whole case is one audit line.
 *
 * The checks are those of store_case_add, store_case_set_profile,
 * store_meeting_add, store_meeting_set, store_item_set_note,
 * store_followup_add, store_internship_add and _end, and store_case_close,
 * in that order, with their wording, so that nothing is written that a
 * caseworker could not have typed.
 *
 * The cases are written under a batch (batch.c), in steps: a step ends
 * after the meeting or the case that takes it past STEP_MS. Until
 * store_bulk_finish commits the last one, nobody sees them.
 */

#define PROFILE_PARAM(arg, name, key) ", ?"

enum bulk_stmt { B_EXISTS, B_CASE, B_MEETING, B_FOLLOWUP, B_CLOSE, B_INTERNSHIP, B_COUNT };

/* A meeting's items go in INSERTs of up to this many rows: one statement,
 * not one each, is what a server across a socket needs (each is a round
 * trip), and its counts are kept once per statement there. */
#define ITEMS_PER_INSERT 32

static const char *const bulk_sql[B_COUNT] = {
	[B_EXISTS] = "SELECT 1 FROM cases WHERE ref = ?1",
	/* Unnumbered parameters follow ?4: one per profile field, then the batch. */
	[B_CASE] = "INSERT INTO cases (ref, initials, caseworker, opened" PROFILE_COLUMN_LIST("")
		   ", batch) VALUES (?1, ?2, ?3, ?4" PROFILE_FIELDS(PROFILE_PARAM, ) ", ?) RETURNING id",
	[B_MEETING] = "INSERT INTO meetings (case_id, date, type, caseworker, note, agreed, interpreter, "
		      "next_date, next_time, next_place) "
		      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
	[B_FOLLOWUP] = "INSERT INTO followups (case_id, meeting_id, due, text, assignee, done, her) "
		       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[B_CLOSE] = "UPDATE cases SET closed = ?1 WHERE id = ?2",
	[B_INTERNSHIP] = "INSERT INTO internships (case_id, workplace, field, from_date, planned_to, ended, "
			 "contact, goal, job_possible, outcome, outcome_reason, caseworker) "
			 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
};

struct store_bulk {
	struct store *st;
	char *detail;			/* of each case's audit line */
	int64_t batch;			/* its cases are written under it */
	int64_t began;			/* when the step began, 0 between steps */
	bool finished;
	struct db_stmt *stmt[B_COUNT];
	struct db_stmt *items[ITEMS_PER_INSERT + 1];	/* [n]: n rows, made when first needed */
	struct wording_finder *wordings;
	int64_t case_id;		/* the case being written, 0 before the first */
	sam_date opened;		/* its opening date, which closing may not precede */
	char *caseworker;		/* its caseworker, who recorded its internships */
	int64_t *meeting_ids;		/* its meetings so far, for their follow-ups */
	size_t nmeetings, meeting_cap;
};

enum sam_status store_bulk_open(struct store *st, const char *detail, struct store_bulk **out)
{
	struct store_bulk *b;
	enum sam_status status;

	*out = NULL;
	if (st->in_tx)
		return sam_error("store_bulk_open: inside a transaction");
	b = xcalloc(1, sizeof(*b));
	b->st = st;
	b->detail = xstrdup(detail);
	/* A step lost to a power cut is removed with the batch; only the last
	 * step needs to be on the disk before the import says it is done. */
	st->ops->bulk_mode(st, true);
	if ((status = batch_step_open(st, &b->began)) != SAM_OK ||
	    (status = batch_create(st, "add", detail, &b->batch)) != SAM_OK ||
	    (status = db_prepare_all(st, bulk_sql, b->stmt, B_COUNT)) != SAM_OK ||
	    (status = wording_finder_open(st, &b->wordings)) != SAM_OK) {
		store_bulk_close(b);
		return status;
	}
	*out = b;
	return SAM_OK;
}

enum sam_status store_bulk_finish(struct store_bulk *b)
{
	enum sam_status status = SAM_OK;

	/* The last step alone, synchronous: its commit puts the steps before
	 * it on the disk too. */
	if (b->began) {
		b->began = 0;
		status = store_commit(b->st);
	}
	b->st->ops->bulk_mode(b->st, false);
	if (status == SAM_OK)
		status = batch_finish(b->st, b->batch, &b->began, false);
	b->finished = status == SAM_OK;
	return status;
}

void store_bulk_close(struct store_bulk *b)
{
	size_t n;

	if (!b)
		return;
	db_finalize_all(b->stmt, B_COUNT);
	db_finalize_all(b->items, ITEMS_PER_INSERT + 1);
	wording_finder_close(b->wordings);
	if (!b->finished && b->batch) {
		/* What was written goes again, in steps, but the reason stays
		 * the caller's to show. */
		char *msg = xstrdup(sam_errmsg());
		enum sam_status status;

		store_rollback(b->st);
		b->began = 0;
		if ((status = batch_drain(b->st, b->batch, NULL, &b->began, &n)) == SAM_OK)
			batch_finish(b->st, b->batch, &b->began, false);
		sam_fail(SAM_ERR_MSG, "%s", msg);
		free(msg);
	} else {
		store_rollback(b->st);
		b->st->ops->bulk_mode(b->st, false);
	}
	if (b->batch)
		batch_unlock(b->st, b->batch);
	free(b->detail);
	free(b->caseworker);
	free(b->meeting_ids);
	free(b);
}

static enum sam_status refuse_existing(struct store_bulk *b, const char *ref)
{
	struct db_stmt *stmt = b->stmt[B_EXISTS];
	int rc;

	db_bind_str(stmt, 1, ref);
	rc = db_step(stmt);
	if (rc == DB_ROW) {
		db_done(b->st, stmt, DB_DONE);
		return sam_fail(SAM_ERR_INVALID, "%s", _("already exists in the database"));
	}
	return db_done(b->st, stmt, rc);
}

static enum sam_status check_case(const struct store_bulk_case *c, const char *opened)
{
	enum sam_status status;

	if ((status = check_case_fields(c->ref, c->initials, opened)) ||
	    (c->caseworker && (status = check_caseworker(c->caseworker))))
		return status;
	for (enum profile_field f = 0; f < PROFILE_NFIELDS; f++)
		if ((status = check_profile(f, c->profile[f])))
			return status;
	return SAM_OK;
}

enum sam_status store_bulk_case_begin(struct store_bulk *b, const struct store_bulk_case *c)
{
	struct db_stmt *stmt = b->stmt[B_CASE];
	enum sam_status status;
	sam_date today;
	const char *opened = date_or_today(c->opened, today);

	if ((status = batch_step_open(b->st, &b->began)) || (status = refuse_existing(b, c->ref)) ||
	    (status = check_case(c, opened)))
		return status;
	db_bind_str(stmt, 1, c->ref);
	db_bind_text(stmt, 2, c->initials);
	db_bind_str(stmt, 3, c->caseworker ? c->caseworker : b->st->user);
	db_bind_str(stmt, 4, opened);
	for (int p = 0; p < PROFILE_NFIELDS; p++)
		db_bind_text(stmt, 5 + p, c->profile[p]);
	db_bind_int(stmt, 5 + PROFILE_NFIELDS, b->batch);
	if ((status = db_insert_id(b->st, stmt, &b->case_id)))
		return status;
	memcpy(b->opened, opened, sizeof(b->opened));
	free(b->caseworker);
	b->caseworker = xstrdup(c->caseworker ? c->caseworker : b->st->user);
	b->nmeetings = 0;
	return SAM_OK;
}

static enum sam_status check_meeting(const struct store_bulk_meeting *m, const char *date)
{
	enum sam_status status;

	if ((status = check_date(_("the meeting's date"), date)) ||
	    (m->caseworker && (status = check_caseworker(m->caseworker))) ||
	    (status = check_meeting_field(MEETING_NOTE, m->note)) ||
	    (status = check_meeting_field(MEETING_AGREED, m->agreed)) ||
	    (status = check_meeting_field(MEETING_INTERPRETER, m->interpreter)) ||
	    (status = check_meeting_next(date, m->next_date, m->next_time, m->next_place)))
		return status;
	for (size_t i = 0; m->notes && i < m->nitems; i++)
		if ((status = check_item_note(m->notes[i])))
			return status;
	return check_items_once(m->items, m->nitems);
}

/* The INSERT of rows items, prepared the first time a meeting needs it. */
static enum sam_status items_insert(struct store_bulk *b, size_t rows, struct db_stmt **out)
{
	struct strbuf sql = { 0 };
	enum sam_status status = SAM_OK;

	if (!b->items[rows]) {
		strbuf_adds(&sql, "INSERT INTO checklist (meeting_id, position, wording, state, note) VALUES ");
		for (size_t r = 0; r < rows; r++)
			strbuf_addf(&sql, "%s(?%zu, ?%zu, ?%zu, ?%zu, ?%zu)", r ? ", " : "", 5 * r + 1,
				    5 * r + 2, 5 * r + 3, 5 * r + 4, 5 * r + 5);
		status = db_prepare(b->st, sql.buf, &b->items[rows]);
		strbuf_free(&sql);
	}
	*out = b->items[rows];
	return status;
}

static enum sam_status write_items(struct store_bulk *b, int64_t meeting_id,
				   const struct store_bulk_meeting *m)
{
	enum sam_status status = SAM_OK;

	for (size_t first = 0; first < m->nitems && status == SAM_OK; first += ITEMS_PER_INSERT) {
		size_t rows = m->nitems - first < ITEMS_PER_INSERT ? m->nitems - first : ITEMS_PER_INSERT;
		struct db_stmt *stmt;
		int64_t wording;

		if ((status = items_insert(b, rows, &stmt)) != SAM_OK)
			break;
		for (size_t r = 0, i = first; r < rows && status == SAM_OK; r++, i++) {
			int at = 5 * (int)r;

			if ((status = wording_find(b->wordings, &m->items[i], &wording)) != SAM_OK)
				break;
			db_bind_int(stmt, at + 1, meeting_id);
			db_bind_int(stmt, at + 2, (int64_t)i);
			db_bind_int(stmt, at + 3, wording);
			db_bind_int(stmt, at + 4, m->states ? (int)m->states[i] : ITEM_OPEN);
			db_bind_text(stmt, at + 5, m->notes ? m->notes[i] : NULL);
		}
		if (status == SAM_OK)
			status = db_run(b->st, stmt);
	}
	return status;
}

enum sam_status store_bulk_meeting_add(struct store_bulk *b, const struct store_bulk_meeting *m)
{
	struct db_stmt *stmt = b->stmt[B_MEETING];
	enum sam_status status;
	sam_date today;
	const char *date = date_or_today(m->date, today);
	int64_t id;

	if ((status = batch_step_open(b->st, &b->began)) || (status = check_meeting(m, date)))
		return status;
	db_bind_int(stmt, 1, b->case_id);
	db_bind_str(stmt, 2, date);
	db_bind_str(stmt, 3, m->type);
	db_bind_str(stmt, 4, m->caseworker ? m->caseworker : b->st->user);
	db_bind_text(stmt, 5, m->note);
	db_bind_text(stmt, 6, m->agreed);
	db_bind_text(stmt, 7, m->interpreter);
	db_bind_text(stmt, 8, m->next_date);
	db_bind_text(stmt, 9, str_empty(m->next_date) ? NULL : m->next_time);
	db_bind_text(stmt, 10, str_empty(m->next_date) ? NULL : m->next_place);
	if ((status = db_insert_id(b->st, stmt, &id)))
		return status;
	b->meeting_ids = array_grow(b->meeting_ids, b->nmeetings, &b->meeting_cap,
				    sizeof(*b->meeting_ids));
	b->meeting_ids[b->nmeetings++] = id;
	if ((status = write_items(b, id, m)))
		return status;
	/* A step may end inside a case: nobody sees either part before the
	 * last step, and a failure removes both. */
	return batch_step_next(b->st, &b->began);
}

enum sam_status store_bulk_followup_add(struct store_bulk *b, const struct store_bulk_followup *f)
{
	struct db_stmt *stmt = b->stmt[B_FOLLOWUP];
	const char *assignee = f->assignee ? f->assignee : b->st->user;
	enum sam_status status;

	if ((status = batch_step_open(b->st, &b->began)))
		return status;
	if (f->meeting != STORE_BULK_NO_MEETING && f->meeting >= b->nmeetings)
		return sam_error("store_bulk_followup_add: a follow-up of a meeting that is not there");
	if ((status = check_followup_fields(f->due, f->text, assignee)))
		return status;
	db_bind_int(stmt, 1, b->case_id);
	if (f->meeting != STORE_BULK_NO_MEETING)
		db_bind_int(stmt, 2, b->meeting_ids[f->meeting]);
	db_bind_str(stmt, 3, f->due);
	db_bind_str(stmt, 4, f->text);
	db_bind_str(stmt, 5, assignee);
	db_bind_int(stmt, 6, f->done);
	db_bind_int(stmt, 7, f->her);
	return db_run(b->st, stmt);
}

enum sam_status store_bulk_internship_add(struct store_bulk *b, const struct internship_spec *in)
{
	struct db_stmt *stmt = b->stmt[B_INTERNSHIP];
	enum sam_status status;

	if ((status = batch_step_open(b->st, &b->began)) || (status = check_internship(in, true)))
		return status;
	db_bind_int(stmt, 1, b->case_id);
	db_bind_text(stmt, 2, in->workplace);
	db_bind_text(stmt, 3, in->field);
	db_bind_text(stmt, 4, in->from);
	db_bind_text(stmt, 5, in->planned_to);
	db_bind_text(stmt, 6, in->ended);
	db_bind_text(stmt, 7, in->contact);
	db_bind_text(stmt, 8, in->goal);
	db_bind_str(stmt, 9, job_possible_words[in->job_possible].word);
	db_bind_text(stmt, 10, outcome_words[in->outcome].word);
	db_bind_text(stmt, 11, in->outcome_reason);
	db_bind_str(stmt, 12, b->caseworker);
	return db_run(b->st, stmt);
}

enum sam_status store_bulk_case_end(struct store_bulk *b, const char *closed)
{
	struct db_stmt *stmt = b->stmt[B_CLOSE];
	enum sam_status status;

	if ((status = batch_step_open(b->st, &b->began)))
		return status;
	if (closed) {
		if ((status = check_date(_("the closing date"), closed)))
			return status;
		if (strcmp(closed, b->opened) < 0)
			return sam_fail(SAM_ERR_INVALID,
					_("the case cannot close before it opened (%s)"), b->opened);
		db_bind_str(stmt, 1, closed);
		db_bind_int(stmt, 2, b->case_id);
		if ((status = db_run(b->st, stmt)))
			return status;
	}
	if ((status = audit_log(b->st, "case.add", b->case_id, b->case_id, b->detail)))
		return status;
	return batch_step_next(b->st, &b->began);
}

enum sam_status store_bulk_case(struct store_bulk *b, const struct store_bulk_case *c)
{
	enum sam_status status = store_bulk_case_begin(b, c);

	for (size_t i = 0; i < c->nmeetings && status == SAM_OK; i++)
		status = store_bulk_meeting_add(b, &c->meetings[i]);
	for (size_t i = 0; i < c->nfollowups && status == SAM_OK; i++)
		status = store_bulk_followup_add(b, &c->followups[i]);
	for (size_t i = 0; i < c->ninternships && status == SAM_OK; i++)
		status = store_bulk_internship_add(b, &c->internships[i]);
	return status == SAM_OK ? store_bulk_case_end(b, c->closed) : status;
}
