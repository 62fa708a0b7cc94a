#include "samtale/store.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"
#include "store_int.h"

/*
 * Store: the report's counts. The selection of meetings is a WHERE clause
 * on "m" with only the filters given, so that SQLite can use meetings(date)
 * for a period; values are bound by name.
 *
 * The counts come from section_counts, a row per meeting and section
 * (a quarter of the checklist's rows, and no join to read a state), unless
 * single items are counted or chosen: then from the checklist. Either is
 * "c", with c.meeting_id, and the sums of SUMS.
 */

#define SUMS_OF_COUNTS "sum(c.done), sum(c.open), sum(c.not_relevant)"
#define SUMS_OF_CHECKLIST \
	SQL_COUNT("c.state", SQL_DONE) ", " SQL_COUNT("c.state", SQL_OPEN) ", " \
	SQL_COUNT("c.state", SQL_NOT_RELEVANT)

static bool by_items(enum store_count_key key, const struct store_count_filter *f)
{
	return key == COUNT_BY_ITEM || f->items;
}

/* FROM c, with the item key as ci.key (items only) and, when sections,
 * the section key as cs.key. */
static void add_source(struct strbuf *sb, bool items, bool sections)
{
	if (items)
		strbuf_adds(sb, " FROM checklist c" CHECKLIST_JOIN("c"));
	else
		strbuf_adds(sb, sections ? " FROM section_counts c JOIN section_keys cs ON cs.id = c.section"
					 : " FROM section_counts c");
}

static const char *sums(bool items)
{
	return items ? SUMS_OF_CHECKLIST : SUMS_OF_COUNTS;
}

static void add_selection(struct strbuf *sb, const struct store_count_filter *f)
{
	if (f->from)
		strbuf_adds(sb, " AND m.date >= :from");
	if (f->to)
		strbuf_adds(sb, " AND m.date <= :to");
	if (f->caseworker)
		strbuf_adds(sb, " AND m.caseworker = :caseworker");
	if (f->type)
		strbuf_adds(sb, " AND m.type = :type");
}

/* On the checklist: the items counted. */
static void add_items(struct strbuf *sb, const struct store_count_filter *f)
{
	if (f->items)
		strbuf_adds(sb, " AND instr(:items, ',' || ci.key || ',') > 0");
}

static bool has_selection(const struct store_count_filter *f)
{
	return f->from || f->to || f->caseworker || f->type;
}

static void bind_name(struct db_stmt *stmt, const char *name, const char *value)
{
	int i = db_param_index(stmt, name);

	if (i && value)
		db_bind_str(stmt, i, value);
}

static void bind_selection(struct db_stmt *stmt, const struct store_count_filter *f)
{
	bind_name(stmt, ":from", f->from);
	bind_name(stmt, ":to", f->to);
	bind_name(stmt, ":caseworker", f->caseworker);
	bind_name(stmt, ":type", f->type);
	bind_name(stmt, ":items", f->items);
}

/* The grouping column of each key, on the source or meetings "m"; section
 * and item need the meetings only to select or split. */
static const char *key_column(enum store_count_key key)
{
	switch (key) {
	case COUNT_BY_SECTION: return "cs.key";
	case COUNT_BY_ITEM: return "ci.key";
	case COUNT_BY_CASEWORKER: return "m.caseworker";
	case COUNT_BY_TYPE: return "m.type";
	case COUNT_BY_MONTH: return "substr(m.date, 1, 7)";
	}
	return "NULL";
}

static void build_counts_sql(struct strbuf *sb, enum store_count_key key, bool split,
			     const struct store_count_filter *f)
{
	const char *col = key_column(key);
	const char *by = split ? ", m.caseworker" : "";
	bool items = by_items(key, f);

	/* A meeting has one row per section in section_counts. */
	strbuf_addf(sb, "SELECT %s%s, %s, %s", col, split ? by : ", NULL",
		    key == COUNT_BY_SECTION && !items ? "count(*)" : "count(DISTINCT c.meeting_id)",
		    sums(items));
	add_source(sb, items, key == COUNT_BY_SECTION);
	if ((key != COUNT_BY_SECTION && key != COUNT_BY_ITEM) || split || has_selection(f))
		strbuf_adds(sb, " JOIN meetings m ON m.id = c.meeting_id");
	strbuf_adds(sb, " WHERE 1 = 1" MEETING_SHOWN("c.meeting_id"));
	add_selection(sb, f);
	add_items(sb, f);
	strbuf_addf(sb, " GROUP BY %s%s ORDER BY %s%s", col, by, col, by);
}

