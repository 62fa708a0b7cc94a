#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/report.h"
#include "samtale/util.h"

/*
 * The report's internship view (I on the report screen): what came of the
 * internships that began in a period, a row per caseworker who recorded
 * them and a total, with the semantics of `report --by internship`
 * (report.h). p walks the named periods.
 */

struct internship_view {
	enum report_period period;
	sam_date from, to;
	struct report_internships r;
	struct ui_list list;
};

enum { REQ_PERIOD = REQ_SCREEN, REQ_IDLE };

/* Enter opens nothing here: taken, and not shown. */
static const struct ui_binding view_keys[] = {
	{ 'p', REQ_PERIOD, "p", N_("period"), true },
	{ '\n', REQ_IDLE, NULL, NULL, false },
	{ '\r', REQ_IDLE, NULL, NULL, false },
	{ UI_FN(KEY_ENTER), REQ_IDLE, NULL, NULL, false },
	UI_BINDINGS_END,
};

static enum sam_status view_open(struct screen *s, struct app *app)
{
	struct internship_view *v = s->data;
	struct report_internship_query q = { .split_caseworker = true };
	struct report_internships r;
	enum sam_status st;
	sam_date today;

	if (!v)
		s->data = v = xcalloc(1, sizeof(*v));
	date_today(today);
	if (report_period_range(v->period, today, v->from, v->to)) {
		q.from = v->from;
		q.to = v->to;
	}
	if ((st = report_internships_run(app->store, &q, &r)) != SAM_OK)
		return st;
	report_internships_free(&v->r);
	v->r = r;
	ui_list_set_rows(&v->list, v->r.n);
	if (q.from)
		snprintf(s->title, sizeof(s->title), "%s: %s, %s (%s–%s)", _("Report"),
			 _("internships"), report_period_title(v->period), v->from, v->to);
	else
		snprintf(s->title, sizeof(s->title), "%s: %s", _("Report"),
			 _("every internship"));
	return SAM_OK;
}

/* A share of n: "37,5 %", or "-" when n is 0. */
static const char *share(int part, int n, char buf[PCT_TEXT_LEN])
{
	int tenths = report_pct_tenths(part, n - part);

	if (tenths < 0)
		return "-";
	return pct_text(tenths, buf);
}

#define NAME_W 14
#define COL_W 10

static void draw_row(WINDOW *win, int y, int width, const char *name,
		     const struct report_internship_row *r, enum ui_attr a)
{
	char job[PCT_TEXT_LEN], emp[PCT_TEXT_LEN], early[PCT_TEXT_LEN], median[REPORT_PCT_LEN];
	char median_text[PCT_TEXT_LEN], line[160];
	const char *med;

	report_median_format(r->median_days2, median);
	med = num_text(median, median_text);
	snprintf(line, sizeof(line), "%*d %*s %*s %*s %*d %*s", COL_W, r->internships, COL_W,
		 share(r->job_possible, r->internships, job), COL_W, share(r->employed, r->ended, emp),
		 COL_W, share(r->ended_early, r->ended, early), COL_W - 2, r->running, COL_W,
		 med[0] ? med : "-");
	if (a == UI_SELECTED)
		ui_fill(win, y, 0, width, UI_SELECTED);
	ui_text(win, y, 1, NAME_W, a, name);
	ui_text(win, y, 1 + NAME_W, width - 2 - NAME_W, a, line);
}

static void view_draw(struct screen *s, WINDOW *win)
{
	struct internship_view *v = s->data;
	int width = getmaxx(win), height = getmaxy(win), y = 1;
	char head[160];
	size_t top;

	snprintf(head, sizeof(head), "%*s %*s %*s %*s %*s %*s", COL_W, _("begun"), COL_W,
		 _("job poss."), COL_W, _("employed"), COL_W,
		 _("early"), COL_W - 2, _("running"), COL_W,
		 _("median d."));
	ui_text(win, 0, 1, NAME_W, UI_DIM, _("Caseworker"));
	ui_text(win, 0, 1 + NAME_W, width - 2 - NAME_W, UI_DIM, head);
	top = ui_list_scroll(&v->list, height - 4 > 1 ? height - 4 : 1);
	for (; y - 1 < height - 4 && top + (size_t)(y - 1) < v->r.n; y++) {
		size_t i = top + (size_t)(y - 1);
		bool sel = i == v->list.sel;

		draw_row(win, y, width, v->r.rows[i].caseworker, &v->r.rows[i], sel ? UI_SELECTED : UI_NORMAL);
		if (sel)
			ui_focus(win, y, 1);
	}
	if (!v->r.n)
		ui_text(win, y++, 1, width - 2, UI_DIM, _("No internships began in the period."));
	draw_row(win, y++, width, _("Total"), &v->r.total, UI_HEADING);
	ui_wrap(win, y + 1, 1, width - 2, height - y - 1, UI_DIM,
		_("Internships that began in the period. Employed and early: share of the ended; "
		   "running ones count neither there nor in the median (the length in days from "
		   "start to end, both included)."));
	if (!v->r.n)
		ui_focus(win, 1, 1);
}

static unsigned view_key(struct screen *s, int ch)
{
	struct internship_view *v = s->data;

	switch (ui_list_key(&v->list, s, ch)) {
	case UI_LIST_IGNORED: case UI_LIST_ACTIVATE: break;
	default: return REACT_REDRAW;
	}
	switch (ui_request(s, ch)) {
	case REQ_PERIOD: break;
	case REQ_IDLE: return REACT_REDRAW;
	default: return REACT_NONE;
	}
	v->period = (v->period + 1) % REPORT_PERIOD_COUNT;
	return REACT_RELOAD;
}

static void view_close(struct screen *s)
{
	struct internship_view *v = s->data;

	if (v)
		report_internships_free(&v->r);
	free(v);
}

static const struct screen_ops internship_view_ops = {
	.name = "report-internships",
	.open = view_open,
	.draw = view_draw,
	.key = view_key,
	.close = view_close,
	.keys = view_keys,
	.is_list = true,
	.no_filter = true,
};

unsigned scr_report_internships_push(struct app *app)
{
	return ui_push(app, &internship_view_ops, 0);
}
