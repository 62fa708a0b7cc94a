#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "samtale/util.h"
#include "sqlite_int.h"

/*
 * Opening and migrating
 */

struct header {
	int64_t version, app_id, objects;
	int64_t triggers;		/* that samtale did not make */
	int64_t own_triggers;		/* of sqlite_schema_triggers[] */
};

/* One statement, so that the values come from one snapshot even while
 * another process creates the schema. A trigger is samtale's when its SQL
 * is one of sqlite_schema_triggers[], as sqlite_schema holds it. */
static enum sam_status read_header_once(struct store *st, struct header *h)
{
	struct strbuf sql = { 0 }, own = { 0 };
	struct db_stmt *stmt = NULL;
	enum sam_status status;
	int rc;

	for (int i = 0; i < sqlite_ntriggers; i++)
		strbuf_addf(&own, "%s?%d", i ? ", " : "", i + 1);
	strbuf_addf(&sql, "SELECT (SELECT user_version FROM pragma_user_version),"
		    " (SELECT application_id FROM pragma_application_id),"
		    " (SELECT count(*) FROM sqlite_schema),"
		    " (SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND sql NOT IN (%s)),"
		    " (SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND sql IN (%s))",
		    strbuf_str(&own), strbuf_str(&own));
	status = db_prepare(st, strbuf_str(&sql), &stmt);
	strbuf_free(&sql);
	strbuf_free(&own);
	if (status != SAM_OK)
		return status;
	for (int i = 0; i < sqlite_ntriggers; i++)
		db_bind_str(stmt, i + 1, sqlite_schema_triggers[i]);
	rc = db_step(stmt);
	if (rc == DB_ROW) {
		h->version = db_col_int(stmt, 0);
		h->app_id = db_col_int(stmt, 1);
		h->objects = db_col_int(stmt, 2);
		h->triggers = db_col_int(stmt, 3);
		h->own_triggers = db_col_int(stmt, 4);
	} else {
		status = db_error(st, rc);
	}
	db_finalize(stmt);
	return status;
}

static enum sam_status read_header(struct store *st, struct header *h)
{
	enum sam_status status = SAM_OK;

	/* A reader can meet a lock only while another process recovers the
	 * WAL; the busy handler waits, and a few attempts cover a slow one. */
	for (int i = 0; i < BUSY_ATTEMPTS; i++)
		if ((status = read_header_once(st, h)) != SAM_ERR_BUSY)
			break;
	return status;
}

static enum sam_status check_header(struct store *st, const struct header *h)
{
	if (h->version > sqlite_schema_version && h->app_id == SAMTALE_APP_ID)
		return schema_newer(st, h->version, sqlite_schema_version);
	if (h->app_id != SAMTALE_APP_ID && (h->version || h->app_id || h->objects))
		return sam_fail(SAM_ERR_DB, _("%s is an SQLite database, but not a samtale database"),
				st->path);
	/* Only 1..sqlite_schema_version name migrations; 0 is a new, empty file. Any
	 * other number (a crafted or damaged header) must never index them. */
	if (h->version < 0 || (h->version == 0 && h->objects))
		return schema_unknown(st, h->version);
	/* Only samtale's own: another in the file would run its SQL on our writes. */
	if (h->triggers)
		return sam_fail(SAM_ERR_DB, _("the database %s holds triggers that samtale did not make; "
					       "it is refused"), st->path);
	return SAM_OK;
}

/* WAL lets readers (the team lead's report) run beside a writer. */
static enum sam_status ensure_wal(struct store *st)
{
	for (int i = 0; i < BUSY_ATTEMPTS; i++) {
		struct db_stmt *stmt = NULL;
		enum sam_status status = db_prepare(st, "PRAGMA journal_mode=WAL", &stmt);
		int rc;

		if (status != SAM_OK)
			return status;
		rc = db_step(stmt);
		if (rc == DB_ROW && !strcmp(db_col_text(stmt, 0), "wal")) {
			db_finalize(stmt);
			return SAM_OK;
		}
		status = rc == DB_ROW ? SAM_ERR_BUSY : db_error(st, rc);
		db_finalize(stmt);
		if (status != SAM_ERR_BUSY)
			return status;
		sleep_ms(50);
	}
	return sqlite_error(st, SQLITE_BUSY);
}

/* Copies the database as it is, next to it, before a migration changes it.
 * The copy is read through a second connection: this one holds the write
 * lock (so that only one process migrates), and SQLite's backup cannot
 * read from a connection inside a write transaction. */
static enum sam_status backup_before_migration(struct store *st, int version)
{
	char *dest = xasprintf("%s.v%d-backup", st->path, version);
	sqlite3 *src = NULL;
	enum sam_status status;
	int rc = sqlite3_open_v2(st->path, &src, SQLITE_OPEN_READONLY, NULL);

