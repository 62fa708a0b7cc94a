#include "samtale/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"
#include "store_int.h"

/*
 * Store: meetings and their checklist
 */

static const char *const state_names[] = { "open", "done", "not_relevant" };

const char *item_state_name(enum item_state s)
{
	return (unsigned)s < ARRAY_SIZE(state_names) ? state_names[s] : "open";
}

bool item_state_parse(const char *name, enum item_state *out)
{
	for (size_t i = 0; name && i < ARRAY_SIZE(state_names); i++) {
		if (!strcmp(name, state_names[i])) {
			*out = (enum item_state)i;
			return true;
		}
	}
	return false;
}

/* Content ids (meeting types, items, sections): lowercase ASCII, digits,
 * '-' and, in a full item id, '.'. */
static enum sam_status check_id(const char *what, const char *id, bool dots)
{
	if (str_empty(id) || strlen(id) > 128)
		return sam_fail(SAM_ERR_INVALID,
				_("%s is missing or too long"), what);
	for (const char *p = id; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || (dots && *p == '.'))
			continue;
		return sam_fail(SAM_ERR_INVALID, _("%s '%s' is not a valid id"),
				what, id);
	}
	return SAM_OK;
}

/* The case a meeting belongs to and whether it was held before today (a
 * change to it is then a correction); SAM_ERR_NOT_FOUND when the meeting is
 * gone. old may be NULL. */
static enum sam_status meeting_case(struct store *st, int64_t meeting_id, int64_t *case_id,
				    bool *old)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st, "SELECT case_id, date < ?2 FROM meetings WHERE id = ?1",
					    &stmt);
	sam_date today;
	int rc;

	if (status != SAM_OK)
		return status;
	date_today(today);
	db_bind_int(stmt, 1, meeting_id);
	db_bind_str(stmt, 2, today);
	rc = db_step(stmt);
	if (rc == DB_ROW) {
		*case_id = db_col_int(stmt, 0);
		if (old)
			*old = (int)db_col_int(stmt, 1);
	} else if (rc == DB_DONE)
		status = sam_fail(SAM_ERR_NOT_FOUND, "%s", _("the meeting does not exist (any more)"));
	else
		status = db_error(st, rc);
	db_finalize(stmt);
	return status;
}

/* Checks the ids of the items and that none is there twice. */
static enum sam_status check_items(const struct meeting_item_spec *items, size_t n)
{
	enum sam_status status = SAM_OK;

	for (size_t i = 0; i < n && status == SAM_OK; i++)
		if ((status = check_id(_("the item"), items[i].item_id, true)) == SAM_OK)
			status = check_id(_("the section"), items[i].section_id, false);
	return status == SAM_OK ? check_items_once(items, n) : status;
}

#define CHECKLIST_INSERT \
	"INSERT INTO checklist (meeting_id, position, wording, state, note) VALUES (?1, ?2, ?3, ?4, ?5)"

/* Writes items[0..n) at positions from first on, with states[i] (NULL:
 * open) and notes[i] (NULL: none). */
static enum sam_status insert_items(struct store *st, int64_t meeting_id, int64_t first,
				    const struct meeting_item_spec *items, size_t n,
				    const enum item_state *states, const char *const *notes)
{
	struct wording_finder *wf = NULL;
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	int64_t wording;

	if ((status = wording_finder_open(st, &wf)) != SAM_OK ||
	    (status = db_prepare(st, CHECKLIST_INSERT, &stmt)) != SAM_OK) {
		wording_finder_close(wf);
		return status;
	}
	for (size_t i = 0; i < n && status == SAM_OK; i++) {
		if ((status = wording_find(wf, &items[i], &wording)) != SAM_OK)
			break;
		db_bind_int(stmt, 1, meeting_id);
		db_bind_int(stmt, 2, first + (int64_t)i);
		db_bind_int(stmt, 3, wording);
		db_bind_int(stmt, 4, states ? (int)states[i] : ITEM_OPEN);
		db_bind_text(stmt, 5, notes ? notes[i] : NULL);
		status = db_run(st, stmt);
	}
	db_finalize(stmt);
	wording_finder_close(wf);
	return status;
}

