#include "store_int.h"

#include <stdlib.h>

#include "samtale/util.h"

/*
 * Store: bulk writing. The one-change-at-a-time functions prepare their
 * statements, open a savepoint and write an audit line per change: right for
 * a caseworker's keystrokes, some 25 µs a change, a minute for the half a
 * million item states of a large job centre. Here every statement is
 * prepared once and a whole case is one audit line.
 */

void store_set_user(struct store *st, const char *user)
{
	char *copy = xstrdup(user);

	free(st->user);
	st->user = copy;
}

enum bulk_stmt { B_CASE, B_MEETING, B_ITEM, B_FOLLOWUP, B_COUNT };

static const char *const bulk_sql[B_COUNT] = {
	[B_CASE] = "INSERT INTO cases (ref, initials, caseworker, opened, closed, qualifications, "
		   "job_wishes, education_wishes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[B_MEETING] = "INSERT INTO meetings (case_id, date, type, caseworker, note, agreed, interpreter) "
		      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[B_ITEM] = "INSERT INTO meeting_items (meeting_id, item_id, section_id, position, text, state, note) "
		   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[B_FOLLOWUP] = "INSERT INTO followups (case_id, meeting_id, due, text, assignee, done) "
		       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
};

struct store_bulk {
	struct store *st;
	sqlite3_stmt *stmt[B_COUNT];
	int64_t *meeting_ids;		/* of the case being written */
	size_t meeting_cap;
};

enum sam_status store_bulk_open(struct store *st, struct store_bulk **out)
{
	struct store_bulk *b;
	enum sam_status status;

	*out = NULL;
	if (!st->in_tx)
		return sam_error("store_bulk_open: no transaction is open");
	b = xcalloc(1, sizeof(*b));
	b->st = st;
	if ((status = db_prepare_all(st, bulk_sql, b->stmt, B_COUNT)) != SAM_OK) {
		store_bulk_close(b);
		return status;
	}
	*out = b;
	return SAM_OK;
}

void store_bulk_close(struct store_bulk *b)
{
	if (!b)
		return;
	db_finalize_all(b->stmt, B_COUNT);
	free(b->meeting_ids);
	free(b);
}

static enum sam_status check_case(const struct store_bulk_case *c)
{
	const char *profile_what[3] = {
		tr("kvalifikationerne", "the qualifications"), tr("jobønskerne", "the job wishes"),
		tr("uddannelsesønskerne", "the education wishes"),
	};
	enum sam_status status;

	if ((status = check_label(tr("sagsnummeret", "the reference"), c->ref, REF_MAX)) ||
	    (c->initials && (status = check_label(tr("initialerne", "the initials"), c->initials,
						   INITIALS_MAX))) ||
	    (status = check_label(tr("sagsbehandleren", "the caseworker"), c->caseworker,
				  NAME_MAX_BYTES)) ||
	    (status = check_date(tr("oprettet", "opened"), c->opened)) ||
	    (c->closed && (status = check_date(tr("afsluttet", "closed"), c->closed))))
		return status;
	for (int p = 0; p < 3; p++)
		if (c->profile[p] && (status = check_text(profile_what[p], c->profile[p], NOTE_MAX)))
			return status;
	return SAM_OK;
}

static enum sam_status check_meeting(const struct store_bulk_meeting *m)
{
	enum sam_status status;

	if ((status = check_date(tr("datoen", "the date"), m->date)) ||
	    (status = check_label(tr("sagsbehandleren", "the caseworker"), m->caseworker,
				  NAME_MAX_BYTES)) ||
	    (m->note && (status = check_text(tr("noten", "the note"), m->note, NOTE_MAX))) ||
	    (m->agreed && (status = check_text(tr("aftalen", "the agreed summary"), m->agreed,
					       NOTE_MAX))) ||
	    (m->interpreter && (status = check_text(tr("tolkesproget", "the interpreter"),
						    m->interpreter, NAME_MAX_BYTES))))
		return status;
	for (size_t i = 0; m->notes && i < m->nitems; i++)
		if (m->notes[i] && (status = check_text(tr("noten", "the note"), m->notes[i], NOTE_MAX)))
			return status;
	return SAM_OK;
}

