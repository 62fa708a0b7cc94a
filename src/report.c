#include "samtale/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

/*
 * Groupings: one row per grouping, so that a new one is one line here.
 */

struct grouping {
	const char *name;		/* --by and the first CSV column */
	const char *title;		/* what a person reads */
	bool titles;			/* keys are ids the guide names */
	bool split;			/* --split caseworker applies */
};

static const struct grouping groupings[REPORT_BY_COUNT] = {
	[REPORT_BY_SECTION] = { "section", N_("Sections"), true, true },
	[REPORT_BY_ITEM] = { "item", N_("Items"), true, true },
	[REPORT_BY_CASEWORKER] = { "caseworker", N_("Caseworkers"), false, false },
	[REPORT_BY_CASE] = { "case", N_("Cases"), false, false },
	[REPORT_BY_TYPE] = { "type", N_("Meeting types"), true, false },
	[REPORT_BY_MONTH] = { "month", N_("Months"), false, false },
};

const char *report_by_name(enum report_by by)
{
	return groupings[by].name;
}

bool report_by_parse(const char *s, enum report_by *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(groupings); i++) {
		if (!strcmp(s, groupings[i].name)) {
			*out = (enum report_by)i;
			return true;
		}
	}
	return false;
}

const char *report_by_title(enum report_by by)
{
	return _(groupings[by].title);
}

bool report_by_has_titles(enum report_by by)
{
	return groupings[by].titles;
}

const char *report_key_title(const struct content_guide *g, enum report_by by, const char *key)
{
	const struct content_section *sec;
	const struct content_item *it;
	const struct content_meeting_type *mt;

	if (!g)
		return NULL;
	switch (by) {
	case REPORT_BY_SECTION:
		return (sec = content_section_find(g, key)) ? sec->title : NULL;
	case REPORT_BY_ITEM:
		return (it = content_item_find(g, key)) ? it->text : NULL;
	case REPORT_BY_TYPE:
		return (mt = content_meeting_type_find(g, key)) ? mt->title : NULL;
	default:
		return NULL;
	}
}

bool report_by_can_split(enum report_by by)
{
	return groupings[by].split;
}

int report_pct_tenths(int done, int open)
{
	long long n = (long long)done + open;

	if (n <= 0)
		return -1;
	return (int)((1000LL * done + n / 2) / n);
}

const char *report_pct_format(int done, int open, char buf[REPORT_PCT_LEN])
{
	int t = report_pct_tenths(done, open);

	if (t < 0)
		buf[0] = '\0';
	else
		snprintf(buf, REPORT_PCT_LEN, "%d.%d", t / 10, t % 10);
	return buf;
}

/*
 * Rows from the store's counts
 */

static struct report_row *push_row(struct report *r, size_t *cap)
{
	r->rows = array_grow(r->rows, r->n, cap, sizeof(*r->rows));
	memset(&r->rows[r->n], 0, sizeof(r->rows[r->n]));
	return &r->rows[r->n++];
}

static void take_counts(struct store_counts *c, bool split, struct report *r)
{
	size_t cap = 0;

	for (size_t i = 0; i < c->n; i++) {
		struct report_row *row = push_row(r, &cap);

		/* NULL only in a damaged or crafted file; a NULL key is the totals row. */
		row->key = c->v[i].key ? c->v[i].key : xstrdup("");
		row->caseworker = c->v[i].caseworker || !split ? c->v[i].caseworker : xstrdup("");
		row->meetings = c->v[i].meetings;
		row->done = c->v[i].done;
		row->open = c->v[i].open;
		row->not_relevant = c->v[i].not_relevant;
		c->v[i].key = c->v[i].caseworker = NULL;
	}
	store_counts_free(c);
}

static enum store_count_key count_key(enum report_by by)
{
	switch (by) {
	case REPORT_BY_ITEM: return COUNT_BY_ITEM;
	case REPORT_BY_CASEWORKER: return COUNT_BY_CASEWORKER;
	case REPORT_BY_TYPE: return COUNT_BY_TYPE;
	case REPORT_BY_MONTH: return COUNT_BY_MONTH;
	default: return COUNT_BY_SECTION;
	}
}

