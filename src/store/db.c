/* O_TMPFILE, for backups that have no name until they are whole. */
#define _GNU_SOURCE

#include "samtale/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include "samtale/util.h"
#include "store_int.h"

/*
 * The schema
 *
 * One migration per schema version, applied in order inside one write
 * transaction; PRAGMA user_version is the number of migrations applied.
 * A released migration never changes: tests/fixtures/db/ keeps a database
 * made by each released version, and the tests open it under this one.
 *
 *   cases          one woman's case: ref (journal number, unique), initials,
 *                  caseworker, opened/closed, her profile in her words, a
 *                  column per field of profile_fields[]
 *   meetings       case_id → cases ON DELETE CASCADE; date, type (content
 *                  meeting type id), caseworker, note, agreed (the summary
 *                  for her), interpreter (language, NULL = none), next_date,
 *                  next_time, next_place (the next appointment, for her copy)
 *   meeting_items  meeting_id → meetings ON DELETE CASCADE; the items the
 *                  meeting was held with, snapshotted at creation with the
 *                  wording of the day (text), position, state, note.
 *                  Reports are counts over this table alone.
 *   followups      case_id → cases CASCADE, meeting_id → meetings SET NULL;
 *                  due, text, assignee (the caseworker following it up),
 *                  her (1: she is the one to act), done
 *   internships    case_id → cases ON DELETE CASCADE; workplace, field,
 *                  from_date, planned_to, ended, contact (name and role at
 *                  the workplace), goal (her words), job_possible
 *                  (yes/no/unknown), outcome (NULL while running),
 *                  outcome_reason, caseworker (who recorded it)
 *   audit          at (UTC), user (--user), login (the process's login
 *                  name), action, case_id, object_id, detail. Never
 *                  personal data: no notes, profile text or references.
 */

#define SAMTALE_APP_ID 0x53414d54	/* "SAMT" in the file header */

static const char *const migrations[] = {
	/* 1: the first release */
	"CREATE TABLE cases ("
	" id INTEGER PRIMARY KEY,"
	" ref TEXT NOT NULL UNIQUE,"
	" initials TEXT,"
	" caseworker TEXT NOT NULL,"
	" opened TEXT NOT NULL,"
	" closed TEXT,"
	" qualifications TEXT,"
	" job_wishes TEXT,"
	" education_wishes TEXT);"
	"CREATE TABLE meetings ("
	" id INTEGER PRIMARY KEY,"
	" case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	" date TEXT NOT NULL,"
	" type TEXT NOT NULL,"
	" caseworker TEXT NOT NULL,"
	" note TEXT,"
	" agreed TEXT);"
	"CREATE INDEX meetings_case ON meetings(case_id, date);"
	"CREATE TABLE meeting_items ("
	" meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	" item_id TEXT NOT NULL,"
	" section_id TEXT NOT NULL,"
	" position INTEGER NOT NULL,"
	" text TEXT NOT NULL,"
	" state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'not_relevant')),"
	" note TEXT,"
	" PRIMARY KEY (meeting_id, item_id));"
	"CREATE TABLE followups ("
	" id INTEGER PRIMARY KEY,"
	" case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	" meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,"
	" due TEXT NOT NULL,"
	" text TEXT NOT NULL,"
	" assignee TEXT NOT NULL,"
	" done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)));"
	"CREATE INDEX followups_case ON followups(case_id);"
	"CREATE TABLE audit ("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL,"
	" user TEXT NOT NULL,"
	" action TEXT NOT NULL,"
	" case_id INTEGER,"
	" object_id INTEGER);",

	/* 2: interpreter, the login name in the audit log (team databases),
	 * and the indexes the reports and follow-up lists need. */
	"ALTER TABLE meetings ADD COLUMN interpreter TEXT;"
	"ALTER TABLE audit ADD COLUMN login TEXT;"
	"ALTER TABLE audit ADD COLUMN detail TEXT;"
	"CREATE INDEX meetings_date ON meetings(date);"
	"CREATE INDEX meeting_items_meeting ON meeting_items(meeting_id, position);"
	"CREATE INDEX followups_due ON followups(done, due);"
	"CREATE INDEX followups_assignee ON followups(assignee, done, due);"
	"CREATE INDEX audit_case ON audit(case_id);",

	/* 3: her profile field by field (qualifications stays, for what was
	 * mapped before), the next appointment agreed in a meeting (her copy),
	 * and follow-ups where she is the one to act. */
	"ALTER TABLE cases ADD COLUMN education TEXT;"
	"ALTER TABLE cases ADD COLUMN work_experience TEXT;"
	"ALTER TABLE cases ADD COLUMN languages TEXT;"
	"ALTER TABLE cases ADD COLUMN other_skills TEXT;"
	"ALTER TABLE cases ADD COLUMN goals TEXT;"
	"ALTER TABLE meetings ADD COLUMN next_date TEXT;"
	"ALTER TABLE meetings ADD COLUMN next_time TEXT;"
	"ALTER TABLE meetings ADD COLUMN next_place TEXT;"
	"ALTER TABLE followups ADD COLUMN her INTEGER NOT NULL DEFAULT 0 CHECK (her IN (0, 1));",

	/* 4: her internships (SPEC §1 rule 5). The words are those of
	 * job_possible_words and outcome_words (store/internships.c). */
	"CREATE TABLE internships ("
	" id INTEGER PRIMARY KEY,"
	" case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	" workplace TEXT NOT NULL,"
	" field TEXT,"
	" from_date TEXT NOT NULL,"
	" planned_to TEXT,"
	" ended TEXT,"
	" contact TEXT,"
	" goal TEXT,"
	" job_possible TEXT NOT NULL DEFAULT 'unknown' CHECK (job_possible IN ('yes', 'no', 'unknown')),"
	" outcome TEXT CHECK (outcome IN ('employed', 'education', 'extended', 'ended-early', 'completed')),"
	" outcome_reason TEXT,"
	" caseworker TEXT NOT NULL);"
	"CREATE INDEX internships_case ON internships(case_id, from_date);"
	"CREATE INDEX internships_from ON internships(from_date);",

	/* 5: bulk work in short steps (batch.c). A batch is a row of batches
	 * while it is unfinished: the cases an import is writing, or those an
	 * erasure is deleting, carry its id and are seen by nobody. The ids
	 * are never reused, so that a finished batch's id left on its cases
	 * hides nothing. */
	"CREATE TABLE batches ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" kind TEXT NOT NULL CHECK (kind IN ('add', 'erase')),"
	" action TEXT NOT NULL);"
	"ALTER TABLE cases ADD COLUMN batch INTEGER;"
	"CREATE INDEX cases_batch ON cases(batch) WHERE batch IS NOT NULL;",
};

