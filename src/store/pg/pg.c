#include <errno.h>
#include <inttypes.h>
#include <libpq-fe.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "../store_int.h"
#include "pg_int.h"
#include "samtale/util.h"

/*
 * The PostgreSQL engine: a municipality's server, shared by its teams
 * (SPEC §5, "Beyond one machine"), through libpq.
 *
 * A statement runs on its first step, with its parameters sent apart from
 * its text (PQexecParams), and its rows are then handed out one by one. A
 * statement run a second time is prepared on the server (PQprepare), so
 * that the import's half a million checklist rows are parsed, rewritten
 * for row-level security and planned once, not once each. A
 * write transaction is READ COMMITTED, and every change in it is logged
 * with a digest of what the server answered: when the server gives up on
 * the transaction (a deadlock, a serialization failure, a connection lost
 * and reset), it is run again from the log, and goes on as if nothing had
 * happened when every statement answers as before. Only when an answer
 * differs does the caller hear that the database was busy.
 */

/* Error codes of this engine (struct engine_ops.error). */
enum {
	PGE_FAILED = 1,		/* the server refused; its SQLSTATE is in the store */
	PGE_LOST,		/* the connection is gone and could not be made again */
	PGE_BUSY,		/* a transaction lost to another, and its rerun differed */
	PGE_BADSQL,		/* a parameter numbered 0 or too high: a mistake in samtale */
	PGE_UNSURE,		/* the connection went during COMMIT */
};

#define INT8_OID 20
#define TEXT_OID 25

/* How often a statement outside a transaction, or a transaction from its
 * log, is run again before the caller hears of it. */
#define RETRIES 8
/* Past this, a transaction keeps no log: its rerun would hold a second
 * copy of what it wrote in memory (bulk work keeps none, pg_bulk_mode). */
#define LOG_MAX_BYTES (64u << 20)
/* The longest a change waits for a row another one holds: past any load,
 * as the SQLite engine waits for its write lock. */
#define LOCK_TIMEOUT "15min"
/* The advisory lock that one migration at a time holds: "SAMT". */
#define MIGRATE_LOCK "1396788564"

/* The variants of one statement the server keeps prepared: one per set of
 * NULL parameters (each becomes a different text, pg_sql_with_nulls). */
#define PREPARED_VARIANTS 4
/* Statements with more parameters than a mask holds are never prepared. */
#define PREPARED_MAX_PARAMS 64

/* A statement of the open transaction, to run again (n < 0: PQexec). */
struct logged {
	char *sql;
	int n;
	char **values;
	Oid *types;
	uint64_t digest;
};

struct pg_store {
	struct store base;
	PGconn *conn;
	/* A transaction is open on the server, as it said after the last
	 * statement (a lost connection says nothing), begun by begin_sql. */
	bool tx;
	char *begin_sql;
	int64_t changes;
	/* The last failure, for error(): its SQLSTATE and what may be said of
	 * it (a constraint's name, or for a mistake in samtale's SQL the
	 * server's words), never a value. */
	char sqlstate[6];
	char *what;
	struct logged *log;
	size_t nlog, log_cap, log_bytes;
	bool log_off;		/* too big to keep, or bulk work: no rerun */
	bool bulk;		/* pg_bulk_mode */
	/* Prepared statements live as long as the connection: a reset makes
	 * a new generation, and those of the old one are gone with it. */
	unsigned generation;
	unsigned prepared_count;	/* for their names */
	struct strbuf deallocate;	/* "DEALLOCATE s1;" of finalized ones */
};

/* A statement as sent: its text with its parameters, or (name) the
 * server's prepared copy of that text. n < 0: one or more statements
 * without parameters (PQexec). */
struct call {
	const char *sql;
	const char *name;
	int n;
	char **values;
	Oid *types;
};

struct prepared {
	uint64_t nulls;		/* which parameters were NULL */
	uint64_t types;		/* a digest of the others' types */
	unsigned generation;
	char name[24];
};

struct pg_stmt {
	struct db_stmt base;
	struct pg_sql q;
	char **values;		/* [nparams], NULL = SQL NULL */
	Oid *types;
	PGresult *res;		/* NULL until the first step */
	int row;		/* the row the columns read */
	uint64_t last_nulls, last_types;	/* the shape it was last run with */
	bool ran;
	struct prepared prepared[PREPARED_VARIANTS];
	unsigned nprepared;	/* made so far; past PREPARED_VARIANTS, replaced in turn */
};

static struct pg_store *pgs(struct store *st)
{
	return (struct pg_store *)st;
}

static struct pg_stmt *pgst(struct db_stmt *s)
{
	return (struct pg_stmt *)s;
}

/*
 * Results and their failures
 */

static bool result_ok(const PGresult *res)
{
	ExecStatusType t = PQresultStatus(res);

	return t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK || t == PGRES_EMPTY_QUERY;
}

static const char *state_of(const PGresult *res)
{
	const char *s = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

	return s ? s : "";
}

/* The server gave up on the transaction for another's sake: running it
 * again is the remedy. */