enum sam_status store_meeting_add(struct store *st, int64_t case_id, const char *date,
				  const char *type, const struct meeting_item_spec *items,
				  size_t n, int64_t *id)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	sam_date today;
	int64_t mid = 0;

	date = date_or_today(date, today);
	if ((status = check_date(_("the meeting's date"), date)) != SAM_OK ||
	    (status = check_id(_("the meeting type"), type, false)) != SAM_OK ||
	    (status = check_items(items, n)) != SAM_OK)
		return status;
	if ((status = write_begin(st)) != SAM_OK)
		return status;
	status = db_prepare(st, "INSERT INTO meetings (case_id, date, type, caseworker) "
			    "SELECT id, ?2, ?3, ?4 FROM cases WHERE id = ?1 RETURNING id", &stmt);
	if (status != SAM_OK)
		goto out;
	db_bind_int(stmt, 1, case_id);
	db_bind_str(stmt, 2, date);
	db_bind_str(stmt, 3, type);
	db_bind_str(stmt, 4, st->user);
	if ((status = db_insert_id(st, stmt, &mid)) != SAM_OK)
		goto out;
	if (!mid) {
		status = sam_fail(SAM_ERR_NOT_FOUND, "%s", _("the case does not exist (any more)"));
		goto out;
	}
	if ((status = insert_items(st, mid, 0, items, n, NULL, NULL)) == SAM_OK)
		status = audit_log(st, "meeting.add", case_id, mid, type);
out:
	db_finalize(stmt);
	status = write_end(st, status);
	if (status == SAM_OK && id)
		*id = mid;
	return status;
}

#define MEETING_SELECT "SELECT " MEETING_COLUMNS("") " FROM meetings "

enum sam_status store_meeting_list(struct store *st, int64_t case_id, struct meeting_list *out)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((status = db_prepare(st, MEETING_SELECT "WHERE case_id = ?1 ORDER BY date, id", &stmt)) != SAM_OK)
		return status;
	db_bind_int(stmt, 1, case_id);
	while ((rc = db_step(stmt)) == DB_ROW) {
		out->v = array_grow(out->v, out->n, &cap, sizeof(*out->v));
		row_meeting(stmt, 0, &out->v[out->n++]);
	}
	if (rc != DB_DONE) {
		status = db_error(st, rc);
		meeting_list_free(out);
	}
	db_finalize(stmt);
	return status;
}

static enum sam_status read_items(struct store *st, struct meeting_rec *m)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	size_t cap = 0;
	int rc;

	status = db_prepare(st, "SELECT " ITEM_COLUMNS("c") " FROM checklist c" CHECKLIST_JOIN("c")
			    " WHERE c.meeting_id = ?1 ORDER BY c.position", &stmt);
	if (status != SAM_OK)
		return status;
	db_bind_int(stmt, 1, m->id);
	while ((rc = db_step(stmt)) == DB_ROW) {
		m->items = array_grow(m->items, m->nitems, &cap, sizeof(*m->items));
		row_item(stmt, 0, &m->items[m->nitems++]);
	}
	if (rc != DB_DONE)
		status = db_error(st, rc);
	db_finalize(stmt);
	return status;
}

enum sam_status store_meeting_get(struct store *st, int64_t meeting_id, struct meeting_rec *out)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((status = db_prepare(st, MEETING_SELECT "WHERE id = ?1", &stmt)) != SAM_OK)
		return status;
	db_bind_int(stmt, 1, meeting_id);
	rc = db_step(stmt);
	if (rc == DB_ROW)
		row_meeting(stmt, 0, out);
	else if (rc == DB_DONE)
		status = sam_fail(SAM_ERR_NOT_FOUND, "%s", _("the meeting does not exist (any more)"));
	else
		status = db_error(st, rc);
	db_finalize(stmt);
	if (status == SAM_OK && (status = read_items(st, out)) != SAM_OK)
		meeting_rec_free(out);
	return status;
}