#define SCHEMA_VERSION ((int)ARRAY_SIZE(migrations))

/* How long a change waits for another process's write lock before it gives
 * up: past any load (SPEC §5: no "locked" reaches a user). A caseworker's
 * change holds the lock for milliseconds and bulk work a step at a time
 * (batch.c), so a wait this long means a process that is stuck. */
#define BUSY_LIMIT_MS (15 * 60 * 1000)
/* How long another connection (a backup's source) waits, and how many
 * times a reader tries when a lock meets it while the WAL is recovered. */
#define BUSY_TIMEOUT_MS 10000
#define BUSY_ATTEMPTS 6
/* An erasure waits this long for a colleague's read to end (an export of
 * thousands of cases takes seconds); an open, which must not keep a
 * caseworker waiting, only briefly. */
#define WIPE_TIMEOUT_MS 10000
#define WIPE_AT_OPEN_MS 300

/*
 * Errors
 */

enum sam_status db_error(struct store *st, int rc)
{
	const char *path = st && st->path ? st->path : "";

	int e = st && st->db ? sqlite3_system_errno(st->db) : 0;

	/* SQLite reports a full disk as SQLITE_FULL only for the database file;
	 * for its WAL and shared memory files it is an I/O error of ENOSPC. */
	if ((rc & 0xff) == SQLITE_FULL ||
	    (((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN) &&
	     (e == ENOSPC || e == EDQUOT)))
		return sam_fail(SAM_ERR_IO, _("the disk holding %s is full; nothing was changed"), path);
	switch (rc & 0xff) {
	case SQLITE_READONLY:
		if (st && (st->flags & STORE_READONLY))
			return sam_fail(SAM_ERR_IO, _("cannot read the database %s: SQLite needs to create "
						       "%s-wal and %s-shm beside it, but the directory is "
						       "read-only"), path, path, path);
		return sam_fail(SAM_ERR_IO, _("the database %s is read-only; the change was not saved"),
				path);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return sam_fail(SAM_ERR_BUSY, _("the database %s is busy elsewhere; try again in a moment"),
				path);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return sam_fail(SAM_ERR_DB, _("%s is not a samtale database, or it is damaged "
					       "(try 'samtale db check' and a backup)"), path);
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return sam_fail(SAM_ERR_IO, _("cannot open the database %s: %s"), path,
				e ? strerror(e) : _("permission denied"));
	case SQLITE_IOERR:
		return sam_fail(SAM_ERR_IO, _("input/output error in the database %s: %s"), path,
				e ? strerror(e) : sqlite3_errstr(rc));
	case SQLITE_CONSTRAINT:
		return sam_fail(SAM_ERR_INVALID, _("the change breaks a rule of the database (%s)"),
				st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
	case SQLITE_NOMEM:
		/* Also what SQLite says of some damaged schemas: a message, not abort. */
		return sam_fail(SAM_ERR_DB, _("SQLite ran out of memory in the database %s; is it damaged? "
					       "(try 'samtale db check' and a backup)"), path);
	}
	return sam_fail(SAM_ERR_DB, _("database error in %s: %s"), path,
			st && st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
}

/*
 * Statements
 */

enum sam_status db_exec(struct store *st, const char *sql)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? SAM_OK : db_error(st, rc);
}

enum sam_status db_prepare(struct store *st, const char *sql, sqlite3_stmt **out)
{
	int rc = sqlite3_prepare_v2(st->db, sql, -1, out, NULL);

	return rc == SQLITE_OK ? SAM_OK : db_error(st, rc);
}

enum sam_status db_step_done(struct store *st, sqlite3_stmt *stmt)
{
	int rc = sqlite3_step(stmt);

	return rc == SQLITE_DONE ? SAM_OK : db_error(st, rc);
}

void db_bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(stmt, idx, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(stmt, idx);
}

char *db_col_str(sqlite3_stmt *stmt, int col)
{
	const unsigned char *s = sqlite3_column_text(stmt, col);

	return s ? xstrdup((const char *)s) : NULL;
}

enum sam_status db_prepare_all(struct store *st, const char *const *sql, sqlite3_stmt **stmts,
			       size_t n)
{
	enum sam_status status = SAM_OK;

	for (size_t i = 0; i < n; i++)
		stmts[i] = NULL;
	for (size_t i = 0; i < n && status == SAM_OK; i++)
		status = db_prepare(st, sql[i], &stmts[i]);
	if (status != SAM_OK)
		db_finalize_all(stmts, n);
	return status;
}

void db_finalize_all(sqlite3_stmt **stmts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_finalize(stmts[i]);
		stmts[i] = NULL;
	}
}

enum sam_status db_done(struct store *st, sqlite3_stmt *stmt, int rc)
{
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	return rc == SQLITE_DONE ? SAM_OK : db_error(st, rc);
}

enum sam_status db_run(struct store *st, sqlite3_stmt *stmt)
{
	return db_done(st, stmt, sqlite3_step(stmt));
}

static enum sam_status query_int(struct store *st, const char *sql, int64_t *out)
{
	sqlite3_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st, sql, &stmt);
	int rc;

	if (status != SAM_OK)
		return status;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(stmt, 0);
	else
		status = db_error(st, rc);
	sqlite3_finalize(stmt);
	return status;
}

/*
 * Input checks shared by cases, meetings and follow-ups. The Danish messages
 * are worded so that they fit every noun put in front of them (journalnummeret,
 * initialerne, noten): no adjective that would have to agree with it.
 */

enum sam_status check_text(const char *what, const char *text, size_t max)
{
	size_t n = text ? strlen(text) : 0, bad;

