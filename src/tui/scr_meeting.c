#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/exchange.h"
#include "samtale/handout.h"
#include "samtale/util.h"

/*
 * Meeting: the checklist for this meeting's type, section by section, with
 * the section's why and the selected item's help beside it (two panes when
 * the checklist keeps LIST_MIN columns, else below it), and the overview a
 * meeting needs: what was agreed last time, her goals and wishes, the open
 * follow-ups and those agreed in this meeting. The overview is under the
 * checklist in a large window and one key (o) away in the other pane in a
 * smaller one. The items are the ones stored with the meeting, in the
 * wording of the day it was held; an item left open at the latest meeting
 * that held it is marked ↻ with the note it had then. Every key that
 * changes something writes it through the store at once.
 */

enum {
	REQ_DONE = REQ_SCREEN,
	REQ_NOT_RELEVANT,
	REQ_ITEM_NOTE,
	REQ_AGREED,
	REQ_INTERPRETER,
	REQ_NEXT_MEETING,
	REQ_NEXT_SECTION,
	REQ_PREV_SECTION,
	REQ_CHANGE,
	REQ_REMOVE,
	REQ_TEXT_DOWN,
	REQ_TEXT_UP,
	REQ_OVERVIEW,
	REQ_CLOSE,
};

#define LIST_MIN 62		/* the checklist's columns beside the other pane */
#define SIDE_MIN 37		/* ... and that pane's */
/* From this size the overview is under the checklist without a key. */
#define OVERVIEW_COLS 120
#define OVERVIEW_ROWS 37	/* the body of a 40-line terminal */

enum mrow_kind {
	MROW_SECTION,		/* a section's title */
	MROW_ITEM,		/* the only kind one can select */
	MROW_NOTE,		/* the item's note */
	MROW_OLD_NOTE,		/* the note it had when it was left open */
};

struct mrow {
	enum mrow_kind kind;
	size_t index;		/* into m.items, or into sections for MROW_SECTION */
};

enum pane { PANE_GUIDANCE, PANE_OVERVIEW };

struct meeting_screen {
	struct meeting_rec m;
	char *case_ref;
	struct left_open_list prev_open;	/* this meeting's items left open before it */
	struct case_rec c;	/* her goals and wishes */
	char *last_agreed;	/* the latest earlier meeting's agreed summary ... */
	char *last_date;	/* ... and its date; NULL when none */
	struct followup_list followups;	/* the case's, done ones too */
	const char **sections;	/* distinct section ids, in item order (point into m) */
	size_t nsections;
	char *sel_item;		/* the selected item's id, kept across reloads */
	struct mrow *rows;
	size_t nrows;
	struct ui_list ui;
	enum pane pane;		/* what the other pane shows */
	size_t text_top;	/* its first row */
	int text_height;	/* its rows, at the last draw (for paging) */
	struct ui_doc doc;	/* its text, rebuilt at each draw */
	sam_date today;
	enum internship_phase phase;		/* of the meeting's type */
	struct internship_rec internship;	/* her current one, when has_internship */
	bool has_internship;
	bool correcting;	/* a meeting held before today: its first change was confirmed */
};

static const struct ui_binding meeting_keys[] = {
	{ ' ', REQ_DONE, "Space", N_("done"), true },
	{ '\n', REQ_DONE, "Enter", N_("done"), false },
	{ '\r', REQ_DONE, NULL, NULL, false },
	{ UI_FN(KEY_ENTER), REQ_DONE, NULL, NULL, false },
	{ 'n', REQ_NOT_RELEVANT, "n", N_("not relevant"), true },
	{ 'e', REQ_ITEM_NOTE, "e", N_("note"), true },
	{ '\t', REQ_NEXT_SECTION, "Tab", N_("section"), true },
	{ UI_FN(KEY_NPAGE), REQ_TEXT_DOWN, "PgDn", N_("text down"), true },
	{ UI_FN(KEY_PPAGE), REQ_TEXT_UP, "PgUp", N_("text up"), false },
	{ 'o', REQ_OVERVIEW, "o", N_("overview"), true },
	{ UI_FN(KEY_BTAB), REQ_PREV_SECTION, "S-Tab", N_("previous section"), false },
	{ 'A', REQ_AGREED, "A", N_("agreed"), true },
	{ 'E', REQ_EDIT, "E", N_("meeting note"), true },
	{ 'f', REQ_FOLLOWUP, "f", N_("follow-up"), true },
	{ 'i', REQ_INTERPRETER, "i", N_("interpreter (language)"), false },
	{ 'N', REQ_NEXT_MEETING, "N", N_("next meeting (date, time, place)"),
	  false },
	{ 'p', REQ_PROFILE, "p", N_("her profile"), false },
	{ 'd', REQ_CHANGE, "d", N_("change date or type"), false },
	{ 'D', REQ_REMOVE, "D", N_("remove the meeting (asks)"), false },
	{ 'P', REQ_HANDOUT, "P", N_("her copy"), true },
	{ 'x', REQ_CLOSE, "x", N_("close the meeting (what was agreed)"),
	  false },
	UI_BINDINGS_END,
};

