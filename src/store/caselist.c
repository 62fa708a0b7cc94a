#include "samtale/store.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"
#include "store_int.h"

/*
 * Store: the case list a page at a time
 *
 * The TUI's first screen shows some thirty cases of thousands. Reading them
 * all (with her profile text) before drawing made the first screen as slow
 * as the database was large; these queries read only the rows shown, by
 * the ref index, and count the rest without reading their text.
 */

/* A GLOB pattern that finds filter anywhere, case-folded as the TUI's
 * list filter folds: ASCII and the Latin-1 capitals (Æ, Ø, Å among them).
 * GLOB, not LIKE, because LIKE folds ASCII only and a character class
 * ("[æÆ]") is how GLOB ignores case. */
char *glob_pattern(const char *filter)
{
	struct strbuf sb = { 0 };

	strbuf_addc(&sb, '*');
	for (const unsigned char *p = (const unsigned char *)filter; *p; p++) {
		unsigned char c = *p, lo, up;

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		if (c >= 'a' && c <= 'z') {
			strbuf_addf(&sb, "[%c%c]", c, c - 32);
		} else if (c == '*' || c == '?' || c == '[') {
			strbuf_addf(&sb, "[%c]", c);
		} else if (c == 0xc3 && p[1] >= 0x80 && p[1] <= 0xbe && (p[1] & 0x1f) != 0x17 &&
			   (p[1] & 0x1f) != 0x1f) {
			lo = p[1] | 0x20;
			up = (unsigned char)(lo - 0x20);
			strbuf_addf(&sb, "[%c%c%c%c]", 0xc3, lo, 0xc3, up);
			p++;
		} else {
			strbuf_addc(&sb, (char)c);
		}
	}
	strbuf_addc(&sb, '*');
	return strbuf_detach(&sb);
}

/* The condition on cases c that every query here shares: written out
 * rather than switched by parameters, so that SQLite can choose an index
 * that fits it. Caller frees. */
static char *where(const struct case_query *q)
{
	struct strbuf sb = { 0 };

	strbuf_adds(&sb, "1 = 1" CASE_SHOWN("c.id"));
	if (!q || !q->include_closed)
		strbuf_adds(&sb, " AND c.closed IS NULL");
	if (q && q->filter && *q->filter)
		strbuf_adds(&sb, " AND (glob(:glob, c.ref) OR glob(:glob, c.initials))");
	if (q && q->caseworker)
		strbuf_adds(&sb, " AND c.caseworker = :caseworker");
	return strbuf_detach(&sb);
}

/* Prepares sql (a format with %s for the condition, n times) and binds the
 * query's filter and caseworker. */
static enum sam_status prepare(struct store *st, const struct case_query *q, const char *fmt, int n,
			       struct db_stmt **stmt)
{
	char *w = where(q);
	char *sql = n == 1 ? xasprintf(fmt, w) : xasprintf(fmt, w, w);
	enum sam_status status = db_prepare(st, sql, stmt);

	free(sql);
	free(w);
	if (status == SAM_OK && q && q->filter && *q->filter) {
		char *pattern = glob_pattern(q->filter);

		db_bind_str(*stmt, db_param_index(*stmt, ":glob"), pattern);
		free(pattern);
	}
	if (status == SAM_OK && q && q->caseworker)
		db_bind_str(*stmt, db_param_index(*stmt, ":caseworker"), q->caseworker);
	return status;
}

static enum sam_status count_of(struct store *st, struct db_stmt *stmt, size_t *n)
{
	int rc = db_step(stmt);

	if (rc != DB_ROW)
		return db_error(st, rc);
	*n = (size_t)db_col_int(stmt, 0);
	return SAM_OK;
}

enum sam_status store_case_count(struct store *st, const struct case_query *q, size_t *n)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status = prepare(st, q, "SELECT count(*) FROM cases c WHERE %s", 1, &stmt);

	*n = 0;
	if (status == SAM_OK)
		status = count_of(st, stmt, n);
	db_finalize(stmt);
	return status;
}

enum sam_status store_case_position(struct store *st, const struct case_query *q, int64_t id,
				    size_t *pos)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status = prepare(st, q,
		"SELECT (SELECT count(*) FROM cases c WHERE %s AND c.ref < s.ref),"
		" (SELECT count(*) FROM cases c WHERE %s AND c.id = s.id)"
		" FROM cases s WHERE s.id = :id", 2, &stmt);
	int rc;

	*pos = 0;
	if (status != SAM_OK)
		return status;
	db_bind_int(stmt, db_param_index(stmt, ":id"), id);
	rc = db_step(stmt);
	if (rc == DB_ROW && (int)db_col_int(stmt, 1))
		*pos = (size_t)db_col_int(stmt, 0);
	else if (rc == DB_ROW || rc == DB_DONE)
		status = SAM_ERR_NOT_FOUND;	/* not in this list: the caller keeps its place */
	else
		status = db_error(st, rc);
	db_finalize(stmt);
	return status;
}

enum sam_status store_case_rows(struct store *st, const struct case_query *q, size_t offset,
				size_t limit, struct case_rows *out)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	sam_date today;
	int rc;

	memset(out, 0, sizeof(*out));
	/* The page first, by the ref index; then, for its rows only, the open
	 * follow-ups (followups_case). */
	status = prepare(st, q,
		"WITH page AS (SELECT c.id, c.ref, c.initials, c.caseworker, c.closed, c.last_meeting"
		"  FROM cases c WHERE %s ORDER BY c.ref LIMIT :limit OFFSET :offset)"
		" SELECT p.id, p.ref, p.initials, p.caseworker, p.closed, p.last_meeting,"
		"  count(f.id), count(*) FILTER (WHERE f.due < :today)"
		" FROM page p LEFT JOIN followups f ON f.case_id = p.id AND +f.done = 0"
		" GROUP BY p.id, p.ref, p.initials, p.caseworker, p.closed, p.last_meeting"
		" ORDER BY p.ref", 1, &stmt);
	if (status != SAM_OK)
		return status;
	date_today(today);
	db_bind_str(stmt, db_param_index(stmt, ":today"), today);
	db_bind_int(stmt, db_param_index(stmt, ":limit"), (int64_t)limit);
	db_bind_int(stmt, db_param_index(stmt, ":offset"), (int64_t)offset);
	out->v = xcalloc(limit ? limit : 1, sizeof(*out->v));
	while ((rc = db_step(stmt)) == DB_ROW && out->n < limit) {
		struct case_row *r = &out->v[out->n++];

		r->id = db_col_int(stmt, 0);
		r->ref = db_col_str(stmt, 1);
		r->initials = db_col_str(stmt, 2);
		r->caseworker = db_col_str(stmt, 3);
		r->closed = db_col_str(stmt, 4);
		r->last_meeting = db_col_str(stmt, 5);
		r->followups_open = (int)db_col_int(stmt, 6);
		r->followups_overdue = (int)db_col_int(stmt, 7);
	}
	if (rc != DB_DONE && rc != DB_ROW) {
		status = db_error(st, rc);
		case_rows_free(out);
	}
	db_finalize(stmt);
	return status;
}

void case_rows_free(struct case_rows *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].ref);
		free(r->v[i].initials);
		free(r->v[i].caseworker);
		free(r->v[i].closed);
		free(r->v[i].last_meeting);
	}
	free(r->v);
	r->v = NULL;
	r->n = 0;
}
