#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/cli.h"
#include "samtale/demo.h"
#include "samtale/demo_bank.h"
#include "samtale/util.h"

/*
 * Cases: the first screen. A list filtered as you type, each case with its
 * last meeting and open follow-ups; add a case; on an empty database, what
 * to press.
 */

enum { REQ_DEMO = REQ_SCREEN, REQ_EVERYBODY, REQ_CLOSED };

#define DEMO_CASES 25

struct cases {
	struct case_rows rows;	/* the rows loaded: list rows off .. off+rows.n-1 */
	size_t off;
	size_t total;		/* cases matching the filter; until counted, those loaded */
	bool counted;		/* else cases_finish counts them after the draw */
	struct ui_list ui;
	bool db_empty;		/* no case at all, not just none matching */
	int64_t keep_id;	/* the case to select after a reload */
	bool everybody;		/* every caseworker's cases, not only mine */
	bool closed;		/* closed cases too */
	size_t hidden_others, hidden_closed;	/* what the title says is left out */
	bool hidden_counted;	/* else cases_finish counts them after the draw */
};

static const struct ui_binding cases_keys[] = {
	{ 'a', REQ_ADD, "a", N_("add case"), true },
	{ 'F', REQ_FOLLOWUPS, "F", N_("follow-ups"), true },
	{ 'R', REQ_REPORT, "R", N_("report"), true },
	{ 'A', REQ_EVERYBODY, "A", N_("everybody's/mine"), false },
	{ 'c', REQ_CLOSED, "c", N_("show/hide closed"), false },
	{ 'D', REQ_DEMO, "D", N_("demo data (empty database only)"), false },
	UI_BINDINGS_END,
};

static const int cases_writes[] = { REQ_ADD, REQ_DEMO, REQ_NONE };

/* The list's query: the filter typed, mine or everybody's, closed or not. */
static struct case_query query(const struct screen *s)
{
	const struct cases *c = s->data;

	return (struct case_query){ .filter = c->ui.filter, .include_closed = c->closed,
				    .caseworker = c->everybody ? NULL : s->app->user };
}

/* The store is asked for the rows on screen (and a screenful either side),
 * never for every case: the first screen costs the same at 50 cases as at
 * 50,000. */
static const struct case_row *row_at(const struct cases *c, size_t i)
{
	return i >= c->off && i - c->off < c->rows.n ? &c->rows.v[i - c->off] : NULL;
}

/* Makes rows from .. from+count-1 (those that exist) loaded; when it has
 * to ask the store, also margin rows either side, for the moves to come. */
static enum sam_status load_rows(struct screen *s, size_t from, size_t count, size_t margin)
{
	struct cases *c = s->data;
	struct case_query q = query(s);
	size_t end = from + count < c->total ? from + count : c->total;

	if (from >= end || (row_at(c, from) && row_at(c, end - 1)))
		return SAM_OK;
	case_rows_free(&c->rows);
	c->off = from > margin ? from - margin : 0;
	return store_case_rows(s->app->store, &q, c->off, end - c->off + margin, &c->rows);
}

/* "samtale · Sager (12) · skjult: 30 andres (A), 4 afsluttede (c)" */
static void set_title(struct screen *s)
{
	struct cases *c = s->data;
	char others[64] = "", closed[64] = "";

	if (!c->counted) {
		snprintf(s->title, sizeof(s->title), "samtale · %s%s", _("Cases"),
			 c->everybody ? _(" · everybody's") : "");
		return;
	}
	if (c->hidden_others)
		snprintf(others, sizeof(others), _("%zu others' (A)"), c->hidden_others);
	if (c->hidden_closed)
		snprintf(closed, sizeof(closed), _("%zu closed (c)"), c->hidden_closed);
	snprintf(s->title, sizeof(s->title), "samtale · %s (%zu)%s%s%s%s%s%s", _("Cases"), c->total,
		 c->everybody ? _(" · everybody's") : "",
		 others[0] || closed[0] ? _(" · hidden: ") : "", others,
		 others[0] && closed[0] ? ", " : "", closed, "");
}

/* How many cases the list leaves out, and why: others' and closed ones
 * (those matching the filter). Counted with the list's own count. */
static enum sam_status count_hidden(struct screen *s)
{
	struct cases *c = s->data;
	struct case_query q = query(s);
	enum sam_status st;
	size_t n = c->total;

	c->hidden_others = c->hidden_closed = 0;
	if (!c->everybody) {
		q.caseworker = NULL;
		if ((st = store_case_count(s->app->store, &q, &n)) != SAM_OK)
			return st;
		c->hidden_others = n - c->total;
		q.caseworker = s->app->user;
	}
	if (!c->closed) {
		q.include_closed = true;
		if ((st = store_case_count(s->app->store, &q, &n)) != SAM_OK)
			return st;
		c->hidden_closed = n - c->total;
	}
	return SAM_OK;
}

