#include "store_int.h"

#include <string.h>

#include "samtale/util.h"

/*
 * Store: rows into records, for every reader of cases, meetings, items and
 * follow-ups, so that a column added to a table is read in one place.
 */

void row_case(struct db_stmt *stmt, int col, struct case_rec *c)
{
	memset(c, 0, sizeof(*c));
	c->id = db_col_int(stmt, col);
	c->ref = db_col_str(stmt, col + 1);
	c->initials = db_col_str(stmt, col + 2);
	c->caseworker = db_col_str(stmt, col + 3);
	c->opened = db_col_str(stmt, col + 4);
	c->closed = db_col_str(stmt, col + 5);
	for (int i = 0; i < PROFILE_NFIELDS; i++)
		c->profile[i] = db_col_str(stmt, col + 6 + i);
}

void row_meeting(struct db_stmt *stmt, int col, struct meeting_rec *m)
{
	memset(m, 0, sizeof(*m));
	m->id = db_col_int(stmt, col);
	m->case_id = db_col_int(stmt, col + 1);
	m->date = db_col_str(stmt, col + 2);
	m->type = db_col_str(stmt, col + 3);
	m->caseworker = db_col_str(stmt, col + 4);
	m->note = db_col_str(stmt, col + 5);
	m->agreed = db_col_str(stmt, col + 6);
	m->interpreter = db_col_str(stmt, col + 7);
	m->next.date = db_col_str(stmt, col + 8);
	m->next.time = db_col_str(stmt, col + 9);
	m->next.place = db_col_str(stmt, col + 10);
}

void row_item(struct db_stmt *stmt, int col, struct meeting_item *it)
{
	int64_t state = db_col_int(stmt, col + 3);

	memset(it, 0, sizeof(*it));
	it->item_id = db_col_str(stmt, col);
	it->section_id = db_col_str(stmt, col + 1);
	it->text = db_col_str(stmt, col + 2);
	/* A state this release does not know reads as open. */
	it->state = state == ITEM_DONE || state == ITEM_NOT_RELEVANT ? (enum item_state)state : ITEM_OPEN;
	it->note = db_col_str(stmt, col + 4);
}

void row_followup(struct db_stmt *stmt, int col, struct followup_rec *f)
{
	memset(f, 0, sizeof(*f));
	f->id = db_col_int(stmt, col);
	f->case_id = db_col_int(stmt, col + 1);
	f->meeting_id = db_col_int(stmt, col + 2);
	f->due = db_col_str(stmt, col + 3);
	f->text = db_col_str(stmt, col + 4);
	f->assignee = db_col_str(stmt, col + 5);
	f->done = (int)db_col_int(stmt, col + 6) != 0;
	f->her = (int)db_col_int(stmt, col + 7) != 0;
}
