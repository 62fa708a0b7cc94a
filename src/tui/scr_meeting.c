#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/exchange.h"
#include "samtale/handout.h"
#include "samtale/util.h"

/*
 * Meeting: the checklist for this meeting's type, one section at a time,
 * with the section's why and the selected item's help beside it (two panes
 * from 100 columns, else below). The items are the ones stored with the
 * meeting, in the wording of the day it was held. Every key that changes
 * something writes it through the store at once.
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
};

#define TWO_PANES_FROM 100

struct mrow {
	size_t item;		/* index into m.items */
	bool note;		/* the item's note line, not selectable */
};

struct meeting_screen {
	struct meeting_rec m;
	char *case_ref;
	struct left_open_list prev_open;	/* this meeting's items left open before it */
	const char **sections;	/* distinct section ids, in item order (point into m) */
	size_t nsections;
	size_t cur;		/* the section shown */
	char *cur_id;		/* ... by id, kept across reloads */
	struct mrow *rows;
	size_t nrows;
	struct ui_list ui;
	sam_date today;
	enum internship_phase phase;		/* of the meeting's type */
	struct internship_rec internship;	/* her current one, when has_internship */
	bool has_internship;
	bool correcting;	/* a meeting held before today: its first change was confirmed */
};

static const struct ui_binding meeting_keys[] = {
	{ ' ', REQ_DONE, "Space", "gjort", "done", true },
	{ '\n', REQ_DONE, "Enter", "gjort", "done", false },
	{ '\r', REQ_DONE, NULL, NULL, NULL, false },
	{ UI_FN(KEY_ENTER), REQ_DONE, NULL, NULL, NULL, false },
	{ 'n', REQ_NOT_RELEVANT, "n", "ikke relevant", "not relevant", true },
	{ 'e', REQ_ITEM_NOTE, "e", "note", "note", true },
	{ '\t', REQ_NEXT_SECTION, "Tab", "afsnit", "section", true },
	{ UI_FN(KEY_BTAB), REQ_PREV_SECTION, "S-Tab", "forrige afsnit", "previous section", false },
	{ 'E', REQ_EDIT, "E", "mødenote", "meeting note", true },
	{ 'A', REQ_AGREED, "A", "aftalt", "agreed", true },
	{ 'f', REQ_FOLLOWUP, "f", "opfølgning", "follow-up", true },
	{ 'i', REQ_INTERPRETER, "i", "tolk (sprog)", "interpreter (language)", false },
	{ 'N', REQ_NEXT_MEETING, "N", "næste samtale (dato, tid, sted)", "next meeting (date, time, place)",
	  false },
	{ 'p', REQ_PROFILE, "p", "hendes profil", "her profile", false },
	{ 'd', REQ_CHANGE, "d", "ret dato eller type", "change date or type", false },
	{ 'D', REQ_REMOVE, "D", "fjern samtalen (spørger)", "remove the meeting (asks)", false },
	{ 'P', REQ_HANDOUT, "P", "hendes kopi", "her copy", true },
	UI_BINDINGS_END,
};

/*
 * Loading
 */

static bool row_selectable(void *ctx, size_t i)
{
	const struct meeting_screen *ms = ctx;

	return !ms->rows[i].note;
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
	ms->cur = 0;
	for (size_t i = 0; i < ms->m.nitems; i++) {
		const char *sid = ms->m.items[i].section_id;
		bool seen = false;

		for (size_t k = 0; k < ms->nsections && !seen; k++)
			seen = str_eq(ms->sections[k], sid);
		if (seen)
			continue;
		if (str_eq(sid, ms->cur_id))
			ms->cur = ms->nsections;
		ms->sections[ms->nsections++] = sid;
	}
}