/* Loads the list for the filter: from its top, the rows a draw shows and
 * one more, which says whether there are more (counting them all is left
 * to cases_finish, after the draw); or, to keep a case selected after a
 * reload, the count and the screenful around that case. */
static enum sam_status apply_filter(struct screen *s)
{
	struct cases *c = s->data;
	struct case_query q = query(s);
	enum sam_status st;
	size_t pos;

	case_rows_free(&c->rows);
	c->off = 0;
	c->hidden_counted = false;
	c->hidden_others = c->hidden_closed = 0;
	if (!c->keep_id) {
		st = store_case_rows(s->app->store, &q, 0, (size_t)LINES + 1, &c->rows);
		c->total = c->rows.n;
		c->counted = c->rows.n <= (size_t)LINES;
		ui_list_set_rows(&c->ui, c->total);
		set_title(s);
		return st;
	}
	if ((st = store_case_count(s->app->store, &q, &c->total)) != SAM_OK)
		return st;
	c->counted = true;
	ui_list_set_rows(&c->ui, c->total);
	st = store_case_position(s->app->store, &q, c->keep_id, &pos);
	if (st == SAM_OK)
		ui_list_select(&c->ui, pos);
	else if (st != SAM_ERR_NOT_FOUND)
		return st;
	c->keep_id = 0;
	set_title(s);
	/* The rows the next draw shows, no more: from the top when it shows
	 * the selection, else it scrolls to a screenful around it. */
	if (c->ui.sel >= c->ui.top && c->ui.sel < c->ui.top + (size_t)LINES)
		return load_rows(s, c->ui.top, (size_t)LINES, 0);
	return load_rows(s, c->ui.sel, 1, (size_t)LINES);
}

static unsigned cases_finish(struct screen *s)
{
	struct cases *c = s->data;
	struct case_query q = query(s);
	enum sam_status st;
	size_t n;

	if (c->counted && c->hidden_counted)
		return REACT_NONE;
	/* also on failure: they are not tried again and again */
	if (!c->counted) {
		c->counted = true;
		if ((st = store_case_count(s->app->store, &q, &n)) != SAM_OK)
			return ui_error(s->app, st);
		c->total = n;
		ui_list_set_rows(&c->ui, c->total);
	}
	c->hidden_counted = true;
	st = count_hidden(s);
	set_title(s);
	return st == SAM_OK ? REACT_REDRAW : ui_error(s->app, st);
}

static enum sam_status cases_open(struct screen *s, struct app *app)
{
	struct cases *c = s->data;
	const struct case_row *r;
	enum sam_status st;

	if (!c)
		s->data = c = xcalloc(1, sizeof(*c));
	else if (!c->keep_id && (r = row_at(c, c->ui.sel)))
		c->keep_id = r->id;
	if ((st = apply_filter(s)) != SAM_OK)
		return st;
	c->db_empty = false;
	if (c->total == 0 && !c->ui.filter[0]) {
		bool yes = true;

		st = store_has_cases(app->store, &yes);
		if (st != SAM_OK)
			return st;
		c->db_empty = !yes;
	}
	return SAM_OK;
}

static void draw_empty(struct cases *c, WINDOW *win, int width)
{
	int y = 1;

	if (!c->db_empty) {
		ui_text(win, y, 2, width - 4, UI_NORMAL, _("No case matches the filter."));
		ui_focus(win, y, 2);
		return;
	}
	y += ui_wrap(win, y, 2, width - 4, 3, UI_HEADING,
		     _("There are no cases yet."));
	ui_focus(win, 1, 2);
	y++;
	y += ui_wrap(win, y, 2, width - 4, 3, UI_NORMAL,
		     _("Press a to add a case (the journal number, never a CPR number)."));
	y += ui_wrap(win, y, 2, width - 4, 3, UI_NORMAL,
		     _("Press D to fill the database with made-up demo cases for a first look."));
	ui_wrap(win, y, 2, width - 4, 3, UI_NORMAL,
		_("Press ? for help and q to quit."));
}

static void followup_text(const struct case_row *r, char *buf, size_t size)
{
	if (r->followups_overdue)
		snprintf(buf, size, sam_ngettext("%d (%d overdue!)", "%d (%d overdue!)",
						 (unsigned long)r->followups_overdue),
			 r->followups_open, r->followups_overdue);
	else if (r->followups_open)
		snprintf(buf, size, "%d", r->followups_open);
	else
		snprintf(buf, size, "-");
}

