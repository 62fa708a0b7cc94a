#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/demo.h"
#include "samtale/util.h"

/*
 * Cases: the first screen. A list filtered as you type, each case with its
 * last meeting and open follow-ups; add a case; on an empty database, what
 * to press.
 */

enum { REQ_DEMO = REQ_SCREEN };

#define DEMO_CASES 25

struct cases {
	struct case_list list;		/* every open case */
	size_t *vis;			/* the ones matching the filter: indexes into list */
	size_t nvis;
	struct ui_list ui;
	bool db_empty;		/* no case at all, not just none matching */
	int64_t keep_id;	/* the case to select after a reload */
};

static const struct ui_binding cases_keys[] = {
	{ 'a', REQ_ADD, "a", "ny sag", "add case", true },
	{ 'F', REQ_FOLLOWUPS, "F", "opfølgninger", "follow-ups", true },
	{ 'R', REQ_REPORT, "R", "rapport", "report", true },
	{ 'D', REQ_DEMO, "D", "demodata (kun i en tom database)", "demo data (empty database only)", false },
	UI_BINDINGS_END,
};

/* Filters in memory, folding æøå as well as ASCII, on every key typed. */
static void apply_filter(struct screen *s)
{
	struct cases *c = s->data;

	free(c->vis);
	c->vis = xcalloc(c->list.n + 1, sizeof(*c->vis));
	c->nvis = 0;
	for (size_t i = 0; i < c->list.n; i++)
		if (ui_list_match(&c->ui, c->list.v[i].ref) || ui_list_match(&c->ui, c->list.v[i].initials))
			c->vis[c->nvis++] = i;
	ui_list_set_rows(&c->ui, c->nvis);
	for (size_t i = 0; c->keep_id && i < c->nvis; i++)
		if (c->list.v[c->vis[i]].id == c->keep_id)
			ui_list_select(&c->ui, i);
	c->keep_id = 0;
	snprintf(s->title, sizeof(s->title), "samtale · %s (%zu)", tr("Sager", "Cases"), c->nvis);
}

static enum sam_status cases_open(struct screen *s, struct app *app)
{
	struct cases *c = s->data;
	enum sam_status st;

	if (!c)
		s->data = c = xcalloc(1, sizeof(*c));
	else if (c->ui.sel < c->nvis)
		c->keep_id = c->list.v[c->vis[c->ui.sel]].id;
	case_list_free(&c->list);
	st = store_case_list(app->store, NULL, false, &c->list);
	if (st != SAM_OK)
		return st;
	c->db_empty = false;
	if (c->list.n == 0) {
		bool yes = true;

		st = store_has_cases(app->store, &yes);
		if (st != SAM_OK)
			return st;
		c->db_empty = !yes;
	}
	apply_filter(s);
	return SAM_OK;
}

static void draw_empty(struct cases *c, WINDOW *win, int width)
{
	int y = 1;

	if (!c->db_empty) {
		ui_text(win, y, 2, width - 4, UI_NORMAL, tr("Ingen sager passer til filteret.",
							     "No case matches the filter."));
		ui_focus(win, y, 2);
		return;
	}
	y += ui_wrap(win, y, 2, width - 4, 3, UI_HEADING,
		     tr("Der er ingen sager endnu.", "There are no cases yet."));
	ui_focus(win, 1, 2);
	y++;
	y += ui_wrap(win, y, 2, width - 4, 3, UI_NORMAL,
		     tr("Tryk a for at oprette en sag (journalnummer, aldrig et CPR-nummer).",
			"Press a to add a case (the journal number, never a CPR number)."));
	y += ui_wrap(win, y, 2, width - 4, 3, UI_NORMAL,
		     tr("Tryk D for at fylde databasen med opdigtede demosager og se dig omkring.",
			"Press D to fill the database with made-up demo cases for a first look."));
	ui_wrap(win, y, 2, width - 4, 3, UI_NORMAL,
		tr("Tryk ? for hjælp og q for at afslutte.", "Press ? for help and q to quit."));
}

