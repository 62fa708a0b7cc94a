#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/exchange.h"
#include "samtale/util.h"

/*
 * Case: her profile in her words, then what is open (the follow-ups and
 * the items left open, each at the latest meeting that held it), then the
 * latest meetings with completion per section, and a row that shows them
 * all. Drawn as one list of rows; follow-ups, items left open and meetings
 * are the rows one can select, so that each is reached by moving, however
 * small the window.
 */

enum {
	REQ_NEW_MEETING = REQ_SCREEN,
	REQ_FOLLOWUP_DONE,
	REQ_INTERNSHIPS,
	REQ_FOLLOWUP_EDIT,
	REQ_CHANGE,
	REQ_REMOVE,
	REQ_CLOSE,
	REQ_UNDO,
};

#define LATEST_MEETINGS 5	/* meetings shown before "all" is asked for */

enum row_kind {
	ROW_HEADING, ROW_PROFILE, ROW_INTERNSHIP, ROW_MEETING, ROW_ALL_MEETINGS, ROW_FOLLOWUP,
	ROW_LEFT_OPEN, ROW_LEFT_OPEN_NOTE, ROW_HINT,
};

struct row {
	enum row_kind kind;
	size_t index;		/* into meetings, followups, left_open or the profile fields */
	const char *text;	/* headings and hints */
};

struct case_screen {
	struct case_rec rec;
	struct meeting_list meetings;
	struct section_progress **progress;	/* per meeting */
	size_t *nprogress;
	struct followup_list followups;
	struct left_open_list left_open;
	struct internship_rec internship;	/* the current one, when has_internship */
	bool has_internship;
	struct row *rows;
	size_t nrows, caprows;
	struct ui_list ui;
	bool all_meetings;	/* every meeting, not only the latest */
	sam_date today;
};

static const struct ui_binding case_keys[] = {
	{ 'm', REQ_NEW_MEETING, "m", N_("new meeting"), true },
	{ 'p', REQ_PROFILE, "p", N_("profile"), true },
	{ 'E', REQ_EDIT, "E", N_("edit profile"), true },
	{ 'f', REQ_FOLLOWUP, "f", N_("new follow-up"), true },
	{ ' ', REQ_FOLLOWUP_DONE, "Space", N_("follow-up done / not done"),
	  false },
	{ 'I', REQ_INTERNSHIPS, "I", N_("internships"), true },
	{ 'F', REQ_FOLLOWUPS, "F", N_("all follow-ups"), false },
	{ 'e', REQ_FOLLOWUP_EDIT, "e", N_("edit the follow-up"), false },
	{ 'd', REQ_CHANGE, "d", N_("change the meeting's date or type"), false },
	{ 'D', REQ_REMOVE, "D", N_("remove the meeting / follow-up (asks)"), false },
	{ 'c', REQ_CLOSE, "c", N_("close / reopen the case"), false },
	{ 'u', REQ_UNDO, "u", N_("undo"), false },
	{ 'P', REQ_HANDOUT, "P", N_("her copy"), false },
	UI_BINDINGS_END,
};

static const int case_writes[] = {
	REQ_NEW_MEETING, REQ_EDIT, REQ_FOLLOWUP, REQ_FOLLOWUP_DONE, REQ_FOLLOWUP_EDIT, REQ_CHANGE,
	REQ_REMOVE, REQ_CLOSE, REQ_UNDO, REQ_NONE,
};

static const char *meeting_type_title(const struct app *app, const char *type)
{
	const struct content_meeting_type *t = content_meeting_type_find(app->guide, type);

	return t ? t->title : type;
}

/*
 * Shared with the meeting screen: follow-ups and new meetings
 */

static const char *due_label(void)
{
	return _("Due (31.12, +7 = in a week, +2w, tomorrow, monday)");
}