	if (rc == SQLITE_OK) {
		/* As private as the database. */
		sqlite3_busy_timeout(src, BUSY_TIMEOUT_MS);
		status = sqlite_backup_to(src, dest, db_file_mode(st), true);
	} else {
		status = db_error(st, rc);
	}
	sqlite3_close(src);
	free(dest);
	return status;
}

static enum sam_status migrate(struct store *st)
{
	struct header h;
	enum sam_status status;

	if ((status = sqlite_begin(st)) != SAM_OK)
		return status;
	/* Another process may have migrated while this one waited. */
	if ((status = read_header(st, &h)) != SAM_OK || (status = check_header(st, &h)) != SAM_OK)
		goto out;
	if (h.version >= sqlite_schema_version)
		goto out;
	if (h.version > 0 && (status = backup_before_migration(st, (int)h.version)) != SAM_OK)
		goto out;
	for (int v = (int)h.version; v < sqlite_schema_version && status == SAM_OK; v++)
		status = db_exec(st, sqlite_migrations[v]);
	if (status == SAM_OK) {
		char *sql = xasprintf("PRAGMA application_id=%d; PRAGMA user_version=%d",
				      SAMTALE_APP_ID, sqlite_schema_version);

		status = db_exec(st, sql);
		free(sql);
	}
	if (status == SAM_OK)
		status = audit_log(st, h.version ? "db.migrate" : "db.create", 0, sqlite_schema_version, NULL);
out:
	if (status != SAM_OK) {
		sqlite_rollback(st);
		return status;
	}
	return sqlite_commit(st);
}

static enum sam_status configure(struct store *st)
{
	struct header h;
	enum sam_status status;
	bool readonly = sqlite3_db_readonly(sqlite_of(st)->db, "main") == 1;