	if (!text)
		return SAM_OK;
	if (!utf8_valid(text, n, &bad))
		return sam_fail(SAM_ERR_INVALID, _("%s is not valid UTF-8 (byte %zu)"), what, bad + 1);
	if (n > max)
		return sam_fail(SAM_ERR_INVALID, _("%s is too long (at most %zu bytes)"), what, max);
	/* Nothing a terminal would act on (escape sequences, C1 controls,
	 * bidi overrides that make text read otherwise). Tabs and line ends
	 * are text. */
	if (text_control_find(text, n, TEXT_LINES, &bad, NULL))
		return sam_fail(SAM_ERR_INVALID, _("%s must not hold control characters (byte %zu)"),
				what, bad + 1);
	if (cpr_find(text, NULL, NULL))
		return sam_fail(SAM_ERR_INVALID,
				_("%s looks like it holds a CPR number; CPR numbers must not be stored here. "
				   "Remove it and try again"), what);
	return SAM_OK;
}

enum sam_status check_label(const char *what, const char *text, size_t max)
{
	if (str_empty(text))
		return sam_fail(SAM_ERR_INVALID, _("%s must not be empty"), what);
	if (text_control_find(text, strlen(text), 0, NULL, NULL) &&
	    utf8_valid(text, strlen(text), NULL))
		return sam_fail(SAM_ERR_INVALID, _("%s must not contain control characters"),
				what);
	return check_text(what, text, max);
}

enum sam_status check_date(const char *what, const char *date)
{
	if (!date || !date_valid(date))
		return sam_fail(SAM_ERR_INVALID, _("%s must be a date as YYYY-MM-DD"), what);
	return SAM_OK;
}

const char *date_or_today(const char *date, sam_date buf)
{
	if (date)
		return date;
	date_today(buf);
	return buf;
}

/*
 * Transactions
 */

int64_t clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* SQLite's busy handler: waits in short polls, so that a change takes the
 * lock in the pause between two steps of bulk work (batch.c), and tells
 * the waiting screen (store_set_wait_hook) how long it has waited. */
static int busy_wait(void *ctx, int count)
{
	struct store *st = ctx;
	int64_t now = clock_ms();

	if (count == 0) {
		st->wait_start = now;
		batch_waiting(st, true);
	}
	if (now - st->wait_start >= BUSY_LIMIT_MS)
		return 0;
	st->waited = true;
	if (st->wait_fn)
		st->wait_fn(st->wait_ctx, (unsigned)(now - st->wait_start));
	sqlite3_sleep(count < 20 ? 1 : count < 100 ? 2 : 5);
	return 1;
}

static void wait_over(struct store *st)
{
	if (st->waited)
		batch_waiting(st, false);
	if (st->waited && st->wait_fn)
		st->wait_fn(st->wait_ctx, 0);
	st->waited = false;
}

void store_set_wait_hook(struct store *st, store_wait_fn *fn, void *ctx)
{
	st->wait_fn = fn;
	st->wait_ctx = ctx;
}

/* BEGIN IMMEDIATE takes the write lock at once, so a transaction never has
 * to give up half-way for a lock it could not upgrade. It waits in
 * busy_wait up to BUSY_LIMIT_MS. */
static enum sam_status begin_immediate(struct store *st)
{
	int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

	wait_over(st);
	return rc == SQLITE_OK ? SAM_OK : db_error(st, rc);
}

static enum sam_status create_file(const char *path, mode_t mode, gid_t gid, bool *created);

/* The database file's mode for a file beside it: 0660 for a team's, else 0600. */
mode_t db_file_mode(const struct store *st)
{
	struct stat sb;

	return !stat(st->path, &sb) && (sb.st_mode & 0020) ? 0660 : 0600;
}

/* The mark beside the database that an erasure is not yet wiped from its
 * files; the next open finishes it. Caller frees. */
static char *wipe_mark(const struct store *st)
{
	return xasprintf("%s-wipe", st->path);
}

/* Writes the whole WAL back into the database and truncates it, waiting up
 * to ms for readers whose snapshot still needs the old pages. It tries
 * without SQLite's busy handler, which would keep every writer out while
 * it waits: a colleague's change goes on between the tries. The pages are
 * copied first without the write lock (PASSIVE), so that the truncating
 * checkpoint, which holds it, has little left to do. */
static bool checkpoint_all(struct store *st, int ms, int *log, int *ckpt)
{
	int64_t until = clock_ms() + ms;
	bool done;

	sqlite3_busy_handler(st->db, NULL, NULL);
	for (;;) {
		*log = *ckpt = -1;
		sqlite3_wal_checkpoint_v2(st->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		done = sqlite3_wal_checkpoint_v2(st->db, "main", SQLITE_CHECKPOINT_TRUNCATE, log,
						 ckpt) == SQLITE_OK && *log == *ckpt;
		if (done || clock_ms() >= until)
			break;
		sqlite3_sleep(20);
	}
	sqlite3_busy_handler(st->db, busy_wait, st);
	return done;
}

/* Overwrites what an erasure left behind: secure_delete zeroes the pages in
 * the new WAL frames, but the database file keeps the old pages, and older
 * frames the old text, until the WAL is checkpointed and truncated. A
 * colleague's open read (a TUI, an export) holds that back; when it
 * outlasts the wait, the mark makes the next open finish the job. */
static enum sam_status wipe_wal(struct store *st)
{
	char *mark;
	int log, ckpt;
	bool created;

	st->wipe_wal = false;
	if (checkpoint_all(st, WIPE_TIMEOUT_MS, &log, &ckpt))
		return SAM_OK;
	mark = wipe_mark(st);
	create_file(mark, db_file_mode(st), (gid_t)-1, &created);
	free(mark);
	return sam_fail(SAM_ERR_PENDING,
			_("another samtale is reading the database, so the erased data is still in %s "
			   "and %s-wal (%d of the WAL's %d pages are not written back); it is overwritten "
			   "the next time samtale opens the database, once the other one is done"),
			st->path, st->path, log > ckpt ? log - ckpt : 0, log > 0 ? log : 0);
}

/* An erasure that a reader held back: finished now when the readers allow
 * it. The mark goes first, so that an erasure failing meanwhile leaves its own. */
static void finish_wipe(struct store *st)
{
	char *mark = wipe_mark(st);
	int log, ckpt;
	bool created;

	if (!unlink(mark) && !checkpoint_all(st, WIPE_AT_OPEN_MS, &log, &ckpt))
		create_file(mark, db_file_mode(st), (gid_t)-1, &created);
	free(mark);
}

static enum sam_status commit(struct store *st)
{
	int rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);

	if (rc != SQLITE_OK) {
		enum sam_status status = db_error(st, rc);

		if (!sqlite3_get_autocommit(st->db))
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		st->wipe_wal = false;
		return status;
	}
	return st->wipe_wal ? wipe_wal(st) : SAM_OK;
}