/* A change to a meeting held before today is a correction of history: its
 * audit line says so, with what was changed in the detail. */
static enum sam_status audit_correction(struct store *st, const char *action, int64_t case_id,
					int64_t meeting_id, const char *detail)
{
	char *d = xasprintf("%s %s", action, detail ? detail : "");
	enum sam_status status = audit_log(st, "meeting.correct", case_id, meeting_id, d);

	free(d);
	return status;
}

/* On checklist rows: those of the item whose full id is the parameter p. */
#define WORDING_OF_ITEM(p) \
	"wording IN (SELECT w.id FROM wordings w JOIN item_keys i ON i.id = w.item WHERE i.key = " p ")"

/* Runs one UPDATE on a meeting's row or one of its items, bound as
 * ?1 = value, ?2 = meeting id, ?3 = item id, with its audit line. */
static enum sam_status update_meeting(struct store *st, int64_t meeting_id, const char *sql,
				      const char *value, const char *item_id, const char *action,
				      const char *detail)
{
	struct db_stmt *stmt = NULL;
	int64_t case_id = 0;
	bool old = false;
	enum sam_status status = write_begin(st);

	if (status != SAM_OK)
		return status;
	if ((status = meeting_case(st, meeting_id, &case_id, &old)) != SAM_OK ||
	    (status = db_prepare(st, sql, &stmt)) != SAM_OK)
		goto out;
	db_bind_text(stmt, 1, value);
	db_bind_int(stmt, 2, meeting_id);
	if (item_id)
		db_bind_str(stmt, 3, item_id);
	if ((status = db_step_done(st, stmt)) != SAM_OK)
		goto out;
	if (!db_changes(st))
		status = sam_fail(SAM_ERR_NOT_FOUND, _("the item %s is not part of the meeting"),
				  item_id ? item_id : "?");
	else
		status = old ? audit_correction(st, action, case_id, meeting_id, detail)
			     : audit_log(st, action, case_id, meeting_id, detail);
out:
	db_finalize(stmt);
	return write_end(st, status);
}

enum sam_status store_meeting_set(struct store *st, int64_t meeting_id, enum meeting_field field,
				  const char *text)
{
	static const char *const sql[] = {
		"UPDATE meetings SET note = ?1 WHERE id = ?2",
		"UPDATE meetings SET agreed = ?1 WHERE id = ?2",
		"UPDATE meetings SET interpreter = ?1 WHERE id = ?2",
	};
	static const char *const detail[] = { "note", "agreed", "interpreter" };
	enum sam_status status = check_meeting_field(field, text);

	if (status != SAM_OK)
		return status;
	return update_meeting(st, meeting_id, sql[field], str_empty(text) ? NULL : text, NULL,
			      "meeting.set", detail[field]);
}

enum sam_status check_meeting_next(const char *meeting_date, const char *date, const char *time,
				   const char *place)
{
	enum sam_status status;

	if (str_empty(date))
		return SAM_OK;
	if ((status = check_date(_("the next meeting's date"), date)))
		return status;
	if (meeting_date && strcmp(date, meeting_date) < 0)
		return sam_fail(SAM_ERR_INVALID,
				_("The next meeting cannot come before this one (%s)."), meeting_date);
	if (!str_empty(time) && !time_valid(time))
		return sam_fail(SAM_ERR_INVALID, "%s", _("Write the time as HH:MM, e.g. 10:30."));
	return check_text(_("the place"), place, NAME_MAX_BYTES * 2);
}