/*
 * Order: a list of keys (the guide's, or every month), each with every
 * caseworker when split, zeros included; then whatever the counts hold
 * that the list does not, in the store's order.
 */

struct keys {
	const char **v;
	size_t n, cap;
};

static void keys_add(struct keys *k, const char *key)
{
	k->v = array_grow(k->v, k->n, &k->cap, sizeof(*k->v));
	k->v[k->n++] = key;
}

static bool section_applies(const struct content_section *s, const char *type)
{
	return !type || content_section_count_applicable(s, type) > 0;
}

static void content_keys(const struct content_guide *g, const struct report_query *q,
			 struct keys *k)
{
	if (q->by == REPORT_BY_TYPE) {
		for (size_t i = 0; i < g->nmeeting_types; i++)
			if (!q->type || !strcmp(q->type, g->meeting_types[i].id))
				keys_add(k, g->meeting_types[i].id);
		return;
	}
	for (size_t i = 0; i < g->nsections; i++) {
		const struct content_section *s = &g->sections[i];

		if (q->by == REPORT_BY_SECTION) {
			if (section_applies(s, q->type))
				keys_add(k, s->id);
			continue;
		}
		for (size_t j = 0; j < s->nitems; j++)
			if ((!q->type || content_item_applies(&s->items[j], q->type)) &&
			    (!q->by_kind || s->items[j].kind == q->kind))
				keys_add(k, s->items[j].full_id);
	}
}

/* The caseworkers of split rows, each once, in the rows' (name) order. */
static void split_names(const struct report *r, struct keys *names)
{
	for (size_t i = 0; i < r->n; i++) {
		size_t j;

		for (j = 0; j < names->n && strcmp(names->v[j], r->rows[i].caseworker); j++)
			;
		if (j == names->n)
			keys_add(names, r->rows[i].caseworker);
	}
	for (size_t i = 1; i < names->n; i++)
		for (size_t j = i; j > 0 && strcmp(names->v[j - 1], names->v[j]) > 0; j--) {
			const char *t = names->v[j];

			names->v[j] = names->v[j - 1];
			names->v[j - 1] = t;
		}
}

static bool row_is(const struct report_row *row, const char *key, const char *caseworker)
{
	return !strcmp(row->key, key) && (!caseworker || !strcmp(row->caseworker, caseworker));
}

static void place(struct report *sorted, size_t *cap, struct report *r, bool *taken,
		  const char *key, const char *caseworker)
{
	struct report_row *row = push_row(sorted, cap);
	size_t j;

	for (j = 0; j < r->n && (taken[j] || !row_is(&r->rows[j], key, caseworker)); j++)
		;
	if (j < r->n) {
		*row = r->rows[j];
		taken[j] = true;
	} else {
		row->key = xstrdup(key);
		row->caseworker = xstrdup(caseworker);
	}
}

static void arrange(struct report *r, const struct keys *k, bool split)
{
	struct keys names = { 0 };
	struct report sorted = { .by = r->by };
	bool *taken = xcalloc(r->n + 1, sizeof(*taken));
	size_t cap = 0;

	if (split)
		split_names(r, &names);
	for (size_t i = 0; i < k->n; i++) {
		if (!split)
			place(&sorted, &cap, r, taken, k->v[i], NULL);
		for (size_t c = 0; split && c < names.n; c++)
			place(&sorted, &cap, r, taken, k->v[i], names.v[c]);
	}
	for (size_t j = 0; j < r->n; j++)
		if (!taken[j])
			*push_row(&sorted, &cap) = r->rows[j];
	free(r->rows);
	r->rows = sorted.rows;
	r->n = sorted.n;
	free(taken);
	free(names.v);
}

static void order_by_content(const struct content_guide *g, const struct report_query *q,
			     struct report *r)
{
	struct keys k = { 0 };

	content_keys(g, q, &k);
	arrange(r, &k, q->split_caseworker);
	free(k.v);
}

/* A month as a number (year * 12 + month - 1) and back as "YYYY-MM". */
static int month_number(const char *date)
{
	int y = 0, m = 1;

	sscanf(date, "%4d-%2d", &y, &m);
	return y * 12 + m - 1;
}