enum sam_status write_begin(struct store *st)
{
	if (st->flags & STORE_READONLY)
		return sam_fail(SAM_ERR_INVALID, "%s", _("the database was opened read-only"));
	if (st->in_tx)
		return db_exec(st, "SAVEPOINT w");
	return begin_immediate(st);
}

enum sam_status write_end(struct store *st, enum sam_status status)
{
	if (st->in_tx) {
		if (status != SAM_OK)
			sqlite3_exec(st->db, "ROLLBACK TO w", NULL, NULL, NULL);
		sqlite3_exec(st->db, "RELEASE w", NULL, NULL, NULL);
		return status;
	}
	if (status != SAM_OK) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		st->wipe_wal = false;
		return status;
	}
	return commit(st);
}

enum sam_status store_begin(struct store *st)
{
	enum sam_status status;

	if (st->in_tx)
		return sam_error("store_begin: a transaction is already open");
	status = write_begin(st);
	if (status == SAM_OK)
		st->in_tx = true;
	return status;
}

enum sam_status store_commit(struct store *st)
{
	if (!st->in_tx)
		return sam_error("store_commit: no transaction is open");
	st->in_tx = false;
	return commit(st);
}

void store_rollback(struct store *st)
{
	if (!st || !st->in_tx)
		return;
	st->in_tx = false;
	st->wipe_wal = false;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/*
 * Files: modes, network file systems
 */

/* statfs magic numbers (linux/magic.h and the file systems' sources) of file
 * systems whose locking SQLite's WAL cannot rely on. */
static const struct {
	unsigned long magic;
	const char *name;
} network_fs[] = {
	{ 0x6969, "NFS" },
	{ 0x517b, "SMB" },
	{ 0xff534d42, "CIFS" },
	{ 0xfe534d42, "SMB2" },
	{ 0x5346414f, "AFS" },
	{ 0x6b414653, "AFS" },
	{ 0x73757245, "Coda" },
	{ 0x01021997, "9P" },
	{ 0x00c36400, "Ceph" },
	{ 0x564c, "NCP" },
	{ 0x0bd00bd0, "Lustre" },
	{ 0x47504653, "GPFS" },
	{ 0x013111a8, "IBRIX" },
	{ 0x19830326, "FhGFS" },
};

/* FUSE file systems that reach another machine, by their mount subtype. */
static const char *const network_fuse[] = {
	"sshfs", "rclone", "s3fs", "gcsfuse", "curlftpfs", "glusterfs", "smbnetfs",
	"davfs", "ceph", "ceph-fuse", "juicefs", "blobfuse", "blobfuse2", "goofys", "afpfs",
};

#define FUSE_SUPER_MAGIC 0x65735546UL

const char *store_network_fs_name(unsigned long magic, const char *fuse_type);

/* The name of a network file system by statfs magic (and for FUSE the
 * subtype from mountinfo, "fuse.sshfs"), or NULL for a local one. Not
 * static so that the unit tests can reach it. */
const char *store_network_fs_name(unsigned long magic, const char *fuse_type)
{
	magic &= 0xffffffffUL;
	for (size_t i = 0; i < ARRAY_SIZE(network_fs); i++)
		if (network_fs[i].magic == magic)
			return network_fs[i].name;
	if (magic != FUSE_SUPER_MAGIC || !fuse_type)
		return NULL;
	if (!strncmp(fuse_type, "fuse.", 5))
		fuse_type += 5;
	else if (!strncmp(fuse_type, "fuseblk.", 8))
		fuse_type += 8;
	for (size_t i = 0; i < ARRAY_SIZE(network_fuse); i++)
		if (!strcmp(fuse_type, network_fuse[i]))
			return network_fuse[i];
	return NULL;
}

/* Undoes mountinfo's octal escapes ("\040" for a space) in place. */
static void unescape_mount(char *s)
{
	char *out = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*out++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 3;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

/* The file system type ("fuse.sshfs") of the mount holding dir, from
 * /proc/self/mountinfo: the longest mount point that prefixes it. */
static char *mount_type(const char *dir)
{
	char *real = realpath(dir, NULL), *best = NULL, *line = NULL;
	size_t best_len = 0, cap = 0;
	FILE *f;

	if (!real)
		return NULL;
	f = fopen("/proc/self/mountinfo", "re");
	while (f && getline(&line, &cap, f) > 0) {
		char mnt[4096], type[256];
		size_t n;
		char *dash = strstr(line, " - ");

		if (!dash || sscanf(line, "%*s %*s %*s %*s %4095s", mnt) != 1 ||
		    sscanf(dash + 3, "%255s", type) != 1)
			continue;
		unescape_mount(mnt);
		n = strlen(mnt);
		if (strncmp(real, mnt, n) || (n > 1 && real[n] != '/' && real[n] != '\0'))
			continue;
		if (n >= best_len) {
			free(best);
			best = xstrdup(type);
			best_len = n;
		}
	}
	if (f)
		fclose(f);
	free(line);
	free(real);
	return best;
}

static enum sam_status refuse_network_fs(const char *dir)
{
	struct statfs sfs;
	const char *name;
	char *type = NULL;

	if (statfs(dir, &sfs))
		return SAM_OK;	/* the open that follows reports what is wrong */
	if ((unsigned long)sfs.f_type == FUSE_SUPER_MAGIC)
		type = mount_type(dir);
	name = store_network_fs_name((unsigned long)sfs.f_type, type);
	free(type);
	if (!name)
		return SAM_OK;
	return sam_error(_("the database must be on a local disk, but %s is on a network file system (%s); "
			    "SQLite cannot lock it safely there"), dir, name);
}

static enum sam_status io_fail(const char *what, const char *path, int e)
{
	return sam_fail(SAM_ERR_IO, "%s %s: %s", what, path,
			e == ENOSPC || e == EDQUOT ? _("the disk is full") : strerror(e));
}

/* Creates the database file with mode (umask-proof) when missing. SQLite
 * gives its -wal and -shm files the mode of the database file. */
static enum sam_status create_file(const char *path, mode_t mode, gid_t gid, bool *created)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode);

	*created = false;
	if (fd < 0) {
		if (errno == EEXIST)
			return SAM_OK;
		return io_fail(_("cannot create the database"), path, errno);
	}
	*created = true;
	if ((gid != (gid_t)-1 && fchown(fd, (uid_t)-1, gid)) || fchmod(fd, mode)) {
		int e = errno;

		close(fd);
		unlink(path);
		return io_fail(_("cannot set the permissions of"), path, e);
	}
	if (close(fd))
		return io_fail(_("cannot create the database"), path, errno);
	return SAM_OK;
}