/* The case a meeting belongs to and the date it was held. */
static enum sam_status meeting_held(struct store *st, int64_t meeting_id, int64_t *case_id,
				    sam_date date)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st, "SELECT case_id, date FROM meetings WHERE id = ?1",
					    &stmt);
	int rc;

	if (status != SAM_OK)
		return status;
	db_bind_int(stmt, 1, meeting_id);
	rc = db_step(stmt);
	if (rc == DB_ROW && date_valid(db_col_text(stmt, 1))) {
		*case_id = db_col_int(stmt, 0);
		memcpy(date, db_col_text(stmt, 1), sizeof(sam_date));
	} else if (rc == DB_ROW || rc == DB_DONE)
		status = sam_fail(SAM_ERR_NOT_FOUND, "%s", _("the meeting does not exist (any more)"));
	else
		status = db_error(st, rc);
	db_finalize(stmt);
	return status;
}

enum sam_status store_meeting_set_next(struct store *st, int64_t meeting_id, const char *date,
				       const char *time, const char *place)
{
	struct db_stmt *stmt = NULL;
	sam_date held;
	int64_t case_id = 0;
	bool none = str_empty(date);
	enum sam_status status = write_begin(st);

	if (status != SAM_OK)
		return status;
	if ((status = meeting_held(st, meeting_id, &case_id, held)) ||
	    (status = check_meeting_next(held, date, time, place)) ||
	    (status = db_prepare(st, "UPDATE meetings SET next_date = ?1, next_time = ?2,"
				 " next_place = ?3 WHERE id = ?4", &stmt)))
		goto out;
	db_bind_text(stmt, 1, none ? NULL : date);
	db_bind_text(stmt, 2, none ? NULL : time);
	db_bind_text(stmt, 3, none ? NULL : place);
	db_bind_int(stmt, 4, meeting_id);
	if ((status = db_step_done(st, stmt)) == SAM_OK)
		status = audit_log(st, "meeting.set", case_id, meeting_id, "next");
out:
	db_finalize(stmt);
	return write_end(st, status);
}

enum sam_status store_item_set_state(struct store *st, int64_t meeting_id, const char *item_id,
				     enum item_state state)
{
	char *detail, *number;
	enum sam_status status;

	if ((unsigned)state >= ARRAY_SIZE(state_names))
		return sam_fail(SAM_ERR_INVALID, "unknown item state %d", (int)state);
	if ((status = check_id(_("the item"), item_id, true)) != SAM_OK)
		return status;
	detail = xasprintf("%s=%s", item_id, state_names[state]);
	number = xasprintf("%d", (int)state);
	status = update_meeting(st, meeting_id,
				"UPDATE checklist SET state = CAST(?1 AS INTEGER)"
				" WHERE meeting_id = ?2 AND " WORDING_OF_ITEM("?3"),
				number, item_id, "item.state", detail);
	free(number);
	free(detail);
	return status;
}

enum sam_status store_item_set_note(struct store *st, int64_t meeting_id, const char *item_id,
				    const char *note)
{
	enum sam_status status;

	if ((status = check_id(_("the item"), item_id, true)) != SAM_OK ||
	    (status = check_item_note(note)) != SAM_OK)
		return status;
	return update_meeting(st, meeting_id,
			      "UPDATE checklist SET note = ?1 WHERE meeting_id = ?2 AND " WORDING_OF_ITEM("?3"),
			      str_empty(note) ? NULL : note, item_id, "item.note", item_id);
}

/*
 * Corrections (SPEC §1 rule 6): a meeting's date and type, removing a
 * meeting opened by mistake and bringing it back.
 */

enum sam_status store_meeting_set_date(struct store *st, int64_t meeting_id, const char *date)
{
	struct db_stmt *stmt = NULL;
	sam_date today;
	int64_t case_id = 0;
	enum sam_status status = check_date(_("the meeting's date"), date);
	int rc;

