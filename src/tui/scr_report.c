#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/cli.h"
#include "samtale/report.h"
#include "samtale/util.h"

/*
 * The team lead's report: completion per section, item, caseworker,
 * meeting type or month over a period, as bars that read the same without
 * colour ("[#######...]  70,0 %": the number is always printed), under a
 * band that answers the Monday questions: completion against the period
 * before, overdue follow-ups, stale cases. Enter on a caseworker shows her
 * open cases; x writes the view as a spreadsheet.
 */

#define BAND_ROWS 2
#define ITEM_LINES 6		/* an item's text wraps over at most this many lines */

struct band {
	int done, open;			/* this period */
	int prev_done, prev_open;	/* the one before */
	bool has_prev;
	int overdue, stale;		/* now, whatever the period */
};

struct report_screen {
	enum report_by by;
	enum report_period period;
	bool custom;			/* from..to typed (f), not a named period */
	sam_date from, to;		/* of the period, when it has a range */
	char drill[128];		/* the caseworker whose cases are shown; "" = none */
	struct report r;
	struct band band;
	size_t *rows;			/* indexes into r of the rows matching the / filter */
	size_t n;
	struct ui_list list;
	const struct app *app;
};

enum {
	REQ_BY_SECTION = REQ_SCREEN,
	REQ_BY_ITEM,
	REQ_BY_CASEWORKER,
	REQ_BY_TYPE,
	REQ_BY_MONTH,
	REQ_NEXT_VIEW,
	REQ_PERIOD,
	REQ_FROM_TO,
	REQ_XLSX,
	REQ_INTERNSHIPS,
};

static const struct ui_binding report_keys[] = {
	{ 's', REQ_BY_SECTION, "s", N_("sections"), true },
	{ 'i', REQ_BY_ITEM, "i", N_("items"), true },
	{ 'c', REQ_BY_CASEWORKER, "c", N_("caseworkers"), true },
	{ 't', REQ_BY_TYPE, "t", N_("meeting types"), true },
	{ 'm', REQ_BY_MONTH, "m", N_("months"), true },
	{ '\t', REQ_NEXT_VIEW, "Tab", N_("next view"), false },
	{ 'p', REQ_PERIOD, "p", N_("period"), true },
	{ 'f', REQ_FROM_TO, "f", N_("from–to"), true },
	{ 'x', REQ_XLSX, "x", N_("spreadsheet"), true },
	{ 'I', REQ_INTERNSHIPS, "I", N_("internships"), true },
	UI_BINDINGS_END,
};

static bool drilled(const struct report_screen *rs)
{
	return rs->drill[0] != '\0';
}

/* What a row is called on screen: the guide's wording where it has one. */
static const char *row_label(const struct report_screen *rs, const struct report_row *row,
			     char *buf, size_t size)
{
	const char *title = report_key_title(rs->app->guide, rs->r.by, row->key);
	const struct content_section *sec;

	if (!title)
		return row->key;
	if (rs->r.by == REPORT_BY_SECTION && (sec = content_section_find(rs->app->guide, row->key))) {
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
		    ui_list_match(&rs->list, row_label(rs, row, buf, sizeof(buf))))
			rs->rows[rs->n++] = i;
	}
	ui_list_set_rows(&rs->list, rs->n);
}

/* The period's dates: a named period's as of today, or the typed ones. */
static bool period_range(struct report_screen *rs)
{
	sam_date today;

	if (rs->custom)
		return true;
	date_today(today);
	return report_period_range(rs->period, today, rs->from, rs->to);
}

static void period_title(const struct report_screen *rs, char *buf, size_t size)
{
	if (rs->custom)
		snprintf(buf, size, "%s–%s", rs->from, rs->to);
	else if (rs->period == REPORT_PERIOD_ALL)
		snprintf(buf, size, "%s", report_period_title(rs->period));
	else
		snprintf(buf, size, "%s (%s–%s)", report_period_title(rs->period), rs->from, rs->to);
}

/* The band: this period's completion and the one before, and what waits. */
static enum sam_status load_band(struct report_screen *rs, struct app *app, bool ranged)
{
	struct report_query q = { .by = REPORT_BY_CASEWORKER, .stale_days = -1 };
	sam_date pfrom, pto;
	struct report r;
	enum sam_status st;

