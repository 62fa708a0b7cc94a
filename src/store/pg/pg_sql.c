#include "pg_int.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/util.h"

/*
 * The store's parameters in PostgreSQL's notation (pg_int.h). Only what
 * SQLite would read as a parameter is rewritten: not a '?' or ':' inside a
 * string literal, a quoted name or a comment, and not a "::" cast.
 */

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || (unsigned char)c >= 0x80;
}

/* Copies a quoted part from its opening quote q to its closing one (a doubled
 * quote is part of it); returns what follows. */
static const char *copy_quoted(struct strbuf *sb, const char *p, char q)
{
	const char *start = p++;

	for (; *p; p++)
		if (*p == q) {
			if (p[1] != q)
				break;
			p++;
		}
	if (*p)
		p++;
	strbuf_add(sb, start, (size_t)(p - start));
	return p;
}

static const char *copy_comment(struct strbuf *sb, const char *p)
{
	const char *end = p[0] == '-' ? strchr(p, '\n') : strstr(p + 2, "*/");

	end = end ? end + (p[0] == '-' ? 1 : 2) : p + strlen(p);
	strbuf_add(sb, p, (size_t)(end - p));
	return end;
}

/* Grows the tables of q to hold SQLite number idx. */
static void reserve(struct pg_sql *q, int idx, int *cap)
{
	if (idx < *cap)
		return;
	int n = *cap ? *cap : 16;

	while (n <= idx)
		n *= 2;
	q->map = xrealloc(q->map, (size_t)n * sizeof(*q->map));
	q->names = xrealloc(q->names, (size_t)n * sizeof(*q->names));
	memset(q->map + *cap, 0, (size_t)(n - *cap) * sizeof(*q->map));
	memset(q->names + *cap, 0, (size_t)(n - *cap) * sizeof(*q->names));
	*cap = n;
}

static int named(const struct pg_sql *q, const char *name, size_t len)
{
	for (int i = 1; i <= q->maxidx; i++)
		if (q->names[i] && strlen(q->names[i]) == len && !strncmp(q->names[i], name, len))
			return i;
	return 0;
}

/* The parameter at p ('?' or ':'), its SQLite number in *idx; returns what
 * follows it, or NULL when the number is out of range. */
static const char *parameter(struct pg_sql *q, const char *p, int *idx, int *cap)
{
	const char *s = p + 1;

	if (*p == '?' && *s >= '0' && *s <= '9') {
		long n = 0;

		for (; *s >= '0' && *s <= '9'; s++)
			if ((n = n * 10 + (*s - '0')) > PG_SQL_MAX_PARAMS)
				return NULL;
		if (n == 0)
			return NULL;
		*idx = (int)n;
	} else if (*p == '?') {
		*idx = q->maxidx + 1;
	} else {
		while (is_name_char(*s))
			s++;
		if (!(*idx = named(q, p, (size_t)(s - p)))) {
			*idx = q->maxidx + 1;
			reserve(q, *idx, cap);
			q->names[*idx] = xstrndup(p, (size_t)(s - p));
		}
	}
	if (*idx > PG_SQL_MAX_PARAMS)
		return NULL;
	reserve(q, *idx, cap);
	if (*idx > q->maxidx)
		q->maxidx = *idx;
	return s;
}

/* Writes $k and remembers where it stands. */
static void use(struct pg_sql *q, struct strbuf *sb, int k, size_t *cap)
{
	size_t at = sb->len;

	strbuf_addf(sb, "$%d", k);
	q->uses = array_grow(q->uses, q->nuses, cap, sizeof(*q->uses));
	q->uses[q->nuses++] = (struct pg_sql_use){ at, sb->len - at, k };
}

bool pg_sql_rewrite(const char *sql, struct pg_sql *out)
{
	struct strbuf sb = { 0 };
	size_t use_cap = 0;
	int cap = 0;

	memset(out, 0, sizeof(*out));
	reserve(out, 1, &cap);
	for (const char *p = sql; *p;) {
		int idx;

		if (*p == '\'' || *p == '"') {
			p = copy_quoted(&sb, p, *p);
		} else if ((p[0] == '-' && p[1] == '-') || (p[0] == '/' && p[1] == '*')) {
			p = copy_comment(&sb, p);
		} else if (p[0] == ':' && p[1] == ':') {
			strbuf_add(&sb, p, 2);
			p += 2;
		} else if (*p == '?' || (*p == ':' && is_name_char(p[1]))) {
			if (!(p = parameter(out, p, &idx, &cap))) {
				strbuf_free(&sb);
				pg_sql_free(out);
				return false;
			}
			if (!out->map[idx])
				out->map[idx] = ++out->nparams;
			use(out, &sb, out->map[idx], &use_cap);
		} else {
			strbuf_addc(&sb, *p++);
		}
	}
	out->text = strbuf_detach(&sb);
	return true;
}

void pg_sql_free(struct pg_sql *q)
{
	if (!q)
		return;
	for (int i = 1; q->names && i <= q->maxidx; i++)
		free(q->names[i]);
	free(q->names);
	free(q->map);
	free(q->uses);
	free(q->text);
	memset(q, 0, sizeof(*q));
}

int pg_sql_param_index(const struct pg_sql *q, const char *name)
{
	return name ? named(q, name, strlen(name)) : 0;
}

char *pg_sql_with_nulls(const struct pg_sql *q, const bool *is_null, int *renum)
{
	struct strbuf sb = { 0 };
	size_t from = 0;
	int n = 0;

	for (int k = 0; k < q->nparams; k++)
		renum[k] = is_null[k] ? 0 : ++n;
	for (size_t i = 0; i < q->nuses; i++) {
		const struct pg_sql_use *u = &q->uses[i];

		strbuf_add(&sb, q->text + from, u->at - from);
		if (is_null[u->k - 1])
			strbuf_adds(&sb, "NULL");
		else
			strbuf_addf(&sb, "$%d", renum[u->k - 1]);
		from = u->at + u->len;
	}
	strbuf_adds(&sb, q->text + from);
	return strbuf_detach(&sb);
}