static const int meeting_writes[] = {
	REQ_DONE, REQ_NOT_RELEVANT, REQ_ITEM_NOTE, REQ_EDIT, REQ_AGREED, REQ_FOLLOWUP,
	REQ_INTERPRETER, REQ_CHANGE, REQ_REMOVE, REQ_NONE,
};

/*
 * Loading
 */

static bool row_selectable(void *ctx, size_t i)
{
	const struct meeting_screen *ms = ctx;

	return ms->rows[i].kind == MROW_ITEM;
}

/* The item as it was left open before this meeting, or NULL. */
static const struct left_open_item *left_open_before(const struct meeting_screen *ms,
						     const char *item_id)
{
	for (size_t i = 0; i < ms->prev_open.n; i++)
		if (str_eq(ms->prev_open.v[i].item.item_id, item_id))
			return &ms->prev_open.v[i];
	return NULL;
}

static void build_sections(struct meeting_screen *ms)
{
	free(ms->sections);
	ms->sections = xcalloc(ms->m.nitems + 1, sizeof(*ms->sections));
	ms->nsections = 0;
	for (size_t i = 0; i < ms->m.nitems; i++) {
		const char *sid = ms->m.items[i].section_id;
		bool seen = false;

		for (size_t k = 0; k < ms->nsections && !seen; k++)
			seen = str_eq(ms->sections[k], sid);
		if (!seen)
			ms->sections[ms->nsections++] = sid;
	}
}

static void add_row(struct meeting_screen *ms, enum mrow_kind kind, size_t index)
{
	ms->rows[ms->nrows++] = (struct mrow){ kind, index };
}

/* Every section's items under its title, each with its note and, when it
 * was left open, the note it had then. */
static void build_rows(struct meeting_screen *ms)
{
	free(ms->rows);
	ms->rows = xcalloc(ms->nsections + 3 * ms->m.nitems + 1, sizeof(*ms->rows));
	ms->nrows = 0;
	for (size_t k = 0; k < ms->nsections; k++) {
		add_row(ms, MROW_SECTION, k);
		for (size_t i = 0; i < ms->m.nitems; i++) {
			const struct meeting_item *it = &ms->m.items[i];
			const struct left_open_item *lo = left_open_before(ms, it->item_id);

			if (!str_eq(it->section_id, ms->sections[k]))
				continue;
			if (str_eq(it->item_id, ms->sel_item))
				ms->ui.sel = ms->nrows;
			add_row(ms, MROW_ITEM, i);
			if (lo && !str_empty(lo->item.note))
				add_row(ms, MROW_OLD_NOTE, i);
			if (!str_empty(it->note))
				add_row(ms, MROW_NOTE, i);
		}
	}
	ui_list_set_rows(&ms->ui, ms->nrows);
}

static void meeting_free_data(struct meeting_screen *ms)
{
	meeting_rec_free(&ms->m);
	memset(&ms->m, 0, sizeof(ms->m));
	free(ms->case_ref);
	ms->case_ref = NULL;
	left_open_list_free(&ms->prev_open);
	internship_rec_free(&ms->internship);
	ms->has_internship = false;
	case_rec_free(&ms->c);
	memset(&ms->c, 0, sizeof(ms->c));
	free(ms->last_agreed);
	free(ms->last_date);
	ms->last_agreed = ms->last_date = NULL;
	followup_list_free(&ms->followups);
}

static const char *type_title(const struct app *app, const char *type)
{
	const struct content_meeting_type *t = content_meeting_type_find(app->guide, type);

	return t ? t->title : type;
}

/* The latest meeting before this one that has an agreed summary. */
static enum sam_status load_last_agreed(struct meeting_screen *ms, struct store *store)
{
	struct meeting_list ml;
	enum sam_status st = store_meeting_list(store, ms->m.case_id, &ml);

	if (st != SAM_OK)
		return st;
	for (size_t i = 0; i < ml.n && ml.v[i].id != ms->m.id; i++) {
		if (str_empty(ml.v[i].agreed))
			continue;
		free(ms->last_agreed);
		free(ms->last_date);
		ms->last_agreed = xstrdup(ml.v[i].agreed);
		ms->last_date = xstrdup(ml.v[i].date);
	}
	meeting_list_free(&ml);
	return SAM_OK;
}

static enum sam_status meeting_open(struct screen *s, struct app *app)
{
	struct meeting_screen *ms = s->data;
	struct followup_query q = { .include_done = true };
	enum sam_status st;

