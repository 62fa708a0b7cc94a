#ifndef SAMTALE_TEST_DB_H
#define SAMTALE_TEST_DB_H

/*
 * The database a unit test opens: a new in-memory SQLite database, or, with
 * SAMTALE_TEST_ENGINE=pg (ctest's label pg, run inside pg_virtualenv), a new
 * PostgreSQL database of its own with the tester in a team, dropped when the
 * test program ends. Queries beneath the store go through the engine's own
 * shell or library.
 */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "samtale/store.h"
#include "samtale/util.h"
#include "sqlite_store.h"

static inline bool test_on_pg(void)
{
	const char *engine = getenv("SAMTALE_TEST_ENGINE");

	return engine && !strcmp(engine, "pg");
}

static inline void test_db_drop_all(void)
{
	char *cmd = xasprintf("for d in $(psql -X -A -t -c \"SELECT datname FROM pg_database"
			      " WHERE datname LIKE 'u\\_%d\\_%%'\" postgres); do"
			      " dropdb --force \"$d\"; psql -X -q -c \"DROP ROLE IF EXISTS ${d}_team\""
			      " postgres; done >/dev/null 2>&1", (int)getpid());

	if (system(cmd) != 0)
		fprintf(stderr, "test_db: could not drop the test databases\n");
	free(cmd);
}

/* From main, before the tests: true when PostgreSQL is asked for and no
 * cluster answers, and the program is to exit 77 (skipped). */
static inline bool test_db_unavailable(void)
{
	if (!test_on_pg())
		return false;
	if (system("psql -X -q -c 'SELECT 1' postgres >/dev/null 2>&1") != 0) {
		printf("SKIP: no PostgreSQL cluster to test against (run under pg_virtualenv)\n");
		return true;
	}
	atexit(test_db_drop_all);
	return false;
}

static inline void test_db_run(const char *cmd)
{
	if (system(cmd) != 0) {
		fprintf(stderr, "test_db: failed: %s\n", cmd);
		abort();
	}
}

/* Opens a new, empty store for user, as STORE_CREATE does. */
static inline enum sam_status test_store_open(const char *user, struct store **st)
{
	static int count;
	enum sam_status status;
	char *name, *cmd, *uri;

	if (!test_on_pg())
		return store_open(":memory:", user, STORE_CREATE, st);
	name = xasprintf("u_%d_%d", (int)getpid(), count++);
	cmd = xasprintf("createdb %s", name);
	test_db_run(cmd);
	free(cmd);
	uri = xasprintf("postgresql:///%s", name);
	status = store_open(uri, user, STORE_CREATE, st);
	cmd = xasprintf("psql -X -q -v ON_ERROR_STOP=1 -c \"CREATE ROLE %s_team NOLOGIN;"
			" INSERT INTO samtale.teams (name) VALUES ('%s_team');"
			" GRANT %s_team TO current_user\" %s >/dev/null", name, name, name, name);
	if (status == SAM_OK)
		test_db_run(cmd);
	free(cmd);
	free(uri);
	free(name);
	return status;
}

/* On PostgreSQL, psql running sql beneath the store, in its schema. */
static inline FILE *test_psql(struct store *st, const char *sql)
{
	char *cmd = xasprintf("PGOPTIONS='-c search_path=samtale' psql -X -q -A -t"
			      " -v ON_ERROR_STOP=1 '%s' <<'SQL'\n%s\nSQL\n", store_path(st), sql);
	FILE *p = popen(cmd, "r");

	free(cmd);
	return p;
}

/* Reads what psql has left to say; true when it succeeded. */
static inline bool test_psql_end(FILE *p)
{
	char rest[256];

	while (fgets(rest, sizeof(rest), p))
		;
	return pclose(p) == 0;
}

/* The single integer of a query beneath the store, in the schema of its
 * engine; -1 when it fails. */
static inline long long test_query_int(struct store *st, const char *sql)
{
	long long n = -1;

	if (!test_on_pg()) {
		sqlite3_stmt *stmt = NULL;

		if (sqlite3_prepare_v2(store_sqlite(st), sql, -1, &stmt, NULL) == SQLITE_OK &&
		    sqlite3_step(stmt) == SQLITE_ROW)
			n = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
	} else {
		FILE *p = test_psql(st, sql);

		if (!p || fscanf(p, "%lld", &n) != 1)
			n = -1;
		if (p)
			pclose(p);
	}
	return n;
}

/* The text of a query's first value ("" when it has no row, or NULL), or
 * NULL when it fails; the caller frees it. */
static inline char *test_query_text(struct store *st, const char *sql)
{
	char *v = NULL;

	if (!test_on_pg()) {
		sqlite3_stmt *stmt = NULL;
		int rc = sqlite3_prepare_v2(store_sqlite(st), sql, -1, &stmt, NULL);

		if (rc == SQLITE_OK)
			rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
			const unsigned char *t = rc == SQLITE_ROW ? sqlite3_column_text(stmt, 0) : NULL;

			v = xstrdup(t ? (const char *)t : "");
		}
		sqlite3_finalize(stmt);
	} else {
		FILE *p = test_psql(st, sql);
		char line[4096] = "";

		if (p && fgets(line, sizeof(line), p))
			line[strcspn(line, "\n")] = '\0';
		if (p && test_psql_end(p))
			v = xstrdup(line);
	}
	return v;
}

/* Runs SQL that returns nothing beneath the store; false when it fails. */
static inline bool test_exec(struct store *st, const char *sql)
{
	FILE *p;

	if (!test_on_pg())
		return sqlite3_exec(store_sqlite(st), sql, NULL, NULL, NULL) == SQLITE_OK;
	p = test_psql(st, sql);
	return p && test_psql_end(p);
}

/* True when db check finds the store consistent; else its report goes to
 * stderr, for the failing assertion's reader. */
static inline bool test_db_checked(struct store *st)
{
	char *report = NULL;
	bool ok = false;

	if (store_check(st, &ok, &report) != SAM_OK)
		ok = false;
	if (!ok)
		fprintf(stderr, "db check: %s\n", report ? report : sam_errmsg());
	free(report);
	return ok;
}

#endif
