#include "samtale/report.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

static const char *const by_names[] = {
	[REPORT_BY_SECTION] = "section",
	[REPORT_BY_ITEM] = "item",
	[REPORT_BY_CASEWORKER] = "caseworker",
	[REPORT_BY_CASE] = "case",
	[REPORT_BY_TYPE] = "type",
};

const char *report_by_name(enum report_by by)
{
	return by_names[by];
}

bool report_by_parse(const char *s, enum report_by *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(by_names); i++) {
		if (!strcmp(s, by_names[i])) {
			*out = (enum report_by)i;
			return true;
		}
	}
	return false;
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
 * SQL. The selection of meetings is a WHERE clause on "m" built from the
 * filters given, so that SQLite can use meetings(date) for a period; the
 * state encoding is the store's (see store/db.c).
 */

#define STATE_OPEN "'open'"
#define STATE_DONE "'done'"
#define STATE_NOT_RELEVANT "'not_relevant'"
#define SQL_COUNTS \
	"sum(mi.state = " STATE_DONE "), sum(mi.state = " STATE_OPEN "), " \
	"sum(mi.state = " STATE_NOT_RELEVANT ")"

static void add_selection(struct strbuf *sb, const struct report_query *q)
{
	if (q->from)
		strbuf_adds(sb, " AND m.date >= :from");
	if (q->to)
		strbuf_adds(sb, " AND m.date <= :to");
	if (q->caseworker)
		strbuf_adds(sb, " AND m.caseworker = :caseworker");
	if (q->type)
		strbuf_adds(sb, " AND m.type = :type");
}

static bool has_selection(const struct report_query *q)
{
	return q->from || q->to || q->caseworker || q->type;
}

/* The rows' query: key, meetings, done, open, not_relevant[, last_meeting,
 * followups_open, followups_overdue], in SQL order (by key). */
static void build_rows_sql(struct strbuf *sb, const struct report_query *q)
{
	switch (q->by) {
	case REPORT_BY_SECTION:
	case REPORT_BY_ITEM: {
		const char *col = q->by == REPORT_BY_SECTION ? "mi.section_id" : "mi.item_id";

		strbuf_addf(sb, "SELECT %s, count(DISTINCT mi.meeting_id), " SQL_COUNTS
			    " FROM meeting_items mi", col);
		if (has_selection(q)) {
			strbuf_adds(sb, " JOIN meetings m ON m.id = mi.meeting_id WHERE 1");
			add_selection(sb, q);
		}
		strbuf_addf(sb, " GROUP BY %s ORDER BY %s", col, col);
		break;
	}
	case REPORT_BY_CASEWORKER:
	case REPORT_BY_TYPE: {
		const char *col = q->by == REPORT_BY_TYPE ? "m.type" : "m.caseworker";

		strbuf_addf(sb, "SELECT %s, count(DISTINCT m.id), " SQL_COUNTS
			    " FROM meetings m JOIN meeting_items mi ON mi.meeting_id = m.id WHERE 1", col);
		add_selection(sb, q);
		strbuf_addf(sb, " GROUP BY %s ORDER BY %s", col, col);
		break;
	}
	case REPORT_BY_CASE:
		strbuf_adds(sb, "WITH a AS (SELECT m.case_id AS case_id, count(DISTINCT m.id) AS meetings, "
			    "sum(mi.state = " STATE_DONE ") AS done, sum(mi.state = " STATE_OPEN ") AS open, "
			    "sum(mi.state = " STATE_NOT_RELEVANT ") AS nr "
			    "FROM meetings m JOIN meeting_items mi ON mi.meeting_id = m.id WHERE 1");
		add_selection(sb, q);
		strbuf_adds(sb, " GROUP BY m.case_id), "
			    "c AS (SELECT id, ref, opened, closed, caseworker, "
			    "(SELECT max(date) FROM meetings WHERE case_id = cases.id) AS last FROM cases) "
			    "SELECT c.ref, coalesce(a.meetings, 0), c.last, coalesce(a.done, 0), "
			    "coalesce(a.open, 0), coalesce(a.nr, 0), "
			    "(SELECT count(*) FROM followups f WHERE f.case_id = c.id AND NOT f.done), "
			    "(SELECT count(*) FROM followups f WHERE f.case_id = c.id AND NOT f.done "
			    "AND f.due < :today) FROM c ");
		if (q->stale_days >= 0) {
			strbuf_adds(sb, "LEFT JOIN a ON a.case_id = c.id WHERE c.closed IS NULL "
				    "AND coalesce(c.last, c.opened) <= :cutoff");
			if (q->caseworker)
				strbuf_adds(sb, " AND c.caseworker = :caseworker");
		} else {
			strbuf_adds(sb, "JOIN a ON a.case_id = c.id");
		}
		strbuf_adds(sb, " ORDER BY c.ref");
		break;
	}
}