	if (!ms) {
		s->data = ms = xcalloc(1, sizeof(*ms));
		ms->ui.selectable = row_selectable;
		ms->ui.ctx = ms;
	} else if (ms->nrows && ms->rows[ms->ui.sel].kind == MROW_ITEM) {
		free(ms->sel_item);
		ms->sel_item = xstrdup(ms->m.items[ms->rows[ms->ui.sel].index].item_id);
	}
	meeting_free_data(ms);
	if ((st = store_meeting_get(app->store, s->arg, &ms->m)) != SAM_OK ||
	    (st = store_case_get_by_id(app->store, ms->m.case_id, &ms->c)) != SAM_OK ||
	    (st = store_items_left_open_before(app->store, ms->m.id, &ms->prev_open)) != SAM_OK ||
	    (st = load_last_agreed(ms, app->store)) != SAM_OK)
		return st;
	exchange_left_open_actions(&ms->prev_open, app->guide);
	q.case_id = ms->m.case_id;
	if ((st = store_followup_list(app->store, &q, &ms->followups)) != SAM_OK)
		return st;
	ms->case_ref = xstrdup(ms->c.ref);
	ms->phase = content_internship_phase(ms->m.type);
	if (ms->phase != PHASE_NONE &&
	    (st = store_internship_current(app->store, ms->m.case_id, &ms->internship,
					   &ms->has_internship)) != SAM_OK)
		return st;
	date_today(ms->today);
	build_sections(ms);
	build_rows(ms);
	snprintf(s->title, sizeof(s->title), "%s %s · %s · %s", _("Case"), ms->case_ref,
		 type_title(app, ms->m.type), ms->m.date);
	return SAM_OK;
}

/*
 * Drawing
 */

static const char *state_box(enum item_state st)
{
	switch (st) {
	case ITEM_DONE:
		return "[x]";
	case ITEM_NOT_RELEVANT:
		return "[-]";
	case ITEM_OPEN:
		break;
	}
	return "[ ]";
}

static struct meeting_item *selected(struct meeting_screen *ms)
{
	return ms->nrows && ms->rows[ms->ui.sel].kind == MROW_ITEM ? &ms->m.items[ms->rows[ms->ui.sel].index]
								       : NULL;
}

/* The section of the selected item, as an index into sections. */
static size_t current_section(struct meeting_screen *ms)
{
	const struct meeting_item *it = selected(ms);

	for (size_t k = 0; it && k < ms->nsections; k++)
		if (str_eq(ms->sections[k], it->section_id))
			return k;
	return 0;
}

static const char *section_title(const struct screen *s, size_t k)
{
	const struct meeting_screen *ms = s->data;
	const struct content_section *sec = content_section_find(s->app->guide, ms->sections[k]);

	return sec ? sec->title : ms->sections[k];
}

static void draw_section_header(struct screen *s, WINDOW *win, int width)
{
	struct meeting_screen *ms = s->data;
	size_t k = current_section(ms);
	char head[64];
	int x;

	snprintf(head, sizeof(head), "%s %zu/%zu: ", _("Section"),
		 ms->nsections ? k + 1 : 0, ms->nsections);
	x = ui_text(win, 0, 1, width - 1, UI_HEADING, head);
	ui_text_cut(win, 0, 1 + x, width - 1 - x, UI_HEADING,
		    ms->nsections ? section_title(s, k) : _("(no items)"));
}

static void draw_row(struct screen *s, WINDOW *win, size_t i, int y, int width)
{
	struct meeting_screen *ms = s->data;
	const struct mrow *r = &ms->rows[i];
	const struct meeting_item *it = r->kind == MROW_SECTION ? NULL : &ms->m.items[r->index];
	const struct left_open_item *lo = it ? left_open_before(ms, it->item_id) : NULL;
	bool sel = i == ms->ui.sel;
	enum ui_attr a = sel ? UI_SELECTED : UI_NORMAL;
	int x = 1;

	switch (r->kind) {
	case MROW_SECTION:
		ui_rule(win, y, 0, width, section_title(s, r->index));
		return;
	case MROW_NOTE:
		x = 8 + ui_text(win, y, 8, width - 8, UI_DIM, _("Note: "));
		ui_text_cut(win, y, x, width - x, UI_NORMAL, it->note);
		return;
	case MROW_OLD_NOTE:
		x = 8 + ui_text(win, y, 8, width - 8, UI_WARN, "↻ ");
		x += ui_text(win, y, x, width - x, UI_DIM, lo->date);
		x += ui_text(win, y, x, width - x, UI_DIM, ": ");
		ui_text_cut(win, y, x, width - x, UI_NORMAL, lo->item.note);
		return;
	case MROW_ITEM:
		break;
	}
	if (sel)
		ui_fill(win, y, 0, width, UI_SELECTED);
	x += ui_text(win, y, x, 4, a, state_box(it->state));
	x += ui_text(win, y, x, 3, a, lo ? " ↻ " : "   ");
	ui_text_cut(win, y, x, width - x - 1, a, it->text);
	if (sel)
		ui_focus(win, y, 2);
}

static void draw_items(struct screen *s, WINDOW *win, int y0, int height, int width)
{
	struct meeting_screen *ms = s->data;
	size_t top = ui_list_scroll(&ms->ui, height);

	for (int y = 0; y < height && top + (size_t)y < ms->nrows; y++)
		draw_row(s, win, top + (size_t)y, y0 + y, width);
	if (!selected(ms))
		ui_focus(win, y0, 1);
}