static char *user_name(uid_t uid)
{
	struct passwd *pw = getpwuid(uid);

	return pw ? xstrdup(pw->pw_name) : xasprintf("%ld", (long)uid);
}

static char *group_name(gid_t gid)
{
	struct group *gr = getgrgid(gid);

	return gr ? xstrdup(gr->gr_name) : xasprintf("%ld", (long)gid);
}

/* A team database (in a directory that is setgid and the group's): 0660 at
 * most, and the directory's group. */
static enum sam_status check_team_mode(const char *path, const struct stat *sb, const struct stat *dir)
{
	char *want = group_name(dir->st_gid), *have = group_name(sb->st_gid);
	enum sam_status status = SAM_OK;

	if (sb->st_mode & 07777 & ~0660)
		status = sam_fail(SAM_ERR_IO, _("the team database %s has permissions that are too wide "
						 "(%o); a team database has 0660 and the group %s, nobody "
						 "else. Fix it with 'chmod 660 %s'"),
				  path, (unsigned)(sb->st_mode & 07777), want, path);
	else if (sb->st_gid != dir->st_gid)
		status = sam_fail(SAM_ERR_IO, _("the team database %s belongs to the group %s, but its "
						 "directory to the group %s. Fix it with 'chgrp %s %s'"),
				  path, have, want, want, path);
	free(want);
	free(have);
	return status;
}

/* An existing database must be as private as samtale makes it: a personal
 * one its user's own and 0600 at most, a team one as check_team_mode says. */
static enum sam_status check_mode(const char *path)
{
	char *dirname = path_dirname(path), *owner;
	struct stat sb, dir;
	enum sam_status status = SAM_OK;
	bool team;

	if (stat(path, &sb) || stat(dirname, &dir)) {
		free(dirname);
		return SAM_OK;	/* the open reports what is wrong */
	}
	free(dirname);
	team = (dir.st_mode & S_ISGID) && (dir.st_mode & 0070) == 0070;
	if (team)
		return check_team_mode(path, &sb, &dir);
	if (sb.st_uid != geteuid()) {
		owner = user_name(sb.st_uid);
		status = sam_fail(SAM_ERR_IO, _("the database %s belongs to another user (%s); a personal "
						 "database is opened only by its owner"), path, owner);
		free(owner);
	} else if (sb.st_mode & 07777 & ~0600) {
		status = sam_fail(SAM_ERR_IO, _("the database %s has permissions that are too wide (%o): "
						 "others than you can reach it, but samtale gives a personal "
						 "database 0600. Fix it with 'chmod 600 %s'"),
				  path, (unsigned)(sb.st_mode & 07777), path);
	}
	return status;
}

/* Makes sure the directory of path exists (creating it 0700 when allowed),
 * is local, and that the file exists (creating it 0600, in a team's
 * directory 0660, when allowed). */
static enum sam_status prepare_path(const char *path, unsigned flags)
{
	char *dir = path_dirname(path);
	struct stat sb;
	enum sam_status status = SAM_OK;
	mode_t mode = 0600;
	bool created;

	if (stat(dir, &sb)) {
		if (errno != ENOENT || !(flags & STORE_CREATE)) {
			status = io_fail(_("cannot use the directory"), dir, errno);
			goto out;
		}
		/* A personal database: nobody but its owner may even list it. */
		if ((status = path_mkdir_p(dir, 0700)) != SAM_OK)
			goto out;
		if (chmod(dir, 0700)) {
			status = io_fail(_("cannot set the permissions of"),
					 dir, errno);
			goto out;
		}
	} else if (!S_ISDIR(sb.st_mode)) {
		status = io_fail(_("cannot use the directory"), dir, ENOTDIR);
		goto out;
	} else if ((sb.st_mode & S_ISGID) && (sb.st_mode & 0070) == 0070) {
		/* A team's directory (db init --shared): a new file is the team's,
		 * its group inherited from the directory. */
		mode = 0660;
	}
	if ((status = refuse_network_fs(dir)) != SAM_OK)
		goto out;
	/* A link could lead the WAL files and the checks above astray (and, in
	 * a team's directory, to another person's file). */
	if (!lstat(path, &sb) && S_ISLNK(sb.st_mode)) {
		status = sam_fail(SAM_ERR_IO, _("%s is a symbolic link; give the database file itself with --db"),
				  path);
		goto out;
	}
	if (stat(path, &sb)) {
		if (errno != ENOENT) {
			status = io_fail(_("cannot open the database"), path, errno);
		} else if (!(flags & STORE_CREATE) || (flags & STORE_READONLY)) {
			status = sam_fail(SAM_ERR_NOT_FOUND,
					  _("there is no database at %s (create it with 'samtale db init')"),
					  path);
		} else {
			status = create_file(path, mode, (gid_t)-1, &created);
		}
	} else if (!S_ISREG(sb.st_mode)) {
		status = sam_fail(SAM_ERR_IO, _("%s is not a regular file"),
				  path);
	}
out:
	free(dir);
	return status;
}

/*
 * Backups
 */