enum sam_status store_count_items(struct store *st, enum store_count_key key, bool split,
				  const struct store_count_filter *f, struct store_counts *out)
{
	struct strbuf sql = { 0 };
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	build_counts_sql(&sql, key, split, f);
	status = db_prepare(st, strbuf_str(&sql), &stmt);
	strbuf_free(&sql);
	if (status != SAM_OK)
		return status;
	bind_selection(stmt, f);
	while ((rc = db_step(stmt)) == DB_ROW) {
		struct store_count *c;

		out->v = array_grow(out->v, out->n, &cap, sizeof(*out->v));
		c = &out->v[out->n++];
		c->key = db_col_str(stmt, 0);
		c->caseworker = db_col_str(stmt, 1);
		c->meetings = (int)db_col_int(stmt, 2);
		c->done = (int)db_col_int(stmt, 3);
		c->open = (int)db_col_int(stmt, 4);
		c->not_relevant = (int)db_col_int(stmt, 5);
	}
	status = rc == DB_DONE ? SAM_OK : db_error(st, rc);
	db_finalize(stmt);
	if (status != SAM_OK)
		store_counts_free(out);
	return status;
}

enum sam_status store_count_meetings(struct store *st, const struct store_count_filter *f,
				     int *n)
{
	struct strbuf sql = { 0 };
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	int rc;

	strbuf_adds(&sql, "SELECT count(*) FROM meetings m WHERE EXISTS (SELECT 1");
	add_source(&sql, f->items, false);
	strbuf_adds(&sql, " WHERE c.meeting_id = m.id");
	add_items(&sql, f);
	strbuf_adds(&sql, ")" CASE_SHOWN("m.case_id"));
	add_selection(&sql, f);
	status = db_prepare(st, strbuf_str(&sql), &stmt);
	strbuf_free(&sql);
	if (status != SAM_OK)
		return status;
	bind_selection(stmt, f);
	if ((rc = db_step(stmt)) == DB_ROW)
		*n = (int)db_col_int(stmt, 0);
	else
		status = db_error(st, rc);
	db_finalize(stmt);
	return status;
}

void store_counts_free(struct store_counts *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].key);
		free(c->v[i].caseworker);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

/*
 * Cases: the selection's counts beside what the case is now.
 */