unsigned ui_add_followup(struct app *app, int64_t case_id, int64_t meeting_id)
{
	char *text = NULL;
	sam_date due;
	enum sam_status st;
	int64_t id;

	for (;;) {
		char *t = ui_prompt(app, _("Follow-up (what is to happen)"), text);

		free(text);
		text = t;
		if (!text)
			goto cancel;
		if (str_empty(text))
			continue;
		ui_status(app, NULL);
		if (!ui_ask_date(app, due_label(), "+7", DATE_NOT_PAST, due))
			goto cancel;
		st = store_followup_add(app->store, case_id, meeting_id, due, text, app->user, &id);
		if (st == SAM_OK)
			break;
		ui_error(app, st);	/* e.g. a CPR number in the text: ask again, keeping it */
	}
	ui_status(app, _("Follow-up due %s (%s) saved."), due,
		  date_weekday(due));
	free(text);
	return REACT_RELOAD | REACT_REDRAW;
cancel:
	free(text);
	ui_status(app, NULL);
	return REACT_REDRAW;
}

/* A meeting is not started on content that lost an id the case's meetings
 * use: its carry-over and the report would split the item in two. */
static enum sam_status refuse_vanished_ids(struct app *app, int64_t case_id)
{
	struct ids_in_use u;
	const struct content_use *gone;
	enum sam_status st = exchange_ids_in_use(app->store, case_id, &u);

	if (st == SAM_OK && (gone = content_first_missing(app->guide, &u.view)))
		st = sam_fail(SAM_ERR_INVALID,
			      _("The content lacks '%s', which %lld of the case's meetings use, so a new "
				 "meeting cannot start. Ask the content editor to run 'samtale content check'."),
			      gone->id, gone->meetings);
	exchange_ids_in_use_free(&u);
	return st;
}

/* A new meeting has the interpreter of the one before it: she needs the
 * same language next time ('i' changes it). */
static enum sam_status same_interpreter(struct store *store, int64_t case_id, int64_t meeting_id)
{
	struct meeting_list ml;
	const char *lang = NULL;
	enum sam_status st = store_meeting_list(store, case_id, &ml);

	if (st != SAM_OK)
		return st;
	for (size_t i = 0; i < ml.n; i++)
		if (ml.v[i].id != meeting_id)
			lang = ml.v[i].interpreter;
	if (lang)
		st = store_meeting_set(store, meeting_id, MEETING_INTERPRETER, lang);
	meeting_list_free(&ml);
	return st;
}

unsigned ui_new_meeting(struct app *app, int64_t case_id, bool first)
{
	const struct content_guide *g = app->guide;
	const char **titles = xcalloc(g->nmeeting_types, sizeof(*titles));
	struct meeting_item_spec *specs;
	size_t n, initial = 0;
	int64_t id;
	enum sam_status st;
	int pick;

	if ((st = refuse_vanished_ids(app, case_id)) != SAM_OK)
		return ui_error(app, st);
	for (size_t i = 0; i < g->nmeeting_types; i++) {
		titles[i] = g->meeting_types[i].title;
		if (!first && str_eq(g->meeting_types[i].id, "opfoelgning"))
			initial = i;
	}
	pick = ui_choose(app, _("What kind of meeting?"), titles,
			 g->nmeeting_types, initial);
	free(titles);
	if (pick < 0)
		return REACT_REDRAW;
	specs = exchange_meeting_items(g, g->meeting_types[pick].id, &n);
	st = store_meeting_add(app->store, case_id, NULL, g->meeting_types[pick].id, specs, n, &id);
	free(specs);
	if (st == SAM_OK)
		st = same_interpreter(app->store, case_id, id);
	if (st != SAM_OK)
		return ui_error(app, st);
	ui_status(app, NULL);
	return scr_meeting_push(app, id);
}

/*
 * Loading
 */

static void add_row(struct case_screen *c, enum row_kind kind, size_t index, const char *text)
{
	c->rows = array_grow(c->rows, c->nrows, &c->caprows, sizeof(*c->rows));
	c->rows[c->nrows++] = (struct row){ kind, index, text };
}

static bool row_selectable(void *ctx, size_t i)
{
	const struct case_screen *c = ctx;

	switch (c->rows[i].kind) {
	case ROW_MEETING:
	case ROW_ALL_MEETINGS:
	case ROW_FOLLOWUP:
	case ROW_LEFT_OPEN:
	case ROW_INTERNSHIP:
		return true;
	default:
		return false;
	}
}