/* Copies the finished file tmp to dest through a file without a name
 * (O_TMPFILE) in dest's directory, named only once it is whole, so that
 * neither a failure nor kill -9 leaves part of a backup there. replace: an
 * existing dest is replaced; else dest must not exist, even if it appeared
 * since it was checked. */
static enum sam_status publish(const char *tmp, const char *dest, mode_t mode, bool replace)
{
	char *dir = path_dirname(dest), *named = NULL, buf[65536], proc[64];
	int in = open(tmp, O_RDONLY | O_CLOEXEC), out, e = 0;
	ssize_t n = 0;

	out = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
	if (out < 0 && errno != ENOENT && errno != EACCES) {
		/* A file system without O_TMPFILE: a named file beside it. */
		named = xasprintf("%s.tmp-%ld", dest, (long)getpid());
		out = open(named, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	}
	if (in < 0 || out < 0 || fchmod(out, mode)) {
		e = errno;
		goto out;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		for (ssize_t off = 0, w; off < n; off += w)
			if ((w = write(out, buf + off, (size_t)(n - off))) < 0) {
				e = errno;
				goto out;
			}
	if (n < 0 || fsync(out)) {
		e = errno;
		goto out;
	}
	if (!named) {
		snprintf(proc, sizeof(proc), "/proc/self/fd/%d", out);
		if (!replace) {
			if (linkat(AT_FDCWD, proc, AT_FDCWD, dest, AT_SYMLINK_FOLLOW))
				e = errno;
			goto out;
		}
		named = xasprintf("%s.tmp-%ld", dest, (long)getpid());
		if (linkat(AT_FDCWD, proc, AT_FDCWD, named, AT_SYMLINK_FOLLOW)) {
			e = errno;
			free(named);
			named = NULL;
			goto out;
		}
	}
	if (replace ? rename(named, dest) : link(named, dest))
		e = errno;
out:
	if (named)
		unlink(named);
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) && !e)
		e = errno;
	free(named);
	free(dir);
	if (e == EEXIST)
		return sam_fail(SAM_ERR_INVALID, _("%s exists already; it was not overwritten"), dest);
	return e ? io_fail(_("cannot write the backup"), dest, e)
		 : SAM_OK;
}

/* Copies the database src into dest (a file of the given mode). SQLite
 * writes the copy in the private directory for temporary files (which the
 * next start cleans, should this process be killed); publish puts it in place. */
static enum sam_status backup_to(sqlite3 *src, const char *dest, mode_t mode, bool replace)
{
	char *tmp, *journal;
	sqlite3 *d = NULL;
	sqlite3_backup *b;
	enum sam_status status;
	int rc, fd;

	if ((status = path_private_file("backup", "", &tmp, &fd)) != SAM_OK)
		return status;
	close(fd);
	rc = sqlite3_open_v2(tmp, &d, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc == SQLITE_OK) {
		b = sqlite3_backup_init(d, "main", src, "main");
		if (!b) {
			rc = sqlite3_errcode(d);
		} else {
			for (int i = 0; i < BUSY_ATTEMPTS * 100; i++) {
				rc = sqlite3_backup_step(b, -1);
				if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
					break;
				sqlite3_sleep(100);
			}
			sqlite3_backup_finish(b);
			if (rc == SQLITE_DONE)
				rc = SQLITE_OK;
		}
	}
	if (rc != SQLITE_OK) {
		status = sam_fail(SAM_ERR_IO, _("the backup %s failed: %s"), dest,
				  (rc & 0xff) == SQLITE_FULL ? _("the disk is full")
							     : sqlite3_errstr(rc));
	}
	if (sqlite3_close(d) != SQLITE_OK && status == SAM_OK)
		status = sam_fail(SAM_ERR_IO, _("the backup %s failed"),
				  dest);
	if (status == SAM_OK)
		status = publish(tmp, dest, mode, replace);
	journal = xasprintf("%s-journal", tmp);
	unlink(journal);
	unlink(tmp);
	free(journal);
	free(tmp);
	return status;
}

/* True when the file at path begins as a samtale database or backup does:
 * SQLite's header with samtale's application id. Read without following a
 * link or blocking on a FIFO. */
static bool is_samtale_file(const char *path)
{
	unsigned char h[72];
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	bool yes = fd >= 0 && read(fd, h, sizeof(h)) == (ssize_t)sizeof(h) &&
		   !memcmp(h, "SQLite format 3", 16) &&
		   ((uint32_t)h[68] << 24 | (uint32_t)h[69] << 16 | (uint32_t)h[70] << 8 | h[71]) ==
			   SAMTALE_APP_ID;

	if (fd >= 0)
		close(fd);
	return yes;
}

/* A backup goes to a new file, or with force replaces a samtale backup;
 * never to a device, a FIFO or through a link, never over another file. */
static enum sam_status check_backup_dest(const char *dest, bool force)
{
	struct stat sb;

	if (lstat(dest, &sb))
		return errno == ENOENT ? SAM_OK : io_fail(_("cannot use"), dest, errno);
	if (S_ISLNK(sb.st_mode))
		return sam_fail(SAM_ERR_INVALID, _("%s is a symbolic link; the backup "
						    "is not written through it"), dest);
	if (!S_ISREG(sb.st_mode))
		return sam_fail(SAM_ERR_INVALID, _("%s is not a regular file (but a device, a FIFO or a "
						    "directory); the backup is not written there"), dest);
	if (!force)
		return sam_fail(SAM_ERR_INVALID, _("%s exists already; choose a new name, or replace an "
						    "older backup with --force"), dest);
	if (!is_samtale_file(dest))
		return sam_fail(SAM_ERR_INVALID, _("%s is not a samtale backup; it is not replaced, not "
						    "even with --force"), dest);
	return SAM_OK;
}

/* True when path is the database or one of its WAL files. */
static bool is_database_file(struct store *st, const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	struct stat a, b;
	bool same = false;

	if (stat(path, &a))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(suffixes) && !same; i++) {
		char *p = xasprintf("%s%s", st->path, suffixes[i]);

		same = !stat(p, &b) && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
		free(p);
	}
	return same;
}

enum sam_status store_backup(struct store *st, const char *dest, bool force)
{
	char *dir;
	enum sam_status status;

