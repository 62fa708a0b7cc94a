#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

/*
 * Follow-ups: opens on what is due today or overdue, the caseworker's own
 * or everybody's. Done and moved in one key each; the selection then walks
 * on to the next follow-up, so a list is worked through from the top.
 */

struct followups {
	struct followup_list l;
	size_t *rows;		/* indexes into l of the rows matching the / filter */
	size_t n;
	struct ui_list ui;
	bool everybody;
	bool later;		/* also those due after today */
	sam_date today;
	int64_t keep_id;	/* the follow-up to select after a reload */
	/* the last change, for u */
	int64_t undo_id;
	bool undo_done;		/* it was marked done (else moved from undo_due) */
	sam_date undo_due;
};

enum {
	REQ_DONE = REQ_SCREEN,
	REQ_WEEK,
	REQ_MOVE,
	REQ_EVERYBODY,
	REQ_LATER,
	REQ_UNDO,
};

static const struct ui_binding followups_keys[] = {
	{ ' ', REQ_DONE, "Space", N_("done"), true },
	{ 'd', REQ_DONE, "d", N_("done"), false },
	{ '+', REQ_WEEK, "+", N_("week on"), true },
	{ 'm', REQ_MOVE, "m", N_("move"), true },
	{ 'a', REQ_EVERYBODY, "a", N_("all/mine"), true },
	{ 'l', REQ_LATER, "l", N_("show later ones too"), false },
	{ 'u', REQ_UNDO, "u", N_("undo"), false },
	UI_BINDINGS_END,
};

static const int followups_writes[] = { REQ_DONE, REQ_WEEK, REQ_MOVE, REQ_UNDO, REQ_NONE };

static void set_title(struct screen *s, const struct followups *f)
{
	snprintf(s->title, sizeof(s->title), "%s · %s · %s (%zu)", _("Follow-ups"),
		 f->everybody ? _("everybody's") : _("mine"),
		 f->later ? _("all open") : _("overdue and today"),
		 f->n);
}

static const struct followup_rec *row_at(const struct followups *f, size_t row)
{
	return row < f->n ? &f->l.v[f->rows[row]] : NULL;
}

static void apply_filter(struct followups *f)
{
	f->rows = xrealloc(f->rows, (f->l.n + 1) * sizeof(*f->rows));
	f->n = 0;
	for (size_t i = 0; i < f->l.n; i++) {
		const struct followup_rec *fu = &f->l.v[i];

		if (ui_list_match(&f->ui, fu->case_ref) || ui_list_match(&f->ui, fu->text) ||
		    ui_list_match(&f->ui, fu->assignee))
			f->rows[f->n++] = i;
	}
	ui_list_set_rows(&f->ui, f->n);
	for (size_t i = 0; f->keep_id && i < f->n; i++)
		if (row_at(f, i)->id == f->keep_id)
			ui_list_select(&f->ui, i);
	f->keep_id = 0;
}

static enum sam_status followups_open(struct screen *s, struct app *app)
{
	struct followups *f = s->data;
	struct followup_query q = { 0 };
	struct followup_list l = { 0 };
	enum sam_status st;

	if (!f)
		s->data = f = xcalloc(1, sizeof(*f));
	else if (!f->keep_id && row_at(f, f->ui.sel))
		f->keep_id = row_at(f, f->ui.sel)->id;
	date_today(f->today);
	q.assignee = f->everybody ? NULL : app->user;
	q.due_until = f->later ? NULL : f->today;
	st = store_followup_list(app->store, &q, &l);
	if (st != SAM_OK)
		return st;
	followup_list_free(&f->l);
	f->l = l;
	apply_filter(f);
	set_title(s, f);
	return SAM_OK;
}

/* "3 dage forfalden", "i dag", "i morgen" or the date: never a bare date for
 * what is late. */
static const char *due_text(const struct followups *f, const char *due, char *buf, size_t size)
{
	long d = date_diff_days(f->today, due);

	if (d >= 1) {
		snprintf(buf, size, sam_ngettext("%ld day overdue", "%ld days overdue", (unsigned long)d), d);
		return buf;
	}
	if (d == 0)
		return _("today");
	if (d == -1)
		return _("tomorrow");
	return due;
}

static void draw_row(const struct followups *f, WINDOW *win, int y, const struct followup_rec *fu,
		     bool sel)
{
	int width = getmaxx(win), x = 1;
	bool wide = width >= 60;
	int duew = wide ? 19 : 17, refw = wide ? 12 : 10, whow = f->everybody && wide ? 10 : 0;
	bool late = strcmp(fu->due, f->today) < 0;
	char buf[64];

	if (sel)
		ui_fill(win, y, 0, width, UI_SELECTED);
	ui_text(win, y, x, duew, sel ? UI_SELECTED : late ? UI_WARN : UI_NORMAL,
		due_text(f, fu->due, buf, sizeof(buf)));
	x += duew + 1;
	ui_text(win, y, x, refw, sel ? UI_SELECTED : UI_HEADING, fu->case_ref);
	x += refw + 1;
	if (whow) {
		ui_text(win, y, x, whow, sel ? UI_SELECTED : UI_DIM, fu->assignee);
		x += whow + 1;
	}
	ui_text(win, y, x, width - x - 1, sel ? UI_SELECTED : UI_NORMAL, fu->text);
}