static void followup_text(const struct case_rec *r, char *buf, size_t size)
{
	if (r->followups_overdue)
		snprintf(buf, size, "%d (%d %s)", r->followups_open, r->followups_overdue,
			 tr("forfalden!", "overdue!"));
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
	size_t top;

	if (filter_line)
		height--;
	if (c->nvis == 0) {
		if (c->db_empty)
			draw_empty(c, win, width);
		else
			ui_text(win, 1, 2, width - 4, UI_NORMAL,
				tr("Ingen sager passer til filteret.", "No case matches the filter."));
		ui_focus(win, 1, 2);
		if (filter_line)
			ui_list_draw_filter(&c->ui, win, getmaxy(win) - 1, width);
		return;
	}
	for (size_t i = 0; i < c->nvis; i++)
		if ((int)utf8_width(c->list.v[c->vis[i]].ref) > refw)
			refw = (int)utf8_width(c->list.v[c->vis[i]].ref);
	if (refw > width / 3)
		refw = width / 3;
	initw = 10;
	if (width < 60)
		datew = 11;
	ui_text(win, 0, 2, refw, UI_HEADING, tr("Sag", "Case"));
	ui_text(win, 0, 3 + refw, initw, UI_HEADING, tr("Initialer", "Initials"));
	ui_text(win, 0, 4 + refw + initw, datew, UI_HEADING, tr("Sidste samtale", "Last meeting"));
	ui_text(win, 0, 5 + refw + initw + datew, width - (5 + refw + initw + datew), UI_HEADING,
		tr("Opfølgninger", "Follow-ups"));
	top = ui_list_scroll(&c->ui, height);
	for (int y = 0; y < height && top + (size_t)y < c->nvis; y++) {
		size_t i = top + (size_t)y;
		const struct case_rec *r = &c->list.v[c->vis[i]];
		bool sel = i == c->ui.sel;
		enum ui_attr a = sel ? UI_SELECTED : UI_NORMAL;
		char fu[64];

		followup_text(r, fu, sizeof(fu));
		if (sel)
			ui_fill(win, y + 1, 0, width, UI_SELECTED);
		ui_text(win, y + 1, 0, 2, a, sel ? ">" : " ");
		ui_text(win, y + 1, 2, refw, a, r->ref);
		ui_text(win, y + 1, 3 + refw, initw, a, r->initials ? r->initials : "");
		ui_text(win, y + 1, 4 + refw + initw, datew, a,
			r->last_meeting ? r->last_meeting : tr("ingen", "none"));
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
		ref = ui_prompt(app, tr("Journalnummer (ikke CPR)", "Journal number (not CPR)"), NULL);
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
		initials = ui_prompt(app, tr("Hendes initialer (kan springes over)", "Her initials (may be skipped)"),
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
	ui_status(app, "%s", tr("Sagen er oprettet.", "The case was added."));
	c->keep_id = id;
	c->ui.filter[0] = '\0';
	return scr_case_push(app, id);
}

static unsigned fill_demo(struct screen *s)
{
	struct app *app = s->app;
	struct cases *c = s->data;
	struct demo_opts opts = { .cases = DEMO_CASES, .seed = 1 };
	enum sam_status st;

	if (!c->db_empty) {
		ui_status(app, "%s", tr("Demodata kan kun fyldes i en tom database.",
					"Demo data goes only into an empty database."));
		return REACT_REDRAW;
	}
	st = demo_fill(app->store, app->guide, &opts, NULL);
	if (st != SAM_OK)
		return ui_error(app, st);
	ui_status(app, tr("%d opdigtede sager er lagt ind.", "%d made-up cases were added."), DEMO_CASES);
	return REACT_RELOAD | REACT_REDRAW;
}

static unsigned cases_key(struct screen *s, int ch)
{
	struct cases *c = s->data;

	switch (ui_list_key(&c->ui, s, ch)) {
	case UI_LIST_MOVED:
		return REACT_REDRAW;
	case UI_LIST_FILTER_CHANGED:
		c->ui.sel = 0;
		c->ui.top = 0;
		apply_filter(s);
		return REACT_REDRAW;
	case UI_LIST_ACTIVATE:
		return scr_case_push(s->app, c->list.v[c->vis[c->ui.sel]].id);
	case UI_LIST_IGNORED:
		break;
	}
	switch (ui_request(s, ch)) {
	case REQ_ADD:
		return add_case(s);
	case REQ_DEMO:
		return fill_demo(s);
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

	if (c) {
		case_list_free(&c->list);
		free(c->vis);
	}
	free(c);
}

static const struct screen_ops cases_ops = {
	.name = "cases",
	.open = cases_open,
	.draw = cases_draw,
	.key = cases_key,
	.close = cases_close,
	.keys = cases_keys,
	.is_list = true,
};

unsigned scr_cases_push(struct app *app)
{
	return ui_push(app, &cases_ops, 0);
}