	sqlite3_extended_result_codes(sqlite_of(st)->db, 1);
	sqlite_wait_busy(st);
	/* A crafted file's schema must not reach outside it: no functions with
	 * side effects from its views, no writes to its schema. */
	sqlite3_db_config(sqlite_of(st)->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(sqlite_of(st)->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	/* synchronous=FULL: with WAL, NORMAL may lose the last commits on a power
	 * cut, and a caseworker must not lose what the screen showed as saved;
	 * one fsync per change is nothing at typing speed. */
	if ((status = db_exec(st, "PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;"
				  "PRAGMA synchronous=FULL")) != SAM_OK ||
	    (status = sqlite_register_functions(st)) != SAM_OK)
		return status;
	if ((status = read_header(st, &h)) != SAM_OK || (status = check_header(st, &h)) != SAM_OK)
		return status;
	if (strcmp(st->path, ":memory:") && (status = sqlite_check_mode(st->path)) != SAM_OK)
		return status;
	if (readonly && (h.version < sqlite_schema_version || !(st->flags & STORE_READONLY)))
		return sqlite_error(st, SQLITE_READONLY);
	if (!readonly) {
		if (strcmp(st->path, ":memory:") && (status = ensure_wal(st)) != SAM_OK)
			return status;
		if (h.version < sqlite_schema_version && (status = migrate(st)) != SAM_OK)
			return status;
		if (strcmp(st->path, ":memory:")) {
			sqlite_finish_wipe(st);
			batches_resume(st);
		}
	}
	if (st->flags & STORE_READONLY)
		status = db_exec(st, "PRAGMA query_only=ON");
	return status;
}

/* A reader in a directory it cannot write cannot create the WAL's files;
 * opened read-only, SQLite reads the WAL without them. */
static int open_flags(const char *path, unsigned flags)
{
	char *dir;
	bool writable;

	if (!(flags & STORE_READONLY) || !strcmp(path, ":memory:"))
		return SQLITE_OPEN_READWRITE;
	dir = path_dirname(path);
	writable = access(dir, W_OK) == 0;
	free(dir);
	return writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
}

/* The WAL's index is a shared-memory file of 32 KiB beside the database,
 * made by the first connection. On a full disk there is no room for it,
 * and a reader would fail where it only reads. */
static bool no_room_for_index(const char *path)
{
	char *shm = xasprintf("%s-shm", path), *dir = path_dirname(path);
	struct statvfs vfs;
	struct stat sb;
	bool full = (stat(shm, &sb) || sb.st_size < 32 * 1024) && !access(dir, W_OK) &&
		    !statvfs(dir, &vfs) && (unsigned long long)vfs.f_bavail * vfs.f_frsize < 64 * 1024;

	free(shm);
	free(dir);
	return full;
}

/* In a directory samtale may not write (a team lead's read access, a
 * read-only disk), SQLite can neither make the WAL's files nor lock the
 * file for itself; when there is no WAL, nobody has the database open to
 * write it, and it is read as it lies. Returns the URI to open it so, or
 * NULL. Caller frees. */
static char *read_as_it_lies(const char *path, unsigned flags)
{
	char *wal = xasprintf("%s-wal", path), *dir = path_dirname(path);
	struct strbuf uri = { 0 };
	bool closed = !path_exists(wal) && access(dir, W_OK);

	free(wal);
	free(dir);
	if (!(flags & STORE_READONLY) || !closed)
		return NULL;
	strbuf_adds(&uri, "file:");
	for (const char *p = path; *p; p++)
		if (strchr("?#%", *p))
			strbuf_addf(&uri, "%%%02X", (unsigned char)*p);
		else
			strbuf_addc(&uri, *p);
	strbuf_adds(&uri, "?immutable=1");
	return strbuf_detach(&uri);
}

enum sam_status sqlite_open(const char *path, const char *user, unsigned flags,
			    struct store **out)
{
	struct sqlite_store *sq = xcalloc(1, sizeof(*sq));
	struct store *st = &sq->base;
	enum sam_status status;
	char *uri;
	int rc;

	store_init_common(st, &sqlite_engine, path, user, flags);
	if (strcmp(path, ":memory:") && (status = sqlite_prepare_path(path, flags)) != SAM_OK)
		goto fail;
	/* No SQLITE_OPEN_CREATE: prepare_path created the file with its mode. */
	uri = strcmp(path, ":memory:") ? read_as_it_lies(path, flags) : NULL;
	rc = sqlite3_open_v2(uri ? uri : path, &sq->db,
			     open_flags(path, flags) | SQLITE_OPEN_NOFOLLOW | (uri ? SQLITE_OPEN_URI : 0),
			     NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		status = db_error(st, rc);
		goto fail;
	}
	/* Then a reader keeps the index in its own memory, which SQLite allows
	 * a connection that holds the file for itself: only while it reads,
	 * and on a full disk nobody could write anyway. */
	if ((flags & STORE_READONLY) && strcmp(path, ":memory:") && no_room_for_index(path) &&
	    (status = db_exec(st, "PRAGMA locking_mode=EXCLUSIVE")) != SAM_OK)
		goto fail;
	if ((status = configure(st)) != SAM_OK)
		goto fail;
	*out = st;
	return SAM_OK;
fail:
	store_close(st);
	return status;
}

void sqlite_close(struct store *st)
{
	sqlite3_close_v2(sqlite_of(st)->db);
	if (st->batch_fd >= 0)
		close(st->batch_fd);
	store_free_common(st);
	free(st);
}

sqlite3 *store_sqlite(struct store *st)
{
	return sqlite_of(st)->db;
}

/*
 * Checks
 */

static enum sam_status collect(struct store *st, const char *sql, bool skip_ok, struct strbuf *out,
			       int *problems)
{
	struct db_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st, sql, &stmt);
	int rc;

	if (status != SAM_OK)
		return status;
	while ((rc = db_step(stmt)) == DB_ROW) {
		int n = db_col_count(stmt);
		const char *first = db_col_text(stmt, 0);

		if (skip_ok && first && !strcmp(first, "ok"))
			continue;
		for (int c = 0; c < n; c++) {
			const char *s = db_col_text(stmt, c);

			strbuf_addf(out, "%s%s", c ? " " : "", s ? s : "-");
		}
		strbuf_addc(out, '\n');
		(*problems)++;
	}
	if (rc != DB_DONE)
		status = db_error(st, rc);
	db_finalize(stmt);
	return status;
}

/* samtale's triggers keep the counts per section and the last meetings:
 * one gone (dropped by hand) lets them drift. */
static enum sam_status check_triggers(struct store *st, struct strbuf *sb, int *problems)
{
	struct header h;
	enum sam_status status = read_header(st, &h);

	if (status == SAM_OK && h.version >= sqlite_schema_version && h.own_triggers != sqlite_ntriggers) {
		strbuf_addf(sb, _("%d of samtale's %d triggers are missing: restore a backup\n"),
			    sqlite_ntriggers - (int)h.own_triggers, sqlite_ntriggers);
		(*problems)++;
	}
	return status;
}

enum sam_status sqlite_check(struct store *st, bool *ok, char **report)
{
	struct strbuf sb = { 0 };
	int problems = 0, fk = 0;
	enum sam_status status = collect(st, "PRAGMA integrity_check", true, &sb, &problems);

	if (status == SAM_OK) {
		status = collect(st, "SELECT 'foreign key:', \"table\", rowid, parent FROM "
				 "pragma_foreign_key_check", false, &sb, &fk);
		problems += fk;
	}
	if (status == SAM_OK && problems)
		strbuf_adds(&sb, _("the database is damaged: restore a backup\n"));
	if (status == SAM_OK && !problems)
		status = check_triggers(st, &sb, &problems);
	*ok = status == SAM_OK && problems == 0;
	*report = strbuf_detach(&sb);
	if (status != SAM_OK && (status == SAM_ERR_DB || status == SAM_ERR_IO)) {
		/* A damaged file fails the check itself: that is its answer. */
		char *msg = xasprintf("%s%s\n", *report,
				      _("SQLite could not read the whole database: it is damaged"));

		free(*report);
		*report = msg;
		*ok = false;
		return SAM_OK;
	}
	return status;
}