	if (status != SAM_OK)
		return status;
	date_today(today);
	if (strcmp(date, today) > 0)
		return sam_fail(SAM_ERR_INVALID, _("the meeting's date %s is in the future; it can be today at the latest"),
				date);
	if ((status = write_begin(st)) != SAM_OK)
		return status;
	if ((status = meeting_case(st, meeting_id, &case_id, NULL)) != SAM_OK ||
	    (status = db_prepare(st, "SELECT opened FROM cases WHERE id = ?1 AND opened > ?2", &stmt)) != SAM_OK)
		goto out;
	db_bind_int(stmt, 1, case_id);
	db_bind_str(stmt, 2, date);
	rc = db_step(stmt);
	if (rc == DB_ROW)
		status = sam_fail(SAM_ERR_INVALID, _("the meeting's date %s is before the case was opened (%s)"),
				  date, db_col_text(stmt, 0));
	else if (rc != DB_DONE)
		status = db_error(st, rc);
	db_finalize(stmt);
	stmt = NULL;
	if (status != SAM_OK ||
	    (status = db_prepare(st, "UPDATE meetings SET date = ?1 WHERE id = ?2", &stmt)) != SAM_OK)
		goto out;
	db_bind_str(stmt, 1, date);
	db_bind_int(stmt, 2, meeting_id);
	if ((status = db_step_done(st, stmt)) == SAM_OK)
		status = audit_log(st, "meeting.date", case_id, meeting_id, NULL);
out:
	db_finalize(stmt);
	return write_end(st, status);
}

static bool has_item(const struct meeting_item_spec *items, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(items[i].item_id, id))
			return true;
	return false;
}

void meeting_type_diff(const struct meeting_rec *m, const struct meeting_item_spec *items, size_t n,
		       struct meeting_type_diff *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < m->nitems; i++) {
		const struct meeting_item *it = &m->items[i];
		bool kept = has_item(items, n, it->item_id);

		if (!kept) {
			out->dropped++;
			out->dropped_marked += it->state != ITEM_OPEN;
			out->dropped_notes += !str_empty(it->note);
		} else {
			out->kept++;
			out->kept_marked += it->state != ITEM_OPEN;
		}
	}
	out->added = n - out->kept;
}

/* Items are put in the new type's order; those the meeting had keep their
 * wording of the day, state and note; the rest are removed. Positions are
 * first moved out of the way (negative), so that what is left negative
 * after the new list is written is what the new type does not have. */
static enum sam_status retype_items(struct store *st, int64_t meeting_id,
				    const struct meeting_item_spec *items, size_t n)
{
	static const char *const sql[] = {
		"UPDATE checklist SET position = -1 - position WHERE meeting_id = ?1",
		"UPDATE checklist SET position = ?2 WHERE meeting_id = ?1 AND position < 0"
		" AND " WORDING_OF_ITEM("?3"),
		"DELETE FROM checklist WHERE meeting_id = ?1 AND position < 0",
	};
	struct db_stmt *stmts[ARRAY_SIZE(sql)];
	enum sam_status status = check_items(items, n);

	if (status != SAM_OK || (status = db_prepare_all(st, sql, stmts, ARRAY_SIZE(sql))) != SAM_OK)
		return status;
	db_bind_int(stmts[0], 1, meeting_id);
	status = db_run(st, stmts[0]);
	for (size_t i = 0; i < n && status == SAM_OK; i++) {
		db_bind_int(stmts[1], 1, meeting_id);
		db_bind_int(stmts[1], 2, (int64_t)i);
		db_bind_str(stmts[1], 3, items[i].item_id);
		if ((status = db_run(st, stmts[1])) == SAM_OK && !db_changes(st))
			status = insert_items(st, meeting_id, (int64_t)i, &items[i], 1, NULL, NULL);
	}
	if (status == SAM_OK) {
		db_bind_int(stmts[2], 1, meeting_id);
		status = db_run(st, stmts[2]);
	}
	db_finalize_all(stmts, ARRAY_SIZE(sql));
	return status;
}