	if (ranged) {
		q.from = rs->from;
		q.to = rs->to;
	}
	if ((st = report_run(app->store, NULL, &q, &r)) != SAM_OK)
		return st;
	rs->band = (struct band){ .done = r.total.done, .open = r.total.open,
				  .overdue = r.total.followups_overdue, .stale = r.total.cases_stale };
	report_free(&r);
	if (!ranged)
		return SAM_OK;
	report_period_before(rs->custom ? REPORT_PERIOD_ALL : rs->period, rs->from, rs->to, pfrom, pto);
	q = (struct report_query){ .by = REPORT_BY_TYPE, .from = pfrom, .to = pto, .stale_days = -1 };
	if ((st = report_run(app->store, NULL, &q, &r)) != SAM_OK)
		return st;
	rs->band.prev_done = r.total.done;
	rs->band.prev_open = r.total.open;
	rs->band.has_prev = true;
	report_free(&r);
	return SAM_OK;
}

static enum sam_status report_open(struct screen *s, struct app *app)
{
	struct report_screen *rs = s->data;
	struct report_query q = { .stale_days = -1 };
	char period[64];
	struct report r;
	enum sam_status st;
	bool ranged;

	if (!rs)
		s->data = rs = xcalloc(1, sizeof(*rs));
	rs->app = app;
	q.by = drilled(rs) ? REPORT_BY_CASE : rs->by;
	if (drilled(rs)) {
		q.caseworker = rs->drill;
		q.open_cases = true;
	}
	if ((ranged = period_range(rs))) {
		q.from = rs->from;
		q.to = rs->to;
	}
	if ((st = report_run(app->store, app->guide, &q, &r)) != SAM_OK ||
	    (st = load_band(rs, app, ranged)) != SAM_OK) {
		if (st == SAM_OK)
			report_free(&r);
		return st;
	}
	report_free(&rs->r);
	rs->r = r;
	apply_filter(rs);
	period_title(rs, period, sizeof(period));
	if (drilled(rs))
		snprintf(s->title, sizeof(s->title), "%s: %s %s, %s", _("Report"),
			 _("cases of"), rs->drill, period);
	else
		snprintf(s->title, sizeof(s->title), "%s: %s, %s", _("Report"),
			 report_by_title(rs->by), period);
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
	struct layout l = { .bar = width >= 100 ? 20 : 10, .counts = width >= 72 ? 28 : 0 };

	l.label = width - 1 - 1 - (l.bar + 2) - 1 - 7 - (l.counts ? l.counts + 1 : 0) - 1;
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

/* "75,4 %" right-aligned in 7 columns, "-" when there is nothing to count. */
static void pct_cell(int tenths, char buf[PCT_TEXT_LEN + 8])
{
	char pct[PCT_TEXT_LEN];

	snprintf(buf, PCT_TEXT_LEN + 8, "%7s", tenths < 0 ? "-" : pct_text(tenths, pct));
}

/* The four counts on the right: the checklist's, or for caseworkers what
 * waits on her, or for a case how long since and what is overdue. */
static void counts_text(const struct report_screen *rs, const struct report_row *row, bool total,
			char *buf, size_t size)
{
	if (rs->r.by == REPORT_BY_CASE)
		if (total)
			snprintf(buf, size, "%10s %4s %5d", "", "", row->followups_overdue);
		else
			snprintf(buf, size, "%10s %4d %5d %s", row->last_meeting ? row->last_meeting : "-",
				 row->quiet_days, row->followups_overdue, row->stale ? _("stale") : "");
	else if (rs->r.by == REPORT_BY_CASEWORKER)
		snprintf(buf, size, "%6d %6d %6d %6d", row->meetings, row->done, row->followups_overdue,
			 row->cases_stale);
	else
		snprintf(buf, size, "%6d %6d %6d %6d", row->meetings, row->done, row->open,
			 row->not_relevant);
}

/* Headings right-aligned over the counts by display width (printf's
 * widths count the bytes of "udført" and "i stå"). */
static void heads(char *buf, size_t size, const char *const *h, size_t n, const int *width)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < n; i++) {
		int pad = width[i] - (int)utf8_width(h[i]);

		if (i)
			strbuf_addc(&sb, ' ');
		while (pad-- > 0)
			strbuf_addc(&sb, ' ');
		strbuf_adds(&sb, h[i]);
	}
	snprintf(buf, size, "%s", strbuf_str(&sb));
	strbuf_free(&sb);
}

