#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/report.h"
#include "samtale/util.h"

/*
 * The team lead's report: completion per section, item, caseworker or
 * meeting type over a period, as bars that read the same without colour
 * ("[#######...]  70.0%": the number is always printed).
 */

struct report_screen {
	enum report_by by;
	enum report_period period;
	sam_date from, to;
	struct report r;
	size_t *rows;		/* indexes into r of the rows matching the / filter */
	size_t n;
	struct ui_list list;
	const struct app *app;
};

enum {
	REQ_BY_SECTION = REQ_SCREEN,
	REQ_BY_ITEM,
	REQ_BY_CASEWORKER,
	REQ_BY_TYPE,
	REQ_NEXT_VIEW,
	REQ_PERIOD,
};

static const struct ui_binding report_keys[] = {
	{ 's', REQ_BY_SECTION, "s", "afsnit", "sections", true },
	{ 'i', REQ_BY_ITEM, "i", "punkter", "items", true },
	{ 'c', REQ_BY_CASEWORKER, "c", "sagsbehandlere", "caseworkers", true },
	{ 't', REQ_BY_TYPE, "t", "samtaletyper", "meeting types", true },
	{ '\t', REQ_NEXT_VIEW, "Tab", "næste visning", "next view", false },
	{ 'p', REQ_PERIOD, "p", "periode", "period", true },
	UI_BINDINGS_END,
};

/* What a row is called on screen: the guide's wording where it has one. */
static const char *row_label(const struct report_screen *rs, const struct app *app,
			     const struct report_row *row, char *buf, size_t size)
{
	const char *title = report_key_title(app->guide, rs->by, row->key);
	const struct content_section *sec;

	if (!title)
		return row->key;
	if (rs->by == REPORT_BY_SECTION && (sec = content_section_find(app->guide, row->key))) {
		snprintf(buf, size, "%d. %s", sec->number, title);
		return buf;
	}
	return title;
}

static void apply_filter(struct report_screen *rs)
{
	char buf[256];

	rs->rows = xrealloc(rs->rows, (rs->r.n + 1) * sizeof(*rs->rows));
	rs->n = 0;
	for (size_t i = 0; i < rs->r.n; i++) {
		const struct report_row *row = &rs->r.rows[i];

		if (ui_list_match(&rs->list, row->key) ||
		    ui_list_match(&rs->list, row_label(rs, rs->app, row, buf, sizeof(buf))))
			rs->rows[rs->n++] = i;
	}
	ui_list_set_rows(&rs->list, rs->n);
}

static enum sam_status report_open(struct screen *s, struct app *app)
{
	struct report_screen *rs = s->data;
	struct report_query q = { .stale_days = -1 };
	struct report r;
	enum sam_status st;
	sam_date today;

	if (!rs)
		s->data = rs = xcalloc(1, sizeof(*rs));
	rs->app = app;
	q.by = rs->by;
	date_today(today);
	if (report_period_range(rs->period, today, rs->from, rs->to)) {
		q.from = rs->from;
		q.to = rs->to;
	}
	st = report_run(app->store, app->guide, &q, &r);
	if (st != SAM_OK)
		return st;
	report_free(&rs->r);
	rs->r = r;
	apply_filter(rs);
	snprintf(s->title, sizeof(s->title), "%s: %s, %s", tr("Rapport", "Report"), report_by_title(rs->by),
		 report_period_title(rs->period));
	return SAM_OK;
}

/*
 * Drawing
 */

struct layout {
	int label, bar, counts;		/* widths in columns; counts 0 when too narrow */
};

/* label [bar] pct counts, one space between. */
static struct layout layout_for(int width)
{
	struct layout l = { .bar = width >= 100 ? 20 : 10, .counts = width >= 72 ? 27 : 0 };

	l.label = width - 1 - 1 - (l.bar + 2) - 1 - 6 - (l.counts ? l.counts + 1 : 0) - 1;
	if (l.label < 4)
		l.label = 4;
	return l;
}

static void draw_bar(WINDOW *win, int y, int x, int width, int tenths, bool sel)
{
	char filled[64], empty[64];
	int fill = tenths < 0 ? 0 : (tenths * width + 500) / 1000;

	memset(filled, '#', (size_t)fill);
	filled[fill] = '\0';
	memset(empty, '.', (size_t)(width - fill));
	empty[width - fill] = '\0';
	x += ui_text(win, y, x, 1, sel ? UI_SELECTED : UI_NORMAL, "[");
	x += ui_text(win, y, x, fill, sel ? UI_SELECTED : UI_HEADING, filled);
	x += ui_text(win, y, x, width - fill, sel ? UI_SELECTED : UI_DIM, empty);
	ui_text(win, y, x, 1, sel ? UI_SELECTED : UI_NORMAL, "]");
}