enum sam_status store_meeting_set_type(struct store *st, int64_t meeting_id, const char *type,
				       const struct meeting_item_spec *items, size_t n)
{
	struct db_stmt *stmt = NULL;
	int64_t case_id = 0;
	enum sam_status status = check_id(_("the meeting type"), type, false);

	if (status != SAM_OK || (status = write_begin(st)) != SAM_OK)
		return status;
	if ((status = meeting_case(st, meeting_id, &case_id, NULL)) != SAM_OK ||
	    (status = db_prepare(st, "UPDATE meetings SET type = ?1 WHERE id = ?2", &stmt)) != SAM_OK)
		goto out;
	db_bind_str(stmt, 1, type);
	db_bind_int(stmt, 2, meeting_id);
	if ((status = db_step_done(st, stmt)) == SAM_OK &&
	    (status = retype_items(st, meeting_id, items, n)) == SAM_OK)
		status = audit_log(st, "meeting.type", case_id, meeting_id, type);
out:
	db_finalize(stmt);
	return write_end(st, status);
}

char *meeting_losses(const struct meeting_rec *m)
{
	struct strbuf sb = { 0 };
	size_t done = 0, nr = 0, notes = 0;
	const char *parts[5];
	size_t n = 0;
	char a[64], b[64], c[64];

	for (size_t i = 0; i < m->nitems; i++) {
		done += m->items[i].state == ITEM_DONE;
		nr += m->items[i].state == ITEM_NOT_RELEVANT;
		notes += !str_empty(m->items[i].note);
	}
	if (done) {
		snprintf(a, sizeof(a), sam_ngettext("%zu ticked item", "%zu ticked items", done), done);
		parts[n++] = a;
	}
	if (nr) {
		snprintf(b, sizeof(b), _("%zu not relevant"), nr);
		parts[n++] = b;
	}
	if (notes) {
		snprintf(c, sizeof(c), sam_ngettext("%zu note", "%zu notes", notes), notes);
		parts[n++] = c;
	}
	if (!str_empty(m->note))
		parts[n++] = _("the meeting note");
	if (!str_empty(m->agreed))
		parts[n++] = C_("store/meetings", "the agreed summary");
	if (!n)
		return xstrdup(_("no ticks or notes"));
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%s", i == 0 ? "" : i + 1 == n ? _(" and ") : ", ", parts[i]);
	return strbuf_detach(&sb);
}

enum sam_status store_meeting_delete(struct store *st, int64_t meeting_id)
{
	struct db_stmt *stmt = NULL;
	int64_t case_id = 0;
	enum sam_status status = write_begin(st);

	if (status != SAM_OK)
		return status;
	if ((status = meeting_case(st, meeting_id, &case_id, NULL)) != SAM_OK ||
	    (status = db_prepare(st, "DELETE FROM meetings WHERE id = ?1", &stmt)) != SAM_OK)
		goto out;
	db_bind_int(stmt, 1, meeting_id);
	if ((status = db_step_done(st, stmt)) == SAM_OK)
		status = audit_log(st, "meeting.delete", case_id, meeting_id, NULL);
out:
	db_finalize(stmt);
	return write_end(st, status);
}

static enum sam_status restore_items(struct store *st, int64_t meeting_id, const struct meeting_rec *m)
{
	struct meeting_item_spec *items = xcalloc(m->nitems ? m->nitems : 1, sizeof(*items));
	enum item_state *states = xcalloc(m->nitems ? m->nitems : 1, sizeof(*states));
	const char **notes = xcalloc(m->nitems ? m->nitems : 1, sizeof(*notes));
	enum sam_status status;

	for (size_t i = 0; i < m->nitems; i++) {
		items[i] = (struct meeting_item_spec){ m->items[i].item_id, m->items[i].section_id,
						       m->items[i].text };
		states[i] = m->items[i].state;
		notes[i] = m->items[i].note;
	}
	status = check_items(items, m->nitems);
	if (status == SAM_OK)
		status = insert_items(st, meeting_id, 0, items, m->nitems, states, notes);
	free(items);
	free(states);
	free(notes);
	return status;
}