static void case_free_data(struct case_screen *c)
{
	case_rec_free(&c->rec);
	for (size_t i = 0; i < c->meetings.n; i++)
		section_progress_free(c->progress[i], c->nprogress[i]);
	free(c->progress);
	free(c->nprogress);
	c->progress = NULL;
	c->nprogress = NULL;
	meeting_list_free(&c->meetings);
	followup_list_free(&c->followups);
	left_open_list_free(&c->left_open);
	internship_rec_free(&c->internship);
	c->has_internship = false;
	c->nrows = 0;
}

static void build_rows(struct case_screen *c)
{
	size_t shown = c->all_meetings || c->meetings.n <= LATEST_MEETINGS ? c->meetings.n : LATEST_MEETINGS;

	c->nrows = 0;
	add_row(c, ROW_HEADING, 0, _("Her profile, in her words"));
	/* compactly: the fields she has words in; p shows them all */
	for (size_t f = 0; f < PROFILE_NFIELDS; f++)
		if (!str_empty(c->rec.profile[f]))
			add_row(c, ROW_PROFILE, f, NULL);
	if (c->nrows == 1)
		add_row(c, ROW_HINT, 0, _("Nothing written yet. Press E to write in her words."));
	if (c->has_internship) {
		add_row(c, ROW_HEADING, 0, _("Internship (I: all)"));
		add_row(c, ROW_INTERNSHIP, 0, NULL);
	}
	add_row(c, ROW_HEADING, 0, _("Open follow-ups"));
	for (size_t i = 0; i < c->followups.n; i++)
		add_row(c, ROW_FOLLOWUP, i, NULL);
	if (!c->followups.n)
		add_row(c, ROW_HINT, 0, _("None. Press f to agree one."));
	if (c->left_open.n) {
		add_row(c, ROW_HEADING, 0, _("Left open at the last meeting"));
		for (size_t i = 0; i < c->left_open.n; i++) {
			add_row(c, ROW_LEFT_OPEN, i, NULL);
			if (!str_empty(c->left_open.v[i].item.note))
				add_row(c, ROW_LEFT_OPEN_NOTE, i, NULL);
		}
	}
	add_row(c, ROW_HEADING, 0, _("Meetings (completion per section)"));
	for (size_t i = c->meetings.n; i-- > c->meetings.n - shown;)	/* newest first */
		add_row(c, ROW_MEETING, i, NULL);
	if (shown < c->meetings.n)
		add_row(c, ROW_ALL_MEETINGS, 0, NULL);
	if (!c->meetings.n)
		add_row(c, ROW_HINT, 0, _("No meetings yet. Press m to hold the first."));
}

static enum sam_status case_load(struct case_screen *c, struct app *app, int64_t case_id)
{
	struct followup_query q = { .case_id = case_id };
	enum sam_status st;

	if ((st = store_case_get_by_id(app->store, case_id, &c->rec)) != SAM_OK ||
	    (st = store_meeting_list(app->store, case_id, &c->meetings)) != SAM_OK ||
	    (st = store_followup_list(app->store, &q, &c->followups)) != SAM_OK ||
	    (st = store_items_left_open(app->store, case_id, &c->left_open)) != SAM_OK ||
	    (st = store_internship_current(app->store, case_id, &c->internship,
					   &c->has_internship)) != SAM_OK)
		return st;
	exchange_left_open_actions(&c->left_open, app->guide);
	c->progress = xcalloc(c->meetings.n + 1, sizeof(*c->progress));
	c->nprogress = xcalloc(c->meetings.n + 1, sizeof(*c->nprogress));
	for (size_t i = 0; i < c->meetings.n; i++)
		if ((st = store_meeting_progress(app->store, c->meetings.v[i].id, &c->progress[i],
						 &c->nprogress[i])) != SAM_OK)
			return st;
	return SAM_OK;
}

/* Which row it is, to find it again after a reload: a follow-up by its id,
 * a meeting by its place newest first (a redated meeting leaves the place
 * to the one that is now there), the others by their index. */