/* "i dag" or "forfalden" beside a follow-up's date, or nothing. */
static const char *due_mark(const struct meeting_screen *ms, const struct followup_rec *f)
{
	int c = strcmp(f->due, ms->today);

	if (f->done)
		return _(" (done)");
	return c < 0 ? _(" overdue") : c == 0 ? _(" today") : "";
}

static void add_followup_line(struct meeting_screen *ms, struct ui_doc *d, const struct followup_rec *f)
{
	char *line = xasprintf("%s%s: %s (%s)", f->due, due_mark(ms, f), f->text,
			       f->her ? _("her") : f->assignee);

	ui_doc_add(d, f->done || strcmp(f->due, ms->today) > 0 ? UI_NORMAL : UI_WARN, 2, line);
	free(line);
}

/* One of her profile fields, in her words, under its label. */
static void add_field(struct ui_doc *d, const struct meeting_screen *ms, enum profile_field f)
{
	const char *text = ms->c.profile[f];
	char *line = xasprintf("%s: %s", _(profile_fields[f].label),
			       str_empty(text) ? "–" : text);

	ui_doc_add(d, str_empty(text) ? UI_DIM : UI_NORMAL, 2, line);
	free(line);
}

/* What was agreed last time, her goals and wishes, the follow-ups. */
static void build_overview(struct meeting_screen *ms, struct ui_doc *d)
{
	size_t nhere = 0, nopen = 0;

	if (ms->last_agreed) {
		char *head = xasprintf("%s (%s)", _("Agreed last time"), ms->last_date);

		ui_doc_add(d, UI_HEADING, 0, head);
		free(head);
		ui_doc_add(d, UI_NORMAL, 2, ms->last_agreed);
	} else {
		ui_doc_add(d, UI_HEADING, 0, _("Agreed last time"));
		ui_doc_add(d, UI_DIM, 2, _("Nothing written at an earlier meeting."));
	}
	ui_doc_gap(d);
	ui_doc_add(d, UI_HEADING, 0, _("Her goals and wishes"));
	add_field(d, ms, PROFILE_GOALS);
	add_field(d, ms, PROFILE_JOB_WISHES);
	add_field(d, ms, PROFILE_EDUCATION_WISHES);
	ui_doc_gap(d);
	ui_doc_add(d, UI_HEADING, 0, _("Open follow-ups"));
	for (size_t i = 0; i < ms->followups.n; i++) {
		const struct followup_rec *f = &ms->followups.v[i];

		if (f->meeting_id == ms->m.id) {
			nhere++;
		} else if (!f->done) {
			add_followup_line(ms, d, f);
			nopen++;
		}
	}
	if (!nopen)
		ui_doc_add(d, UI_DIM, 2, _("None."));
	ui_doc_gap(d);
	ui_doc_add(d, UI_HEADING, 0, _("Agreed in this meeting"));
	for (size_t i = 0; i < ms->followups.n; i++)
		if (ms->followups.v[i].meeting_id == ms->m.id)
			add_followup_line(ms, d, &ms->followups.v[i]);
	if (!nhere)
		ui_doc_add(d, UI_DIM, 2, _("No follow-ups yet (f adds one)."));
}

/* The selected item's whole text, why it was left open and its note then,
 * the section's why, the item's help and its note. */
static void build_guidance(struct screen *s, struct ui_doc *d)
{
	struct meeting_screen *ms = s->data;
	const struct meeting_item *it = selected(ms);
	const struct content_section *sec =
		it ? content_section_find(s->app->guide, it->section_id) : NULL;
	const struct content_item *ci = it ? content_item_find(s->app->guide, it->item_id) : NULL;
	const struct left_open_item *lo = it ? left_open_before(ms, it->item_id) : NULL;

	if (!it)
		return;
	ui_doc_add(d, UI_NORMAL, 0, it->text);
	if (lo) {
		char *line = xasprintf(_("↻ Left open at the meeting of %s."),
				       lo->date);

		ui_doc_gap(d);
		ui_doc_add(d, UI_WARN, 0, line);
		free(line);
		if (!str_empty(lo->item.note))
			ui_doc_add(d, UI_NORMAL, 2, lo->item.note);
	}
	if (sec) {
		ui_doc_gap(d);
		ui_doc_add(d, UI_HEADING, 0, _("Why"));
		ui_doc_add(d, UI_DIM, 0, sec->why);
	}
	if (ci && ci->help) {
		/* The team's words apart from the seed's, quietly. */
		bool local = ci->help_origin == ORIGIN_LOCAL;

		ui_doc_gap(d);
		ui_doc_add(d, local ? UI_DIM : UI_HEADING, 0,
			   local ? _("Local guidance") : _("About the item"));
		ui_doc_add(d, UI_NORMAL, 0, ci->help);
	}
	if (!str_empty(it->note)) {
		ui_doc_gap(d);
		ui_doc_add(d, UI_HEADING, 0, _("Note"));
		ui_doc_add(d, UI_NORMAL, 0, it->note);
	}
}