enum sam_status store_meeting_restore(struct store *st, const struct meeting_rec *m,
				      const int64_t *followups, size_t nfollowups, int64_t *id)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status = write_begin(st);
	int64_t mid = 0;

	if (status != SAM_OK)
		return status;
	/* its old id when nobody has taken it since */
	status = db_prepare(st,
		"INSERT INTO meetings (id, case_id, date, type, caseworker, note, agreed, interpreter,"
		" next_date, next_time, next_place)"
		" SELECT (SELECT CASE WHEN EXISTS (SELECT 1 FROM meetings WHERE id = ?1) THEN NULL ELSE ?1 END),"
		" id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 FROM cases WHERE id = ?2 RETURNING id", &stmt);
	if (status != SAM_OK)
		goto out;
	db_bind_int(stmt, 1, m->id);
	db_bind_int(stmt, 2, m->case_id);
	db_bind_str(stmt, 3, m->date);
	db_bind_str(stmt, 4, m->type);
	db_bind_str(stmt, 5, m->caseworker);
	db_bind_text(stmt, 6, m->note);
	db_bind_text(stmt, 7, m->agreed);
	db_bind_text(stmt, 8, m->interpreter);
	db_bind_text(stmt, 9, m->next.date);
	db_bind_text(stmt, 10, m->next.time);
	db_bind_text(stmt, 11, m->next.place);
	if ((status = db_insert_id(st, stmt, &mid)) != SAM_OK)
		goto out;
	if (!mid) {
		status = sam_fail(SAM_ERR_NOT_FOUND, "%s", _("the case does not exist (any more)"));
		goto out;
	}
	db_finalize(stmt);
	stmt = NULL;
	if ((status = restore_items(st, mid, m)) != SAM_OK ||
	    (status = db_prepare(st, "UPDATE followups SET meeting_id = ?1"
				 " WHERE id = ?2 AND case_id = ?3 AND meeting_id IS NULL", &stmt)) != SAM_OK)
		goto out;
	for (size_t i = 0; i < nfollowups && status == SAM_OK; i++) {
		db_bind_int(stmt, 1, mid);
		db_bind_int(stmt, 2, followups[i]);
		db_bind_int(stmt, 3, m->case_id);
		status = db_run(st, stmt);
	}
	if (status == SAM_OK)
		status = audit_log(st, "meeting.restore", m->case_id, mid, NULL);
out:
	db_finalize(stmt);
	status = write_end(st, status);
	if (status == SAM_OK && id)
		*id = mid;
	return status;
}

/* "later" comes after "earlier" in the order of store_meeting_list: by
 * date, then id (two meetings on one day: the one added last). */
#define LATER(later, earlier) \
	"(" later ".date > " earlier ".date OR (" later ".date = " earlier ".date AND " \
	later ".id > " earlier ".id))"

/* An item is left open when it was open at the latest meeting that held
 * it: a meeting whose type leaves the item out (before an internship)
 * neither closes it nor ends its carrying over. */
#define LEFT_OPEN_SELECT \
	"SELECT " ITEM_COLUMNS("k") ", p.date, p.id FROM meetings p" \
	" JOIN checklist k ON k.meeting_id = p.id" CHECKLIST_JOIN("k")
/* No later meeting l than p of the same case held the item of k (and
 * cond). */
#define HELD_LATER(cond) \
	" NOT EXISTS (SELECT 1 FROM meetings l JOIN checklist li ON li.meeting_id = l.id" \
	" JOIN wordings lw ON lw.id = li.wording" \
	" WHERE l.case_id = p.case_id AND lw.item = kw.item AND " LATER("l", "p") cond ")"

static enum sam_status read_left_open(struct store *st, const char *sql, int64_t id,
				      struct left_open_list *out)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((status = db_prepare(st, sql, &stmt)) != SAM_OK)
		return status;
	db_bind_int(stmt, 1, id);
	while ((rc = db_step(stmt)) == DB_ROW) {
		struct left_open_item *l;

		out->v = array_grow(out->v, out->n, &cap, sizeof(*out->v));
		l = &out->v[out->n++];
		row_item(stmt, 0, &l->item);
		l->date = db_col_str(stmt, ITEM_NCOLUMNS);
		l->meeting_id = db_col_int(stmt, ITEM_NCOLUMNS + 1);
	}
	if (rc != DB_DONE) {
		status = db_error(st, rc);
		left_open_list_free(out);
	}
	db_finalize(stmt);
	return status;
}