static void draw_row(WINDOW *win, int y, const struct layout *lo, const char *label,
		     const struct report_row *row, bool sel, bool total)
{
	enum ui_attr a = sel ? UI_SELECTED : total ? UI_HEADING : UI_NORMAL;
	int tenths = report_pct_tenths(row->done, row->open);
	char pct[32], counts[64];
	int x = 1;

	if (sel)
		ui_fill(win, y, 0, getmaxx(win), UI_SELECTED);
	ui_text(win, y, x, lo->label, a, label);
	x += lo->label + 1;
	draw_bar(win, y, x, lo->bar, tenths, sel);
	x += lo->bar + 3;
	if (tenths < 0)
		snprintf(pct, sizeof(pct), "%6s", "-");
	else
		snprintf(pct, sizeof(pct), "%3d.%d%%", tenths / 10, tenths % 10);
	ui_text(win, y, x, 6, a, pct);
	x += 7;
	if (lo->counts) {
		snprintf(counts, sizeof(counts), "%6d %6d %6d %6d", row->meetings, row->done, row->open,
			 row->not_relevant);
		ui_text(win, y, x, lo->counts, a, counts);
	}
}

static void report_draw(struct screen *s, WINDOW *win)
{
	struct report_screen *rs = s->data;
	int width = getmaxx(win), height = getmaxy(win) - 2;
	struct layout lo = layout_for(width);
	char buf[256], head[64];
	size_t top;
	int y;

	ui_text(win, 0, 1, lo.label, UI_DIM, report_by_title(rs->by));
	ui_text(win, 0, 1 + lo.label + 1, lo.bar + 2 + 7, UI_DIM, tr("udført i %", "completion"));
	if (lo.counts) {
		snprintf(head, sizeof(head), "%6s %6s %6s %6s", tr("møder", "meets"), tr("udført", "done"),
			 tr("åbne", "open"), tr("i.rel.", "n/r"));
		ui_text(win, 0, width - 1 - lo.counts, lo.counts, UI_DIM, head);
	}
	if (ui_list_draw_filter(&rs->list, win, getmaxy(win) - 1, width))
		height--;
	if (height < 1)
		return;
	top = ui_list_scroll(&rs->list, height);
	for (y = 0; y < height && top + (size_t)y < rs->n; y++) {
		const struct report_row *row = &rs->r.rows[rs->rows[top + (size_t)y]];
		bool sel = top + (size_t)y == rs->list.sel;

		draw_row(win, y + 1, &lo, row_label(rs, s->app, row, buf, sizeof(buf)), row, sel, false);
		if (sel)
			ui_focus(win, y + 1, 1);
	}
	if (!rs->n)
		ui_text(win, ++y, 1, width - 2, UI_DIM, tr("Ingen samtaler i perioden.", "No meetings in the period."));
	draw_row(win, y + 1, &lo, tr("I alt", "Total"), &rs->r.total, false, true);
}

static unsigned set_view(struct report_screen *rs, enum report_by by)
{
	if (rs->by != by) {
		rs->by = by;
		rs->list.sel = rs->list.top = 0;
	}
	return REACT_RELOAD;
}

/* Enter on a section shows its items: the item view filtered on "<id>.",
 * which every full item id of the section starts with (Esc clears it). */
static unsigned open_section(struct report_screen *rs)
{
	const struct report_row *row;

	if (rs->by != REPORT_BY_SECTION || rs->list.sel >= rs->n)
		return REACT_NONE;
	row = &rs->r.rows[rs->rows[rs->list.sel]];
	snprintf(rs->list.filter, sizeof(rs->list.filter), "%s.", row->key);
	return set_view(rs, REPORT_BY_ITEM);
}

static unsigned report_key(struct screen *s, int ch)
{
	static const enum report_by cycle[] = { REPORT_BY_SECTION, REPORT_BY_ITEM, REPORT_BY_CASEWORKER,
						REPORT_BY_TYPE };
	struct report_screen *rs = s->data;

	switch (ui_list_key(&rs->list, s, ch)) {
	case UI_LIST_IGNORED: break;
	case UI_LIST_ACTIVATE: return open_section(rs);
	case UI_LIST_FILTER_CHANGED:
		apply_filter(rs);
		return REACT_REDRAW;
	default: return REACT_REDRAW;
	}
	switch (ui_request(s, ch)) {
	case REQ_BY_SECTION: return set_view(rs, REPORT_BY_SECTION);
	case REQ_BY_ITEM: return set_view(rs, REPORT_BY_ITEM);
	case REQ_BY_CASEWORKER: return set_view(rs, REPORT_BY_CASEWORKER);
	case REQ_BY_TYPE: return set_view(rs, REPORT_BY_TYPE);
	case REQ_NEXT_VIEW:
		for (size_t i = 0; i < ARRAY_SIZE(cycle); i++)
			if (cycle[i] == rs->by)
				return set_view(rs, cycle[(i + 1) % ARRAY_SIZE(cycle)]);
		return set_view(rs, REPORT_BY_SECTION);
	case REQ_PERIOD:
		rs->period = (rs->period + 1) % REPORT_PERIOD_COUNT;
		return REACT_RELOAD;
	default:
		return REACT_NONE;
	}
}

static void report_close(struct screen *s)
{
	struct report_screen *rs = s->data;

	if (rs) {
		report_free(&rs->r);
		free(rs->rows);
	}
	free(rs);
}

static const struct screen_ops report_ops = {
	.name = "report",
	.open = report_open,
	.draw = report_draw,
	.key = report_key,
	.close = report_close,
	.keys = report_keys,
	.is_list = true,
};

unsigned scr_report_push(struct app *app)
{
	return ui_push(app, &report_ops, 0);
}