/* The pane that scrolls with PgUp and PgDn: the guidance or the overview. */
static void draw_text_pane(struct screen *s, WINDOW *win, int y, int x, int height, int width)
{
	struct meeting_screen *ms = s->data;

	ui_doc_start(&ms->doc, width);
	if (ms->pane == PANE_OVERVIEW)
		build_overview(ms, &ms->doc);
	else
		build_guidance(s, &ms->doc);
	ms->text_height = height;
	ui_doc_draw(&ms->doc, win, y, x, height, &ms->text_top, "PgUp", "PgDn");
}

/* The overview under the checklist (a large window), from its start. */
static void draw_overview_below(struct screen *s, WINDOW *win, int y, int height, int width)
{
	struct meeting_screen *ms = s->data;
	struct ui_doc d = { 0 };
	size_t top = 0;

	ui_rule(win, y, 0, width, _("Overview"));
	ui_doc_start(&d, width - 2);
	build_overview(ms, &d);
	ui_doc_draw(&d, win, y + 1, 1, height - 1, &top, "o", "o");
	ui_doc_free(&d);
}

/* Rows the overview takes under the checklist: its own, its rule, and at
 * least half of the rows for the checklist. */
static int overview_rows(struct meeting_screen *ms, int height, int width)
{
	struct ui_doc d = { 0 };
	int rows, list = (int)ms->nrows < height / 2 ? (int)ms->nrows : height / 2;

	ui_doc_start(&d, width - 2);
	build_overview(ms, &d);
	rows = (int)d.n + 1;
	ui_doc_free(&d);
	return rows < height - list ? rows : height - list;
}

static void draw_meeting_line(struct screen *s, WINDOW *win, int y, int width)
{
	struct meeting_screen *ms = s->data;
	struct strbuf sb = { 0 };

	strbuf_addf(&sb, "%s: %s · %s: %s · %s: %s", _("Interpreter"),
		    ms->m.interpreter ? ms->m.interpreter : _("none (i)"),
		    _("Meeting note"),
		    str_empty(ms->m.note) ? _("none (E)") : _("written"),
		    _("Agreed"),
		    str_empty(ms->m.agreed) ? _("missing (A)") : ms->m.agreed);
	ui_text_cut(win, y, 1, width - 1, UI_DIM, strbuf_str(&sb));
	strbuf_free(&sb);
}

static void draw_body(struct screen *s, WINDOW *win);

static bool held_before_today(const struct meeting_screen *ms)
{
	return strcmp(ms->m.date, ms->today) < 0;
}

/* A meeting not held today says so above its checklist: a change to it is
 * a correction of history. */
static void meeting_draw_checklist(struct screen *s, WINDOW *win)
{
	struct meeting_screen *ms = s->data;
	char banner[160];
	WINDOW *below;
	long days;

	if (!held_before_today(ms) || getmaxy(win) < 8 ||
	    !(below = derwin(win, getmaxy(win) - 1, getmaxx(win), 1, 0))) {
		draw_body(s, win);
		return;
	}
	days = date_diff_days(ms->today, ms->m.date);
	snprintf(banner, sizeof(banner),
		 sam_ngettext("This meeting was held on %s, %ld day ago. Changes are corrections.",
			      "This meeting was held on %s, %ld days ago. Changes are corrections.",
			      (unsigned long)days),
		 ms->m.date, days);
	ui_fill(win, 0, 0, getmaxx(win), UI_WARN);
	ui_text(win, 0, 1, getmaxx(win) - 2, UI_WARN, banner);
	draw_body(s, below);
	delwin(below);
}

static void draw_body(struct screen *s, WINDOW *win)
{
	struct meeting_screen *ms = s->data;
	int height = getmaxy(win), width = getmaxx(win);

	draw_section_header(s, win, width);
	draw_meeting_line(s, win, height - 1, width);
	height -= 2;	/* header and meeting line */
	if (width >= LIST_MIN + 1 + SIDE_MIN) {
		int lw = width * 11 / 20 > LIST_MIN ? width * 11 / 20 : LIST_MIN;
		int below = width >= OVERVIEW_COLS && height + 2 >= OVERVIEW_ROWS
				    ? overview_rows(ms, height, lw) : 0;

		draw_items(s, win, 1, height - below, lw);
		if (below)
			draw_overview_below(s, win, 1 + height - below, below, lw);
		ui_vline(win, 1, lw, height);
		draw_text_pane(s, win, 1, lw + 2, height, width - lw - 3);
	} else {
		/* stacked: the checklist over at most half, the pane under it */
		int lh = (int)ms->nrows;

		if (lh > height / 2)
			lh = height / 2 > 3 ? height / 2 : 3;
		if (lh > height)
			lh = height;
		draw_items(s, win, 1, lh, width);
		if (height - lh > 2) {
			ui_rule(win, 1 + lh, 0, width, ms->pane == PANE_OVERVIEW
				? _("Overview (o: guidance)")
				: _("Guidance (o: overview)"));
			draw_text_pane(s, win, 2 + lh, 1, height - lh - 1, width - 2);
		}
	}
}