static void followups_draw(struct screen *s, WINDOW *win)
{
	struct followups *f = s->data;
	int width = getmaxx(win), height = getmaxy(win);
	size_t top;

	if (ui_list_draw_filter(&f->ui, win, height - 1, width))
		height--;
	else if (height > 4)
		ui_text(win, --height, 1, width - 2, UI_DIM, f->later
			? _("l: only overdue and today · u: undo")
			: _("l: show later ones too · u: undo"));
	if (!f->n) {
		ui_text(win, 1, 2, width - 4, UI_NORMAL,
			f->ui.filter[0] ? _("No follow-up matches the filter.") :
			f->later ? _("No open follow-ups.")
				 : _("Nothing due today."));
		ui_focus(win, 1, 2);
		return;
	}
	top = ui_list_scroll(&f->ui, height);
	for (int y = 0; y < height && top + (size_t)y < f->n; y++) {
		bool sel = top + (size_t)y == f->ui.sel;

		draw_row(f, win, y, row_at(f, top + (size_t)y), sel);
		if (sel)
			ui_focus(win, y, 1);
	}
}

/*
 * Changes
 */

/* After a change the selection goes to the follow-up below the changed one
 * (the one above when it was the last): done ones leave the list and moved
 * ones may sort elsewhere. */
static void keep_next(struct followups *f)
{
	size_t i = f->ui.sel;

	if (i + 1 < f->n)
		f->keep_id = row_at(f, i + 1)->id;
	else if (i > 0)
		f->keep_id = row_at(f, i - 1)->id;
}

static unsigned mark_done(struct screen *s, struct followups *f, const struct followup_rec *fu)
{
	enum sam_status st = store_followup_set_done(s->app->store, fu->id, true);

	if (st != SAM_OK)
		return ui_error(s->app, st);
	f->undo_id = fu->id;
	f->undo_done = true;
	ui_status(s->app, _("The follow-up in case %s is done (u undoes)."), fu->case_ref);
	keep_next(f);
	return REACT_RELOAD;
}

static unsigned move_to(struct screen *s, struct followups *f, const struct followup_rec *fu,
			const char *due)
{
	enum sam_status st = store_followup_set_due(s->app->store, fu->id, due);

	if (st != SAM_OK)
		return ui_error(s->app, st);
	f->undo_id = fu->id;
	f->undo_done = false;
	memcpy(f->undo_due, fu->due, sizeof(f->undo_due) - 1);
	f->undo_due[DATE_LEN] = '\0';
	ui_status(s->app, _("The follow-up in case %s is moved to %s (u undoes)."), fu->case_ref, due);
	keep_next(f);
	return REACT_RELOAD;
}

/* + moves a week on from today, or from the due date when that is later. */
static unsigned move_week(struct screen *s, struct followups *f, const struct followup_rec *fu)
{
	const char *from = strcmp(fu->due, f->today) > 0 ? fu->due : f->today;
	sam_date due;
	long days;

	date_to_days(from, &days);
	date_from_days(days + 7, due);
	return move_to(s, f, fu, due);
}

static unsigned move_asked(struct screen *s, struct followups *f, const struct followup_rec *fu)
{
	sam_date due;

	if (!ui_ask_date(s->app, _("New due date (31.12, +7, +2w, tomorrow, monday)"), NULL, DATE_NOT_PAST, due))
		return REACT_REDRAW;
	return move_to(s, f, fu, due);
}

static unsigned undo(struct screen *s, struct followups *f)
{
	enum sam_status st;

	if (!f->undo_id) {
		ui_status(s->app, "%s", _("There is nothing to undo."));
		return REACT_REDRAW;
	}
	if (f->undo_done)
		st = store_followup_set_done(s->app->store, f->undo_id, false);
	else
		st = store_followup_set_due(s->app->store, f->undo_id, f->undo_due);
	if (st != SAM_OK)
		return ui_error(s->app, st);
	f->keep_id = f->undo_id;
	f->undo_id = 0;
	ui_status(s->app, "%s", _("Undone."));
	return REACT_RELOAD;
}

static unsigned followups_key(struct screen *s, int ch)
{
	struct followups *f = s->data;
	const struct followup_rec *fu = row_at(f, f->ui.sel);
	int req;

	switch (ui_list_key(&f->ui, s, ch)) {
	case UI_LIST_IGNORED: break;
	case UI_LIST_FILTER_CHANGED:
		apply_filter(f);
		set_title(s, f);
		return REACT_REDRAW;
	case UI_LIST_ACTIVATE: return fu ? scr_case_push(s->app, fu->case_id) : REACT_NONE;
	default: return REACT_REDRAW;
	}
	req = ui_request(s, ch);
	switch (req) {
	case REQ_EVERYBODY:
		f->everybody = !f->everybody;
		return REACT_RELOAD;
	case REQ_LATER:
		f->later = !f->later;
		return REACT_RELOAD;
	case REQ_UNDO:
		return undo(s, f);
	case REQ_DONE: case REQ_WEEK: case REQ_MOVE:
		break;
	default:
		return REACT_NONE;
	}
	if (!fu)
		return REACT_REDRAW;
	if (req == REQ_DONE)
		return mark_done(s, f, fu);
	return req == REQ_WEEK ? move_week(s, f, fu) : move_asked(s, f, fu);
}

static void followups_close(struct screen *s)
{
	struct followups *f = s->data;

	if (f) {
		followup_list_free(&f->l);
		free(f->rows);
	}
	free(f);
}

static const struct screen_ops followups_ops = {
	.name = "followups",
	.open = followups_open,
	.draw = followups_draw,
	.key = followups_key,
	.close = followups_close,
	.keys = followups_keys,
	.writes = followups_writes,
	.is_list = true,
};

unsigned scr_followups_push(struct app *app)
{
	return ui_push(app, &followups_ops, 0);
}