static int64_t row_id(const struct case_screen *c, const struct row *r)
{
	switch (r->kind) {
	case ROW_MEETING:
		return (int64_t)(c->meetings.n - 1 - r->index);
	case ROW_FOLLOWUP:
		return c->followups.v[r->index].id;
	default:
		return (int64_t)r->index;
	}
}

static enum sam_status case_open(struct screen *s, struct app *app)
{
	struct case_screen *c = s->data;
	struct row keep = { ROW_HINT, 0, NULL };
	int64_t keep_id = 0;
	size_t nmeetings = 0, keep_row = 0;
	enum sam_status st;

	if (!c) {
		s->data = c = xcalloc(1, sizeof(*c));
		c->ui.selectable = row_selectable;
		c->ui.ctx = c;
	} else if (c->nrows) {
		keep = c->rows[c->ui.sel];
		keep_id = row_id(c, &keep);
		keep_row = c->ui.sel;
		nmeetings = c->meetings.n;
	}
	case_free_data(c);
	st = case_load(c, app, s->arg);
	if (st != SAM_OK)
		return st;
	date_today(c->today);
	build_rows(c);
	/* The row that was selected, found again; first, or after a meeting
	 * was added, the newest meeting (Enter opens it), what is open above. */
	c->ui.sel = keep_row;
	for (size_t i = 0; i < c->nrows; i++) {
		bool newest = c->rows[i].kind == ROW_MEETING && c->meetings.n != nmeetings;
		bool same = row_selectable(c, i) && c->rows[i].kind == keep.kind &&
			    row_id(c, &c->rows[i]) == keep_id;

		if (newest || same) {
			c->ui.sel = i;
			break;
		}
	}
	ui_list_set_rows(&c->ui, c->nrows);
	snprintf(s->title, sizeof(s->title), "%s %s%s%s · %s %s%s%s", _("Case"), c->rec.ref,
		 c->rec.initials ? " · " : "", c->rec.initials ? c->rec.initials : "",
		 _("opened"), c->rec.opened, c->rec.closed ? _(" · closed ") : "",
		 c->rec.closed ? c->rec.closed : "");
	return SAM_OK;
}

/*
 * Drawing
 */

static void draw_progress(const struct app *app, const struct case_screen *c, size_t m, WINDOW *win,
			  int y, int x, int width, enum ui_attr a)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < c->nprogress[m]; i++) {
		const struct section_progress *p = &c->progress[m][i];
		const struct content_section *sec = content_section_find(app->guide, p->section_id);

		if (sb.len)
			strbuf_adds(&sb, "  ");
		if (sec)
			strbuf_addf(&sb, "%d:", sec->number);
		else
			strbuf_addf(&sb, "%s:", p->section_id);
		strbuf_addf(&sb, "%d/%d", p->done, p->done + p->open);
	}
	ui_text(win, y, x, width, a, strbuf_str(&sb));
	strbuf_free(&sb);
}