static void cases_draw(struct screen *s, WINDOW *win)
{
	struct cases *c = s->data;
	int width = getmaxx(win), height = getmaxy(win) - 1, refw = 10, initw, datew = 16;
	bool filter_line = c->ui.filtering || c->ui.filter[0];
	enum sam_status st;
	size_t top;

	if (filter_line)
		height--;
	if (c->total == 0) {
		if (c->db_empty)
			draw_empty(c, win, width);
		else
			ui_text(win, 1, 2, width - 4, UI_NORMAL, c->ui.filter[0]
				? _("No case matches the filter.")
				: _("You have no open cases here; A shows everybody's, c the closed ones."));
		ui_focus(win, 1, 2);
		if (filter_line)
			ui_list_draw_filter(&c->ui, win, getmaxy(win) - 1, width);
		return;
	}
	top = ui_list_scroll(&c->ui, height);
	/* Moving, paging and resizing reach rows not loaded yet. */
	if ((st = load_rows(s, top, height > 0 ? (size_t)height : 1, (size_t)LINES)) != SAM_OK)
		ui_error(s->app, st);
	for (size_t i = 0; i < c->rows.n; i++)
		if ((int)utf8_width(c->rows.v[i].ref) > refw)
			refw = (int)utf8_width(c->rows.v[i].ref);
	if (refw > width / 3)
		refw = width / 3;
	/* everybody's: the caseworker in the initials' column, beside them */
	initw = c->everybody ? 24 : 10;
	if (width < 60)
		datew = 11;
	ui_text(win, 0, 2, refw, UI_HEADING, _("Case"));
	ui_text(win, 0, 3 + refw, initw, UI_HEADING, c->everybody ? _("Initials   Caseworker")
								    : _("Initials"));
	ui_text(win, 0, 4 + refw + initw, datew, UI_HEADING, _("Last meeting"));
	ui_text(win, 0, 5 + refw + initw + datew, width - (5 + refw + initw + datew), UI_HEADING,
		_("Follow-ups"));
	for (int y = 0; y < height && top + (size_t)y < c->total; y++) {
		size_t i = top + (size_t)y;
		const struct case_row *r = row_at(c, i);
		bool sel = i == c->ui.sel;
		enum ui_attr a = sel ? UI_SELECTED : UI_NORMAL;
		char fu[64];

		if (!r)
			break;
		if (r->closed)
			snprintf(fu, sizeof(fu), _("closed %s"), r->closed);
		else
			followup_text(r, fu, sizeof(fu));
		if (sel)
			ui_fill(win, y + 1, 0, width, UI_SELECTED);
		ui_text(win, y + 1, 0, 2, a, sel ? ">" : " ");
		ui_text(win, y + 1, 2, refw, a, r->ref);
		ui_text(win, y + 1, 3 + refw, 10, a, r->initials ? r->initials : "");
		if (c->everybody)
			ui_text(win, y + 1, 3 + refw + 11, initw - 11, sel ? a : UI_DIM, r->caseworker);
		ui_text(win, y + 1, 4 + refw + initw, datew, a,
			r->last_meeting ? r->last_meeting : _("none"));
		ui_text(win, y + 1, 5 + refw + initw + datew, width - (5 + refw + initw + datew),
			sel ? UI_SELECTED : r->followups_overdue ? UI_WARN : UI_NORMAL, fu);
		if (sel && !c->ui.filtering)
			ui_focus(win, y + 1, 2);
	}
	if (filter_line)
		ui_list_draw_filter(&c->ui, win, getmaxy(win) - 1, width);
}

/* Asks the reference (the store refuses CPR numbers and duplicates at once,
 * and the question is asked again), then the initials. */
static unsigned add_case(struct screen *s)
{
	struct app *app = s->app;
	struct cases *c = s->data;
	char *ref, *initials;
	int64_t id = 0;
	enum sam_status st;

	for (;;) {
		ref = ui_prompt(app, _("Journal number (not CPR)"), NULL);
		if (!ref) {
			ui_status(app, NULL);
			return REACT_REDRAW;
		}
		if (str_empty(ref)) {
			free(ref);
			continue;
		}
		st = store_case_add(app->store, ref, NULL, NULL, &id);
		free(ref);
		if (st == SAM_OK)
			break;
		ui_error(app, st);
	}
	ui_status(app, NULL);
	for (;;) {
		initials = ui_prompt(app, _("Her initials (may be skipped)"),
				     NULL);
		if (!initials || str_empty(initials)) {
			free(initials);
			break;
		}
		st = store_case_set_initials(app->store, id, initials);
		free(initials);
		if (st == SAM_OK)
			break;
		ui_error(app, st);
	}
	ui_status(app, "%s", _("The case was added."));
	c->keep_id = id;
	c->ui.filter[0] = '\0';
	return scr_case_push(app, id);
}