enum sam_status store_items_left_open(struct store *st, int64_t case_id, struct left_open_list *out)
{
	return read_left_open(st, LEFT_OPEN_SELECT
		" WHERE p.case_id = ?1 AND k.state = " SQL_OPEN " AND" HELD_LATER("")
		" ORDER BY p.date DESC, p.id DESC, k.position", case_id, out);
}

enum sam_status store_items_left_open_before(struct store *st, int64_t meeting_id,
					     struct left_open_list *out)
{
	/* p: the latest meeting before m that held the item m holds as c */
	return read_left_open(st, LEFT_OPEN_SELECT
		" JOIN meetings m ON m.case_id = p.case_id AND " LATER("m", "p")
		" JOIN checklist c ON c.meeting_id = m.id"
		" JOIN wordings cw ON cw.id = c.wording AND cw.item = kw.item"
		" WHERE m.id = ?1 AND k.state = " SQL_OPEN " AND" HELD_LATER(" AND " LATER("m", "l"))
		" ORDER BY c.position", meeting_id, out);
}

enum sam_status store_meeting_progress(struct store *st, int64_t meeting_id,
				       struct section_progress **out, size_t *n)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	status = db_prepare(st,
		"SELECT cs.key, " SQL_COUNT("c.state", SQL_DONE) ", " SQL_COUNT("c.state", SQL_OPEN) ", "
		SQL_COUNT("c.state", SQL_NOT_RELEVANT) " FROM checklist c" CHECKLIST_JOIN("c")
		" WHERE c.meeting_id = ?1 GROUP BY cs.id, cs.key ORDER BY min(c.position)", &stmt);
	if (status != SAM_OK)
		return status;
	db_bind_int(stmt, 1, meeting_id);
	while ((rc = db_step(stmt)) == DB_ROW) {
		struct section_progress *p;

		*out = array_grow(*out, *n, &cap, sizeof(**out));
		p = &(*out)[(*n)++];
		p->section_id = db_col_str(stmt, 0);
		p->done = (int)db_col_int(stmt, 1);
		p->open = (int)db_col_int(stmt, 2);
		p->not_relevant = (int)db_col_int(stmt, 3);
	}
	if (rc != DB_DONE) {
		status = db_error(st, rc);
		section_progress_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	db_finalize(stmt);
	return status;
}

static void meeting_item_free(struct meeting_item *it)
{
	free(it->item_id);
	free(it->section_id);
	free(it->text);
	free(it->note);
}

void meeting_rec_free(struct meeting_rec *m)
{
	if (!m)
		return;
	free(m->date);
	free(m->type);
	free(m->caseworker);
	free(m->note);
	free(m->agreed);
	free(m->interpreter);
	free(m->next.date);
	free(m->next.time);
	free(m->next.place);
	for (size_t i = 0; i < m->nitems; i++)
		meeting_item_free(&m->items[i]);
	free(m->items);
	memset(m, 0, sizeof(*m));
}

void left_open_list_free(struct left_open_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		meeting_item_free(&l->v[i].item);
		free(l->v[i].date);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void meeting_list_free(struct meeting_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		meeting_rec_free(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void section_progress_free(struct section_progress *p, size_t n)
{
	for (size_t i = 0; p && i < n; i++)
		free(p[i].section_id);
	free(p);
}

void left_open_list_filter(struct left_open_list *l, bool (*keep)(const char *item_id, void *ctx),
			   void *ctx)
{
	size_t kept = 0;

	for (size_t i = 0; i < l->n; i++) {
		if (keep(l->v[i].item.item_id, ctx)) {
			l->v[kept++] = l->v[i];
			continue;
		}
		meeting_item_free(&l->v[i].item);
		free(l->v[i].date);
	}
	l->n = kept;
}