/* Every month from the period's first (or the first meeting's) to its last. */
static void order_by_month(const struct report_query *q, struct report *r)
{
	char (*months)[12];
	struct keys k = { 0 };
	int first, last;

	if (!q->from && !r->n)
		return;
	first = month_number(q->from ? q->from : r->rows[0].key);
	last = month_number(q->to ? q->to : r->n ? r->rows[r->n - 1].key : q->from);
	if (r->n && month_number(r->rows[r->n - 1].key) > last)
		last = month_number(r->rows[r->n - 1].key);
	months = xcalloc((size_t)(last - first + 1), sizeof(*months));
	for (int m = first; m <= last; m++) {
		snprintf(months[m - first], sizeof(*months), "%04d-%02d", (m / 12) % 10000, m % 12 + 1);
		keys_add(&k, months[m - first]);
	}
	arrange(r, &k, false);
	free(k.v);
	free(months);
}

/*
 * Caseworkers: what waits on each beside her meetings' counts, merged by
 * name (both lists are in name order).
 */

static void merge_caseworkers(struct report *r, struct store_caseworker_statuses *cw)
{
	struct report merged = { .by = r->by };
	size_t i = 0, j = 0, cap = 0;

	while (i < r->n || j < cw->n) {
		int cmp = i == r->n ? 1 : j == cw->n ? -1 :
			  strcmp(r->rows[i].key, cw->v[j].name ? cw->v[j].name : "");
		struct report_row *row = push_row(&merged, &cap);

		if (cmp <= 0)
			*row = r->rows[i++];
		else
			row->key = xstrdup(cw->v[j].name ? cw->v[j].name : "");
		if (cmp >= 0) {
			row->followups_overdue = cw->v[j].followups_overdue;
			row->cases_stale = cw->v[j].cases_stale;
			j++;
		}
	}
	free(r->rows);
	r->rows = merged.rows;
	r->n = merged.n;
	store_caseworker_statuses_free(cw);
}

/*
 * Cases
 */

static void take_cases(struct store_case_statuses *c, const char *today, int stale_days,
		       struct report *r)
{
	size_t cap = 0;

	for (size_t i = 0; i < c->n; i++) {
		struct store_case_status *s = &c->v[i];
		struct report_row *row = push_row(r, &cap);

		row->key = s->ref ? s->ref : xstrdup("");
		row->caseworker = s->caseworker;
		row->last_meeting = s->last_meeting;
		row->meetings = s->meetings;
		row->done = s->done;
		row->open = s->open;
		row->not_relevant = s->not_relevant;
		row->followups_open = s->followups_open;
		row->followups_overdue = s->followups_overdue;
		row->quiet_days = (int)date_diff_days(today, s->last_meeting ? s->last_meeting : s->opened);
		row->stale = row->quiet_days >= stale_days;
		s->ref = s->caseworker = s->last_meeting = NULL;
	}
	store_case_statuses_free(c);
}

/*
 * Totals: sums of the rows, except that a meeting counts once. Meetings
 * belong to one caseworker, type, case and month, so there the rows' sum
 * is right; a meeting spans several sections and items, so those count it
 * apart.
 */

static void sum_rows(struct report *r)
{
	struct report_row *t = &r->total;

	for (size_t i = 0; i < r->n; i++) {
		const struct report_row *row = &r->rows[i];

		t->meetings += row->meetings;
		t->done += row->done;
		t->open += row->open;
		t->not_relevant += row->not_relevant;
		t->followups_open += row->followups_open;
		t->followups_overdue += row->followups_overdue;
		t->cases_stale += row->cases_stale;
		t->stale += row->stale;
		if (row->last_meeting && (!t->last_meeting || strcmp(row->last_meeting, t->last_meeting) > 0)) {
			free(t->last_meeting);
			t->last_meeting = xstrdup(row->last_meeting);
		}
	}
}

static enum sam_status check_query(const struct report_query *q)
{
	const char *dates[] = { q->from, q->to, q->today };

