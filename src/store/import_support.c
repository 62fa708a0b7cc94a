#include "samtale/import_support.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"
#include "store_int.h"

/*
 * Store: writing an import. The checks are those of store_case_add,
 * store_case_set_profile, store_meeting_add, store_meeting_set,
 * store_item_set_note, store_followup_add and store_case_close, in that
 * order, with their wording; the writes are prepared once, and a case is
 * one audit line, as in bulk.c.
 */

enum import_stmt { I_EXISTS, I_CASE, I_MEETING, I_ITEM, I_FOLLOWUP, I_CLOSE, I_COUNT };

static const char *const import_sql[I_COUNT] = {
	[I_EXISTS] = "SELECT 1 FROM cases WHERE ref = ?1",
	[I_CASE] = "INSERT INTO cases (ref, initials, caseworker, opened, qualifications, job_wishes, "
		   "education_wishes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[I_MEETING] = "INSERT INTO meetings (case_id, date, type, caseworker, note, agreed, interpreter) "
		      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[I_ITEM] = "INSERT INTO meeting_items (meeting_id, item_id, section_id, position, text, state, note) "
		   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[I_FOLLOWUP] = "INSERT INTO followups (case_id, due, text, assignee, done) "
		       "VALUES (?1, ?2, ?3, ?4, ?5)",
	[I_CLOSE] = "UPDATE cases SET closed = ?1 WHERE id = ?2",
};

struct store_import {
	struct store *st;
	sqlite3_stmt *stmt[I_COUNT];
	int64_t case_id;		/* the case being written, 0 before the first */
	sam_date opened;		/* its opening date, which closing may not precede */
};

enum sam_status store_import_open(struct store *st, struct store_import **out)
{
	struct store_import *im;
	enum sam_status status;

	*out = NULL;
	if (!st->in_tx)
		return sam_error("store_import_open: no transaction is open");
	im = xcalloc(1, sizeof(*im));
	im->st = st;
	if ((status = db_prepare_all(st, import_sql, im->stmt, I_COUNT)) != SAM_OK) {
		store_import_close(im);
		return status;
	}
	*out = im;
	return SAM_OK;
}

void store_import_close(struct store_import *im)
{
	if (!im)
		return;
	db_finalize_all(im->stmt, I_COUNT);
	free(im);
}

static enum sam_status refuse_existing(struct store_import *im, const char *ref)
{
	sqlite3_stmt *stmt = im->stmt[I_EXISTS];
	enum sam_status status = SAM_OK;
	int rc;

	sqlite3_bind_text(stmt, 1, ref, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		status = sam_fail(SAM_ERR_INVALID, "%s", tr("findes allerede i databasen",
							   "already exists in the database"));
	else if (rc != SQLITE_DONE)
		status = db_error(im->st, rc);
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	return status;
}

static enum sam_status check_case(const struct store_bulk_case *c, const char *opened)
{
	static const char *const profile_da[] = { "kvalifikationerne", "jobønskerne",
						  "uddannelsesønskerne" };
	static const char *const profile_en[] = { "the qualifications", "the job wishes",
						  "the education wishes" };
	enum sam_status status;

	if ((status = check_label(tr("sagsnummeret", "the reference"), c->ref, REF_MAX)) ||
	    (!str_empty(c->initials) &&
	     (status = check_label(tr("initialerne", "the initials"), c->initials, INITIALS_MAX))) ||
	    (status = check_date(tr("oprettelsesdatoen", "the opening date"), opened)) ||
	    (c->caseworker && (status = check_label(tr("sagsbehandleren", "the caseworker"),
						     c->caseworker, NAME_MAX_BYTES))))
		return status;
	for (size_t i = 0; i < ARRAY_SIZE(profile_da); i++)
		if ((status = check_text(tr(profile_da[i], profile_en[i]), c->profile[i], NOTE_MAX)))
			return status;
	return SAM_OK;
}

enum sam_status store_import_case(struct store_import *im, const struct store_bulk_case *c)
{
	sqlite3_stmt *stmt = im->stmt[I_CASE];
	enum sam_status status;
	sam_date today;
	const char *opened = c->opened;