static void draw_row(struct screen *s, WINDOW *win, size_t i, int y, int width)
{
	struct case_screen *c = s->data;
	const struct row *r = &c->rows[i];
	bool sel = i == c->ui.sel;
	enum ui_attr a = sel ? UI_SELECTED : UI_NORMAL;
	int x;

	if (sel) {
		ui_fill(win, y, 0, width, UI_SELECTED);
		ui_text(win, y, 0, 1, a, ">");
		ui_focus(win, y, 2);
	}
	switch (r->kind) {
	case ROW_HEADING:
		ui_rule(win, y, 0, width, r->text);
		break;
	case ROW_HINT:
		ui_text(win, y, 2, width - 2, UI_DIM, r->text);
		break;
	case ROW_PROFILE:
		ui_profile_row(win, y, 2, width - 2, UI_NORMAL, &c->rec, r->index);
		break;
	case ROW_INTERNSHIP:
		ui_internship_row(win, y, 2, width - 2, a, &c->internship);
		break;
	case ROW_MEETING: {
		const struct meeting_rec *m = &c->meetings.v[r->index];

		x = 2 + ui_text(win, y, 2, 11, a, m->date);
		x += 1 + ui_text(win, y, x + 1, width / 3, a, meeting_type_title(s->app, m->type));
		if (x < 36 && width > 60)
			x = 36;
		draw_progress(s->app, c, r->index, win, y, x + 1, width - x - 1, a);
		break;
	}
	case ROW_ALL_MEETINGS: {
		char *label = xasprintf(_("Show all %zu meetings (Enter)"),
					c->meetings.n);

		ui_text(win, y, 2, width - 2, sel ? a : UI_DIM, label);
		free(label);
		break;
	}
	case ROW_FOLLOWUP: {
		const struct followup_rec *f = &c->followups.v[r->index];
		int due = f->done ? 1 : strcmp(f->due, c->today);
		enum ui_attr late = sel ? a : due <= 0 ? UI_WARN : a;

		x = 2 + ui_text(win, y, 2, 4, a, f->done ? "[x]" : "[ ]");
		x += 1 + ui_text(win, y, x + 1, 11, late, f->due);
		if (due <= 0)
			x += 1 + ui_text(win, y, x + 1, 12, late, due < 0 ? _("overdue")
								      : _("today"));
		ui_text_cut(win, y, x + 1, width - x - 1, a, f->text);
		break;
	}
	case ROW_LEFT_OPEN: {	/* in the wording of the meeting that left it open */
		const struct left_open_item *lo = &c->left_open.v[r->index];

		x = 2 + ui_text(win, y, 2, 2, a, "↻ ");
		x += 1 + ui_text(win, y, x, 11, sel ? a : UI_DIM, lo->date);
		ui_text_cut(win, y, x, width - x, a, lo->item.text);
		break;
	}
	case ROW_LEFT_OPEN_NOTE:
		x = 17 + ui_text(win, y, 17, width - 17, UI_DIM, _("Note: "));
		ui_text_cut(win, y, x, width - x, UI_NORMAL, c->left_open.v[r->index].item.note);
		break;
	}
}

static void case_draw(struct screen *s, WINDOW *win)
{
	struct case_screen *c = s->data;
	int height = getmaxy(win), width = getmaxx(win);
	size_t top = ui_list_scroll(&c->ui, height);

	for (int y = 0; y < height && top + (size_t)y < c->nrows; y++)
		draw_row(s, win, top + (size_t)y, y, width);
	if (!row_selectable(c, c->ui.sel))
		ui_focus(win, 0, 0);
}

/*
 * Keys
 */

/* The selected row's follow-up or meeting, NULL (and a word in the status
 * line) when another row is selected. */
static const struct followup_rec *selected_followup(struct screen *s)
{
	struct case_screen *c = s->data;
	const struct row *r = c->nrows ? &c->rows[c->ui.sel] : NULL;

	if (r && r->kind == ROW_FOLLOWUP)
		return &c->followups.v[r->index];
	ui_status(s->app, "%s", _("Select a follow-up first."));
	return NULL;
}

static const struct meeting_rec *selected_meeting(struct screen *s)
{
	struct case_screen *c = s->data;
	const struct row *r = c->nrows ? &c->rows[c->ui.sel] : NULL;

	if (r && r->kind == ROW_MEETING)
		return &c->meetings.v[r->index];
	ui_status(s->app, "%s", _("Select a meeting first."));
	return NULL;
}

/* D: the selected meeting or follow-up. */
static unsigned remove_selected(struct screen *s)
{
	struct case_screen *c = s->data;
	const struct followup_rec *f;
	const struct meeting_rec *m;

	if (c->nrows && c->rows[c->ui.sel].kind == ROW_FOLLOWUP)
		return (f = selected_followup(s)) ? ui_followup_remove(s->app, f) : REACT_REDRAW;
	if (!(m = selected_meeting(s)))
		return REACT_REDRAW;
	return ui_meeting_remove(s->app, m->id) ? REACT_RELOAD | REACT_REDRAW : REACT_REDRAW;
}

/* P: her copy of the selected meeting, else of the latest. */
static unsigned show_handout(struct screen *s)
{
	struct case_screen *c = s->data;
	const struct row *r = c->nrows ? &c->rows[c->ui.sel] : NULL;

	if (!c->meetings.n) {
		ui_status(s->app, "%s", _("The case has no meetings yet."));
		return REACT_REDRAW;
	}
	if (r && r->kind == ROW_MEETING)
		return scr_handout_push(s->app, c->meetings.v[r->index].id);
	return scr_handout_push(s->app, c->meetings.v[c->meetings.n - 1].id);
}