static enum sam_status write_items(struct store_bulk *b, int64_t meeting_id,
				   const struct store_bulk_meeting *m)
{
	sqlite3_stmt *stmt = b->stmt[B_ITEM];
	enum sam_status status = SAM_OK;

	for (size_t i = 0; i < m->nitems && status == SAM_OK; i++) {
		sqlite3_bind_int64(stmt, 1, meeting_id);
		sqlite3_bind_text(stmt, 2, m->items[i].item_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, m->items[i].section_id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 4, (int64_t)i);
		sqlite3_bind_text(stmt, 5, m->items[i].text ? m->items[i].text : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 6, item_state_name(m->states ? m->states[i] : ITEM_OPEN), -1,
				  SQLITE_STATIC);
		db_bind_text(stmt, 7, m->notes ? m->notes[i] : NULL);
		status = db_run(b->st, stmt);
	}
	return status;
}

static enum sam_status write_meeting(struct store_bulk *b, int64_t case_id,
				     const struct store_bulk_meeting *m, int64_t *id)
{
	sqlite3_stmt *stmt = b->stmt[B_MEETING];
	enum sam_status status;

	if ((status = check_meeting(m)))
		return status;
	sqlite3_bind_int64(stmt, 1, case_id);
	sqlite3_bind_text(stmt, 2, m->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, m->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, m->caseworker, -1, SQLITE_STATIC);
	db_bind_text(stmt, 5, m->note);
	db_bind_text(stmt, 6, m->agreed);
	db_bind_text(stmt, 7, m->interpreter);
	if ((status = db_run(b->st, stmt)))
		return status;
	*id = sqlite3_last_insert_rowid(b->st->db);
	return write_items(b, *id, m);
}

static enum sam_status write_followup(struct store_bulk *b, int64_t case_id,
				      const struct store_bulk_followup *f)
{
	sqlite3_stmt *stmt = b->stmt[B_FOLLOWUP];
	enum sam_status status;

	if ((status = check_date(tr("fristen", "the due date"), f->due)) ||
	    (status = check_text(tr("opfølgningen", "the follow-up"), f->text, NOTE_MAX)) ||
	    (status = check_label(tr("den ansvarlige", "the assignee"), f->assignee, NAME_MAX_BYTES)))
		return status;
	sqlite3_bind_int64(stmt, 1, case_id);
	sqlite3_bind_int64(stmt, 2, b->meeting_ids[f->meeting]);
	sqlite3_bind_text(stmt, 3, f->due, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, f->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, f->assignee, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 6, f->done);
	return db_run(b->st, stmt);
}

enum sam_status store_bulk_case(struct store_bulk *b, const struct store_bulk_case *c)
{
	sqlite3_stmt *stmt = b->stmt[B_CASE];
	enum sam_status status;
	int64_t case_id;

	if ((status = check_case(c)))
		return status;
	for (size_t i = 0; i < c->nfollowups; i++)
		if (c->followups[i].meeting >= c->nmeetings)
			return sam_error("store_bulk_case: a follow-up of a meeting that is not there");
	sqlite3_bind_text(stmt, 1, c->ref, -1, SQLITE_STATIC);
	db_bind_text(stmt, 2, c->initials);
	sqlite3_bind_text(stmt, 3, c->caseworker, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, c->opened, -1, SQLITE_STATIC);
	db_bind_text(stmt, 5, c->closed);
	for (int p = 0; p < 3; p++)
		db_bind_text(stmt, 6 + p, c->profile[p]);
	if ((status = db_run(b->st, stmt)))
		return status;
	case_id = sqlite3_last_insert_rowid(b->st->db);
	if (c->nmeetings > b->meeting_cap) {
		b->meeting_cap = c->nmeetings;
		b->meeting_ids = xrealloc(b->meeting_ids, b->meeting_cap * sizeof(*b->meeting_ids));
	}
	for (size_t i = 0; i < c->nmeetings; i++)
		if ((status = write_meeting(b, case_id, &c->meetings[i], &b->meeting_ids[i])))
			return status;
	for (size_t i = 0; i < c->nfollowups; i++)
		if ((status = write_followup(b, case_id, &c->followups[i])))
			return status;
	return audit_log(b->st, "case.add", case_id, case_id, "demo");
}