static int bind_text(sqlite3_stmt *stmt, const char *name, const char *value)
{
	int i = sqlite3_bind_parameter_index(stmt, name);

	return i && value ? sqlite3_bind_text(stmt, i, value, -1, SQLITE_STATIC) : SQLITE_OK;
}

static int bind_query(sqlite3_stmt *stmt, const struct report_query *q, const char *today,
		      const char *cutoff)
{
	int rc = bind_text(stmt, ":from", q->from);

	if (rc == SQLITE_OK)
		rc = bind_text(stmt, ":to", q->to);
	if (rc == SQLITE_OK)
		rc = bind_text(stmt, ":caseworker", q->caseworker);
	if (rc == SQLITE_OK)
		rc = bind_text(stmt, ":type", q->type);
	if (rc == SQLITE_OK)
		rc = bind_text(stmt, ":today", today);
	if (rc == SQLITE_OK)
		rc = bind_text(stmt, ":cutoff", cutoff);
	return rc;
}

static enum sam_status db_error(sqlite3 *db)
{
	return sam_fail(SAM_ERR_DB, "%s: %s", tr("rapporten kunne ikke laves", "the report failed"),
			sqlite3_errmsg(db));
}

static enum sam_status prepare(sqlite3 *db, const char *sql, const struct report_query *q,
			       const char *today, const char *cutoff, sqlite3_stmt **stmt)
{
	if (sqlite3_prepare_v2(db, sql, -1, stmt, NULL) != SQLITE_OK ||
	    bind_query(*stmt, q, today, cutoff) != SQLITE_OK)
		return db_error(db);
	return SAM_OK;
}

static char *column_dup(sqlite3_stmt *stmt, int col)
{
	return xstrdup((const char *)sqlite3_column_text(stmt, col));
}

static struct report_row *push_row(struct report *r, size_t *cap)
{
	r->rows = array_grow(r->rows, r->n, cap, sizeof(*r->rows));
	memset(&r->rows[r->n], 0, sizeof(r->rows[r->n]));
	return &r->rows[r->n++];
}

static enum sam_status fetch_rows(sqlite3 *db, const struct report_query *q, const char *today,
				  const char *cutoff, struct report *r)
{
	struct strbuf sql = { 0 };
	sqlite3_stmt *stmt = NULL;
	enum sam_status st;
	size_t cap = 0;
	int rc;

	build_rows_sql(&sql, q);
	st = prepare(db, strbuf_str(&sql), q, today, cutoff, &stmt);
	while (st == SAM_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct report_row *row = push_row(r, &cap);
		int col = 0;

		/* NULL only in a damaged or crafted file; a NULL key is the totals row. */
		row->key = xstrdup(sqlite3_column_type(stmt, col) == SQLITE_NULL
				   ? "" : (const char *)sqlite3_column_text(stmt, col));
		col++;
		row->meetings = sqlite3_column_int(stmt, col++);
		if (q->by == REPORT_BY_CASE)
			row->last_meeting = column_dup(stmt, col++);
		row->done = sqlite3_column_int(stmt, col++);
		row->open = sqlite3_column_int(stmt, col++);
		row->not_relevant = sqlite3_column_int(stmt, col++);
		if (q->by == REPORT_BY_CASE) {
			row->followups_open = sqlite3_column_int(stmt, col++);
			row->followups_overdue = sqlite3_column_int(stmt, col++);
		}
	}
	if (st == SAM_OK && rc != SQLITE_DONE)
		st = db_error(db);
	sqlite3_finalize(stmt);
	strbuf_free(&sql);
	return st;
}