static void counts_head(const struct report_screen *rs, char *buf, size_t size)
{
	static const int four[] = { 6, 6, 6, 6 }, cases[] = { 4, 5 };
	const char *h[4] = { _("meets"), _("done"), C_("tui/scr_report", "open"),
			     _("n/r") };
	size_t len;

	if (rs->r.by == REPORT_BY_CASE) {
		/* the last meeting's date, left-aligned, then days and overdue */
		snprintf(buf, size, "%-10s ", C_("tui/scr_report", "last"));
		len = strlen(buf);
		h[0] = _("days");
		h[1] = _("overd.");
		heads(buf + len, size - len, h, 2, cases);
		return;
	}
	if (rs->r.by == REPORT_BY_CASEWORKER) {
		h[2] = _("overd.");
		h[3] = _("stale");
	}
	heads(buf, size, h, 4, four);
}

/* Rows a report row takes: an item's whole text wraps, the rest is one line. */
static int row_height(const struct report_screen *rs, const struct layout *lo, size_t i)
{
	char buf[256];
	int h;

	if (rs->r.by != REPORT_BY_ITEM)
		return 1;
	h = ui_wrap(NULL, 0, 0, lo->label, ITEM_LINES, UI_NORMAL,
		    row_label(rs, &rs->r.rows[rs->rows[i]], buf, sizeof(buf)));
	return h < 1 ? 1 : h;
}

static int draw_row(WINDOW *win, int y, int height, const struct layout *lo,
		    const struct report_screen *rs, const char *label, const struct report_row *row,
		    bool sel, bool total)
{
	enum ui_attr a = sel ? UI_SELECTED : total ? UI_HEADING : UI_NORMAL;
	int tenths = report_pct_tenths(row->done, row->open);
	char pct[PCT_TEXT_LEN + 8], counts[96];
	int x = 1, h = 1;

	for (int i = 0; sel && i < height; i++)
		ui_fill(win, y + i, 0, getmaxx(win), UI_SELECTED);
	if (rs->r.by == REPORT_BY_ITEM && !total)
		h = ui_wrap(win, y, x, lo->label, height, a, label);
	else
		ui_text(win, y, x, lo->label, a, label);
	x += lo->label + 1;
	draw_bar(win, y, x, lo->bar, tenths, sel);
	x += lo->bar + 3;
	pct_cell(tenths, pct);
	ui_text(win, y, x, 7, a, pct);
	x += 8;
	if (lo->counts) {
		counts_text(rs, row, total, counts, sizeof(counts));
		ui_text(win, y, x, getmaxx(win) - x - 1, a, counts);
	}
	return h < 1 ? 1 : h;
}

static void draw_band(const struct report_screen *rs, WINDOW *win, int width)
{
	const struct band *b = &rs->band;
	char now[PCT_TEXT_LEN], prev[PCT_TEXT_LEN], line[256];
	int t = report_pct_tenths(b->done, b->open), p = report_pct_tenths(b->prev_done, b->prev_open);

	if (t >= 0)
		pct_text(t, now);
	else
		snprintf(now, sizeof(now), "-");
	if (p >= 0)
		pct_text(p, prev);
	else
		snprintf(prev, sizeof(prev), "-");
	if (b->has_prev)
		snprintf(line, sizeof(line), _("Completion this period: %s   the period before: %s"),
			 now, prev);
	else
		snprintf(line, sizeof(line), _("Completion: %s"), now);
	ui_text(win, 0, 1, width - 2, UI_HEADING, line);
	snprintf(line, sizeof(line), _("Overdue follow-ups: %d   Stale cases (%d days): %d"),
		 b->overdue, REPORT_STALE_DAYS, b->stale);
	ui_text(win, 1, 1, width - 2, b->overdue || b->stale ? UI_WARN : UI_NORMAL, line);
}