/* A meeting before, during or after an internship has it at the top. */
static void meeting_draw(struct screen *s, WINDOW *win)
{
	struct meeting_screen *ms = s->data;
	int height = getmaxy(win), width = getmaxx(win), rows = 0;
	WINDOW *rest;

	if (ms->phase != PHASE_NONE && height >= 12)
		rows = ui_internship_box(win, 0, 1, width - 2, height / 4 > 2 ? height / 4 : 2,
					 ms->has_internship ? &ms->internship : NULL);
	if (!rows || !(rest = derwin(win, height - rows - 1, width, rows + 1, 0))) {
		meeting_draw_checklist(s, win);
		return;
	}
	ui_rule(win, rows, 0, width, NULL);
	meeting_draw_checklist(s, rest);
	delwin(rest);
}

/*
 * Keys
 */

/* A new selection shows its own text from the top. */
static unsigned moved(struct meeting_screen *ms)
{
	if (ms->pane == PANE_GUIDANCE)
		ms->text_top = 0;
	return REACT_REDRAW;
}

/* Space and n: the caseworker's eyes are on her, not on the screen, so
 * the selection goes on to the next item. */
static unsigned set_state(struct screen *s, enum item_state toggled)
{
	struct meeting_screen *ms = s->data;
	struct meeting_item *it = selected(ms);
	enum item_state next;
	enum sam_status st;

	if (!it)
		return REACT_REDRAW;
	next = it->state == toggled ? ITEM_OPEN : toggled;
	st = store_item_set_state(s->app->store, ms->m.id, it->item_id, next);
	if (st != SAM_OK)
		return ui_error(s->app, st);
	/* The item's state is all that changed: no reload. Another instance's
	 * changes appear when the screen is opened again (or Ctrl-L). */
	it->state = next;
	ui_status(s->app, NULL);
	for (size_t r = ms->ui.sel + 1; r < ms->nrows; r++) {
		if (row_selectable(ms, r)) {
			ms->ui.sel = r;
			break;
		}
	}
	return moved(ms);
}

static unsigned edit_item_note(struct screen *s)
{
	struct meeting_screen *ms = s->data;
	struct meeting_item *it = selected(ms);
	char *note;
	enum sam_status st;

	if (!it)
		return REACT_REDRAW;
	note = xstrdup(it->note);
	for (;;) {
		char *answer = ui_prompt(s->app, _("Note"), note);

		free(note);
		note = answer;
		if (!note)
			break;
		st = store_item_set_note(s->app->store, ms->m.id, it->item_id, str_empty(note) ? NULL : note);
		if (st == SAM_OK) {
			ui_status(s->app, "%s", _("The note was saved."));
			break;
		}
		ui_error(s->app, st);	/* a CPR number: ask again with the text kept */
	}
	if (!note)
		ui_status(s->app, NULL);
	free(note);
	return REACT_RELOAD | REACT_REDRAW;
}

/* The text the agreed summary's editor starts from: what is written, or
 * when nothing is, a draft from the meeting's follow-ups if she wants it. */
static char *agreed_start(struct screen *s)
{
	struct meeting_screen *ms = s->data;
	const char *opts[] = { _("Start from a draft of the follow-ups"),
			       _("Start from an empty text") };
	char *draft = NULL;

	if (!str_empty(ms->m.agreed))
		return xstrdup(ms->m.agreed);
	if (handout_draft_for_meeting(s->app->store, ms->m.id, &draft) != SAM_OK || !draft)
		return NULL;
	if (ui_choose(s->app, _("What was agreed"), opts, 2, 0) != 0) {
		free(draft);
		return NULL;
	}
	return draft;
}

/* E and A: the meeting note or the agreed summary in the editor, over the
 * lower part of the checklist. */
struct field_save {
	struct store *store;
	int64_t meeting_id;
	enum meeting_field field;
};

static enum sam_status save_field(void *ctx, const char *text)
{
	const struct field_save *f = ctx;

	return store_meeting_set(f->store, f->meeting_id, f->field, text);
}

static unsigned edit_field(struct screen *s, enum meeting_field field)
{
	struct meeting_screen *ms = s->data;
	struct field_save f = { s->app->store, ms->m.id, field };
	bool note = field == MEETING_NOTE;
	char *start = note ? NULL : agreed_start(s);
	struct ui_editor_spec spec = {
		.title = note ? _("Meeting note") : _("What was agreed, for her"),
		.text = note ? ms->m.note : start,
		.file_name = note ? "samtalenote.txt" : "aftalt.txt",
		.saved_msg = note ? _("The meeting note was saved.")
				  : _("What was agreed was saved."),
		.save = save_field,
		.ctx = &f,
	};

	ui_editor_run(s->app, &spec);
	free(start);
	return REACT_RELOAD | REACT_REDRAW;
}