	if (str_empty(dest))
		return sam_fail(SAM_ERR_INVALID, "%s", _("name a file for the backup"));
	if (is_database_file(st, dest))
		return sam_fail(SAM_ERR_INVALID, "%s",
				_("the backup cannot overwrite the database itself"));
	if ((status = check_backup_dest(dest, force)) != SAM_OK)
		return status;
	dir = path_dirname(dest);
	status = path_exists(dir) ? SAM_OK : io_fail(_("cannot use the directory"),
						     dir, ENOENT);
	free(dir);
	if (status == SAM_OK)
		status = backup_to(st->db, dest, 0600, force);
	return status;
}

/*
 * Opening and migrating
 */

struct header {
	int64_t version, app_id, objects, triggers;
};

/* One statement, so that the three values come from one snapshot even
 * while another process creates the schema. */
static enum sam_status read_header_once(struct store *st, struct header *h)
{
	sqlite3_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st,
		"SELECT (SELECT user_version FROM pragma_user_version),"
		" (SELECT application_id FROM pragma_application_id),"
		" (SELECT count(*) FROM sqlite_schema),"
		" (SELECT count(*) FROM sqlite_schema WHERE type = 'trigger')", &stmt);
	int rc;

	if (status != SAM_OK)
		return status;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		h->version = sqlite3_column_int64(stmt, 0);
		h->app_id = sqlite3_column_int64(stmt, 1);
		h->objects = sqlite3_column_int64(stmt, 2);
		h->triggers = sqlite3_column_int64(stmt, 3);
	} else {
		status = db_error(st, rc);
	}
	sqlite3_finalize(stmt);
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
	if (h->version > SCHEMA_VERSION && h->app_id == SAMTALE_APP_ID)
		return sam_fail(SAM_ERR_INVALID,
				_("the database %s was made by a newer samtale (schema %d; this version knows "
				   "up to %d); update samtale"), st->path, (int)h->version, SCHEMA_VERSION);
	if (h->app_id != SAMTALE_APP_ID && (h->version || h->app_id || h->objects))
		return sam_fail(SAM_ERR_DB, _("%s is an SQLite database, but not a samtale database"),
				st->path);
	/* Only 1..SCHEMA_VERSION name migrations; 0 is a new, empty file. Any
	 * other number (a crafted or damaged header) must never index them. */
	if (h->version < 0 || (h->version == 0 && h->objects))
		return sam_fail(SAM_ERR_DB, _("the database %s has an unknown schema version (%lld); it is "
					       "damaged or was not made by samtale"),
				st->path, (long long)h->version);
	/* samtale makes no triggers: one in the file would run its SQL on our writes. */
	if (h->triggers)
		return sam_fail(SAM_ERR_DB, _("the database %s holds triggers that samtale did not make; "
					       "it is refused"), st->path);
	return SAM_OK;
}

/* WAL lets readers (the team lead's report) run beside a writer. */
static enum sam_status ensure_wal(struct store *st)
{
	for (int i = 0; i < BUSY_ATTEMPTS; i++) {
		sqlite3_stmt *stmt = NULL;
		enum sam_status status = db_prepare(st, "PRAGMA journal_mode=WAL", &stmt);
		int rc;

		if (status != SAM_OK)
			return status;
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(stmt, 0), "wal")) {
			sqlite3_finalize(stmt);
			return SAM_OK;
		}
		status = rc == SQLITE_ROW ? SAM_ERR_BUSY : db_error(st, rc);
		sqlite3_finalize(stmt);
		if (status != SAM_ERR_BUSY)
			return status;
		sqlite3_sleep(50);
	}
	return db_error(st, SQLITE_BUSY);
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
		status = backup_to(src, dest, db_file_mode(st), true);
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

	if ((status = begin_immediate(st)) != SAM_OK)
		return status;
	/* Another process may have migrated while this one waited. */
	if ((status = read_header(st, &h)) != SAM_OK || (status = check_header(st, &h)) != SAM_OK)
		goto out;
	if (h.version >= SCHEMA_VERSION)
		goto out;
	if (h.version > 0 && (status = backup_before_migration(st, (int)h.version)) != SAM_OK)
		goto out;
	for (int v = (int)h.version; v < SCHEMA_VERSION && status == SAM_OK; v++)
		status = db_exec(st, migrations[v]);
	if (status == SAM_OK) {
		char *sql = xasprintf("PRAGMA application_id=%d; PRAGMA user_version=%d",
				      SAMTALE_APP_ID, SCHEMA_VERSION);

		status = db_exec(st, sql);
		free(sql);
	}
	if (status == SAM_OK)
		status = audit_log(st, h.version ? "db.migrate" : "db.create", 0, SCHEMA_VERSION, NULL);
out:
	if (status != SAM_OK) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return status;
	}
	return commit(st);
}