/* The first row shown: the selection stays in view, rows being of any height. */
static size_t scroll_rows(struct report_screen *rs, const struct layout *lo, int height)
{
	size_t top = rs->list.top;
	int used;

	if (rs->list.sel < top)
		top = rs->list.sel;
	for (;;) {
		used = 0;
		for (size_t i = top; i <= rs->list.sel && i < rs->n; i++)
			used += row_height(rs, lo, i);
		if (used <= height || top >= rs->list.sel)
			break;
		top++;
	}
	rs->list.top = top;
	rs->list.height = height;
	return top;
}

static void report_draw(struct screen *s, WINDOW *win)
{
	struct report_screen *rs = s->data;
	int width = getmaxx(win), height = getmaxy(win) - 2 - BAND_ROWS - 1;
	struct layout lo = layout_for(width);
	char buf[256], head[96];
	size_t top, i;
	int y = BAND_ROWS + 1;

	draw_band(rs, win, width);
	ui_text(win, BAND_ROWS, 1, lo.label, UI_DIM,
		drilled(rs) ? _("Case") : report_by_title(rs->r.by));
	ui_text(win, BAND_ROWS, 1 + lo.label + 1, lo.bar + 2 + 8, UI_DIM, _("completion"));
	if (lo.counts) {
		counts_head(rs, head, sizeof(head));
		ui_text(win, BAND_ROWS, 1 + lo.label + 1 + lo.bar + 3 + 8, width - 1, UI_DIM, head);
	}
	if (ui_list_draw_filter(&rs->list, win, getmaxy(win) - 1, width))
		height--;
	if (height < 1)
		return;
	top = scroll_rows(rs, &lo, height);
	for (i = top; i < rs->n && y < BAND_ROWS + 1 + height; i++) {
		const struct report_row *row = &rs->r.rows[rs->rows[i]];
		bool sel = i == rs->list.sel;
		int h = row_height(rs, &lo, i);

		if (y + h > BAND_ROWS + 1 + height)
			h = BAND_ROWS + 1 + height - y;
		draw_row(win, y, h, &lo, rs, row_label(rs, row, buf, sizeof(buf)), row, sel, false);
		if (sel)
			ui_focus(win, y, 1);
		y += h;
	}
	if (!rs->n)
		ui_text(win, y++, 1, width - 2, UI_DIM,
			drilled(rs) ? _("No open cases.")
				    : _("No meetings in the period."));
	draw_row(win, y, 1, &lo, rs, _("Total"), &rs->r.total, false, true);
}

/*
 * Keys
 */

static unsigned set_view(struct report_screen *rs, enum report_by by)
{
	if (rs->by != by || drilled(rs)) {
		rs->by = by;
		rs->drill[0] = '\0';
		rs->list.sel = rs->list.top = 0;
	}
	return REACT_RELOAD;
}

static const struct report_row *selected(const struct report_screen *rs)
{
	return rs->list.sel < rs->n ? &rs->r.rows[rs->rows[rs->list.sel]] : NULL;
}

/* Enter: a section shows its items (the item view filtered on "<id>.",
 * which every full item id of the section starts with; Esc clears it), a
 * caseworker her open cases, a case the case itself. */
static unsigned open_row(struct screen *s, struct report_screen *rs)
{
	const struct report_row *row = selected(rs);
	struct case_rec c;
	enum sam_status st;
	unsigned r;

	if (!row)
		return REACT_NONE;
	switch (rs->r.by) {
	case REPORT_BY_SECTION:
		snprintf(rs->list.filter, sizeof(rs->list.filter), "%s.", row->key);
		return set_view(rs, REPORT_BY_ITEM);
	case REPORT_BY_CASEWORKER:
		snprintf(rs->drill, sizeof(rs->drill), "%s", row->key);
		rs->list.sel = rs->list.top = 0;
		rs->list.filter[0] = '\0';
		return REACT_RELOAD;
	case REPORT_BY_CASE:
		if ((st = store_case_get(s->app->store, row->key, &c)) != SAM_OK)
			return ui_error(s->app, st);
		r = scr_case_push(s->app, c.id);
		case_rec_free(&c);
		return r;
	default:
		return REACT_NONE;
	}
}