static unsigned edit_interpreter(struct screen *s)
{
	struct meeting_screen *ms = s->data;
	char *lang = ui_prompt(s->app, _("Interpreted language (empty = no interpreter)"),
			       ms->m.interpreter);
	enum sam_status st;

	if (!lang) {
		ui_status(s->app, NULL);
		return REACT_REDRAW;
	}
	st = store_meeting_set(s->app->store, ms->m.id, MEETING_INTERPRETER, str_empty(lang) ? NULL : lang);
	free(lang);
	if (st != SAM_OK)
		return ui_error(s->app, st);
	ui_status(s->app, NULL);
	return REACT_RELOAD | REACT_REDRAW;
}

/* Asks one answer into *value (kept to be corrected); false on Esc. */
static bool ask(struct app *app, const char *label, char **value)
{
	char *answer = ui_prompt(app, label, *value);

	if (!answer)
		return false;
	free(*value);
	*value = answer;
	return true;
}

/* N: when they meet next, for her copy: the date (empty: none), then the
 * time and the place, each optional. A refused answer is asked again. */
static unsigned edit_next_meeting(struct screen *s)
{
	struct meeting_screen *ms = s->data;
	char *date = xstrdup(ms->m.next.date), *time = xstrdup(ms->m.next.time);
	char *place = xstrdup(ms->m.next.place);
	enum sam_status st = SAM_ERR_INVALID;
	sam_date day;

	while (st != SAM_OK && ask(s->app, _("Next meeting: date (e.g. 2026-04-01 or +14; empty = none)"),
				   &date)) {
		if (str_empty(date)) {
			st = store_meeting_set_next(s->app->store, ms->m.id, NULL, NULL, NULL);
		} else if ((st = date_parse(date, DATE_NOT_PAST, day)) != SAM_OK) {
			ui_error(s->app, st);
			continue;
		} else if (!ask(s->app, _("Time (HH:MM; empty = not agreed)"),
				&time) ||
			   !ask(s->app, _("Place (empty = not said)"), &place)) {
			break;
		} else {
			st = store_meeting_set_next(s->app->store, ms->m.id, day, str_empty(time) ? NULL : time,
						    str_empty(place) ? NULL : place);
		}
		if (st != SAM_OK)
			ui_error(s->app, st);
	}
	if (st == SAM_OK && str_empty(date))
		ui_status(s->app, "%s", _("There is no next meeting."));
	else if (st == SAM_OK)
		ui_status(s->app, _("The next meeting was saved: %s %s."),
			  date_weekday(day), day);
	else
		ui_status(s->app, NULL);
	free(date);
	free(time);
	free(place);
	return REACT_RELOAD | REACT_REDRAW;
}

bool ui_agreed_asked(const struct app *app, int64_t meeting_id)
{
	for (size_t i = 0; i < ARRAY_SIZE(app->agreed_asked); i++)
		if (app->agreed_asked[i] == meeting_id)
			return true;
	return false;
}

void ui_ask_agreed(struct app *app, int64_t meeting_id)
{
	char *agreed = NULL;

	if (app->readonly)
		return;
	app->agreed_asked[app->nagreed_asked++ % ARRAY_SIZE(app->agreed_asked)] = meeting_id;
	ui_status(app, "%s", _("What did you agree? Write it so she can have it (Esc skips)."));
	for (;;) {
		char *answer = ui_prompt(app, _("Agreed"), agreed);
		enum sam_status st;

		free(agreed);
		agreed = answer;
		if (!agreed || str_empty(agreed))
			break;
		st = store_meeting_set(app->store, meeting_id, MEETING_AGREED, agreed);
		if (st == SAM_OK)
			break;
		ui_error(app, st);	/* a CPR number: ask again with the text kept */
	}
	free(agreed);
	ui_status(app, NULL);
}

/* x: the meeting is over; what was agreed is asked for when it is missing. */
static unsigned close_meeting(struct screen *s)
{
	struct meeting_screen *ms = s->data;

	if (str_empty(ms->m.agreed))
		ui_ask_agreed(s->app, ms->m.id);
	return REACT_POP;
}

/* Tab and S-Tab: the first item of the next or the previous section. */
static unsigned change_section(struct screen *s, int dir)
{
	struct meeting_screen *ms = s->data;
	size_t k = current_section(ms), n = ms->nsections;

	if (n < 2)
		return REACT_REDRAW;
	k = dir > 0 ? (k + 1) % n : (k + n - 1) % n;
	for (size_t r = 0; r < ms->nrows; r++) {
		if (ms->rows[r].kind == MROW_SECTION && ms->rows[r].index == k) {
			ui_list_select(&ms->ui, r);
			/* the section's title in sight above its first item */
			if (ms->ui.top > r || ms->ui.top + (size_t)ms->ui.height <= ms->ui.sel)
				ms->ui.top = r;
			break;
		}
	}
	return moved(ms);
}

