#ifndef SAMTALE_STORE_SQLITE_INT_H
#define SAMTALE_STORE_SQLITE_INT_H

/*
 * The SQLite engine: one database file in WAL mode on one machine, shared by
 * a team through the file's group (SPEC §5). Only store/sqlite/ includes
 * this, and tests that look beneath the store (store_sqlite).
 */

#include "../store_int.h"
#include "sqlite_store.h"

struct sqlite_store {
	struct store base;
	sqlite3 *db;
};

static inline struct sqlite_store *sqlite_of(struct store *st)
{
	return (struct sqlite_store *)st;
}

/* How long a change waits for another process's write lock before it gives
 * up: past any load (SPEC §5: no "locked" reaches a user). A caseworker's
 * change holds the lock for milliseconds and bulk work a step at a time
 * (batch.c), so a wait this long means a process that is stuck. */
#define BUSY_LIMIT_MS (15 * 60 * 1000)
/* How long another connection (a backup's source) waits, and how many
 * times a reader tries when a lock meets it while the WAL is recovered. */
#define BUSY_TIMEOUT_MS 10000
#define BUSY_ATTEMPTS 6

#define SAMTALE_APP_ID 0x53414d54	/* "SAMT" in the file header */

/* schema.c: migration v (0-based) brings schema v to v + 1. */
extern const char *const sqlite_migrations[];
extern const int sqlite_schema_version;
/* The triggers of the schema, as sqlite_schema holds their SQL: those and
 * no other may be in the file. */
extern const char *const sqlite_schema_triggers[];
extern const int sqlite_ntriggers;
/* The SQL functions the migrations use (wording_hash). */
enum sam_status sqlite_register_functions(struct store *st);

/* engine.c */
enum sam_status sqlite_error(struct store *st, int rc);
/* The busy handler every connection of a store has. */
void sqlite_wait_busy(struct store *st);
enum sam_status sqlite_begin(struct store *st);
enum sam_status sqlite_commit(struct store *st);
void sqlite_rollback(struct store *st);
/* An erasure a reader held back at the last commit, finished when the
 * readers allow it now. */
void sqlite_finish_wipe(struct store *st);

/* files.c */
enum sam_status sqlite_io_fail(const char *what, const char *path, int e);
enum sam_status sqlite_create_file(const char *path, mode_t mode, gid_t gid, bool *created);
enum sam_status sqlite_check_mode(const char *path);
/* The directory and the file for store_open, made with their modes. */
enum sam_status sqlite_prepare_path(const char *path, unsigned flags);
/* Copies the database of src to dest, 0600 or mode, put in place whole. */
enum sam_status sqlite_backup_to(sqlite3 *src, const char *dest, mode_t mode, bool replace);
enum sam_status sqlite_backup(struct store *st, const char *dest, bool force);

/* open.c */
enum sam_status sqlite_open(const char *target, const char *user, unsigned flags,
			    struct store **out);
void sqlite_close(struct store *st);
enum sam_status sqlite_check(struct store *st, bool *ok, char **report);

#endif