	if (!opened) {
		date_today(today);
		opened = today;
	}
	if ((status = refuse_existing(im, c->ref)) || (status = check_case(c, opened)))
		return status;
	sqlite3_bind_text(stmt, 1, c->ref, -1, SQLITE_STATIC);
	db_bind_text(stmt, 2, c->initials);
	sqlite3_bind_text(stmt, 3, c->caseworker ? c->caseworker : im->st->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, opened, -1, SQLITE_STATIC);
	for (int p = 0; p < 3; p++)
		db_bind_text(stmt, 5 + p, c->profile[p]);
	if ((status = db_run(im->st, stmt)))
		return status;
	im->case_id = sqlite3_last_insert_rowid(im->st->db);
	memcpy(im->opened, opened, sizeof(im->opened));
	return SAM_OK;
}

static enum sam_status check_meeting(const struct store_bulk_meeting *m, const char *date)
{
	enum sam_status status;

	if ((status = check_date(tr("samtalens dato", "the meeting's date"), date)) ||
	    (m->caseworker && (status = check_label(tr("sagsbehandleren", "the caseworker"),
						     m->caseworker, NAME_MAX_BYTES))) ||
	    (status = check_text(tr("noten", "the note"), m->note, NOTE_MAX)) ||
	    (status = check_text(tr("aftalen", "the agreed summary"), m->agreed, NOTE_MAX)) ||
	    (!str_empty(m->interpreter) &&
	     (status = check_label(tr("tolkesproget", "the interpreted language"), m->interpreter,
				   NAME_MAX_BYTES))))
		return status;
	for (size_t i = 0; m->notes && i < m->nitems; i++)
		if ((status = check_text(tr("noten", "the note"), m->notes[i], NOTE_MAX)))
			return status;
	return SAM_OK;
}

static enum sam_status write_items(struct store_import *im, int64_t meeting_id,
				   const struct store_bulk_meeting *m)
{
	sqlite3_stmt *stmt = im->stmt[I_ITEM];
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
		status = db_run(im->st, stmt);
		if (status == SAM_ERR_INVALID)	/* the primary key: an item twice */
			status = sam_fail(SAM_ERR_INVALID, tr("punktet %s står to gange i samtalen",
							      "the item %s is in the meeting twice"),
					  m->items[i].item_id);
	}
	return status;
}

enum sam_status store_import_meeting(struct store_import *im, const struct store_bulk_meeting *m)
{
	sqlite3_stmt *stmt = im->stmt[I_MEETING];
	enum sam_status status;
	sam_date today;
	const char *date = m->date;

	if (!date) {
		date_today(today);
		date = today;
	}
	if ((status = check_meeting(m, date)))
		return status;
	sqlite3_bind_int64(stmt, 1, im->case_id);
	sqlite3_bind_text(stmt, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, m->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, m->caseworker ? m->caseworker : im->st->user, -1, SQLITE_STATIC);
	db_bind_text(stmt, 5, m->note);
	db_bind_text(stmt, 6, m->agreed);
	db_bind_text(stmt, 7, m->interpreter);
	if ((status = db_run(im->st, stmt)))
		return status;
	return write_items(im, sqlite3_last_insert_rowid(im->st->db), m);
}

enum sam_status store_import_followup(struct store_import *im, const char *due, const char *text,
				      const char *assignee, bool done)
{
	sqlite3_stmt *stmt = im->stmt[I_FOLLOWUP];
	enum sam_status status;

	if (!assignee)
		assignee = im->st->user;
	if ((status = check_date(tr("fristen", "the due date"), due)))
		return status;
	if (str_empty(text))
		return sam_fail(SAM_ERR_INVALID, "%s", tr("opfølgningen skal have en tekst",
							  "the follow-up needs a text"));
	if ((status = check_text(tr("opfølgningen", "the follow-up"), text, NOTE_MAX)) ||
	    (status = check_label(tr("den ansvarlige", "the assignee"), assignee, NAME_MAX_BYTES)))
		return status;
	sqlite3_bind_int64(stmt, 1, im->case_id);
	sqlite3_bind_text(stmt, 2, due, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, text, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, assignee, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 5, done);
	return db_run(im->st, stmt);
}

enum sam_status store_import_case_end(struct store_import *im, const char *closed)
{
	sqlite3_stmt *stmt = im->stmt[I_CLOSE];
	enum sam_status status;

	if (closed) {
		if ((status = check_date(tr("afslutningsdatoen", "the closing date"), closed)))
			return status;
		if (strcmp(closed, im->opened) < 0)
			return sam_fail(SAM_ERR_INVALID,
					tr("sagen kan ikke afsluttes før den blev oprettet (%s)",
					   "the case cannot close before it opened (%s)"), im->opened);
		sqlite3_bind_text(stmt, 1, closed, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, im->case_id);
		if ((status = db_run(im->st, stmt)))
			return status;
	}
	return audit_log(im->st, "case.add", im->case_id, im->case_id, "import");
}