enum sam_status store_case_statuses(struct store *st, const struct store_count_filter *sel,
				    const struct store_case_filter *cf,
				    struct store_case_statuses *out)
{
	struct strbuf sql = { 0 };
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	strbuf_addf(&sql, "WITH a (case_id, meetings, done, open, nr) AS (SELECT m.case_id, count(DISTINCT m.id), %s",
		    sums(sel->items));
	add_source(&sql, sel->items, false);
	strbuf_adds(&sql, " JOIN meetings m ON m.id = c.meeting_id WHERE 1 = 1");
	add_selection(&sql, sel);
	add_items(&sql, sel);
	strbuf_adds(&sql, " GROUP BY m.case_id), "
		    "c AS (SELECT id, ref, opened, closed, caseworker, last_meeting AS last FROM cases "
		    "WHERE 1 = 1" CASE_SHOWN("cases.id") ") "
		    "SELECT c.ref, c.caseworker, c.opened, c.last, coalesce(a.meetings, 0), "
		    "coalesce(a.done, 0), coalesce(a.open, 0), coalesce(a.nr, 0), "
		    "(SELECT count(*) FROM followups f WHERE f.case_id = c.id AND +f.done = 0), "
		    "(SELECT count(*) FROM followups f WHERE f.case_id = c.id AND +f.done = 0 "
		    "AND f.due < :today) FROM c ");
	if (cf->quiet_since) {
		strbuf_adds(&sql, "LEFT JOIN a ON a.case_id = c.id WHERE c.closed IS NULL "
			    "AND coalesce(c.last, c.opened) <= :quiet");
		if (cf->caseworker)
			strbuf_adds(&sql, " AND c.caseworker = :case_caseworker");
	} else {
		strbuf_adds(&sql, "JOIN a ON a.case_id = c.id");
	}
	strbuf_adds(&sql, " ORDER BY c.ref");
	status = db_prepare(st, strbuf_str(&sql), &stmt);
	strbuf_free(&sql);
	if (status != SAM_OK)
		return status;
	bind_selection(stmt, sel);
	bind_name(stmt, ":today", cf->today);
	bind_name(stmt, ":quiet", cf->quiet_since);
	bind_name(stmt, ":case_caseworker", cf->caseworker);
	while ((rc = db_step(stmt)) == DB_ROW) {
		struct store_case_status *c;

		out->v = array_grow(out->v, out->n, &cap, sizeof(*out->v));
		c = &out->v[out->n++];
		c->ref = db_col_str(stmt, 0);
		c->caseworker = db_col_str(stmt, 1);
		c->opened = db_col_str(stmt, 2);
		c->last_meeting = db_col_str(stmt, 3);
		c->meetings = (int)db_col_int(stmt, 4);
		c->done = (int)db_col_int(stmt, 5);
		c->open = (int)db_col_int(stmt, 6);
		c->not_relevant = (int)db_col_int(stmt, 7);
		c->followups_open = (int)db_col_int(stmt, 8);
		c->followups_overdue = (int)db_col_int(stmt, 9);
	}
	status = rc == DB_DONE ? SAM_OK : db_error(st, rc);
	db_finalize(stmt);
	if (status != SAM_OK)
		store_case_statuses_free(out);
	return status;
}

void store_case_statuses_free(struct store_case_statuses *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].ref);
		free(c->v[i].caseworker);
		free(c->v[i].opened);
		free(c->v[i].last_meeting);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

/*
 * Caseworkers: what waits on each of them.
 */

enum sam_status store_caseworker_statuses(struct store *st, const char *today,
					  const char *quiet_since, const char *caseworker,
					  struct store_caseworker_statuses *out)
{
	struct strbuf sql = { 0 };
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	strbuf_adds(&sql, "SELECT name, sum(overdue), sum(stale) FROM ("
		    "SELECT f.assignee AS name, count(*) AS overdue, 0 AS stale FROM followups f "
		    "WHERE f.done = 0 AND f.due < :today" CASE_SHOWN("f.case_id"));
	if (caseworker)
		strbuf_adds(&sql, " AND f.assignee = :caseworker");
	strbuf_adds(&sql, " GROUP BY f.assignee UNION ALL "
		    "SELECT c.caseworker, 0, count(*) FROM cases c WHERE c.closed IS NULL" CASE_SHOWN("c.id")
		    " "
		    "AND coalesce(c.last_meeting, c.opened) <= :quiet");
	if (caseworker)
		strbuf_adds(&sql, " AND c.caseworker = :caseworker");
	strbuf_adds(&sql, " GROUP BY c.caseworker) per_person GROUP BY name ORDER BY name");
	status = db_prepare(st, strbuf_str(&sql), &stmt);
	strbuf_free(&sql);
	if (status != SAM_OK)
		return status;
	bind_name(stmt, ":today", today);
	bind_name(stmt, ":quiet", quiet_since);
	bind_name(stmt, ":caseworker", caseworker);
	while ((rc = db_step(stmt)) == DB_ROW) {
		struct store_caseworker_status *c;

		out->v = array_grow(out->v, out->n, &cap, sizeof(*out->v));
		c = &out->v[out->n++];
		c->name = db_col_str(stmt, 0);
		c->followups_overdue = (int)db_col_int(stmt, 1);
		c->cases_stale = (int)db_col_int(stmt, 2);
	}
	status = rc == DB_DONE ? SAM_OK : db_error(st, rc);
	db_finalize(stmt);
	if (status != SAM_OK)
		store_caseworker_statuses_free(out);
	return status;
}

void store_caseworker_statuses_free(struct store_caseworker_statuses *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].name);
	free(c->v);
	memset(c, 0, sizeof(*c));
}