static bool lost_to_another(const PGresult *res)
{
	const char *s = state_of(res);

	return !strcmp(s, "40001") || !strcmp(s, "40P01");
}

static bool connection_gone(struct pg_store *ps)
{
	return PQstatus(ps->conn) == CONNECTION_BAD;
}

/* Remembers what error() may say of a failure: the constraint, table or
 * column it names, or for the classes whose words never hold a value (a
 * statement samtale got wrong) the server's primary message. */
static void remember(struct pg_store *ps, const PGresult *res)
{
	const char *state = state_of(res), *what = NULL;

	snprintf(ps->sqlstate, sizeof(ps->sqlstate), "%s", state);
	if (res && !strncmp(state, "23", 2)) {
		what = PQresultErrorField(res, PG_DIAG_CONSTRAINT_NAME);
		if (!what)
			what = PQresultErrorField(res, PG_DIAG_COLUMN_NAME);
	} else if (res && (!strncmp(state, "42", 2) || !strncmp(state, "0A", 2))) {
		what = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	} else if (!res) {
		what = PQerrorMessage(ps->conn);
	}
	free(ps->what);
	ps->what = xstrdup(what ? what : "");
	/* libpq's own messages end in a newline, and say more on the next lines. */
	ps->what[strcspn(ps->what, "\n")] = '\0';
}

/* A digest of everything the server answered, to see that a rerun got
 * the same. */