/* Back from her cases to the caseworkers, on her row. */
static unsigned leave_drill(struct report_screen *rs)
{
	rs->drill[0] = '\0';
	rs->by = REPORT_BY_CASEWORKER;
	rs->list.sel = rs->list.top = 0;
	return REACT_RELOAD;
}

/* f: a period of one's own, from one date to another (never past today). */
static unsigned ask_from_to(struct screen *s, struct report_screen *rs)
{
	sam_date from, to, today;

	date_today(today);
	if (!ui_ask_date(s->app, _("From:"), rs->custom || rs->period ? rs->from : NULL,
			 DATE_ANY, from) ||
	    !ui_ask_date(s->app, _("To:"), today, DATE_ANY, to))
		return REACT_REDRAW;
	if (strcmp(to, today) > 0)
		memcpy(to, today, sizeof(to));
	if (strcmp(from, to) > 0) {
		ui_status(s->app, "%s", _("The period ends before it begins."));
		return REACT_REDRAW;
	}
	memcpy(rs->from, from, sizeof(from));
	memcpy(rs->to, to, sizeof(to));
	rs->custom = true;
	return REACT_RELOAD;
}

/* x: the view as a spreadsheet beside the database (its directory is
 * private; her own for a database on a server), under a name not yet taken. */
static unsigned write_xlsx(struct screen *s, struct report_screen *rs)
{
	struct cli_table *t;
	char *dir = store_side_dir(s->app->store), *path = NULL;
	sam_date today;
	enum sam_status st;

	if (!dir)
		return ui_error(s->app, sam_fail(SAM_ERR_IO, "%s", _("no home directory to keep the spreadsheet in")));
	if ((st = path_mkdir_p(dir, 0700)) != SAM_OK) {
		free(dir);
		return ui_error(s->app, st);
	}
	t = cli_report_table(&rs->r, s->app->guide, FORMAT_XLSX, true);
	date_today(today);
	for (int i = 1; !path || path_exists(path); i++) {
		free(path);
		path = i == 1 ? xasprintf("%s/rapport-%s-%s.xlsx", dir, report_by_name(rs->r.by), today)
			      : xasprintf("%s/rapport-%s-%s-%d.xlsx", dir, report_by_name(rs->r.by), today, i);
	}
	st = cli_tables_write_xlsx(&t, 1, path);
	if (st == SAM_OK)
		ui_status(s->app, _("The spreadsheet is saved in %s."), path);
	cli_table_free(t);
	free(path);
	free(dir);
	return st == SAM_OK ? REACT_REDRAW : ui_error(s->app, st);
}

static unsigned report_key(struct screen *s, int ch)
{
	static const enum report_by cycle[] = { REPORT_BY_SECTION, REPORT_BY_ITEM, REPORT_BY_CASEWORKER,
						REPORT_BY_TYPE, REPORT_BY_MONTH };
	struct report_screen *rs = s->data;

	switch (ui_list_key(&rs->list, s, ch)) {
	case UI_LIST_IGNORED: break;
	case UI_LIST_ACTIVATE: return open_row(s, rs);
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
	case REQ_BY_MONTH: return set_view(rs, REPORT_BY_MONTH);
	case REQ_NEXT_VIEW:
		for (size_t i = 0; i < ARRAY_SIZE(cycle); i++)
			if (cycle[i] == rs->by)
				return set_view(rs, cycle[(i + 1) % ARRAY_SIZE(cycle)]);
		return set_view(rs, REPORT_BY_SECTION);
	case REQ_PERIOD:
		rs->period = rs->custom ? REPORT_PERIOD_ALL : (rs->period + 1) % REPORT_PERIOD_COUNT;
		rs->custom = false;
		return REACT_RELOAD;
	case REQ_FROM_TO: return ask_from_to(s, rs);
	case REQ_XLSX: return write_xlsx(s, rs);
	case REQ_INTERNSHIPS: return scr_report_internships_push(s->app);
	case REQ_BACK: return drilled(rs) ? leave_drill(rs) : REACT_NONE;
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