static enum sam_status configure(struct store *st)
{
	struct header h;
	enum sam_status status;
	bool readonly = sqlite3_db_readonly(st->db, "main") == 1;

	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_handler(st->db, busy_wait, st);
	/* A crafted file's schema must not reach outside it: no functions with
	 * side effects from its views, no writes to its schema. */
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	/* synchronous=FULL: with WAL, NORMAL may lose the last commits on a power
	 * cut, and a caseworker must not lose what the screen showed as saved;
	 * one fsync per change is nothing at typing speed. */
	if ((status = db_exec(st, "PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;"
				  "PRAGMA synchronous=FULL")) != SAM_OK)
		return status;
	if ((status = read_header(st, &h)) != SAM_OK || (status = check_header(st, &h)) != SAM_OK)
		return status;
	if (strcmp(st->path, ":memory:") && (status = check_mode(st->path)) != SAM_OK)
		return status;
	if (readonly && (h.version < SCHEMA_VERSION || !(st->flags & STORE_READONLY)))
		return db_error(st, SQLITE_READONLY);
	if (!readonly) {
		if (strcmp(st->path, ":memory:") && (status = ensure_wal(st)) != SAM_OK)
			return status;
		if (h.version < SCHEMA_VERSION && (status = migrate(st)) != SAM_OK)
			return status;
		if (strcmp(st->path, ":memory:")) {
			finish_wipe(st);
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

enum sam_status store_open(const char *path, const char *user, unsigned flags,
			   struct store **out)
{
	struct store *st;
	enum sam_status status;
	char *uri;
	int rc;

	*out = NULL;
	if (str_empty(path))
		return sam_fail(SAM_ERR_INVALID, "%s", _("no database given"));
	if ((status = check_label(_("the user name"), user, NAME_MAX_BYTES)) != SAM_OK)
		return status;
	st = xcalloc(1, sizeof(*st));
	st->batch_fd = -1;
	st->path = xstrdup(path);
	st->user = xstrdup(user);
	st->flags = flags;
	if (strcmp(path, ":memory:") && (status = prepare_path(path, flags)) != SAM_OK)
		goto fail;
	/* No SQLITE_OPEN_CREATE: prepare_path created the file with its mode. */
	uri = strcmp(path, ":memory:") ? read_as_it_lies(path, flags) : NULL;
	rc = sqlite3_open_v2(uri ? uri : path, &st->db,
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

void store_close(struct store *st)
{
	if (!st)
		return;
	store_rollback(st);
	sqlite3_close_v2(st->db);
	if (st->batch_fd >= 0)
		close(st->batch_fd);
	free(st->path);
	free(st->user);
	free(st);
}

const char *store_user(const struct store *st)
{
	return st->user;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

struct sqlite3 *store_sqlite(struct store *st)
{
	return st->db;
}

/*
 * Team databases
 */

static bool dir_empty(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	bool empty = d != NULL;

	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			empty = false;
	if (d)
		closedir(d);
	return empty;
}

/* The directory of a team database must be the team's own: 2770 and the
 * group. One that exists already is taken only when it is so, or when it
 * is empty and ours (so that an admin may create it first). */
static enum sam_status prepare_team_dir(const char *dir, gid_t gid, const char *group)
{
	struct stat sb;
	bool fix = false;

	if (stat(dir, &sb)) {
		char *parent = path_dirname(dir);
		enum sam_status status = path_mkdir_p(parent, 0755);

		free(parent);
		if (status != SAM_OK)
			return status;
		if (mkdir(dir, 0700) && errno != EEXIST)
			return io_fail(_("cannot create the directory"), dir, errno);
		fix = true;
	} else if (!S_ISDIR(sb.st_mode)) {
		return io_fail(_("cannot use the directory"), dir, ENOTDIR);
	} else if (sb.st_gid != gid || (sb.st_mode & 07777) != 02770) {
		if (sb.st_uid != geteuid() || !dir_empty(dir))
			return sam_error(_("the directory %s exists already; a team database needs a directory "
					    "of its own (group %s, mode 2770)"), dir, group);
		fix = true;
	}
	if (fix && (chown(dir, (uid_t)-1, gid) || chmod(dir, 02770)))
		return io_fail(_("cannot give the group the directory"), dir,
			       errno);
	return refuse_network_fs(dir);
}

enum sam_status store_init_shared(const char *path, const char *group, const char *user)
{
	struct group *gr;
	struct store *st;
	char *dir;
	enum sam_status status;
	bool created;

	if (str_empty(group) || !(gr = getgrnam(group)))
		return sam_fail(SAM_ERR_INVALID, _("unknown group '%s'"),
				group ? group : "");
	dir = path_dirname(path);
	status = prepare_team_dir(dir, gr->gr_gid, group);
	free(dir);
	if (status != SAM_OK)
		return status;
	if (path_exists(path))
		return sam_error(_("there is already a database at %s"),
				 path);
	if ((status = create_file(path, 0660, gr->gr_gid, &created)) != SAM_OK)
		return status;
	if ((status = store_open(path, user, 0, &st)) != SAM_OK)
		return status;
	status = write_begin(st);
	if (status == SAM_OK)
		status = write_end(st, audit_log(st, "db.init-shared", 0, (int64_t)gr->gr_gid, NULL));
	store_close(st);
	return status;
}

/*
 * Checks
 */

static enum sam_status collect(struct store *st, const char *sql, bool skip_ok, struct strbuf *out,
			       int *problems)
{
	sqlite3_stmt *stmt = NULL;
	enum sam_status status = db_prepare(st, sql, &stmt);
	int rc;

	if (status != SAM_OK)
		return status;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int n = sqlite3_column_count(stmt);
		const char *first = (const char *)sqlite3_column_text(stmt, 0);

		if (skip_ok && first && !strcmp(first, "ok"))
			continue;
		for (int c = 0; c < n; c++) {
			const char *s = (const char *)sqlite3_column_text(stmt, c);

			strbuf_addf(out, "%s%s", c ? " " : "", s ? s : "-");
		}
		strbuf_addc(out, '\n');
		(*problems)++;
	}
	if (rc != SQLITE_DONE)
		status = db_error(st, rc);
	sqlite3_finalize(stmt);
	return status;
}

enum sam_status store_check(struct store *st, bool *ok, char **report)
{
	struct strbuf sb = { 0 };
	int problems = 0, fk = 0;
	enum sam_status status = collect(st, "PRAGMA integrity_check", true, &sb, &problems);

	if (status == SAM_OK) {
		status = collect(st, "SELECT 'foreign key:', \"table\", rowid, parent FROM "
				 "pragma_foreign_key_check", false, &sb, &fk);
		problems += fk;
	}
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

enum sam_status store_has_cases(struct store *st, bool *yes)
{
	int64_t n = 0;
	enum sam_status status = query_int(st, "SELECT EXISTS (SELECT 1 FROM cases)", &n);

	*yes = n != 0;
	return status;
}

/* The mark is an audit line of the database itself (no case), where
 * audit(case_id) finds it among the few such lines. */
enum sam_status store_mark_demo(struct store *st)
{
	enum sam_status status = write_begin(st);

	return status == SAM_OK ? write_end(st, audit_log(st, "db.demo", 0, 0, NULL)) : status;
}

enum sam_status store_is_demo(struct store *st, bool *yes)
{
	int64_t n = 0;
	enum sam_status status = query_int(st, "SELECT EXISTS (SELECT 1 FROM audit "
					       "WHERE case_id IS NULL AND action = 'db.demo')", &n);

	*yes = n != 0;
	return status;
}