/* In place of the empty default database, the demo database (path_demo_db):
 * made-up cases never go into the real one. *had_cases: it was filled before. */
static enum sam_status open_demo_db(struct app *app, bool *had_cases)
{
	struct cli_ctx *ctx = app->ctx;
	const char *real = ctx->db_path;
	struct store *demo;
	enum sam_status st;

	cli_use_demo_db(ctx);
	if ((st = store_open(ctx->db_path, ctx->user, STORE_CREATE, &demo)) ||
	    (st = store_has_cases(demo, had_cases))) {
		if (st != SAM_OK && demo)
			store_close(demo);
		ctx->db_path = real;
		return st;
	}
	store_close(ctx->store);
	ctx->store = app->store = demo;
	return SAM_OK;
}

/* The phrase bank's first problem on the status line; all of them are
 * printed on leaving, with the content's warnings. */
static enum sam_status load_bank(struct app *app, struct demo_bank *bank)
{
	struct content_diags diags = { 0 };
	enum sam_status st = demo_bank_load(app->guide, bank, &diags);

	if (st == SAM_ERR_INVALID) {
		const struct content_diag *g = &diags.v[0];

		st = sam_error(_("The demo's phrases are invalid: %s:%u:%u: %s. Every error is printed "
				  "when samtale ends."), g->file, g->line, g->column, g->message);
	}
	content_diags_take(&app->diags, &diags);
	return st;
}

static unsigned fill_demo(struct screen *s)
{
	struct app *app = s->app;
	struct cases *c = s->data;
	struct demo_opts opts = { .cases = DEMO_CASES, .seed = 1 };
	struct demo_bank bank;
	bool moved = cli_db_is_default(app->ctx), had_cases = false;
	enum sam_status st;

	if (!c->db_empty) {
		ui_status(app, "%s", _("Demo data goes only into an empty database."));
		return REACT_REDRAW;
	}
	if (moved && (st = open_demo_db(app, &had_cases)))
		return ui_error(app, st);
	if (!had_cases) {
		if ((st = load_bank(app, &bank)))
			return ui_error(app, st);
		opts.bank = &bank;
		st = demo_fill(app->store, app->guide, &opts, NULL);
		demo_bank_free(&bank);
		if (st != SAM_OK)
			return ui_error(app, st);
	}
	app->demo = true;
	if (moved)
		ui_status(app, _("Made-up cases in the demo database %s; your own database is untouched. "
				  "Delete the file to remove them."), store_path(app->store));
	else
		ui_status(app, _("%d made-up cases were added."),
			  DEMO_CASES);
	return REACT_RELOAD | REACT_REDRAW;
}

static unsigned cases_key(struct screen *s, int ch)
{
	struct cases *c = s->data;
	enum sam_status st;

	switch (ui_list_key(&c->ui, s, ch)) {
	case UI_LIST_MOVED:
		return REACT_REDRAW;
	case UI_LIST_FILTER_CHANGED:
		c->ui.sel = 0;
		c->ui.top = 0;
		return ui_error(s->app, apply_filter(s));
	case UI_LIST_ACTIVATE:
		if ((st = load_rows(s, c->ui.sel, 1, 0)) != SAM_OK)
			return ui_error(s->app, st);
		return row_at(c, c->ui.sel) ? scr_case_push(s->app, row_at(c, c->ui.sel)->id)
					    : REACT_REDRAW;
	case UI_LIST_IGNORED:
		break;
	}
	switch (ui_request(s, ch)) {
	case REQ_ADD:
		return add_case(s);
	case REQ_DEMO:
		return fill_demo(s);
	case REQ_EVERYBODY:
		c->everybody = !c->everybody;
		return REACT_RELOAD | REACT_REDRAW;
	case REQ_CLOSED:
		c->closed = !c->closed;
		return REACT_RELOAD | REACT_REDRAW;
	case REQ_FOLLOWUPS:
		return scr_followups_push(s->app);
	case REQ_REPORT:
		return scr_report_push(s->app);
	default:
		return REACT_NONE;
	}
}

static void cases_close(struct screen *s)
{
	struct cases *c = s->data;

	if (c)
		case_rows_free(&c->rows);
	free(c);
}

static const struct screen_ops cases_ops = {
	.name = "cases",
	.open = cases_open,
	.draw = cases_draw,
	.key = cases_key,
	.finish = cases_finish,
	.close = cases_close,
	.keys = cases_keys,
	.writes = cases_writes,
	.is_list = true,
};

unsigned scr_cases_push(struct app *app)
{
	return ui_push(app, &cases_ops, 0);
}