	for (size_t i = 0; i < ARRAY_SIZE(dates); i++)
		if (dates[i] && !date_valid(dates[i]))
			return sam_fail(SAM_ERR_INVALID, _("invalid date '%s' (use YYYY-MM-DD)"),
					dates[i]);
	if ((unsigned)q->by >= ARRAY_SIZE(groupings) ||
	    (q->split_caseworker && !groupings[q->by].split))
		return sam_fail(SAM_ERR_INVALID, "%s", _("unknown grouping"));
	return SAM_OK;
}

static enum sam_status run_cases(struct store *st, const struct report_query *q,
				 const struct store_count_filter *sel, const char *today,
				 const char *quiet_since, struct report *out)
{
	struct store_case_filter cf = { .today = today, .caseworker = q->caseworker };
	struct store_case_statuses cs;
	enum sam_status rc;

	if (q->open_cases)
		cf.quiet_since = "9999-12-31";
	else if (q->stale_days >= 0)
		cf.quiet_since = quiet_since;
	out->stale_list = !q->open_cases && q->stale_days >= 0;
	rc = store_case_statuses(st, sel, &cf, &cs);
	if (rc == SAM_OK)
		take_cases(&cs, today, q->stale_days >= 0 ? q->stale_days : REPORT_STALE_DAYS, out);
	return rc;
}

static enum sam_status run_counts(struct store *st, const struct content_guide *g,
				  const struct report_query *q,
				  const struct store_count_filter *sel, const char *today,
				  const char *quiet_since, struct report *out)
{
	struct store_counts counts;
	struct store_caseworker_statuses cw;
	enum sam_status rc;

	rc = store_count_items(st, count_key(q->by), q->split_caseworker, sel, &counts);
	if (rc != SAM_OK)
		return rc;
	take_counts(&counts, q->split_caseworker, out);
	if (g && groupings[q->by].titles)
		order_by_content(g, q, out);
	if (q->by == REPORT_BY_MONTH)
		order_by_month(q, out);
	if (q->by == REPORT_BY_CASEWORKER) {
		rc = store_caseworker_statuses(st, today, quiet_since, q->caseworker, &cw);
		if (rc == SAM_OK)
			merge_caseworkers(out, &cw);
	}
	return rc;
}

static enum sam_status run_report(struct store *st, const struct content_guide *g,
				  const struct report_query *q, const char *items, struct report *out)
{
	const struct store_count_filter sel = { q->from, q->to, q->caseworker, q->type, items };
	sam_date today, quiet_since;
	enum sam_status rc;
	long days;

	memset(out, 0, sizeof(*out));
	out->by = q->by;
	out->split_caseworker = q->split_caseworker;
	if ((rc = check_query(q)) != SAM_OK)
		return rc;
	if (q->today)
		memcpy(today, q->today, sizeof(today));
	else
		date_today(today);
	date_to_days(today, &days);
	date_from_days(days - (q->stale_days >= 0 ? q->stale_days : REPORT_STALE_DAYS), quiet_since);

	if (q->by == REPORT_BY_CASE)
		rc = run_cases(st, q, &sel, today, quiet_since, out);
	else
		rc = run_counts(st, g, q, &sel, today, quiet_since, out);
	if (rc == SAM_OK)
		sum_rows(out);
	if (rc == SAM_OK && (q->by == REPORT_BY_SECTION || q->by == REPORT_BY_ITEM))
		rc = store_count_meetings(st, &sel, &out->total.meetings);
	if (rc != SAM_OK)
		report_free(out);
	return rc;
}

/* ",id,id,": the guide's items of a kind, as the store selects them. */
static char *items_of_kind(const struct content_guide *g, enum content_kind kind)
{
	struct strbuf sb = { 0 };

	strbuf_addc(&sb, ',');
	for (size_t s = 0; s < g->nsections; s++)
		for (size_t i = 0; i < g->sections[s].nitems; i++)
			if (g->sections[s].items[i].kind == kind)
				strbuf_addf(&sb, "%s,", g->sections[s].items[i].full_id);
	return strbuf_detach(&sb);
}