static void build_rows(struct meeting_screen *ms)
{
	const char *sid = ms->nsections ? ms->sections[ms->cur] : NULL;

	free(ms->rows);
	ms->rows = xcalloc(2 * ms->m.nitems + 1, sizeof(*ms->rows));
	ms->nrows = 0;
	for (size_t i = 0; i < ms->m.nitems; i++) {
		if (!str_eq(ms->m.items[i].section_id, sid))
			continue;
		ms->rows[ms->nrows++] = (struct mrow){ i, false };
		if (!str_empty(ms->m.items[i].note))
			ms->rows[ms->nrows++] = (struct mrow){ i, true };
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
}

static const char *type_title(const struct app *app, const char *type)
{
	const struct content_meeting_type *t = content_meeting_type_find(app->guide, type);

	return t ? t->title : type;
}

static enum sam_status meeting_open(struct screen *s, struct app *app)
{
	struct meeting_screen *ms = s->data;
	struct case_rec c = { 0 };
	enum sam_status st;

	if (!ms) {
		s->data = ms = xcalloc(1, sizeof(*ms));
		ms->ui.selectable = row_selectable;
		ms->ui.ctx = ms;
	}
	meeting_free_data(ms);
	if ((st = store_meeting_get(app->store, s->arg, &ms->m)) != SAM_OK ||
	    (st = store_case_get_by_id(app->store, ms->m.case_id, &c)) != SAM_OK ||
	    (st = store_items_left_open_before(app->store, ms->m.id, &ms->prev_open)) != SAM_OK) {
		case_rec_free(&c);
		return st;
	}
	exchange_left_open_actions(&ms->prev_open, app->guide);
	ms->case_ref = xstrdup(c.ref);
	case_rec_free(&c);
	ms->phase = content_internship_phase(ms->m.type);
	if (ms->phase != PHASE_NONE &&
	    (st = store_internship_current(app->store, ms->m.case_id, &ms->internship,
					   &ms->has_internship)) != SAM_OK)
		return st;
	date_today(ms->today);
	build_sections(ms);
	build_rows(ms);
	snprintf(s->title, sizeof(s->title), "%s %s · %s · %s", tr("Sag", "Case"), ms->case_ref,
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

static void draw_section_header(struct screen *s, WINDOW *win, int width)
{
	struct meeting_screen *ms = s->data;
	const struct content_section *sec =
		ms->nsections ? content_section_find(s->app->guide, ms->sections[ms->cur]) : NULL;
	char head[64];
	int x;

	snprintf(head, sizeof(head), "%s %zu/%zu: ", tr("Afsnit", "Section"),
		 ms->nsections ? ms->cur + 1 : 0, ms->nsections);
	x = ui_text(win, 0, 1, width - 1, UI_HEADING, head);
	ui_text(win, 0, 1 + x, width - 1 - x, UI_HEADING,
		sec ? sec->title : ms->nsections ? ms->sections[ms->cur] : tr("(ingen punkter)", "(no items)"));
}

static void draw_items(struct screen *s, WINDOW *win, int y0, int height, int width)
{
	struct meeting_screen *ms = s->data;
	size_t top = ui_list_scroll(&ms->ui, height);

	for (int y = 0; y < height && top + (size_t)y < ms->nrows; y++) {
		const struct mrow *r = &ms->rows[top + (size_t)y];
		const struct meeting_item *it = &ms->m.items[r->item];
		bool sel = top + (size_t)y == ms->ui.sel;
		enum ui_attr a = sel ? UI_SELECTED : UI_NORMAL;
		int x = 1;

		if (r->note) {
			x = 7 + ui_text(win, y0 + y, 7, width - 7, UI_DIM, tr("Note: ", "Note: "));
			ui_text(win, y0 + y, x, width - x, UI_NORMAL, it->note);
			continue;
		}
		if (sel)
			ui_fill(win, y0 + y, 0, width, UI_SELECTED);
		x += ui_text(win, y0 + y, x, 4, a, state_box(it->state));
		x += ui_text(win, y0 + y, x, 3, a, left_open_before(ms, it->item_id) ? " ↻ " : "   ");
		ui_text(win, y0 + y, x, width - x, a, it->text);
		if (sel)
			ui_focus(win, y0 + y, 2);
	}
	if (!ms->nrows)
		ui_focus(win, y0, 1);
}

/* The selected item's whole text when its row (list_width wide) cuts it,
 * the section's why (at most 40% of the pane when the item has help), the
 * item's help and its note. */
static void draw_guidance(struct screen *s, WINDOW *win, int y, int x, int height, int width,
			  int list_width)
{
	struct meeting_screen *ms = s->data;
	const struct content_section *sec =
		ms->nsections ? content_section_find(s->app->guide, ms->sections[ms->cur]) : NULL;
	const struct meeting_item *it = ms->nrows ? &ms->m.items[ms->rows[ms->ui.sel].item] : NULL;
	const struct content_item *ci = it ? content_item_find(s->app->guide, it->item_id) : NULL;
	int end = y + height;

	if (it && (int)utf8_width(it->text) > list_width - 7 && y + 2 < end) {
		y += ui_wrap(win, y, x, width, (end - y) / 3, UI_NORMAL, it->text);
		y++;
	}
	if (it && left_open_before(ms, it->item_id) && y < end)
		y += ui_wrap(win, y, x, width, end - y, UI_WARN,
			     tr("↻ Ikke nået ved sidste samtale.", "↻ Left open at the last meeting."));
	if (sec && y + 1 < end) {
		int max = ci && ci->help ? (end - y) * 2 / 5 : end - y;

		y += ui_wrap(win, y, x, width, 1, UI_HEADING, tr("Hvorfor", "Why"));
		y += ui_wrap(win, y, x, width, max > 1 ? max - 1 : 1, UI_DIM, sec->why);
	}
	if (ci && ci->help && y + 2 < end) {
		y++;
		/* The team's words apart from the seed's, quietly. */
		y += ui_wrap(win, y, x, width, 1, ci->help_origin == ORIGIN_LOCAL ? UI_DIM : UI_HEADING,
			     ci->help_origin == ORIGIN_LOCAL ? tr("Lokal vejledning", "Local guidance")
							     : tr("Om punktet", "About the item"));
		y += ui_wrap(win, y, x, width, end - y, UI_NORMAL, ci->help);
	}
	if (it && !str_empty(it->note) && y + 2 < end) {
		y++;
		y += ui_wrap(win, y, x, width, 1, UI_HEADING, tr("Note", "Note"));
		ui_wrap(win, y, x, width, end - y, UI_NORMAL, it->note);
	}
}

static void draw_meeting_line(struct screen *s, WINDOW *win, int y, int width)
{
	struct meeting_screen *ms = s->data;
	struct strbuf sb = { 0 };

	strbuf_addf(&sb, "%s: %s · %s: %s · %s: %s", tr("Tolk", "Interpreter"),
		    ms->m.interpreter ? ms->m.interpreter : tr("ingen (i)", "none (i)"),
		    tr("Mødenote", "Meeting note"),
		    str_empty(ms->m.note) ? tr("ingen (E)", "none (E)") : tr("skrevet", "written"),
		    tr("Aftalt", "Agreed"),
		    str_empty(ms->m.agreed) ? tr("mangler (A)", "missing (A)") : ms->m.agreed);
	ui_text(win, y, 1, width - 1, UI_DIM, strbuf_str(&sb));
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
	snprintf(banner, sizeof(banner), days == 1
		 ? tr("Samtalen blev holdt %s, for %ld dag siden. Ændringer er rettelser.",
		      "This meeting was held on %s, %ld day ago. Changes are corrections.")
		 : tr("Samtalen blev holdt %s, for %ld dage siden. Ændringer er rettelser.",
		      "This meeting was held on %s, %ld days ago. Changes are corrections."),
		 ms->m.date, days);
	ui_fill(win, 0, 0, getmaxx(win), UI_WARN);
	ui_text(win, 0, 1, getmaxx(win) - 2, UI_WARN, banner);
	draw_body(s, below);
	delwin(below);
}

static void draw_body(struct screen *s, WINDOW *win)
{
	int height = getmaxy(win), width = getmaxx(win);

	draw_section_header(s, win, width);
	draw_meeting_line(s, win, height - 1, width);
	height -= 2;	/* header and meeting line */
	if (width >= TWO_PANES_FROM) {
		int lw = width * 11 / 20;

		draw_items(s, win, 1, height, lw);
		ui_vline(win, 1, lw, height);
		draw_guidance(s, win, 1, lw + 2, height, width - lw - 3, lw);
	} else {
		struct meeting_screen *ms = s->data;
		int lh = (int)ms->nrows;

		if (lh > height / 2)
			lh = height / 2 > 3 ? height / 2 : 3;
		if (lh > height)
			lh = height;
		draw_items(s, win, 1, lh, width);
		if (height - lh > 2) {
			ui_rule(win, 1 + lh, 0, width, NULL);
			draw_guidance(s, win, 2 + lh, 1, height - lh - 1, width - 2, width);
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

static struct meeting_item *selected(struct meeting_screen *ms)
{
	return ms->nrows ? &ms->m.items[ms->rows[ms->ui.sel].item] : NULL;
}

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
	return REACT_REDRAW;
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
		char *answer = ui_prompt(s->app, tr("Note", "Note"), note);

		free(note);
		note = answer;
		if (!note)
			break;
		st = store_item_set_note(s->app->store, ms->m.id, it->item_id, str_empty(note) ? NULL : note);
		if (st == SAM_OK) {
			ui_status(s->app, "%s", tr("Noten er gemt.", "The note was saved."));
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
	const char *opts[] = { tr("Begynd med et udkast ud fra opfølgningerne", "Start from a draft of the follow-ups"),
			       tr("Begynd med en tom tekst", "Start from an empty text") };
	char *draft = NULL;

	if (!str_empty(ms->m.agreed))
		return xstrdup(ms->m.agreed);
	if (handout_draft_for_meeting(s->app->store, ms->m.id, &draft) != SAM_OK || !draft)
		return NULL;
	if (ui_choose(s->app, tr("Det aftalte", "What was agreed"), opts, 2, 0) != 0) {
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
		.title = note ? tr("Samtalenote", "Meeting note") : tr("Det aftalte, til hende", "What was agreed, for her"),
		.text = note ? ms->m.note : start,
		.file_name = note ? "samtalenote.txt" : "aftalt.txt",
		.saved_msg = note ? tr("Samtalenoten er gemt.", "The meeting note was saved.")
				  : tr("Det aftalte er gemt.", "What was agreed was saved."),
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
	char *lang = ui_prompt(s->app, tr("Tolkning til sprog (tomt = ingen tolk)",
					  "Interpreted language (empty = no interpreter)"),
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

	while (st != SAM_OK && ask(s->app, tr("Næste samtale: dato (fx 2026-04-01 eller +14; tom = ingen)",
					      "Next meeting: date (e.g. 2026-04-01 or +14; empty = none)"),
				   &date)) {
		if (str_empty(date)) {
			st = store_meeting_set_next(s->app->store, ms->m.id, NULL, NULL, NULL);
		} else if ((st = date_parse(date, DATE_NOT_PAST, day)) != SAM_OK) {
			ui_error(s->app, st);
			continue;
		} else if (!ask(s->app, tr("Klokken (TT:MM; tom = ikke aftalt)", "Time (HH:MM; empty = not agreed)"),
				&time) ||
			   !ask(s->app, tr("Sted (tom = ikke sagt)", "Place (empty = not said)"), &place)) {
			break;
		} else {
			st = store_meeting_set_next(s->app->store, ms->m.id, day, str_empty(time) ? NULL : time,
						    str_empty(place) ? NULL : place);
		}
		if (st != SAM_OK)
			ui_error(s->app, st);
	}
	if (st == SAM_OK && str_empty(date))
		ui_status(s->app, "%s", tr("Der er ingen næste samtale.", "There is no next meeting."));
	else if (st == SAM_OK)
		ui_status(s->app, tr("Næste samtale er gemt: %s %s.", "The next meeting was saved: %s %s."),
			  date_weekday(day), day);
	else
		ui_status(s->app, NULL);
	free(date);
	free(time);
	free(place);
	return REACT_RELOAD | REACT_REDRAW;
}

/* Before a meeting of today is left, the plain-language summary for her is
 * asked for (Esc skips it). */
static unsigned leave(struct screen *s)
{
	struct meeting_screen *ms = s->data;
	char *agreed = NULL;
	enum sam_status st;

	if (!str_empty(ms->m.agreed) || strcmp(ms->m.date, ms->today))
		return REACT_POP;
	ui_status(s->app, "%s", tr("Hvad blev I enige om? Skriv det, så hun kan få det med (Esc springer over).",
				   "What did you agree? Write it so she can have it (Esc skips)."));
	for (;;) {
		char *answer = ui_prompt(s->app, tr("Aftalt", "Agreed"), agreed);

		free(agreed);
		agreed = answer;
		if (!agreed || str_empty(agreed))
			break;
		st = store_meeting_set(s->app->store, ms->m.id, MEETING_AGREED, agreed);
		if (st == SAM_OK)
			break;
		ui_error(s->app, st);	/* a CPR number: ask again with the text kept */
	}
	free(agreed);
	ui_status(s->app, NULL);
	return REACT_POP;
}

static unsigned change_section(struct screen *s, int dir)
{
	struct meeting_screen *ms = s->data;

	if (ms->nsections < 2)
		return REACT_REDRAW;
	ms->cur = dir > 0 ? (ms->cur + 1) % ms->nsections : (ms->cur + ms->nsections - 1) % ms->nsections;
	free(ms->cur_id);
	ms->cur_id = xstrdup(ms->sections[ms->cur]);
	ms->ui.sel = 0;
	ms->ui.top = 0;
	build_rows(ms);
	return REACT_REDRAW;
}

/* The first change to a meeting held before today asks once. */
static bool may_change(struct screen *s)
{
	struct meeting_screen *ms = s->data;
	char title[128];
	const char *opts[] = { tr("Ja, ret den", "Yes, correct it"), tr("Nej", "No") };

	if (ms->correcting || !held_before_today(ms))
		return true;
	snprintf(title, sizeof(title), tr("Samtalen blev holdt %s. Ret den alligevel?",
					  "The meeting was held on %s. Correct it anyway?"), ms->m.date);
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
		return REACT_REDRAW;
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
	case REQ_BACK:
		return leave(s);
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
	free(ms->cur_id);
	free(ms);
}

static const struct screen_ops meeting_ops = {
	.name = "meeting",
	.open = meeting_open,
	.draw = meeting_draw,
	.key = meeting_key,
	.close = meeting_close,
	.keys = meeting_keys,
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
	ui_status(app, tr("Praktikken hos %s har intet udfald endnu.",
			  "The internship at %s has no outcome yet."), ms->internship.workplace);
	return ui_internship_end(app, &ms->internship);
}

unsigned scr_meeting_push(struct app *app, int64_t meeting_id)
{
	unsigned r = ui_push(app, &meeting_ops, meeting_id);

	return r & REACT_PUSH ? r | ask_outcome(app, app->top) : r;
}