/* Leaving the case for the case list closes today's meeting: its summary
 * for her is asked for, unless it is written or was asked for already. */
static unsigned leave(struct screen *s)
{
	struct case_screen *c = s->data;
	const struct meeting_rec *last = c->meetings.n ? &c->meetings.v[c->meetings.n - 1] : NULL;

	if (last && str_eq(last->date, c->today) && str_empty(last->agreed) &&
	    !ui_agreed_asked(s->app, last->id))
		ui_ask_agreed(s->app, last->id);
	return REACT_POP;
}

static unsigned case_key(struct screen *s, int ch)
{
	struct case_screen *c = s->data;

	switch (ui_list_key(&c->ui, s, ch)) {
	case UI_LIST_MOVED:
	case UI_LIST_FILTER_CHANGED:
		return REACT_REDRAW;
	case UI_LIST_ACTIVATE:
		switch (c->rows[c->ui.sel].kind) {
		case ROW_MEETING:
			return scr_meeting_push(s->app, c->meetings.v[c->rows[c->ui.sel].index].id);
		case ROW_INTERNSHIP:
			return scr_internships_push(s->app, s->arg);
		case ROW_LEFT_OPEN:
			return scr_meeting_push(s->app, c->left_open.v[c->rows[c->ui.sel].index].meeting_id);
		case ROW_ALL_MEETINGS:
			c->all_meetings = true;
			build_rows(c);
			ui_list_set_rows(&c->ui, c->nrows);
			return REACT_REDRAW;
		default:
			break;
		}
		/* "open" must not close a follow-up, which then leaves the list */
		ui_status(s->app, "%s", _("Press Space to mark the follow-up done."));
		return REACT_REDRAW;
	case UI_LIST_IGNORED:
		break;
	}
	switch (ui_request(s, ch)) {
	case REQ_NEW_MEETING:
		return ui_new_meeting(s->app, s->arg, c->meetings.n == 0);
	case REQ_PROFILE:
		return scr_profile_push(s->app, s->arg);
	case REQ_EDIT:
		return scr_profile_push(s->app, s->arg);
	case REQ_FOLLOWUP:
		return ui_add_followup(s->app, s->arg, 0);
	case REQ_FOLLOWUPS:
		return scr_followups_push(s->app);
	case REQ_INTERNSHIPS:
		return scr_internships_push(s->app, s->arg);
	case REQ_FOLLOWUP_DONE:
	case REQ_FOLLOWUP_EDIT: {
		const struct followup_rec *f = selected_followup(s);

		if (!f)
			return REACT_REDRAW;
		return ui_request(s, ch) == REQ_FOLLOWUP_DONE ? ui_followup_toggle(s->app, f)
							      : ui_followup_edit(s->app, f);
	}
	case REQ_CHANGE: {
		const struct meeting_rec *m = selected_meeting(s);

		return m ? ui_meeting_change(s->app, m->id) : REACT_REDRAW;
	}
	case REQ_REMOVE:
		return remove_selected(s);
	case REQ_CLOSE:
		return ui_case_close_toggle(s->app, &c->rec);
	case REQ_UNDO:
		return ui_undo(s->app, s->arg);
	case REQ_HANDOUT:
		return show_handout(s);
	case REQ_BACK:
		return leave(s);
	default:
		return REACT_NONE;
	}
}

static void case_close(struct screen *s)
{
	struct case_screen *c = s->data;

	if (!c)
		return;
	case_free_data(c);
	free(c->rows);
	free(c);
}

static const struct screen_ops case_ops = {
	.name = "case",
	.open = case_open,
	.draw = case_draw,
	.key = case_key,
	.close = case_close,
	.keys = case_keys,
	.writes = case_writes,
	.is_list = true,
	.no_filter = true,
};

unsigned scr_case_push(struct app *app, int64_t case_id)
{
	return ui_push(app, &case_ops, case_id);
}