static unsigned scroll_text(struct meeting_screen *ms, int dir)
{
	size_t page = ui_doc_rows(&ms->doc, ms->text_height, ms->text_top);

	page = page > 1 ? page - 1 : 1;
	if (dir > 0)
		ms->text_top += page;	/* the draw brings it back into range */
	else
		ms->text_top = ms->text_top > page ? ms->text_top - page : 0;
	return REACT_REDRAW;
}

static unsigned toggle_pane(struct meeting_screen *ms)
{
	ms->pane = ms->pane == PANE_GUIDANCE ? PANE_OVERVIEW : PANE_GUIDANCE;
	ms->text_top = 0;
	return REACT_REDRAW;
}

/* The first change to a meeting held before today asks once. */
static bool may_change(struct screen *s)
{
	struct meeting_screen *ms = s->data;
	char title[128];
	const char *opts[] = { _("Yes, correct it"), _("No") };

	if (ms->correcting || !held_before_today(ms))
		return true;
	snprintf(title, sizeof(title), _("The meeting was held on %s. Correct it anyway?"), ms->m.date);
	ms->correcting = ui_choose(s->app, title, opts, 2, 1) == 0;
	return ms->correcting;
}

static unsigned meeting_key(struct screen *s, int ch)
{
	struct meeting_screen *ms = s->data;
	int req;

	switch (ui_list_key(&ms->ui, s, ch)) {
	case UI_LIST_MOVED:
	case UI_LIST_FILTER_CHANGED:
		return moved(ms);
	case UI_LIST_ACTIVATE:	/* Enter is the meeting's own key: never */
	case UI_LIST_IGNORED:
		break;
	}
	req = ui_request(s, ch);
	switch (req) {
	case REQ_DONE: case REQ_NOT_RELEVANT: case REQ_ITEM_NOTE: case REQ_EDIT: case REQ_AGREED:
	case REQ_INTERPRETER:
		if (!may_change(s))
			return REACT_REDRAW;
		break;
	default:
		break;
	}
	switch (req) {
	case REQ_DONE:
		return set_state(s, ITEM_DONE);
	case REQ_NOT_RELEVANT:
		return set_state(s, ITEM_NOT_RELEVANT);
	case REQ_ITEM_NOTE:
		return edit_item_note(s);
	case REQ_EDIT:
		return edit_field(s, MEETING_NOTE);
	case REQ_AGREED:
		return edit_field(s, MEETING_AGREED);
	case REQ_INTERPRETER:
		return edit_interpreter(s);
	case REQ_NEXT_MEETING:
		return edit_next_meeting(s);
	case REQ_FOLLOWUP:
		return ui_add_followup(s->app, ms->m.case_id, ms->m.id);
	case REQ_NEXT_SECTION:
		return change_section(s, +1);
	case REQ_PREV_SECTION:
		return change_section(s, -1);
	case REQ_PROFILE:
		return scr_profile_push(s->app, ms->m.case_id);
	case REQ_CHANGE:
		return ui_meeting_change(s->app, ms->m.id);
	case REQ_REMOVE:
		return ui_meeting_remove(s->app, ms->m.id) ? REACT_POP : REACT_REDRAW;
	case REQ_HANDOUT:
		return scr_handout_push(s->app, ms->m.id);
	case REQ_TEXT_DOWN:
		return scroll_text(ms, +1);
	case REQ_TEXT_UP:
		return scroll_text(ms, -1);
	case REQ_OVERVIEW:
		return toggle_pane(ms);
	case REQ_CLOSE:
		return close_meeting(s);
	default:
		return REACT_NONE;
	}
}

static void meeting_close(struct screen *s)
{
	struct meeting_screen *ms = s->data;

	if (!ms)
		return;
	meeting_free_data(ms);
	free(ms->sections);
	free(ms->rows);
	free(ms->sel_item);
	ui_doc_free(&ms->doc);
	free(ms);
}

static const struct screen_ops meeting_ops = {
	.name = "meeting",
	.open = meeting_open,
	.draw = meeting_draw,
	.key = meeting_key,
	.close = meeting_close,
	.keys = meeting_keys,
	.writes = meeting_writes,
	.is_list = true,
	.no_filter = true,
};

/* Opening an after-internship meeting asks how the internship ended when
 * nobody has said so yet. */
static unsigned ask_outcome(struct app *app, struct screen *s)
{
	struct meeting_screen *ms = s->data;

	if (ms->phase != PHASE_AFTER || !ms->has_internship || ms->internship.outcome != OUTCOME_NONE)
		return REACT_NONE;
	ui_status(app, _("The internship at %s has no outcome yet."), ms->internship.workplace);
	return ui_internship_end(app, &ms->internship);
}

unsigned scr_meeting_push(struct app *app, int64_t meeting_id)
{
	unsigned r = ui_push(app, &meeting_ops, meeting_id);

	return r & REACT_PUSH ? r | ask_outcome(app, app->top) : r;
}