static uint64_t digest(const PGresult *res)
{
	uint64_t h = 1469598103934665603ull;
	int rows = PQntuples(res), cols = PQnfields(res);

	for (const char *p = PQcmdStatus((PGresult *)res); *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	for (int r = 0; r < rows; r++)
		for (int c = 0; c < cols; c++) {
			const char *v = PQgetvalue(res, r, c);
			int len = PQgetlength(res, r, c);

			h = (h ^ (uint64_t)(PQgetisnull(res, r, c) ? 0x100 : (unsigned)len)) *
			    1099511628211ull;
			for (int i = 0; i < len; i++)
				h = (h ^ (unsigned char)v[i]) * 1099511628211ull;
		}
	return h;
}

/*
 * Running statements
 */

/* A change in a write transaction that waits for the server (for a row
 * another transaction holds) tells the wait hook, as SQLite's busy handler
 * does, so that the screen can say that it is saving. */
#define WAIT_POLL_MS 50

static bool writing(const struct pg_store *ps)
{
	return ps->tx && ps->base.wait_fn && ps->begin_sql && !strcmp(ps->begin_sql, "BEGIN");
}

/* Waits for the answer to what was sent (telling the wait hook while a
 * change waits), and returns it: the first failure of several statements,
 * or NULL when nothing could be sent. */
static PGresult *answer(struct pg_store *ps, bool sent)
{
	int64_t start = clock_ms();
	PGresult *res = NULL, *r;
	bool waited = false;

	while (sent && PQisBusy(ps->conn)) {
		struct pollfd pfd = { .fd = PQsocket(ps->conn), .events = POLLIN };
		int ready = poll(&pfd, 1, WAIT_POLL_MS);

		if ((ready < 0 && errno != EINTR) || !PQconsumeInput(ps->conn))
			break;
		if (ready == 0 && writing(ps)) {
			waited = true;
			ps->base.wait_fn(ps->base.wait_ctx, (unsigned)(clock_ms() - start));
		}
	}
	while ((r = PQgetResult(ps->conn))) {
		if (res && !result_ok(res)) {
			PQclear(r);
			continue;
		}
		PQclear(res);
		res = r;
	}
	if (waited)
		ps->base.wait_fn(ps->base.wait_ctx, 0);
	return res;
}

/* Drops the server's copies of finalized prepared statements between
 * transactions, where a failure cannot take a transaction with it. */
static void deallocate_finalized(struct pg_store *ps)
{
	if (!ps->deallocate.len || PQtransactionStatus(ps->conn) != PQTRANS_IDLE)
		return;
	PQclear(PQexec(ps->conn, ps->deallocate.buf));
	strbuf_reset(&ps->deallocate);
}

/* As PQexec, PQexecParams and PQexecPrepared (call.name): the answer, the
 * first failure of several statements, or NULL when nothing could be
 * sent. */
static PGresult *send(struct pg_store *ps, const struct call *c)
{
	const char *const *values = (const char *const *)c->values;
	bool sent;

	deallocate_finalized(ps);
	if (c->n < 0)
		sent = PQsendQuery(ps->conn, c->sql);
	else if (c->name)
		sent = PQsendQueryPrepared(ps->conn, c->name, c->n, values, NULL, NULL, 0);
	else
		sent = PQsendQueryParams(ps->conn, c->sql, c->n, c->types, values, NULL, NULL, 0);
	return answer(ps, sent);
}

static void log_free(struct pg_store *ps)
{
	for (size_t i = 0; i < ps->nlog; i++) {
		struct logged *l = &ps->log[i];

		for (int k = 0; k < l->n; k++)
			free(l->values[k]);
		free(l->values);
		free(l->types);
		free(l->sql);
	}
	ps->nlog = 0;
	ps->log_bytes = 0;
	ps->log_off = false;
}

/* Logs a statement of the transaction as text: a rerun after a reset has
 * none of the prepared ones. */
static void log_add(struct pg_store *ps, const struct call *c, const PGresult *res)
{
	const char *sql = c->sql;
	int n = c->n;
	char **values = c->values;
	Oid *types = c->types;
	struct logged *l;

	if (ps->log_off)
		return;
	ps->log_bytes += strlen(sql);
	for (int k = 0; k < n; k++)
		ps->log_bytes += values[k] ? strlen(values[k]) : 0;
	if (ps->bulk || ps->log_bytes > LOG_MAX_BYTES) {
		log_free(ps);
		ps->log_off = true;
		return;
	}
	ps->log = array_grow(ps->log, ps->nlog, &ps->log_cap, sizeof(*ps->log));
	l = &ps->log[ps->nlog++];
	l->sql = xstrdup(sql);
	l->n = n;
	l->values = n > 0 ? xcalloc((size_t)n, sizeof(*l->values)) : NULL;
	l->types = n > 0 ? xcalloc((size_t)n, sizeof(*l->types)) : NULL;
	for (int k = 0; k < n; k++) {
		l->values[k] = xstrdup(values[k]);
		l->types[k] = types[k];
	}
	l->digest = digest(res);
}

/* Makes the connection again after the server or the network dropped it;
 * the session's settings are in its parameters (pg_open). */
static bool reconnect(struct pg_store *ps)
{
	PQreset(ps->conn);
	ps->generation++;
	strbuf_reset(&ps->deallocate);
	return !connection_gone(ps);
}

/* Runs the open transaction again from its log, after the server rolled
 * it back: true when every statement answered as the first time. */
static bool rerun(struct pg_store *ps)
{
	PGresult *res;
	bool same;

	if (ps->log_off)
		return false;
	if (connection_gone(ps))
		reconnect(ps);
	else
		PQclear(PQexec(ps->conn, "ROLLBACK"));
	res = PQexec(ps->conn, ps->begin_sql);
	same = result_ok(res);
	PQclear(res);
	for (size_t i = 0; same && i < ps->nlog; i++) {
		struct logged *l = &ps->log[i];

		res = send(ps, &(struct call){ l->sql, NULL, l->n, l->values, l->types });
		same = result_ok(res) && digest(res) == l->digest;
		PQclear(res);
	}
	return same;
}

/* Follows the transaction the server says is open: a statement in one is
 * logged, the one that begins it is remembered. */
static void track(struct pg_store *ps, const struct call *c, const PGresult *res)
{
	bool now = PQtransactionStatus(ps->conn) == PQTRANS_INTRANS;

	if (ps->tx && now) {
		log_add(ps, c, res);
	} else {
		log_free(ps);
		free(ps->begin_sql);
		ps->begin_sql = now ? xstrdup(c->sql) : NULL;
	}
	ps->tx = now;
}

/* Runs one statement. Outside a transaction a deadlock or a serialization
 * failure runs it again, and a lost connection is made again once; inside
 * one, the transaction is run again from its log (rerun). *rc is 0 or the
 * failure's code, and the result (NULL on failure) is the caller's. A
 * prepared statement is sent as text once a reset has taken it away. */
static PGresult *run(struct pg_store *ps, struct call c, int *rc)
{
	unsigned generation = ps->generation;
	bool reset = false;

	for (int attempt = 0;; attempt++) {
		PGresult *res;

		if (ps->generation != generation)
			c.name = NULL;
		res = send(ps, &c);
		if (result_ok(res)) {
			track(ps, &c, res);
			*rc = 0;
			return res;
		}
		if (connection_gone(ps) && !ps->tx) {
			PQclear(res);
			if (reset || !(reset = true, reconnect(ps))) {
				remember(ps, NULL);
				*rc = PGE_LOST;
				return NULL;
			}
			continue;
		}
		if (attempt < RETRIES && (lost_to_another(res) || (ps->tx && connection_gone(ps)))) {
			bool gone = connection_gone(ps);

			PQclear(res);
			sleep_ms(1u << (attempt < 6 ? attempt : 6));
			if (!ps->tx || rerun(ps))
				continue;
			*rc = gone && connection_gone(ps) ? PGE_LOST : PGE_BUSY;
			remember(ps, NULL);
			return NULL;
		}
		remember(ps, res);
		*rc = connection_gone(ps) ? PGE_LOST : PGE_FAILED;
		PQclear(res);
		return NULL;
	}
}

static bool changes_rows(const PGresult *res)
{
	const char *s = PQcmdStatus((PGresult *)res);

	return !strncmp(s, "INSERT ", 7) || !strncmp(s, "UPDATE ", 7) || !strncmp(s, "DELETE ", 7) ||
	       !strncmp(s, "MERGE ", 6);
}

/*
 * Statements (engine_ops)
 */

static int pg_prepare(struct store *st, const char *sql, struct db_stmt **out)
{
	struct pg_stmt *s = xcalloc(1, sizeof(*s));

	*out = NULL;
	if (!pg_sql_rewrite(sql, &s->q)) {
		free(s);
		snprintf(pgs(st)->sqlstate, sizeof(pgs(st)->sqlstate), "%s", "");
		return PGE_BADSQL;
	}
	s->base.ops = &pg_engine;
	s->base.st = st;
	s->values = xcalloc((size_t)s->q.nparams + 1, sizeof(*s->values));
	s->types = xcalloc((size_t)s->q.nparams + 1, sizeof(*s->types));
	s->row = -1;
	*out = &s->base;
	return 0;
}

static int pg_exec(struct store *st, const char *sql)
{
	int rc;

	PQclear(run(pgs(st), (struct call){ .sql = sql, .n = -1 }, &rc));
	return rc;
}

/* The $k that SQLite's number idx became, or -1 when the statement does not
 * use it (then the value goes nowhere). */
static int slot(struct pg_stmt *s, int idx)
{
	return idx >= 1 && idx <= s->q.maxidx && s->q.map[idx] ? s->q.map[idx] - 1 : -1;
}

/* Integers go as int8 and text as text. */
static void bind(struct pg_stmt *s, int idx, char *value, Oid type)
{
	int k = slot(s, idx);

	if (k < 0) {
		free(value);
		return;
	}
	free(s->values[k]);
	s->values[k] = value;
	s->types[k] = type;
}

static void pg_bind_int(struct db_stmt *s, int idx, int64_t v)
{
	bind(pgst(s), idx, xasprintf("%" PRId64, v), INT8_OID);
}

static void pg_bind_str(struct db_stmt *s, int idx, const char *v)
{
	bind(pgst(s), idx, xstrdup(v), TEXT_OID);
}

static void forget_prepared(struct pg_store *ps, const struct prepared *v)
{
	if (v->generation == ps->generation)
		strbuf_addf(&ps->deallocate, "DEALLOCATE %s;", v->name);
}

/* The name of the server's prepared copy of call's text, made now if need
 * be, or NULL to send the text: a statement is prepared when it runs a
 * second time in a row with the same NULLs and types, never for too many
 * parameters, and not after a failure to prepare it. */
static const char *prepared_name(struct pg_stmt *p, struct call *c, uint64_t nulls)
{
	struct pg_store *ps = pgs(p->base.st);
	uint64_t types = 1469598103934665603ull;
	struct prepared *v;
	PGresult *res;
	bool again, ok;

	if (p->q.nparams > PREPARED_MAX_PARAMS)
		return NULL;
	for (int k = 0; k < c->n; k++)
		types = (types ^ c->types[k]) * 1099511628211ull;
	again = p->ran && p->last_nulls == nulls && p->last_types == types;
	p->ran = true;
	p->last_nulls = nulls;
	p->last_types = types;
	for (unsigned i = 0; i < p->nprepared && i < PREPARED_VARIANTS; i++) {
		v = &p->prepared[i];
		if (v->nulls == nulls && v->types == types && v->generation == ps->generation)
			return v->name;
	}
	if (!again)
		return NULL;
	v = &p->prepared[p->nprepared++ % PREPARED_VARIANTS];
	if (p->nprepared > PREPARED_VARIANTS)
		forget_prepared(ps, v);
	*v = (struct prepared){ nulls, types, ps->generation, "" };
	snprintf(v->name, sizeof(v->name), "samtale_%u", ++ps->prepared_count);
	res = answer(ps, PQsendPrepare(ps->conn, v->name, c->sql, c->n, c->types));
	ok = result_ok(res);
	PQclear(res);
	if (!ok)
		v->generation = ps->generation - 1;	/* never matches: made again next time */
	return ok ? v->name : NULL;
}

/* Runs the statement with its values, its NULLs written into the text
 * (pg_sql_with_nulls). */
static PGresult *execute(struct pg_stmt *p, int *rc)
{
	int n = p->q.nparams, *renum = xcalloc((size_t)n + 1, sizeof(*renum)), m = 0;
	bool *is_null = xcalloc((size_t)n + 1, sizeof(*is_null));
	char **values = xcalloc((size_t)n + 1, sizeof(*values));
	Oid *types = xcalloc((size_t)n + 1, sizeof(*types));
	uint64_t nulls = 0;
	char *sql;
	PGresult *res;
	struct call c;

	for (int k = 0; k < n; k++)
		if (!(is_null[k] = !p->values[k])) {
			values[m] = p->values[k];
			types[m++] = p->types[k];
		} else if (k < 64) {
			nulls |= 1ull << k;
		}
	sql = m < n ? pg_sql_with_nulls(&p->q, is_null, renum) : NULL;
	c = (struct call){ sql ? sql : p->q.text, NULL, m, values, types };
	c.name = prepared_name(p, &c, nulls);
	res = run(pgs(p->base.st), c, rc);
	free(sql);
	free(types);
	free(values);
	free(is_null);
	free(renum);
	return res;
}

static int pg_step(struct db_stmt *s)
{
	struct pg_stmt *p = pgst(s);
	struct pg_store *ps = pgs(s->st);
	int rc;

	if (!p->res) {
		p->res = execute(p, &rc);
		if (!p->res)
			return rc;
		if (changes_rows(p->res))
			ps->changes = strtoll(PQcmdTuples(p->res), NULL, 10);
		p->row = -1;
	}
	if (p->row + 1 < PQntuples(p->res)) {
		p->row++;
		return DB_ROW;
	}
	p->row = PQntuples(p->res);
	return DB_DONE;
}

static bool has_cell(struct pg_stmt *p, int col)
{
	return p->res && p->row >= 0 && p->row < PQntuples(p->res) && col >= 0 &&
	       col < PQnfields(p->res) && !PQgetisnull(p->res, p->row, col);
}

/* A boolean comes back as 1 or 0, as SQLite gives a comparison. */
static int64_t pg_col_int(struct db_stmt *s, int col)
{
	struct pg_stmt *p = pgst(s);
	const char *v;

	if (!has_cell(p, col))
		return 0;
	v = PQgetvalue(p->res, p->row, col);
	if (!strcmp(v, "t") || !strcmp(v, "f"))
		return v[0] == 't';
	return strtoll(v, NULL, 10);
}

static const char *pg_col_text(struct db_stmt *s, int col)
{
	struct pg_stmt *p = pgst(s);

	return has_cell(p, col) ? PQgetvalue(p->res, p->row, col) : NULL;
}

static int pg_col_count(struct db_stmt *s)
{
	struct pg_stmt *p = pgst(s);

	return p->res ? PQnfields(p->res) : 0;
}

static int pg_param_index(struct db_stmt *s, const char *name)
{
	return pg_sql_param_index(&pgst(s)->q, name);
}

/* The next step runs the statement again, with the values bound so far. */
static void pg_reset(struct db_stmt *s)
{
	struct pg_stmt *p = pgst(s);

	PQclear(p->res);
	p->res = NULL;
	p->row = -1;
}

static void pg_clear_bindings(struct db_stmt *s)
{
	struct pg_stmt *p = pgst(s);

	for (int k = 0; k < p->q.nparams; k++) {
		free(p->values[k]);
		p->values[k] = NULL;
	}
}

static void pg_finalize(struct db_stmt *s)
{
	struct pg_stmt *p = pgst(s);

	if (!p)
		return;
	for (unsigned i = 0; i < p->nprepared && i < PREPARED_VARIANTS; i++)
		forget_prepared(pgs(s->st), &p->prepared[i]);
	PQclear(p->res);
	for (int k = 0; k < p->q.nparams; k++)
		free(p->values[k]);
	free(p->values);
	free(p->types);
	pg_sql_free(&p->q);
	free(p);
}

static int64_t pg_changes(struct store *st)
{
	return pgs(st)->changes;
}

/*
 * What went wrong, for the user: never a value the server quotes (a
 * constraint's detail, a bad input's text), never "locked".
 */

static enum sam_status server_error(struct pg_store *ps)
{
	const char *path = ps->base.path, *s = ps->sqlstate, *role = PQuser(ps->conn);

	if (!strncmp(s, "08", 2) || !strncmp(s, "57P", 3))
		return sam_fail(SAM_ERR_IO, _("the connection to the PostgreSQL database %s was lost; "
					       "the change was not saved"), path);
	if (!strncmp(s, "40", 2) || !strcmp(s, "55P03") || !strcmp(s, "57014"))
		return sam_fail(SAM_ERR_BUSY, _("the database %s is busy elsewhere; try again in a moment"),
				path);
	if (!strncmp(s, "23", 2))
		return sam_fail(SAM_ERR_INVALID, _("the change breaks a rule of the database (%s)"),
				ps->what);
	if (!strcmp(s, "42501"))
		return sam_fail(SAM_ERR_IO, _("the database %s does not let the role %s do this"), path,
				role);
	if (!strcmp(s, "SAMT1"))
		return sam_fail(SAM_ERR_INVALID, _("the role %s is in no team of the database %s; its "
						    "administrator adds it to one"), role, path);
	if (!strcmp(s, "25006"))
		return sam_fail(SAM_ERR_IO, _("the database %s is read-only; the change was not saved"),
				path);
	if (!strcmp(s, "53100"))
		return sam_fail(SAM_ERR_IO, _("the disk holding %s is full; nothing was changed"), path);
	if (!strncmp(s, "22", 2))
		return sam_fail(SAM_ERR_INVALID, _("the database %s refused a value (SQLSTATE %s)"), path,
				s);
	if (*ps->what)
		return sam_fail(SAM_ERR_DB, _("database error in %s: %s"), path, ps->what);
	return sam_fail(SAM_ERR_DB, _("database error in %s: SQLSTATE %s"), path, s);
}

static enum sam_status pg_error(struct store *st, int rc)
{
	struct pg_store *ps = pgs(st);
	const char *path = st->path;

	switch (rc) {
	case PGE_LOST:
		return sam_fail(SAM_ERR_IO, _("the connection to the PostgreSQL database %s was lost; "
					       "the change was not saved"), path);
	case PGE_UNSURE:
		return sam_fail(SAM_ERR_IO, _("the connection to the PostgreSQL database %s was lost while "
					       "the change was being saved; look whether it was"), path);
	case PGE_BUSY:
		return sam_fail(SAM_ERR_BUSY, _("the database %s is busy elsewhere; try again in a moment"),
				path);
	case PGE_BADSQL:
		return sam_fail(SAM_ERR_DB, _("database error in %s: %s"), path,
				_("a statement numbers its parameters wrongly"));
	case DB_DAMAGED:
		return sam_fail(SAM_ERR_DB, _("the database %s does not hold its rows as samtale's schema "
					       "has them; is it a samtale database?"), path);
	}
	return server_error(ps);
}

/*
 * Transactions
 */

static enum sam_status command(struct pg_store *ps, const char *sql)
{
	int rc;

	PQclear(run(ps, (struct call){ .sql = sql, .n = -1 }, &rc));
	return rc ? pg_error(&ps->base, rc) : SAM_OK;
}

static enum sam_status pg_begin(struct store *st)
{
	return command(pgs(st), "BEGIN");
}

static enum sam_status pg_begin_read(struct store *st)
{
	return command(pgs(st), "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
}

static void pg_rollback(struct store *st)
{
	struct pg_store *ps = pgs(st);

	if (PQtransactionStatus(ps->conn) != PQTRANS_IDLE && !connection_gone(ps))
		PQclear(PQexec(ps->conn, "ROLLBACK"));
	ps->tx = false;
	ps->base.erased = false;
	log_free(ps);
}

/* After an erasure: the deleted rows are gone from the tables, but not yet
 * from their files; samtale_compact (schema.c) writes the tables anew. */
static enum sam_status compact(struct pg_store *ps)
{
	PGresult *res = PQexec(ps->conn, "SELECT samtale_compact()");
	bool ok = result_ok(res);

	PQclear(res);
	if (ok)
		return SAM_OK;
	return sam_fail(SAM_ERR_PENDING,
			_("another session is using the database %s, so the erased words are still in the "
			  "table files; they are removed at the next erasure, or when an administrator runs "
			  "VACUUM FULL on the schema samtale"), ps->base.path);
}

static enum sam_status pg_commit(struct store *st)
{
	struct pg_store *ps = pgs(st);
	PGresult *res = PQexec(ps->conn, "COMMIT");
	bool ok = result_ok(res) && strcmp(PQcmdStatus(res), "ROLLBACK");
	bool erased = st->erased;
	int rc = PGE_FAILED;

	/* A COMMIT that met another's serialization failure is run again too. */
	for (int i = 0; !ok && i < RETRIES && lost_to_another(res) && rerun(ps); i++) {
		PQclear(res);
		res = PQexec(ps->conn, "COMMIT");
		ok = result_ok(res) && strcmp(PQcmdStatus(res), "ROLLBACK");
	}
	if (!ok) {
		if (connection_gone(ps))
			rc = PGE_UNSURE;
		else if (!result_ok(res))
			remember(ps, res);
		else
			rc = PGE_BUSY;	/* the server had already rolled it back */
	}
	PQclear(res);
	pg_rollback(st);
	if (!ok)
		return pg_error(st, rc);
	return erased ? compact(ps) : SAM_OK;
}

/* Bulk work is one transaction here: PostgreSQL's writers lock rows, not
 * the database, so nobody waits for it but on the cases it writes. That
 * transaction may hold a whole import, and so would its log: it keeps
 * none, so that an import holds about one case in memory. A deadlock or a
 * lost connection in it fails the batch, which is removed as on any other
 * failure. */
static void pg_bulk_mode(struct store *st, bool on)
{
	pgs(st)->bulk = on;
}

static enum sam_status pg_backup(struct store *st, const char *dest, bool force)
{
	(void)force;
	return sam_fail(SAM_ERR_INVALID,
			_("a PostgreSQL database is backed up on its server, by its operators (pg_dump, "
			  "pg_basebackup and the WAL archive), not by samtale; %s was not written (%s)"),
			dest, st->path);
}

/*
 * Checks: what the server cannot check itself, the rules of the schema
 * that an administrator could have undone by hand.
 */

static void add_problems(struct pg_store *ps, const char *sql, const char *fmt, struct strbuf *sb,
			 bool *ok)
{
	PGresult *res = PQexec(ps->conn, sql);

	for (int r = 0; result_ok(res) && r < PQntuples(res); r++) {
		strbuf_addf(sb, fmt, PQgetvalue(res, r, 0));
		strbuf_addc(sb, '\n');
		*ok = false;
	}
	PQclear(res);
}

static enum sam_status pg_check(struct store *st, bool *ok, char **report)
{
	struct pg_store *ps = pgs(st);
	struct strbuf sb = { 0 };

	/* Nothing checked before this: so far all is well. */
	if (!*report)
		*ok = true;
	strbuf_adds(&sb, *report ? *report : "");
	free(*report);
	add_problems(ps, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
		     " WHERE n.nspname = '" PG_SCHEMA "' AND c.relkind = 'r'"
		     " AND c.relname NOT IN ('samtale_schema', 'teams')"
		     " AND NOT (c.relrowsecurity AND c.relforcerowsecurity) ORDER BY 1",
		     _("row-level security is off for the table %s"), &sb, ok);
	add_problems(ps, "SELECT name FROM teams WHERE name NOT IN (SELECT rolname FROM pg_roles)"
		     " ORDER BY 1", _("the team %s has no role: nobody sees its cases"), &sb, ok);
	add_problems(ps, pg_missing_triggers,
		     _("the trigger %s is missing or disabled: the ids and counts it keeps go out of step "
		       "until an administrator restores it"), &sb, ok);
	*report = strbuf_detach(&sb);
	return SAM_OK;
}

/*
 * Opening and migrating
 */

/* The URI without its password, for messages: the user's part of
 * "postgresql://user:secret@host/db" and a password=... parameter go. */
static char *without_password(const char *uri)
{
	struct strbuf sb = { 0 };
	const char *auth = strstr(uri, "://"), *end, *at, *colon, *q;

	auth = auth ? auth + 3 : uri;
	end = auth + strcspn(auth, "/?");
	at = memchr(auth, '@', (size_t)(end - auth));
	colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (colon) {
		strbuf_add(&sb, uri, (size_t)(colon - uri));
		strbuf_adds(&sb, at);
	} else {
		strbuf_adds(&sb, uri);
	}
	q = strchr(strbuf_str(&sb), '?');
	if (q) {
		char *params = xstrdup(q + 1), *save = NULL, *kv;
		size_t keep = (size_t)(q - strbuf_str(&sb)) + 1;
		bool first = true;

		sb.len = keep;
		sb.buf[keep] = '\0';
		for (kv = strtok_r(params, "&", &save); kv; kv = strtok_r(NULL, "&", &save))
			if (strncmp(kv, "password=", 9)) {
				strbuf_addf(&sb, "%s%s", first ? "" : "&", kv);
				first = false;
			}
		if (first)
			sb.buf[--sb.len] = '\0';
		free(params);
	}
	return strbuf_detach(&sb);
}

/* The connection, with the settings that make values come back as SQLite
 * gives them: ISO dates, UTC, UTF-8, and samtale's schema first. They are
 * connection parameters, so that a reset connection has them again. No
 * JIT: compiling a report's plan took the server longer (1.5 s on two
 * cores) than running it through the row-level policies. */
static PGconn *connect_to(const char *target)
{
	static const char *const keys[] = { "dbname", "client_encoding", "options", "application_name",
					     NULL };
	const char *values[] = { target, "UTF8",
				 "-c DateStyle=ISO,YMD -c TimeZone=UTC -c IntervalStyle=iso_8601"
				 " -c search_path=" PG_SCHEMA ",pg_catalog -c lock_timeout=" LOCK_TIMEOUT
				 " -c jit=off",
				 "samtale", NULL };

	return PQconnectdbParams(keys, values, 1);
}

/* The server's notices (a WARNING, a NOTICE) are no message for the user,
 * and libpq would print them raw to stderr. */
static void quiet(void *ctx, const char *message)
{
	(void)ctx;
	(void)message;
}

/* One value of the first row, or -1 when there is none (or NULL). */
static int64_t query_int(struct pg_store *ps, const char *sql, bool *failed)
{
	PGresult *res = PQexec(ps->conn, sql);
	int64_t v = -1;

	*failed = !result_ok(res);
	if (*failed)
		remember(ps, res);
	else if (PQntuples(res) > 0 && !PQgetisnull(res, 0, 0))
		v = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return v;
}

/* The schema's version into *v: 0 when there is no schema. One that the
 * row holds as 0 or less (or no row at all: 0), crafted or damaged, names
 * no migration and is refused, as SQLite's header is. */
static enum sam_status schema_version(struct pg_store *ps, int64_t *v)
{
	bool failed;
	int64_t there = query_int(ps, "SELECT (to_regclass('" PG_SCHEMA ".samtale_schema')"
				  " IS NOT NULL)::int", &failed);

	*v = 0;
	if (!failed && there == 1)
		*v = query_int(ps, "SELECT coalesce(min(version), 0) FROM " PG_SCHEMA ".samtale_schema",
			       &failed);
	if (failed && !strcmp(ps->sqlstate, "42501"))
		return sam_fail(SAM_ERR_IO, _("the role %s may not use the samtale schema in %s; its "
					       "administrator makes it a caseworker, team lead or "
					       "data-protection role"), PQuser(ps->conn), ps->base.path);
	if (failed)
		return server_error(ps);
	if (*v > pg_schema_version)
		return schema_newer(&ps->base, *v, pg_schema_version);
	if (there == 1 && *v <= 0)
		return schema_unknown(&ps->base, *v);
	return SAM_OK;
}

/* Applies the migrations after from, as the role that runs it, in one
 * transaction that one process at a time holds. */
static enum sam_status migrate(struct pg_store *ps)
{
	enum sam_status status = command(ps, "BEGIN");
	int64_t from;
	char *sql;

	if (status != SAM_OK)
		return status;
	if ((status = command(ps, "SELECT pg_advisory_xact_lock(" MIGRATE_LOCK ")")) != SAM_OK)
		goto out;
	/* Another process may have migrated while this one waited. */
	if ((status = schema_version(ps, &from)) != SAM_OK || from == pg_schema_version)
		goto out;
	for (int64_t v = from; v < pg_schema_version && status == SAM_OK; v++)
		status = command(ps, pg_migrations[v]);
	if (status != SAM_OK)
		goto out;
	sql = xasprintf("RESET ROLE;"
			"UPDATE " PG_SCHEMA ".samtale_schema SET version = %d;"
			"INSERT INTO " PG_SCHEMA ".audit (at, \"user\", login, action, object_id) VALUES"
			" (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
			" current_user, current_user, '%s', %d)",
			pg_schema_version, from ? "db.migrate" : "db.create", pg_schema_version);
	status = command(ps, sql);
	free(sql);
out:
	if (status == SAM_OK)
		return pg_commit(&ps->base);
	pg_rollback(&ps->base);
	if (!strcmp(ps->sqlstate, "42501"))
		status = sam_fail(SAM_ERR_IO,
				  _("the database %s has no samtale schema of this version, and the role %s "
				    "may not make it; its administrator runs 'samtale db init' as a role "
				    "that may create roles and schemas"),
				  ps->base.path, PQuser(ps->conn));
	return status;
}

static enum sam_status prepare_schema(struct pg_store *ps, unsigned flags)
{
	int64_t v;
	enum sam_status status = schema_version(ps, &v);

	if (status != SAM_OK || v == pg_schema_version)
		return status;
	if (v == 0 && (flags & STORE_READONLY))
		return sam_fail(SAM_ERR_NOT_FOUND,
				_("there is no samtale schema in %s (create it with 'samtale db init')"),
				ps->base.path);
	return migrate(ps);
}

/* Rights are the server's: a role that may not add a case (a team lead,
 * the data-protection role) changes nothing of a caseworker's. When the
 * server cannot say, the changes themselves will. */
static bool pg_may_write(struct store *st)
{
	bool failed;
	int64_t v = query_int(pgs(st), "SELECT CASE WHEN has_table_privilege('" PG_SCHEMA ".cases', 'INSERT')"
			      " THEN 1 ELSE 0 END", &failed);

	return failed || v != 0;
}

static void pg_close(struct store *st)
{
	struct pg_store *ps = pgs(st);

	if (!ps)
		return;
	pg_rollback(st);
	PQfinish(ps->conn);
	log_free(ps);
	free(ps->log);
	free(ps->begin_sql);
	free(ps->what);
	strbuf_free(&ps->deallocate);
	store_free_common(st);
	free(ps);
}

static enum sam_status pg_open(const char *target, const char *user, unsigned flags,
			       struct store **out)
{
	struct pg_store *ps = xcalloc(1, sizeof(*ps));
	char *shown = without_password(target);
	enum sam_status status;

	*out = NULL;
	store_init_common(&ps->base, &pg_engine, shown, user, flags);
	free(shown);
	ps->what = xstrdup("");
	ps->conn = connect_to(target);
	PQsetNoticeProcessor(ps->conn, quiet, NULL);
	if (connection_gone(ps)) {
		remember(ps, NULL);
		status = sam_fail(SAM_ERR_IO, _("cannot connect to the PostgreSQL database %s: %s"),
				  ps->base.path, ps->what);
	} else {
		status = prepare_schema(ps, flags);
	}
	if (status != SAM_OK) {
		pg_close(&ps->base);
		return status;
	}
	*out = &ps->base;
	return SAM_OK;
}

__attribute__((visibility("default"))) const struct engine_ops pg_engine = {
	.name = "postgresql",
	.open = pg_open,
	.close = pg_close,
	.prepare = pg_prepare,
	.exec = pg_exec,
	.bind_int = pg_bind_int,
	.bind_str = pg_bind_str,
	.step = pg_step,
	.col_int = pg_col_int,
	.col_text = pg_col_text,
	.col_count = pg_col_count,
	.param_index = pg_param_index,
	.reset = pg_reset,
	.clear_bindings = pg_clear_bindings,
	.finalize = pg_finalize,
	.changes = pg_changes,
	.error = pg_error,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.begin_read = pg_begin_read,
	.may_write = pg_may_write,
	.bulk_in_steps = false,
	.bulk_mode = pg_bulk_mode,
	.backup = pg_backup,
	.check = pg_check,
};
