#ifndef SAMTALE_STORE_PG_INT_H
#define SAMTALE_STORE_PG_INT_H

/*
 * Inside the PostgreSQL engine (store/pg/): the statement text as the
 * server wants it, and the schema. pg.c is the engine itself.
 */

#include <stdbool.h>
#include <stddef.h>

/*
 * The store writes its parameters as SQLite numbers them: ?N, a bare ?
 * (one more than the largest number so far) and :name (a number of its
 * own at its first use). PostgreSQL wants $1..$n, each of them used, so
 * the numbers are given out again in the order they first appear: a
 * number the statement never uses is bound nowhere, and the server never
 * has to guess a type for a parameter it does not see.
 */
struct pg_sql {
	char *text;		/* the statement with $1..$nparams */
	int nparams;		/* distinct parameters used */
	int maxidx;		/* the largest SQLite number */
	int *map;		/* [1..maxidx]: SQLite number -> $k, 0 when unused */
	char **names;		/* [1..maxidx]: ":name" of the number, or NULL */
	struct pg_sql_use {	/* where each $k stands in text */
		size_t at, len;
		int k;
	} *uses;
	size_t nuses;
};

/* False (and *out empty) when sql numbers a parameter 0 or past
 * PG_SQL_MAX_PARAMS. Strings, quoted names, comments and :: casts are
 * copied as they are. */
#define PG_SQL_MAX_PARAMS 32766
bool pg_sql_rewrite(const char *sql, struct pg_sql *out);
void pg_sql_free(struct pg_sql *q);
/*
 * A NULL is sent as the word NULL in the text rather than as a parameter:
 * a NULL parameter has no type, and where nothing around it says one
 * ("?2 IS NULL", a CASE's ELSE) the server refuses the statement. A NULL
 * literal takes its type from each place it stands, as in SQLite.
 * is_null[k-1] says which of $1..$nparams are NULL; renum[k-1] becomes the
 * number of each other one in the text returned (caller frees).
 */
char *pg_sql_with_nulls(const struct pg_sql *q, const bool *is_null, int *renum);
/* The SQLite number of ":name" (name with its colon), 0 when sql has none. */
int pg_sql_param_index(const struct pg_sql *q, const char *name);

/* pg.c: the engine, which the store finds in this module (engine.h). */
struct engine_ops;
extern const struct engine_ops pg_engine;

/*
 * schema.c: the schema as migrations, applied in order in one transaction
 * by the role that runs "samtale db init"; samtale_schema(version) says how
 * many are applied.
 */
extern const char *const pg_migrations[];
extern const int pg_schema_version;
extern const char pg_missing_triggers[];
/* The schema's name, which every connection puts first on its search_path. */
#define PG_SCHEMA "samtale"

#endif