enum sam_status report_run(struct store *st, const struct content_guide *g,
			   const struct report_query *q, struct report *out)
{
	char *items;
	enum sam_status rc;

	if (q->by_kind && !g)
		return sam_error("report_run: a report by kind needs the guide");
	items = q->by_kind ? items_of_kind(g, q->kind) : NULL;
	rc = run_report(st, g, q, items, out);

	free(items);
	return rc;
}

static void row_free(struct report_row *row)
{
	free(row->key);
	free(row->caseworker);
	free(row->last_meeting);
}

void report_free(struct report *r)
{
	for (size_t i = 0; i < r->n; i++)
		row_free(&r->rows[i]);
	free(r->rows);
	row_free(&r->total);
	memset(r, 0, sizeof(*r));
}

/*
 * Internships: the store selects those that began in the period; here they
 * are counted per caseworker and their median length found.
 */

struct lengths {
	long *v;
	size_t n, cap;
};

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* Twice the median, so that the mean of the middle two stays whole. */
static int median2(struct lengths *l)
{
	if (!l->n)
		return -1;
	qsort(l->v, l->n, sizeof(*l->v), cmp_long);
	if (l->n % 2)
		return (int)(2 * l->v[l->n / 2]);
	return (int)(l->v[l->n / 2 - 1] + l->v[l->n / 2]);
}

static void count_internship(struct report_internship_row *row, struct lengths *l,
			     const struct internship_rec *in)
{
	long from, ended;

	row->internships++;
	row->job_possible += in->job_possible == JOB_POSSIBLE_YES;
	if (in->outcome == OUTCOME_NONE) {
		row->running++;
		return;
	}
	row->ended++;
	row->employed += in->outcome == OUTCOME_EMPLOYED;
	row->ended_early += in->outcome == OUTCOME_ENDED_EARLY;
	if (in->ended && date_to_days(in->from, &from) && date_to_days(in->ended, &ended)) {
		row->measured++;
		l->v = array_grow(l->v, l->n, &l->cap, sizeof(*l->v));
		l->v[l->n++] = ended - from + 1;
	}
}

static int cmp_internship_cw(const void *a, const void *b)
{
	const struct internship_rec *x = *(const struct internship_rec *const *)a;
	const struct internship_rec *y = *(const struct internship_rec *const *)b;

	return strcmp(x->caseworker, y->caseworker);
}

/* One row per caseworker, by name, from the internships sorted so. */
static void split_by_caseworker(const struct internship_list *l, struct report_internships *r)
{
	const struct internship_rec **by = xcalloc(l->n + 1, sizeof(*by));
	struct lengths len = { 0 };
	size_t cap = 0;

	for (size_t i = 0; i < l->n; i++)
		by[i] = &l->v[i];
	qsort(by, l->n, sizeof(*by), cmp_internship_cw);
	for (size_t i = 0; i < l->n; i++) {
		struct report_internship_row *row;

		if (!i || strcmp(by[i]->caseworker, by[i - 1]->caseworker)) {
			r->rows = array_grow(r->rows, r->n, &cap, sizeof(*r->rows));
			row = &r->rows[r->n++];
			memset(row, 0, sizeof(*row));
			row->caseworker = xstrdup(by[i]->caseworker);
			len.n = 0;
		}
		row = &r->rows[r->n - 1];
		count_internship(row, &len, by[i]);
		if (i + 1 == l->n || strcmp(by[i]->caseworker, by[i + 1]->caseworker))
			row->median_days2 = median2(&len);
	}
	free(len.v);
	free(by);
}

enum sam_status report_internships_run(struct store *st, const struct report_internship_query *q,
				       struct report_internships *out)
{
	struct internship_query iq = { .began_from = q->from, .began_to = q->to };
	struct internship_list l;
	struct lengths len = { 0 };
	struct report_query dates = { .from = q->from, .to = q->to };
	enum sam_status rc;

	memset(out, 0, sizeof(*out));
	if ((rc = check_query(&dates)) != SAM_OK ||
	    (rc = store_internship_list(st, &iq, &l)) != SAM_OK)
		return rc;
	for (size_t i = 0; i < l.n; i++)
		count_internship(&out->total, &len, &l.v[i]);
	out->total.median_days2 = median2(&len);
	if (q->split_caseworker)
		split_by_caseworker(&l, out);
	free(len.v);
	internship_list_free(&l);
	return SAM_OK;
}