/*
 * Content order: the guide's sections, items or meeting types first (zeros
 * included), then whatever older meetings hold that the guide no longer has.
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
			if (!q->type || content_item_applies(&s->items[j], q->type))
				keys_add(k, s->items[j].full_id);
	}
}

static void order_by_content(const struct content_guide *g, const struct report_query *q,
			     struct report *r)
{
	struct keys k = { 0 };
	struct report sorted = { .by = r->by };
	bool *taken = xcalloc(r->n + 1, sizeof(*taken));
	size_t cap = 0;

	content_keys(g, q, &k);
	for (size_t i = 0; i < k.n; i++) {
		struct report_row *row = push_row(&sorted, &cap);
		size_t j;

		for (j = 0; j < r->n && (taken[j] || strcmp(r->rows[j].key, k.v[i])); j++)
			;
		if (j < r->n) {
			*row = r->rows[j];
			taken[j] = true;
		} else {
			row->key = xstrdup(k.v[i]);
		}
	}
	for (size_t j = 0; j < r->n; j++)
		if (!taken[j])
			*push_row(&sorted, &cap) = r->rows[j];
	free(r->rows);
	r->rows = sorted.rows;
	r->n = sorted.n;
	free(taken);
	free(k.v);
}

/*
 * Totals: sums of the rows, except that a meeting counts once. Meetings
 * belong to one caseworker, type and case, so there the rows' sum is right;
 * a meeting spans several sections and items, so those count it apart.
 */

static enum sam_status count_meetings(sqlite3 *db, const struct report_query *q, int *n)
{
	struct strbuf sql = { 0 };
	sqlite3_stmt *stmt = NULL;
	enum sam_status st;

	strbuf_adds(&sql, "SELECT count(*) FROM meetings m WHERE EXISTS "
		    "(SELECT 1 FROM meeting_items mi WHERE mi.meeting_id = m.id)");
	add_selection(&sql, q);
	st = prepare(db, strbuf_str(&sql), q, NULL, NULL, &stmt);
	if (st == SAM_OK) {
		if (sqlite3_step(stmt) == SQLITE_ROW)
			*n = sqlite3_column_int(stmt, 0);
		else
			st = db_error(db);
	}
	sqlite3_finalize(stmt);
	strbuf_free(&sql);
	return st;
}

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
			return sam_fail(SAM_ERR_INVALID, tr("ugyldig dato '%s' (brug ÅÅÅÅ-MM-DD)",
							    "invalid date '%s' (use YYYY-MM-DD)"),
					dates[i]);
	if ((unsigned)q->by >= ARRAY_SIZE(by_names))
		return sam_fail(SAM_ERR_INVALID, "%s", tr("ukendt gruppering", "unknown grouping"));
	return SAM_OK;
}

enum sam_status report_run(struct store *st, const struct content_guide *g,
			   const struct report_query *q, struct report *out)
{
	sqlite3 *db = store_sqlite(st);
	sam_date today, cutoff;
	long days;
	enum sam_status rc;

	memset(out, 0, sizeof(*out));
	out->by = q->by;
	if ((rc = check_query(q)) != SAM_OK)
		return rc;
	if (q->today)
		memcpy(today, q->today, sizeof(today));
	else
		date_today(today);
	date_to_days(today, &days);
	date_from_days(days - (q->stale_days > 0 ? q->stale_days : 0), cutoff);

	rc = fetch_rows(db, q, today, cutoff, out);
	if (rc == SAM_OK && g && (q->by == REPORT_BY_SECTION || q->by == REPORT_BY_ITEM ||
				  q->by == REPORT_BY_TYPE))
		order_by_content(g, q, out);
	if (rc == SAM_OK)
		sum_rows(out);
	if (rc == SAM_OK && (q->by == REPORT_BY_SECTION || q->by == REPORT_BY_ITEM))
		rc = count_meetings(db, q, &out->total.meetings);
	if (rc != SAM_OK)
		report_free(out);
	return rc;
}

void report_free(struct report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->rows[i].key);
		free(r->rows[i].last_meeting);
	}
	free(r->rows);
	free(r->total.last_meeting);
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
