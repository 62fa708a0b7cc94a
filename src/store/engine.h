#ifndef SAMTALE_STORE_ENGINE_H
#define SAMTALE_STORE_ENGINE_H

/*
 * The seam between the store and the database engine under it: SQLite
 * (store/sqlite/, a file on one machine) or PostgreSQL (store/pg/, a server
 * for a municipality). The rest of src/store speaks SQL that both engines
 * run, through the statements below; only an engine's own files name its
 * library. Above the store nothing knows which engine it is.
 *
 * SQL written for both: parameters as ?N (numbered from 1, each number may
 * appear more than once); "RETURNING id" for a new row's id; "ON CONFLICT
 * DO NOTHING"; no engine's own functions (dates are computed in C). Where
 * the two must differ, the engine's ops say it (sql_* below).
 */

#include <stdbool.h>
#include <stdint.h>

#include "samtale/err.h"

struct store;

/* A prepared statement. Each engine's own begins with this. */
struct db_stmt {
	const struct engine_ops *ops;
	struct store *st;
};

/* What a step returns: a row, the end, or the engine's own error code,
 * which only that engine's error() makes a message of. */
enum { DB_ROW = 100, DB_DONE = 101, DB_DAMAGED = 102 /* rows not as the schema has them */ };

struct engine_ops {
	const char *name;	/* "sqlite", "postgresql": for tests and the bench */

	/* Opens target (a file path, a postgresql:// URI), migrating the
	 * schema; *out is the engine's own store, its common part filled in
	 * by store_init_common. user is checked already. */
	enum sam_status (*open)(const char *target, const char *user, unsigned flags,
				struct store **out);
	/* Frees the store (and its common part, store_free_common). */
	void (*close)(struct store *st);

	/* Statements. prepare and exec return 0 or an error code. */
	int (*prepare)(struct store *st, const char *sql, struct db_stmt **out);
	int (*exec)(struct store *st, const char *sql);
	void (*bind_int)(struct db_stmt *s, int idx, int64_t v);
	/* Copied; NULL binds SQL NULL. */
	void (*bind_str)(struct db_stmt *s, int idx, const char *v);
	int (*step)(struct db_stmt *s);
	/* Columns of the current row, from 0. col_text is NULL for NULL and
	 * lives until the next step. */
	int64_t (*col_int)(struct db_stmt *s, int col);
	const char *(*col_text)(struct db_stmt *s, int col);
	int (*col_count)(struct db_stmt *s);
	/* The number of a named parameter (":name"), 0 when sql has none. */
	int (*param_index)(struct db_stmt *s, const char *name);
	/* Ready to run again, with the same bindings; clear_bindings makes
	 * every parameter NULL. */
	void (*reset)(struct db_stmt *s);
	void (*clear_bindings)(struct db_stmt *s);
	void (*finalize)(struct db_stmt *s);
	/* Rows changed by the last statement that changed rows. */
	int64_t (*changes)(struct store *st);
	/* A status with a message for the user from an error code: never
	 * "locked", never stored text. */
	enum sam_status (*error)(struct store *st, int rc);

	/* A write transaction, waiting (and telling the wait hook) while
	 * another process holds what it needs; commit reports what went
	 * wrong and rolls back then. */
	enum sam_status (*begin)(struct store *st);
	/* With st->erased, after the commit the engine removes what its
	 * files still hold of the deleted rows. */
	enum sam_status (*commit)(struct store *st);
	void (*rollback)(struct store *st);
	/* A read transaction that sees one snapshot until COMMIT. */
	enum sam_status (*begin_read)(struct store *st);
	/* Whether the database lets this user change it at all: not a file
	 * opened read-only, nor a role that may only read (a team lead). */
	bool (*may_write)(struct store *st);

	/* Bulk work: whether it commits in short steps (batch.c) so that
	 * others get the lock between them. An engine whose writers lock
	 * rows, not the database, runs it in one transaction. */
	bool bulk_in_steps;
	/* Around bulk writing: durability may wait until its last step. */
	void (*bulk_mode)(struct store *st, bool on);

	enum sam_status (*backup)(struct store *st, const char *dest, bool force);
	/* Appends the engine's own integrity problems to *report. */
	enum sam_status (*check)(struct store *st, bool *ok, char **report);
};

extern const struct engine_ops sqlite_engine;
/* The PostgreSQL engine is a module (src/util/module.c): libpq and the
 * libraries beneath it (TLS, Kerberos, LDAP) are loaded for a server's
 * database only, not at every start on a file. */
#define PG_MODULE "samtale-pg.so"
#define PG_ENGINE_SYMBOL "pg_engine"

/* True when target names a PostgreSQL database rather than a file. */
bool engine_is_pg_target(const char *target);

#endif