void report_internships_free(struct report_internships *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->rows[i].caseworker);
	free(r->rows);
	memset(r, 0, sizeof(*r));
}

const char *report_median_format(int median_days2, char buf[REPORT_PCT_LEN])
{
	if (median_days2 < 0)
		buf[0] = '\0';
	else
		snprintf(buf, REPORT_PCT_LEN, "%d%s", median_days2 / 2, median_days2 % 2 ? ".5" : "");
	return buf;
}

/*
 * Named periods
 */

static const char *const period_names[REPORT_PERIOD_COUNT] = {
	[REPORT_PERIOD_ALL] = "all",
	[REPORT_PERIOD_THIS_MONTH] = "this-month",
	[REPORT_PERIOD_LAST_MONTH] = "last-month",
	[REPORT_PERIOD_LAST_QUARTER] = "last-quarter",
	[REPORT_PERIOD_THIS_YEAR] = "this-year",
};

const char *report_period_name(enum report_period p)
{
	return period_names[p];
}

bool report_period_parse(const char *s, enum report_period *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(period_names); i++) {
		if (!strcmp(s, period_names[i])) {
			*out = (enum report_period)i;
			return true;
		}
	}
	return false;
}

const char *report_period_title(enum report_period p)
{
	switch (p) {
	case REPORT_PERIOD_THIS_MONTH: return _("this month");
	case REPORT_PERIOD_LAST_MONTH: return _("last month");
	case REPORT_PERIOD_LAST_QUARTER: return _("last quarter");
	case REPORT_PERIOD_THIS_YEAR: return _("this year");
	case REPORT_PERIOD_ALL: case REPORT_PERIOD_COUNT: break;
	}
	return _("all meetings");
}

/* The first day of month m (1..12, or 13 for January after) of year y. */
static void first_of(unsigned y, unsigned m, sam_date out)
{
	if (m > 12) {
		m -= 12;
		y++;
	}
	snprintf(out, sizeof(sam_date), "%04u-%02u-01", y % 10000, m % 100);
}

/* The calendar unit (months long) holding date: its first and last day. */
static void unit_of(const char *date, int months, sam_date first, sam_date last)
{
	unsigned y = 0, m = 1;
	long days;

	sscanf(date, "%4u-%2u", &y, &m);
	m = (m - 1) / (unsigned)months * (unsigned)months + 1;
	first_of(y, m, first);
	first_of(y, m + (unsigned)months, last);
	date_to_days(last, &days);
	date_from_days(days - 1, last);
}

static void day_before(const char *date, sam_date out)
{
	long days;

	date_to_days(date, &days);
	date_from_days(days - 1, out);
}

static int period_months(enum report_period p)
{
	switch (p) {
	case REPORT_PERIOD_THIS_MONTH: case REPORT_PERIOD_LAST_MONTH: return 1;
	case REPORT_PERIOD_LAST_QUARTER: return 3;
	case REPORT_PERIOD_THIS_YEAR: return 12;
	case REPORT_PERIOD_ALL: case REPORT_PERIOD_COUNT: break;
	}
	return 0;
}

bool report_period_range(enum report_period p, const char *today, sam_date from, sam_date to)
{
	int months = period_months(p);
	sam_date d;

	if (!months)
		return false;
	memcpy(d, today, sizeof(d));
	if (p == REPORT_PERIOD_LAST_MONTH || p == REPORT_PERIOD_LAST_QUARTER) {
		unit_of(today, months, from, to);
		day_before(from, d);
	}
	unit_of(d, months, from, to);
	if (strcmp(to, today) > 0)
		memcpy(to, today, sizeof(sam_date));
	return true;
}

void report_period_before(enum report_period p, const char *from, const char *to,
			  sam_date pfrom, sam_date pto)
{
	int months = period_months(p);
	long a, b;

	day_before(from, pto);
	if (months) {
		unit_of(pto, months, pfrom, pto);
		return;
	}
	date_to_days(from, &a);
	date_to_days(to, &b);
	date_from_days(a - (b - a + 1), pfrom);
}
